// A theater's rung as a small square in the ladder's colour, beside the rung's number and name
// (the words carry the meaning; the square is decoration, hidden from screen readers).
import { RUNG_COLORS } from '../view/selectors.js';
import { h } from './dom.js';

export const rungChip = (rung: number): HTMLSpanElement => {
  const chip = h('span', { class: 'rung-chip', 'aria-hidden': 'true' });
  // A style property set from script: the page's CSP blocks only inline style attributes.
  chip.style.background = RUNG_COLORS[rung] ?? RUNG_COLORS[0];
  return chip;
};
