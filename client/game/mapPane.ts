// The map side of the game screen: the Phaser map (loaded on first use, see client/map/lazyMap.ts),
// fed each view and the events that arrived since, and the accessible table view below it.
import type { GameEvent } from '../../shared/model/events.js';
import type { GameView } from '../../shared/view/viewFor.js';
import { lazyMap } from '../map/lazyMap.js';
import type { StoreSnapshot } from '../net/store.js';
import { announce, h } from '../ui/dom.js';
import { mapTables } from '../view/mapTable.js';
import { mapTablesView } from './mapTables.js';

export interface MapPane {
  el: HTMLElement;
  update(s: StoreSnapshot, view: GameView): void;
  destroy(): void;
}

export const mapPane = (): MapPane => {
  const tables = mapTablesView();
  let latest: GameView | null = null;
  let lastEvent: GameEvent | undefined;
  const map = lazyMap({
    fallback: 'The tables below show everything it draws.',
    onFail: () => tables.reveal(),
    onSelectNation: (id) => {
      const n = latest && mapTables(latest).nations.find((x) => x.id === id);
      if (n)
        announce(
          `${n.name}: ${n.role}, capability ${n.capability}, consensus ${n.consensus}, forward forces ${n.forward}.`,
        );
      tables.reveal(id);
    },
  });
  const el = h(
    'section',
    { class: 'map-pane', id: 'map-pane', 'aria-labelledby': 'map-title', tabindex: -1 },
    h('h2', { id: 'map-title', class: 'visually-hidden' }, 'Map'),
    map.el,
    tables.el,
  );

  return {
    el,
    update(s: StoreSnapshot, view: GameView) {
      latest = view;
      tables.update(view);
      // The events since the last update, for the map's short animations.
      const from = lastEvent ? s.log.lastIndexOf(lastEvent) + 1 : s.log.length;
      lastEvent = s.log.at(-1);
      map.update(view, s.log.slice(from));
    },
    destroy: () => map.destroy(),
  };
};
