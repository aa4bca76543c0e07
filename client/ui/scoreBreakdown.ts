// A score's breakdown under its "Why 62?": each objective's level, its weight and the points it
// brings, in the debrief's words. The debrief's score cards and the game's task panel share it.
// Breakdowns come on demand after the results (client/net/store.ts asks for them): until the reply
// is in, the toggle says so, and the screen's next update shows the table.
import type { ScoreRow } from '../view/debrief.js';
import { h } from './dom.js';
import { tableHead } from './table.js';
import '../styles/scores.css';

/** `whose`: what the score is, for the toggle's name ("your score", "Aurelia’s score"). */
export const scoreBreakdown = (r: ScoreRow, whose: string): HTMLDetailsElement =>
  h(
    'details',
    { class: 'score-why' },
    h('summary', {}, `Why ${Math.round(r.score)}?`, h('span', { class: 'visually-hidden' }, ` (${whose})`)),
    r.terms.length === 0 ? h('p', { class: 'hint', role: 'status' }, 'Fetching the breakdown…') : termsTable(r),
  );

const termsTable = (r: ScoreRow): HTMLTableElement =>
  h(
    'table',
    { class: 'terms-table' },
    tableHead(['Term', { title: 'Level', num: true }, { title: 'Weight', num: true }, { title: 'Points', num: true }]),
    h(
      'tbody',
      {},
      r.terms.map((t) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, t.label, t.hint ? h('span', { class: 'term-hint' }, t.hint) : null),
          h('td', { class: 'num' }, t.metric === null ? '—' : `${t.metric.toFixed(0)}%`),
          h('td', { class: 'num' }, t.weight === null ? '—' : `${t.weight.toFixed(0)}%`),
          h('td', { class: 'num' }, t.points.toFixed(1)),
        ),
      ),
    ),
    h(
      'tfoot',
      {},
      h('tr', {}, h('th', { scope: 'row', colspan: 3 }, 'Score'), h('td', { class: 'num' }, r.score.toFixed(1))),
    ),
  );
