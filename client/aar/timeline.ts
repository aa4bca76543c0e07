// The decision timeline: turn by turn, who decided what and why it came out as it did. Every item
// opens into its numbers; the White Cell's overrides stand out with their reasons; a filter keeps
// the kinds of items a discussion needs.
import { h, replace } from '../ui/dom.js';
import { quoted } from '../view/matchText.js';
import { OUTCOME_GROUPS } from '../view/outcomes.js';
import type { LogGroup } from '../view/turnRecord.js';
import {
  CATEGORIES,
  type Category,
  DEFAULT_HIDDEN,
  type TimelineRow,
  type TimelineTurn,
  categoryCounts,
} from './timelineModel.js';

const whyBlock = (row: TimelineRow): HTMLElement | null => {
  if (row.why.length === 0) return null;
  // The row's note says what happened; its changes are what the summary counts.
  const count = row.why
    .filter((g) => !(OUTCOME_GROUPS as readonly string[]).includes(g.title))
    .reduce((a, g) => a + g.entries.length, 0);
  const label =
    row.category === 'adjudication'
      ? `The turn’s results: ${count} ${count === 1 ? 'change' : 'changes'}, each with the rules’ breakdown`
      : `Why: ${row.why.map((g) => g.title).join('; ')}`;
  return h(
    'details',
    { class: 'tl-why' },
    h('summary', {}, label),
    row.why.map((g) => group(g)),
  );
};

const group = (g: LogGroup): HTMLElement =>
  h(
    'div',
    { class: 'tl-group' },
    h('h4', {}, g.title),
    h(
      'ul',
      {},
      g.entries.map((e) =>
        h(
          'li',
          {},
          e.text,
          e.why && !e.why.hidden && e.why.terms.length > 0
            ? h(
                'span',
                { class: 'tl-terms' },
                ' = ',
                e.why.terms.map((t, i) => [i > 0 ? ' · ' : '', `${t.label} ${t.value}`]),
              )
            : null,
        ),
      ),
    ),
  );

const rowView = (row: TimelineRow): HTMLElement =>
  h(
    'li',
    { class: `tl-row tl-${row.category}`, 'data-category': row.category },
    h(
      'div',
      { class: 'tl-line' },
      h('span', { class: `tl-tag tag-${row.category}` }, CATEGORIES[row.category]),
      // The sentence usually names who acted ("Varkal holds."): then the name is not repeated.
      row.who && !row.text.startsWith(row.who) ? h('strong', { class: 'tl-who' }, row.who) : null,
      h('span', { class: 'tl-text' }, row.text),
    ),
    row.override !== null
      ? h(
          'p',
          { class: 'tl-flag' },
          h('span', { 'aria-hidden': 'true' }, '⚑ '),
          h('strong', {}, 'Overridden by the White Cell. '),
          row.override ? `Reason: ${quoted(row.override)}` : 'No reason was recorded.',
        )
      : null,
    row.note ? h('p', { class: 'tl-note' }, row.note) : null,
    whyBlock(row),
  );

export const timelineSection = (turns: readonly TimelineTurn[]): HTMLElement => {
  const counts = categoryCounts(turns);
  const hidden = new Set<Category>(DEFAULT_HIDDEN);
  const list = h('div', { class: 'tl-turns' });
  const summary = h('p', { class: 'hint', role: 'status' });

  const render = () => {
    const shown = turns
      .map((t) => ({ ...t, rows: t.rows.filter((r) => !hidden.has(r.category)) }))
      .filter((t) => t.rows.length > 0);
    const total = shown.reduce((a, t) => a + t.rows.length, 0);
    replace(summary, `${total} ${total === 1 ? 'item' : 'items'} shown over ${shown.length} turns.`);
    replace(
      list,
      shown.length === 0
        ? h('p', { class: 'hint' }, 'Nothing to show: tick a kind of item above.')
        : shown.map((t) => {
            const overridden = t.rows.some((r) => r.override !== null);
            return h(
              'section',
              { class: `tl-turn${overridden ? ' overridden' : ''}`, 'aria-labelledby': `tl-turn-${t.turn}` },
              h(
                'h3',
                { id: `tl-turn-${t.turn}` },
                `Turn ${t.turn}`,
                overridden ? h('span', { class: 'tl-turn-flag' }, 'White Cell override') : null,
              ),
              h('ol', { class: 'tl-rows' }, t.rows.map(rowView)),
            );
          }),
    );
  };

  const filters = h(
    'fieldset',
    { class: 'tl-filters' },
    h('legend', {}, 'Show'),
    (Object.keys(CATEGORIES) as Category[])
      .filter((c) => counts[c] > 0)
      .map((c) => {
        const box = h('input', { type: 'checkbox', name: 'category', value: c, checked: !hidden.has(c) });
        box.addEventListener('change', () => {
          if (box.checked) hidden.delete(c);
          else hidden.add(c);
          render();
        });
        return h('label', { class: `check tl-filter tag-${c}` }, box, ` ${CATEGORIES[c]} (${counts[c]})`);
      }),
  );
  const empty = turns.every((t) => t.rows.length === 0);
  if (!empty) render();
  return h(
    'section',
    { class: 'aar-section', id: 'aar-timeline', 'aria-labelledby': 'aar-timeline-title' },
    h('h2', { id: 'aar-timeline-title' }, 'Decision timeline'),
    h(
      'p',
      { class: 'hint' },
      'Every decision and outcome in order. Open “Why” on an item for the numbers the rules used; overrides by the White Cell are flagged with their reasons.',
    ),
    empty
      ? h('p', { class: 'hint' }, 'Nothing has happened yet: the timeline fills in as the match is played.')
      : [filters, summary, list],
  );
};
