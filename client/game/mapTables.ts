// The accessible table view of everything the map draws: nations, guarantees and theaters as real
// tables with captions and header cells, behind a toggle button (or shown at once if the map fails).
import type { GameView } from '../../shared/view/viewFor.js';
import { h, replace } from '../ui/dom.js';
import { redraw } from '../ui/redraw.js';
import { rungChip } from '../ui/rungChip.js';
import { tableHead } from '../ui/table.js';
import { mapTables } from '../view/mapTable.js';
import '../styles/mapPane.css';

const table = (caption: string, heads: string[], rows: (string | Node)[][]): HTMLTableElement =>
  h(
    'table',
    { class: 'data-table' },
    h('caption', {}, caption),
    tableHead(heads),
    h(
      'tbody',
      {},
      rows.map(([first, ...rest]) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, first),
          rest.map((c) => h('td', {}, c)),
        ),
      ),
    ),
  );

export interface TablesView {
  el: HTMLElement;
  update(view: GameView): void;
  /** Opens the tables (the map failed, or the user picked a nation on the map) and marks a nation's row. */
  reveal(nationId?: string): void;
}

export const mapTablesView = (): TablesView => {
  const id = 'map-tables';
  const toggle = h(
    'button',
    { type: 'button', 'aria-expanded': 'false', 'aria-controls': id },
    'Show the map as tables',
  );
  const body = h('div', { id, class: 'map-tables', hidden: true });
  let shown = '';
  let marked = '';
  const setOpen = (open: boolean) => {
    body.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    replace(toggle, open ? 'Hide the tables' : 'Show the map as tables');
  };
  toggle.addEventListener('click', () => setOpen(body.hidden));

  const mark = () => {
    for (const row of body.querySelectorAll('tr[data-nation]'))
      row.classList.toggle('marked', row.getAttribute('data-nation') === marked);
  };

  return {
    el: h('div', { class: 'tables-block' }, toggle, body),
    update(view: GameView) {
      const t = mapTables(view);
      const key = JSON.stringify(t);
      if (key === shown) return;
      shown = key;
      redraw(body, () => [
        table(
          'Nations',
          ['Nation', 'Role', 'Capability', 'Readiness', 'Consensus', 'Forward forces', 'Integrity', 'Nuclear'],
          t.nations.map((n) => [
            n.name,
            n.role,
            n.capability,
            n.readiness,
            n.consensus,
            n.forward,
            n.integrity,
            n.nuclear ? 'yes' : 'no',
          ]),
        ),
        table(
          'Guarantees (credibility 0–100)',
          ['Guarantee', 'Type', 'Covers', 'To the challenger', 'To the ally', 'To its public', 'Commitment', 'Clarity'],
          t.guarantees.map((g) => [
            g.name,
            g.type,
            g.scope,
            g.toChallenger,
            g.toAlly,
            g.toPublic,
            g.commitment,
            g.clarity,
          ]),
        ),
        table(
          'Theaters (escalation rung 0–8)',
          ['Theater', 'Rung', 'Highest so far'],
          t.theaters.map((r) => [r.name, h('span', {}, rungChip(r.rung), ` ${r.rung} (${r.rungName})`), r.peak]),
        ),
      ]);
      // Rows carry their nation, so reveal() can mark the one picked on the map.
      const nationRows = body.querySelectorAll('table:first-of-type tbody tr');
      t.nations.forEach((n, i) => nationRows[i]?.setAttribute('data-nation', n.id));
      mark();
    },
    reveal(nationId?: string) {
      setOpen(true);
      if (nationId === undefined) return;
      marked = nationId;
      mark();
      body.querySelector(`tr[data-nation="${CSS.escape(nationId)}"]`)?.scrollIntoView({ block: 'nearest' });
    },
  };
};
