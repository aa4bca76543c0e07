// Placeholder: the after-action review screen (issue 6) is being written.
import type { MatchConnection } from '../net/connection.js';
import { h, replace } from '../ui/dom.js';
import type { Screen } from './screen.js';

export interface AarOptions {
  matchId: string;
  /** A branch was created: the app moves into its lobby. */
  onConnected(conn: MatchConnection): void;
}

export const mountAar = (root: HTMLElement, options: AarOptions): Screen => {
  replace(root, h('p', {}, `After-action review of ${options.matchId}`));
  return { update: () => undefined, destroy: () => replace(root) };
};
