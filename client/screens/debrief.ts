// Placeholder until the debrief screen lands (issue 5, in progress).
import { h, replace } from '../ui/dom.js';
import type { Screen, ScreenContext } from './screen.js';

export const mountDebrief = (root: HTMLElement, _ctx: ScreenContext): Screen => {
  replace(root, h('p', {}, 'debrief'));
  return { update: () => undefined, destroy: () => replace(root) };
};
