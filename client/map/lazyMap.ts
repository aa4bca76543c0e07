// Where a screen shows the map. Phaser and the map's code arrive in a chunk of their own on the
// first update (so the screen itself loads fast); a line says "Loading the map…" meanwhile, and if
// the chunk or the mount fails, the same line says why and what the screen offers instead.
import type { GameEvent } from '../../shared/model/events.js';
import type { GameView } from '../../shared/view/viewFor.js';
import { h, replace } from '../ui/dom.js';
import type { MapHandle, MapOptions } from './types.js';
import '../styles/mapPane.css';

export interface LazyMapOptions extends Omit<MapOptions, 'scenarioId'> {
  /** The frame's class, which sizes it: the game's and the replay's `map-frame` by default. */
  frameClass?: string;
  /** What the screen offers when the map cannot load, e.g. "The tables below show everything it draws." */
  fallback: string;
  /** The map could not load: the screen brings its text alternative forward. */
  onFail?(): void;
}

export interface LazyMap {
  /** The frame to place on the page: the map's host with the status line over it. */
  el: HTMLElement;
  /** Draws `view` (the first call starts loading its scenario's map); `fresh` are the events since the last. */
  update(view: GameView, fresh?: readonly GameEvent[]): void;
  destroy(): void;
}

export const lazyMap = (options: LazyMapOptions): LazyMap => {
  const { frameClass = 'map-frame', fallback, onFail, ...mapOptions } = options;
  const host = h('div', { class: 'map-host' });
  const status = h('p', { class: 'map-status', role: 'status' }, 'Loading the map…');
  const el = h('div', { class: frameClass }, host, status);
  let handle: MapHandle | null = null;
  let latest: GameView | null = null;
  let started = false;
  let destroyed = false;

  const fail = (error: unknown) => {
    replace(host);
    replace(status, `The map could not load (${error instanceof Error ? error.message : String(error)}). ${fallback}`);
    status.classList.add('failed');
    status.hidden = false;
    onFail?.();
  };

  const load = async (scenarioId: string) => {
    try {
      const { mountMap } = await import('./mountMap.js');
      const mounted = await mountMap(host, { ...mapOptions, scenarioId });
      if (destroyed) return mounted.destroy();
      handle = mounted;
      status.hidden = true;
      if (latest) handle.update(latest, []);
    } catch (error) {
      if (!destroyed) fail(error);
    }
  };

  return {
    el,
    update(view, fresh = []) {
      latest = view;
      if (!started) {
        started = true;
        void load(view.scenarioId);
      }
      handle?.update(view, fresh);
    },
    destroy() {
      destroyed = true;
      handle?.destroy();
      handle = null;
    },
  };
};
