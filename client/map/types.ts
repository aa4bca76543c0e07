// The contract between the screens and the Phaser map (loaded lazily by ./lazyMap.ts).
// Screens hand it views; it draws and reports what the user points at. It owns no match state.
import type { GameEvent } from '../../shared/model/events.js';
import type { GameView } from '../../shared/view/viewFor.js';

export interface MapOptions {
  scenarioId: string;
  /** The projector's large, control-free map: the whole theater in view, no panning. */
  projector?: boolean;
  /** The user picked a nation on the map (click, or Enter on the focused nation). */
  onSelectNation?(nationId: string): void;
}

export interface MapHandle {
  /** Redraws for a new view; `fresh` are the events that arrived since the last update (for animations). */
  update(view: GameView, fresh: readonly GameEvent[]): void;
  destroy(): void;
}

export type MountMap = (container: HTMLElement, options: MapOptions) => Promise<MapHandle>;
