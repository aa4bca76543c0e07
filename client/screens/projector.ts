// Placeholder until the projector screen lands (issue 5, in progress).
import { h, replace } from '../ui/dom.js';
import type { Screen, ScreenContext } from './screen.js';

export const mountProjector = (root: HTMLElement, _ctx: ScreenContext): Screen => {
  replace(root, h('p', {}, 'projector'));
  return { update: () => undefined, destroy: () => replace(root) };
};
