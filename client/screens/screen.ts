// What every screen is: mounted into the page's main element, told about each new snapshot, and
// destroyed when the app moves to another screen. Screens read snapshots and send intents; they
// keep no match state of their own beyond what a form is editing.
import type { MatchConnection } from '../net/connection.js';
import type { StoreSnapshot } from '../net/store.js';

export interface Screen {
  update(snapshot: StoreSnapshot): void;
  destroy(): void;
}

export interface ScreenContext {
  conn: MatchConnection;
  /** The page's query (e.g. `view=projector`). */
  params: URLSearchParams;
  /** Leaves the match and goes back to the home screen. */
  leave(): void;
}

export type { ScreenName } from '../view/route.js';

export type MountScreen = (root: HTMLElement, ctx: ScreenContext) => Screen;
