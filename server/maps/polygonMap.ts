// Fictional scenarios bring their own shapes, already in frame units (0..1000): the map passes them
// through with label points and theater anchors added.
import type { MapData, MapNation, Ring } from '../../shared/map/mapData.js';
import type { Scenario } from '../../shared/model/scenario.js';
import { regionAnchors } from './regions.js';
import { labelPoint, ringBounds } from './rings.js';

const WIDTH = 1000;

export const polygonMap = (scenario: Scenario): MapData => {
  const nations: MapNation[] = scenario.nations.map((n) => {
    const rings: Ring[] = (n.polygon ?? []).map((ring) => ring.flat());
    return {
      id: n.id,
      name: n.name,
      code: n.id.slice(0, 3).toUpperCase(),
      rings,
      label: labelPoint(rings),
      inset: null,
    };
  });
  // As much sea below the shapes as above them.
  const [top, bottom] = nations
    .flatMap((n) => n.rings.map(ringBounds))
    .reduce(([lo, hi], [, y0, , y1]) => [Math.min(lo, y0), Math.max(hi, y1)], [Infinity, -Infinity]);
  const height = Number.isFinite(bottom) ? Math.ceil((bottom + Math.max(0, top)) / 10) * 10 : WIDTH;
  return {
    scenarioId: scenario.id,
    kind: 'polygons',
    width: WIDTH,
    height,
    nations,
    regions: regionAnchors(scenario, nations, (p) => p, [WIDTH / 2, height / 2]),
    background: [],
    places: [],
    insets: [],
    credit: null,
  };
};
