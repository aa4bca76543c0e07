// The header row every data table starts with: one column header per column, so a screen reader
// names the column of each cell it reads.
import { type Child, h } from './dom.js';

/** A column's title; `num` right-aligns a column of numbers, `spoken` titles a column only for screen readers. */
export type Column = string | { title: string; num?: boolean; spoken?: boolean };

const headerCell = (column: Column): HTMLTableCellElement => {
  if (typeof column === 'string') return h('th', { scope: 'col' }, column);
  const title: Child = column.spoken ? h('span', { class: 'visually-hidden' }, column.title) : column.title;
  return h('th', { scope: 'col', class: column.num ? 'num' : null }, title);
};

export const tableHead = (columns: readonly Column[]): HTMLTableSectionElement =>
  h('thead', {}, h('tr', {}, columns.map(headerCell)));
