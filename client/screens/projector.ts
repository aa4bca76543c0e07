// The projector view (`?view=projector&code=X`): what the classroom screen shows. A large map,
// the phase and its countdown in big type, each theater's escalation ladder and the public
// timeline. No controls: the app joined as an observer named "Projector".
import type { GameEvent } from '../../shared/model/events.js';
import type { GameView } from '../../shared/view/viewFor.js';
import { lazyMap } from '../map/lazyMap.js';
import type { StoreSnapshot } from '../net/store.js';
import { h, replace } from '../ui/dom.js';
import { endingOf, finalScores } from '../view/debrief.js';
import { clockLabel } from '../view/facilitator.js';
import { sentenceCase } from '../view/matchText.js';
import { type TimelineEntry, ladders, publicTimeline } from '../view/projector.js';
import { RUNG_COLORS } from '../view/selectors.js';
import type { Screen, ScreenContext } from './screen.js';
import '../styles/projector.css';

/** Lines the timeline shows: what fits on a classroom screen in big type. */
const TIMELINE_LINES = 9;

const KIND_LABEL: Record<TimelineEntry['kind'], string> = {
  card: 'Event',
  statement: 'Statement',
  crisis: 'Crisis',
  decision: 'Decision',
  adjudicated: 'Results',
  ended: 'End',
};

export const mountProjector = (root: HTMLElement, _ctx: ScreenContext): Screen => {
  const phase = h('p', { class: 'projector-phase' });
  const clock = h('p', { class: 'projector-clock', 'aria-label': 'Time left in this phase' });
  const code = h('p', { class: 'projector-join' });
  const map = lazyMap({
    projector: true,
    frameClass: 'projector-map',
    fallback: 'The ladders and the timeline tell the story.',
  });
  const ladderList = h('ul', { class: 'ladders' });
  const timeline = h('ol', { class: 'timeline', reversed: true });
  const scores = h('section', { class: 'projector-scores', 'aria-labelledby': 'projector-scores-title', hidden: true });

  replace(
    root,
    h(
      'section',
      { class: 'projector-view', 'aria-label': 'Projector view' },
      h('header', { class: 'projector-top' }, h('h1', { class: 'projector-brand' }, 'Guarantor'), phase, clock),
      h(
        'div',
        { class: 'projector-body' },
        map.el,
        h(
          'aside',
          { class: 'projector-side' },
          scores,
          h(
            'section',
            { 'aria-labelledby': 'projector-ladder-title' },
            h('h2', { id: 'projector-ladder-title' }, 'Escalation'),
            ladderList,
          ),
          h(
            'section',
            { 'aria-labelledby': 'projector-timeline-title' },
            h('h2', { id: 'projector-timeline-title' }, 'Timeline'),
            timeline,
          ),
        ),
      ),
      h('footer', { class: 'projector-foot' }, code),
    ),
  );

  let view: GameView | null = null;
  let deadline: number | null = null;
  let lastEvent: GameEvent | undefined;
  let shown = '';

  const tick = () => {
    if (!view) return;
    replace(clock, view.ended ? '' : clockLabel(view, deadline, Date.now()));
    clock.classList.toggle('idle', deadline === null && !view.settings.paused);
  };
  const timer = setInterval(tick, 500);

  /** Events since the last update, for the map's animations. */
  const freshEvents = (log: readonly GameEvent[]): GameEvent[] => {
    const at = lastEvent ? log.lastIndexOf(lastEvent) : -1;
    lastEvent = log.at(-1);
    return log.slice(at + 1);
  };

  const update = (s: StoreSnapshot) => {
    const v = s.view;
    if (!v) return;
    view = v;
    deadline = s.deadline;
    map.update(v, freshEvents(s.log));
    tick();
    const key = JSON.stringify([
      s.code,
      v.turn,
      v.phase,
      v.ended,
      v.settings.paused,
      v.regions,
      v.history.length,
      s.log.length,
      v.cards.length,
      v.statements.length,
      v.crises.length,
    ]);
    if (key === shown) return;
    shown = key;
    replace(
      phase,
      v.ended
        ? `Match over · ${endingOf(v).headline}`
        : `Turn ${v.turn} of ${v.config.turns} · ${sentenceCase(v.phase)}`,
    );
    replace(
      code,
      'Join at ',
      h('strong', {}, location.host),
      ' with the code ',
      h('strong', { class: 'code' }, s.code),
    );
    replace(
      ladderList,
      ladders(v).map((r) => ladderItem(r.name, r.rung, r.peak, r.rungName)),
    );
    const entries = publicTimeline(v, s.log).slice(-TIMELINE_LINES).reverse();
    replace(
      timeline,
      entries.length === 0
        ? h('li', { class: 'quiet-line' }, 'Nothing has happened yet.')
        : entries.map((e) =>
            h(
              'li',
              { class: `tl tl-${e.kind}` },
              h('span', { class: 'tl-kind' }, `T${e.turn} · ${KIND_LABEL[e.kind]}`),
              h('span', { class: 'tl-text' }, e.text),
            ),
          ),
    );
    scores.hidden = !v.ended;
    if (v.ended)
      replace(
        scores,
        h('h2', { id: 'projector-scores-title' }, 'Final scores'),
        h(
          'ol',
          { class: 'projector-score-list' },
          finalScores(v).map((r) =>
            h(
              'li',
              { class: `score-${r.role}` },
              h('span', {}, r.name, h('small', {}, ` ${r.role}`)),
              h('strong', {}, String(Math.round(r.score))),
            ),
          ),
        ),
      );
  };

  return {
    update,
    destroy: () => {
      clearInterval(timer);
      map.destroy();
      replace(root);
    },
  };
};

/** A theater's ladder: nine cells, lit up to the current rung, the peak marked. */
const ladderItem = (name: string, rung: number, peak: number, rungName: string): HTMLLIElement => {
  const cells = RUNG_COLORS.map((color, i) => {
    const cell = h('span', { class: `rung${i <= rung ? ' lit' : ''}${i === peak && peak > rung ? ' peak' : ''}` });
    if (i <= rung) cell.style.background = color;
    return cell;
  });
  return h(
    'li',
    { class: 'ladder', 'aria-label': `${name}: rung ${rung} of 8, ${rungName}${peak > rung ? `; peak ${peak}` : ''}` },
    h('span', { class: 'ladder-name' }, name),
    h('span', { class: 'ladder-cells', 'aria-hidden': 'true' }, cells),
    h('span', { class: 'ladder-rung' }, `${rung} · ${rungName}`),
  );
};
