// The White Cell's console, mounted by the game screen for the facilitator seat.
import type { StoreSnapshot } from '../net/store.js';
import type { ScreenContext } from '../screens/screen.js';

export interface Console {
  update(snapshot: StoreSnapshot): void;
  destroy(): void;
}

export type MountConsole = (root: HTMLElement, ctx: ScreenContext) => Console;
