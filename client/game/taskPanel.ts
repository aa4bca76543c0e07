// "Your task": what the seat should do now, its briefing while the briefing phase lasts, the Ready
// button where the phase asks for one, taking the seat back from the bot after missed deadlines
// (civil disorder), sanctions in force and ground held (in every phase), and the seat's score so
// far with its breakdown.
import type { GameView } from '../../shared/view/viewFor.js';
import type { StoreSnapshot } from '../net/store.js';
import { h, replace } from '../ui/dom.js';
import { redraw } from '../ui/redraw.js';
import { scoreBreakdown } from '../ui/scoreBreakdown.js';
import { type Briefing, briefing, briefingTitle } from '../view/briefing.js';
import { type ScoreRow, finalScores } from '../view/debrief.js';
import { seatSummary, seatTask } from '../view/panels.js';
import { type Standing, standing } from '../view/standing.js';
import { type Actions, type Panel, isBusy, panelFrame, setBusy } from './panel.js';
import { type ScenarioAbout, scenarioAbout } from './scenarioAbout.js';

const READY_LABEL: Readonly<Record<string, string>> = {
  briefing: 'Ready: I have read the briefing',
  diplomacy: 'Ready: done talking',
  results: 'Ready for the next turn',
};

const briefingSection = (title: string, b: Briefing, about: ScenarioAbout | null): HTMLElement =>
  h(
    'section',
    { class: 'briefing', 'aria-labelledby': 'briefing-title' },
    h('h3', { id: 'briefing-title' }, title),
    about ? h('p', { class: 'briefing-summary' }, h('strong', {}, `${about.title}. `), about.summary) : null,
    h('p', {}, h('strong', {}, b.role), ` ${b.aim}`),
    h('h4', {}, 'What you are scored on'),
    h(
      'ul',
      {},
      b.objectives.map((o) => h('li', {}, h('strong', {}, `${o.label} ${Math.round(o.weight)}%`), ` — ${o.hint}`)),
    ),
    b.guarantees.length > 0
      ? [
          h('h4', {}, 'Guarantees'),
          h(
            'ul',
            {},
            b.guarantees.map((g) => h('li', {}, g)),
          ),
        ]
      : null,
    h('h4', {}, 'Your country'),
    h(
      'dl',
      { class: 'figures' },
      b.figures.map((f) => [h('dt', {}, f.label), h('dd', {}, f.value)]),
    ),
    b.theaters.length > 0
      ? [
          h('h4', {}, 'Theaters already in crisis'),
          h(
            'ul',
            {},
            b.theaters.map((t) => h('li', {}, t)),
          ),
        ]
      : null,
    h('h4', {}, 'This turn’s events'),
    b.events.length > 0
      ? h(
          'ul',
          {},
          b.events.map((e) => h('li', {}, h('strong', {}, `${e.title}: `), e.text)),
        )
      : h('p', { class: 'hint' }, 'No event this turn.'),
  );

/** Sanctions and occupations in force: what every turn's choices now start from. */
const standingSection = (now: Standing): HTMLElement | null =>
  now.sanctions.length + now.occupations.length === 0
    ? null
    : h(
        'section',
        { class: 'standing', 'aria-labelledby': 'standing-title' },
        h('h3', { id: 'standing-title' }, 'In force now'),
        now.sanctions.length > 0
          ? [
              h('h4', {}, 'Sanctions'),
              h(
                'ul',
                {},
                now.sanctions.map((t) => h('li', {}, t)),
              ),
            ]
          : null,
        now.occupations.length > 0
          ? [
              h('h4', {}, 'Ground held'),
              h(
                'ul',
                {},
                now.occupations.map((t) => h('li', {}, t)),
              ),
            ]
          : null,
      );

const scoreLine = (row: ScoreRow): HTMLElement =>
  h(
    'div',
    { class: 'score' },
    h('p', { class: 'score-line' }, 'Your score so far: ', h('strong', {}, String(Math.round(row.score))), ' / 100'),
    row.terms.length > 0 ? scoreBreakdown(row, 'your score') : null,
  );

export const taskPanel = (actions: Actions): Panel => {
  const body = h('div', { class: 'task-body' });
  const error = h('p', { class: 'form-error' });
  const el = panelFrame('task-panel', 'Your task', body, error);
  let shown = '';
  let about: ScenarioAbout | null = null;
  let latest: { s: StoreSnapshot; view: GameView } | null = null;

  const panel: Panel = {
    el,
    update(s: StoreSnapshot, view: GameView) {
      if (!latest)
        void scenarioAbout(view.scenarioId).then((found) => {
          about = found;
          if (found && latest) panel.update(latest.s, latest.view);
        });
      latest = { s, view };
      const task = seatTask(view, s.seat);
      const me = seatSummary(view, s.seat);
      const brief = view.phase === 'briefing' ? briefing(view, s.seat) : null;
      const score = finalScores(view).find((r) => r.seat === s.seat) ?? null;
      const now = standing(view);
      const key = JSON.stringify([
        now,
        view.turn,
        view.phase,
        task,
        me.civilDisorder,
        view.missed[s.seat] ?? 0,
        score,
        brief,
        about,
      ]);
      if (key === shown) return;
      shown = key;
      replace(error);
      redraw(body, () => [
        h('p', { class: 'task-text', id: 'task-text', tabindex: -1, 'data-focus-home': true }, task.text),
        me.civilDisorder
          ? h(
              'div',
              { class: 'disorder', role: 'group', 'aria-labelledby': 'disorder-text' },
              h(
                'p',
                { id: 'disorder-text' },
                `A bot is playing ${me.label} because your seat missed ${view.missed[s.seat] ?? 0} deadlines in a row.`,
              ),
              button('Take my seat back from the bot', 'back', () => actions.command(panel, { type: 'back' })),
            )
          : null,
        brief ? briefingSection(briefingTitle(view, s.seat), brief, about) : null,
        standingSection(now),
        task.canReady
          ? button(READY_LABEL[view.phase] ?? 'Ready', 'ready', () => actions.command(panel, { type: 'ready' }), true)
          : null,
        score ? scoreLine(score) : null,
      ]);
    },
    refused(text: string) {
      for (const b of body.querySelectorAll('button')) setBusy(b, false);
      replace(error, text);
    },
  };

  const button = (label: string, focusKey: string, send: () => void, primary = false) => {
    const b = h(
      'button',
      { type: 'button', class: primary ? 'primary' : '', 'data-focus': focusKey, 'aria-describedby': 'task-text' },
      label,
    );
    b.addEventListener('click', () => {
      if (isBusy(b)) return;
      setBusy(b, true);
      replace(error);
      send();
    });
    return b;
  };
  return panel;
};
