// The debrief (status 'ended'): how the match ended, every role's final score with the named terms
// behind it ("why"), the decisions that mattered, how high each theater climbed, and the way
// home. Printable: printing opens every breakdown and drops the buttons.
import type { GameView } from '../../shared/view/viewFor.js';
import { pastMatches } from '../net/pastMatches.js';
import type { StoreSnapshot } from '../net/store.js';
import { h, replace } from '../ui/dom.js';
import { rungChip } from '../ui/rungChip.js';
import { scoreBreakdown } from '../ui/scoreBreakdown.js';
import { tableHead } from '../ui/table.js';
import {
  type ScoreRow,
  challenges,
  decisions,
  endingOf,
  finalScores,
  guaranteeRecords,
  highlights,
  nationOutcomes,
  theaterPeaks,
} from '../view/debrief.js';
import { possessive, signed } from '../view/matchText.js';
import { publicTimeline } from '../view/projector.js';
import { reviewUrl } from '../view/route.js';
import type { Screen, ScreenContext } from './screen.js';
import '../styles/debrief.css';

const ROLE_TITLES: Record<string, string> = { guarantor: 'Guarantors', ally: 'Allies', challenger: 'Challengers' };
const CHOICE_TAG = {
  honor: { css: 'honored', label: 'Honored' },
  partial: { css: 'partial', label: 'Partly' },
  abandon: { css: 'abandoned', label: 'Abandoned' },
} as const;

export const mountDebrief = (root: HTMLElement, ctx: ScreenContext): Screen => {
  const body = h('div', { class: 'debrief-body' });
  const print = h('button', { type: 'button' }, 'Print the debrief');
  const home = h('button', { type: 'button', class: 'primary' }, 'Back to the home page');
  // The White Cell holds the match's key in this browser: the review opens from here.
  const review = h('a', { class: 'review-link', hidden: true }, 'Open the after-action review');
  home.addEventListener('click', () => ctx.leave());
  // Printing shows every breakdown; what was open before comes back afterwards.
  let closed: HTMLDetailsElement[] = [];
  const openAll = () => {
    closed = [...root.querySelectorAll('details')].filter((d) => !d.open);
    for (const d of closed) d.open = true;
  };
  const restore = () => {
    for (const d of closed) d.open = false;
    closed = [];
  };
  print.addEventListener('click', () => window.print());
  window.addEventListener('beforeprint', openAll);
  window.addEventListener('afterprint', restore);

  const head = h('header', { class: 'debrief-head' });
  replace(
    root,
    h(
      'article',
      { class: 'debrief', 'aria-labelledby': 'debrief-title' },
      head,
      h('div', { class: 'debrief-actions' }, review, print, home),
      body,
    ),
  );

  let shown = '';
  const update = (s: StoreSnapshot) => {
    const view = s.view;
    if (!view) return;
    const key = JSON.stringify([
      s.code,
      view.ended,
      view.scores,
      view.history.length,
      s.log.length,
      view.settings.showMath,
    ]);
    if (key === shown) return;
    shown = key;
    const match = s.seat === 'facilitator' ? recordedMatch(s.code, ctx.conn.facilitatorKey) : undefined;
    if (match) review.href = reviewUrl('', match.id);
    review.hidden = !match;
    const ending = endingOf(view);
    replace(
      head,
      h('p', { class: 'eyebrow' }, `Debrief · match ${s.code}`),
      h('h1', { id: 'debrief-title' }, ending.headline),
      h('p', { class: 'lede' }, ending.detail),
    );
    replace(
      body,
      h(
        'section',
        { class: 'debrief-glance', 'aria-labelledby': 'glance-title' },
        h('h2', { id: 'glance-title' }, 'At a glance'),
        h(
          'ul',
          {},
          highlights(view, s.log).map((line) => h('li', {}, line)),
        ),
      ),
      scoresSection(view, s.seat),
      decisionsSection(view, s),
      escalationSection(view),
      nationsSection(view),
      timelineSection(view, s),
    );
  };

  return {
    update,
    destroy: () => {
      window.removeEventListener('beforeprint', openAll);
      window.removeEventListener('afterprint', restore);
      replace(root);
    },
  };
};

/**
 * The match this browser ran as the White Cell, found by its code and key (the review is opened by the
 * match's id, which the connection does not expose; the past-matches list holds it).
 */
const recordedMatch = (code: string, key: string | undefined) =>
  key ? pastMatches().find((m) => m.code === code && m.key === key) : undefined;

const scoresSection = (view: GameView, mySeat: string): HTMLElement => {
  const rows = finalScores(view);
  return h(
    'section',
    { 'aria-labelledby': 'scores-title' },
    h('h2', { id: 'scores-title' }, 'Final scores'),
    h(
      'p',
      { class: 'hint' },
      'Each role is scored 0–100 on its own objectives: a weighted mean of the metrics below. Open “why” to see each term.',
    ),
    h(
      'div',
      { class: 'score-roles' },
      ['guarantor', 'ally', 'challenger']
        .filter((role) => rows.some((r) => r.role === role))
        .map((role) =>
          h(
            'section',
            { class: `score-role team-${role}`, 'aria-label': ROLE_TITLES[role] ?? role },
            h('h3', {}, ROLE_TITLES[role] ?? role),
            rows.filter((r) => r.role === role).map((r) => scoreCard(r, r.seat === mySeat)),
          ),
        ),
    ),
  );
};

const scoreCard = (r: ScoreRow, mine: boolean): HTMLElement => {
  const score = Math.round(r.score);
  const bar = h('span', { class: 'score-bar-fill' });
  bar.style.width = `${Math.max(0, Math.min(100, r.score))}%`;
  const breakdown = r.hidden
    ? h('p', { class: 'hint' }, 'Breakdown hidden: “show the math” was off for this match.')
    : scoreBreakdown(r, mine ? 'your score' : `${possessive(r.name)} score`);
  return h(
    'div',
    { class: `score-card${mine ? ' mine' : ''}` },
    h(
      'div',
      { class: 'score-line' },
      h('span', { class: 'score-name' }, r.name, mine ? h('span', { class: 'badge' }, 'You') : null),
      h('span', { class: 'score-value' }, String(score), h('span', { class: 'score-max' }, ' / 100')),
    ),
    h('span', { class: 'score-bar', 'aria-hidden': 'true' }, bar),
    breakdown,
  );
};

const decisionsSection = (view: GameView, s: StoreSnapshot): HTMLElement => {
  const records = guaranteeRecords(view);
  const made = decisions(view);
  const tried = challenges(view, s.log);
  const turns = [...new Set([...made.map((d) => d.turn), ...tried.map((c) => c.turn)])].sort((a, b) => a - b);
  return h(
    'section',
    { 'aria-labelledby': 'decisions-title' },
    h('h2', { id: 'decisions-title' }, 'Key decisions'),
    h(
      'table',
      { class: 'debrief-table' },
      h('caption', {}, 'Guarantees: how each was answered when invoked, and its credibility at the end'),
      tableHead([
        'Guarantee',
        { title: 'Honored', num: true },
        { title: 'Partly', num: true },
        { title: 'Abandoned', num: true },
        { title: 'Credibility', num: true },
      ]),
      h(
        'tbody',
        {},
        records.map((g) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, g.name),
            h('td', { class: 'num' }, String(g.honored)),
            h('td', { class: 'num' }, String(g.partial)),
            h('td', { class: 'num' }, String(g.abandoned)),
            h('td', { class: 'num' }, `${Math.round(g.credibility)}`),
          ),
        ),
      ),
    ),
    h('h3', {}, 'Turn by turn'),
    turns.length === 0
      ? h('p', { class: 'hint' }, 'No challenger action invoked a guarantee in this match.')
      : h(
          'ol',
          { class: 'turns' },
          turns.map((turn) =>
            h(
              'li',
              {},
              h('span', { class: 'turn-label' }, `Turn ${turn}`),
              h(
                'ul',
                {},
                tried
                  .filter((c) => c.turn === turn)
                  .map((c) => h('li', {}, h('span', { class: 'tag challenge' }, 'Challenge'), ' ', c.text)),
                made
                  .filter((d) => d.turn === turn)
                  .map((d) =>
                    h(
                      'li',
                      {},
                      h('span', { class: `tag ${CHOICE_TAG[d.choice].css}` }, CHOICE_TAG[d.choice].label),
                      ' ',
                      d.text,
                    ),
                  ),
              ),
            ),
          ),
        ),
  );
};

const escalationSection = (view: GameView): HTMLElement =>
  h(
    'section',
    { 'aria-labelledby': 'escalation-title' },
    h('h2', { id: 'escalation-title' }, 'Escalation'),
    h(
      'table',
      { class: 'debrief-table' },
      h('caption', {}, 'The highest rung each theater reached, and where it ended'),
      tableHead(['Theater', 'Peak', 'At the end']),
      h(
        'tbody',
        {},
        theaterPeaks(view).map((t) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, t.name),
            h('td', {}, rungChip(t.peak), ` ${t.peak} · ${t.peakName}`),
            h('td', {}, rungChip(t.rung), ` ${t.rung} · ${t.rungName}`),
          ),
        ),
      ),
    ),
  );

const nationsSection = (view: GameView): HTMLElement =>
  h(
    'section',
    { 'aria-labelledby': 'nations-title' },
    h('h2', { id: 'nations-title' }, 'Where the nations ended'),
    h(
      'table',
      { class: 'debrief-table' },
      tableHead([
        'Nation',
        { title: 'Integrity', num: true },
        { title: 'Gains', num: true },
        { title: 'Consensus', num: true },
        { title: 'GDP since start', num: true },
        { title: 'Forces kept', num: true },
      ]),
      h(
        'tbody',
        {},
        nationOutcomes(view).map((n) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, n.name, h('span', { class: `role-label role-label-${n.role}` }, n.role)),
            h('td', { class: 'num' }, n.integrity.toFixed(0)),
            h('td', { class: 'num' }, n.gains.toFixed(0)),
            h('td', { class: 'num' }, n.consensus.toFixed(0)),
            h('td', { class: 'num' }, `${signed(n.gdpChange, 1)}%`),
            h('td', { class: 'num' }, `${n.forces.toFixed(0)}%`),
          ),
        ),
      ),
    ),
  );

const timelineSection = (view: GameView, s: StoreSnapshot): HTMLElement => {
  const entries = publicTimeline(view, s.log);
  return h(
    'details',
    { class: 'debrief-timeline' },
    h('summary', {}, `The public timeline (${entries.length} ${entries.length === 1 ? 'entry' : 'entries'})`),
    entries.length === 0
      ? h('p', { class: 'hint' }, 'This screen joined too late to see the match’s events.')
      : h(
          'ol',
          {},
          entries.map((e) => h('li', {}, h('span', { class: 'turn-label' }, `Turn ${e.turn}`), ' ', e.text)),
        ),
  );
};
