// The White Cell's console: it sees the whole truth and runs the match. Pacing and the clock,
// the adjudication under review, injects, seats and people, and the way in for players and the
// projector. Mounted by the game screen for the facilitator seat (contract: ./types.ts).
import type { StoreSnapshot } from '../net/store.js';
import { h, replace } from '../ui/dom.js';
import { injectPanel } from './injectPanel.js';
import { invitePanel } from './invitePanel.js';
import type { Panel } from './panel.js';
import { phasePanel } from './phasePanel.js';
import { reviewPanel } from './reviewPanel.js';
import { seatsPanel } from './seatsPanel.js';
import type { MountConsole } from './types.js';
import '../styles/facilitator.css';

export const mountConsole: MountConsole = (root, ctx) => {
  const panels: Panel[] = [phasePanel(ctx), reviewPanel(ctx), seatsPanel(ctx), injectPanel(ctx), invitePanel(ctx)];
  const waiting = h('p', { class: 'hint' }, 'Waiting for the match state…');
  const grid = h(
    'div',
    { class: 'console-grid' },
    panels.map((p) => p.el),
  );
  grid.hidden = true;
  replace(
    root,
    h(
      'section',
      { class: 'console', 'aria-labelledby': 'console-title' },
      h('h2', { id: 'console-title', class: 'console-title' }, 'White Cell console'),
      waiting,
      grid,
    ),
  );
  return {
    update: (s: StoreSnapshot) => {
      const view = s.view;
      if (!view) return;
      waiting.hidden = true;
      grid.hidden = false;
      for (const p of panels) p.update(s, view);
    },
    destroy: () => {
      for (const p of panels) p.destroy?.();
      replace(root);
    },
  };
};
