// The turn log: this turn so far, the last results with every change expandable into the engine's
// breakdown, the live events, and the decisions on record. Built from the view (so a reload shows
// the same record) and redrawn only when it changes, keeping open entries open and the focus put.
import type { GameView } from '../../shared/view/viewFor.js';
import type { StoreSnapshot } from '../net/store.js';
import { h } from '../ui/dom.js';
import { redraw } from '../ui/redraw.js';
import { type TurnLogEntry, type LogSection, liveEntries, turnRecord } from '../view/turnRecord.js';
import { type Panel, panelFrame } from './panel.js';

export const logPanel = (): Panel => {
  const body = h('div', { class: 'log-body', tabindex: 0, role: 'region', 'aria-label': 'Turn log entries' });
  const el = panelFrame('log-panel', 'Turn log', body);
  const open = new Set<string>();
  let shown = '';

  const entry = (e: TurnLogEntry) => {
    if (!e.why) return h('li', {}, e.text);
    const details = h(
      'details',
      { open: open.has(e.key) },
      h('summary', { 'data-focus': e.key }, e.text),
      e.why.hidden
        ? h('p', { class: 'hint' }, 'The White Cell has hidden the math: only the values are shown.')
        : h(
            'table',
            { class: 'why-table' },
            h('caption', { class: 'visually-hidden' }, `Breakdown: ${e.text}`),
            h(
              'tbody',
              {},
              e.why.terms.map((t) => h('tr', {}, h('th', { scope: 'row' }, t.label), h('td', {}, t.value))),
            ),
          ),
    );
    details.addEventListener('toggle', () => (details.open ? open.add(e.key) : open.delete(e.key)));
    return h('li', {}, details);
  };

  const section = (s: LogSection) =>
    h(
      'section',
      { class: 'log-section', 'aria-label': s.title },
      h('h3', {}, s.title),
      s.groups.length === 0
        ? h('p', { class: 'hint' }, 'Nothing yet.')
        : s.groups.map((g) => [h('h4', {}, g.title), h('ul', { class: 'log-entries' }, g.entries.map(entry))]),
    );

  return {
    el,
    update(s: StoreSnapshot, view: GameView) {
      const record = turnRecord(view);
      const live = liveEntries(view, s.log);
      const key = JSON.stringify([record, live]);
      if (key === shown) return;
      shown = key;
      const [current, ...older] = record;
      const liveSection: LogSection = {
        key: 'live',
        title: 'Live events',
        groups: live.length > 0 ? [{ title: 'Since you joined, newest first', entries: live }] : [],
      };
      redraw(body, () => [
        current ? section(current) : null,
        ...older.slice(0, 1).map(section),
        section(liveSection),
        ...older.slice(1).map(section),
      ]);
    },
  };
};
