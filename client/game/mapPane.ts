// The map side of the game screen: the Phaser map, loaded on first use in its own chunk (with a
// visible "loading" and "could not load" line), fed each view and the events that arrived since,
// and the accessible table view below it.
import type { GameEvent } from '../../shared/model/events.js';
import type { GameView } from '../../shared/view/viewFor.js';
import type { MapHandle } from '../map/types.js';
import type { Snapshot } from '../net/store.js';
import { announce, h, replace } from '../ui/dom.js';
import { mapTables } from '../view/mapTable.js';
import { mapTablesView } from './mapTables.js';

export interface MapPane {
  el: HTMLElement;
  update(s: Snapshot, view: GameView): void;
  destroy(): void;
}

export const mapPane = (): MapPane => {
  const host = h('div', { class: 'map-host' });
  const status = h('p', { class: 'map-status', role: 'status' }, 'Loading the map…');
  const tables = mapTablesView();
  const el = h(
    'section',
    { class: 'map-pane', id: 'map-pane', 'aria-labelledby': 'map-title', tabindex: -1 },
    h('h2', { id: 'map-title', class: 'visually-hidden' }, 'Map'),
    h('div', { class: 'map-frame' }, host, status),
    tables.el,
  );
  let handle: MapHandle | null = null;
  let loading = false;
  let destroyed = false;
  let latest: GameView | null = null;
  let lastEvent: GameEvent | undefined;

  const fail = (why: string) => {
    replace(status, `The map could not load (${why}). The tables below show everything it draws.`);
    status.classList.add('failed');
    tables.reveal();
  };

  const load = async (scenarioId: string) => {
    loading = true;
    try {
      // Phaser and the map arrive in their own chunk, on first use.
      const { mountMap } = await import('../map/mountMap.js');
      const mounted = await mountMap(host, {
        scenarioId,
        onSelectNation: (id) => {
          const view = latest;
          const n = view && mapTables(view).nations.find((x) => x.id === id);
          if (n)
            announce(
              `${n.name}: ${n.role}, capability ${n.capability}, consensus ${n.consensus}, forward forces ${n.forward}.`,
            );
          tables.reveal(id);
        },
      });
      if (destroyed) return mounted.destroy();
      handle = mounted;
      status.hidden = true;
      if (latest) handle.update(latest, []);
    } catch (e) {
      fail(e instanceof Error ? e.message : String(e));
    }
  };

  return {
    el,
    update(s: Snapshot, view: GameView) {
      latest = view;
      tables.update(view);
      if (!loading) void load(view.scenarioId);
      // The events since the last update, for the map's short animations.
      const from = lastEvent ? s.log.lastIndexOf(lastEvent) + 1 : s.log.length;
      const fresh = s.log.slice(from);
      lastEvent = s.log.at(-1);
      handle?.update(view, fresh);
    },
    destroy() {
      destroyed = true;
      handle?.destroy();
    },
  };
};
