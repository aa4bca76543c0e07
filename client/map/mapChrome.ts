// The HTML around the Phaser canvas: the focusable frame with its accessible name, the tooltip
// (text only), zoom buttons, a legend with the data credit. Built with h(): nothing is parsed as HTML.
import './map.css';
import { ROLE_COLORS, RUNG_COLORS, type TargetText, credibilityColor } from '../view/mapModel.js';
import { h, replace, uid } from '../ui/dom.js';

export interface ChromeOptions {
  projector: boolean;
  zoomIn(): void;
  zoomOut(): void;
  reset(): void;
}

export interface MapChrome {
  /** Phaser's parent element, filling the frame. */
  host: HTMLElement;
  showTip(text: TargetText, at: { x: number; y: number }): void;
  hideTip(): void;
  setSummary(summary: string): void;
  /** The data credit (Natural Earth) at the foot of the legend, once the map is loaded. */
  setCredit(credit: string | null): void;
  setCursor(kind: 'grab' | 'dragging' | 'pointing'): void;
  /**
   * What the HTML covers of the map (buttons, the legend as a closed box or, on the projector, open),
   * in CSS px from the frame's corner: labels and cards keep out of it.
   */
  covered(): { x: number; y: number; w: number; h: number }[];
  destroy(): void;
}

const KEYS_HINT =
  'Tab and Shift+Tab move between nations and guarantees; arrow keys pan; plus and minus zoom; 0 resets the view; Enter selects the focused nation.';

const legend = (projector: boolean, open: boolean, credit: HTMLElement): HTMLDetailsElement => {
  const swatch = (color: string) => {
    const el = h('span', { class: 'gmap-swatch', 'aria-hidden': 'true' });
    el.style.background = color;
    return el;
  };
  const ramp = (colors: readonly string[]) => {
    const el = h('span', { class: 'gmap-ramp', 'aria-hidden': 'true' });
    for (const c of colors) {
      const cell = h('span');
      cell.style.background = c;
      el.append(cell);
    }
    return el;
  };
  return h(
    'details',
    { class: 'gmap-legend', open },
    h('summary', {}, 'Legend'),
    h(
      'ul',
      {},
      h(
        'li',
        { class: 'gmap-roles' },
        h('span', {}, swatch(ROLE_COLORS.guarantor), 'Guarantor'),
        h('span', {}, swatch(ROLE_COLORS.ally), 'Ally'),
        h('span', {}, swatch(ROLE_COLORS.challenger), 'Challenger'),
      ),
      h('li', {}, ramp([0, 25, 50, 75, 100].map(credibilityColor)), 'Guarantee: weak to strong credibility'),
      h('li', {}, h('span', { class: 'gmap-line dashed', 'aria-hidden': 'true' }), 'Dashed: no public commitment'),
      h('li', {}, ramp(RUNG_COLORS), 'Escalation: peace to nuclear war'),
      projector ? null : h('li', {}, 'Chips: forces stationed forward, in force points (FP)'),
      credit,
    ),
  );
};

export const buildChrome = (container: HTMLElement, options: ChromeOptions): MapChrome => {
  const hintId = uid('gmap-hint');
  const host = h('div', { class: 'gmap-canvas' });
  const tip = h('div', { class: 'gmap-tip', role: 'status', 'aria-live': 'polite', hidden: true });
  const button = (text: string, label: string, action: () => void) =>
    h('button', { type: 'button', 'aria-label': label, title: label, on: { click: action } }, text);
  // In the legend rather than a corner of the map, where it would sit over a card.
  const credit = h('li', { class: 'gmap-credit', hidden: true });
  const controls = options.projector
    ? null
    : h(
        'div',
        { class: 'gmap-controls' },
        button('+', 'Zoom in', options.zoomIn),
        button('−', 'Zoom out', options.zoomOut),
        button('Reset', 'Reset the view', options.reset),
      );
  container.classList.add('gmap');
  container.classList.toggle('projector', options.projector);
  container.setAttribute('role', options.projector ? 'img' : 'application');
  container.setAttribute('aria-roledescription', 'map');
  container.setAttribute('aria-label', 'Map, loading');
  if (!options.projector) {
    container.tabIndex = 0;
    container.setAttribute('aria-describedby', hintId);
  }
  // Open where there is room for it; a click away otherwise.
  const key = legend(options.projector, container.clientWidth >= 900 && container.clientHeight >= 560, credit);
  replace(
    container,
    host,
    controls,
    key,
    tip,
    options.projector ? null : h('p', { id: hintId, class: 'visually-hidden' }, KEYS_HINT),
  );

  return {
    host,
    showTip(text, at) {
      replace(
        tip,
        h('strong', {}, text.title),
        h(
          'ul',
          {},
          text.lines.map((line) => h('li', {}, line)),
          text.terms.length > 0 ? h('li', { class: 'gmap-why' }, 'Why: points out of 100') : null,
          text.terms.map((t) => h('li', { class: 'gmap-term' }, h('span', {}, t.label), h('span', {}, t.value))),
        ),
      );
      tip.hidden = false;
      // Beside the point, flipped to stay inside the frame.
      const [w, hgt] = [container.clientWidth, container.clientHeight];
      const x = at.x + 16 + tip.offsetWidth > w ? at.x - 16 - tip.offsetWidth : at.x + 16;
      const y = Math.min(Math.max(4, at.y + 12), Math.max(4, hgt - tip.offsetHeight - 4));
      tip.style.left = `${Math.max(4, x)}px`;
      tip.style.top = `${y}px`;
    },
    hideTip() {
      tip.hidden = true;
    },
    setSummary(summary) {
      container.setAttribute('aria-label', summary || 'Map');
    },
    setCredit(text) {
      credit.textContent = text ?? '';
      credit.hidden = !text;
    },
    covered() {
      const frame = container.getBoundingClientRect();
      // An open legend on a player's map is a passing look: cards keep clear of its closed box only.
      const shown = options.projector || !key.open ? key : (key.querySelector('summary') ?? key);
      return [controls, shown]
        .filter((el): el is HTMLElement => el !== null && el.getClientRects().length > 0)
        .map((el) => el.getBoundingClientRect())
        .filter((r) => r.width > 0 && r.height > 0)
        .map((r) => ({ x: r.left - frame.left, y: r.top - frame.top, w: r.width, h: r.height }));
    },
    setCursor(kind) {
      host.classList.toggle('dragging', kind === 'dragging');
      host.classList.toggle('pointing', kind === 'pointing');
    },
    destroy() {
      replace(container);
      container.classList.remove('gmap', 'projector');
      for (const a of ['role', 'aria-roledescription', 'aria-label', 'aria-describedby', 'tabindex'])
        container.removeAttribute(a);
      delete container.dataset['drawn'];
    },
  };
};
