// Placeholder until the game screen lands (issue 5, in progress).
import { h, replace } from '../ui/dom.js';
import type { Screen, ScreenContext } from './screen.js';

export const mountGame = (root: HTMLElement, _ctx: ScreenContext): Screen => {
  replace(root, h('p', {}, 'game'));
  return { update: () => undefined, destroy: () => replace(root) };
};
