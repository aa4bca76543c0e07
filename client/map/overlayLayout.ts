// Lays the overlays out for the current zoom: turns them and the map around them into screen
// pixels for ./placement.ts, moves each container to its spot, and draws the leader lines of the
// cards set away from their theater. Called by the scene whenever zoom, size or view change.
import type Phaser from 'phaser';
import type { MapData } from '../../shared/map/mapData.js';
import type { MapModel } from '../view/mapModel.js';
import type { Overlay } from './overlays.js';
import { type Rect, gapTo, placeAll } from './placement.js';
import type { Viewport } from './viewport.js';

export interface LayoutInput {
  overlays: readonly Overlay[];
  data: MapData;
  model: MapModel;
  viewport: Viewport;
  /** Their size scale (./viewport.ts overlayStyle). */
  size: number;
  /** What the HTML covers, in CSS px from the view's corner. */
  covered: Rect[];
  /** Each overlay's spot at the last layout, updated here. */
  spots: Map<string, number>;
  /** Where the leader lines go, cleared first. */
  leaders: Phaser.GameObjects.Graphics;
}

export const layOut = ({ overlays, data, model, viewport, size: s, covered, spots, leaders }: LayoutInput): void => {
  const z = viewport.zoom();
  const scaled = (r: Rect): Rect => ({ x: r.x * z, y: r.y * z, w: r.w * z, h: r.h * z });
  const [x0, y0, x1, y1] = viewport.restingBox();
  // The buttons and legend sit over the view at rest: as frame boxes, they stay where they cover then.
  const obstacles = covered.map((r) => {
    const [ax, ay] = viewport.restingWorldAt(r.x, r.y);
    const [bx, by] = viewport.restingWorldAt(r.x + r.w, r.y + r.h);
    return scaled({ x: ax, y: ay, w: bx - ax, h: by - ay });
  });
  const placed = placeAll(
    overlays.map((o) => ({
      id: o.id,
      x: o.x * z,
      y: o.y * z,
      w: o.box.w * s,
      h: o.box.h * s,
      ...(o.reserve ? { reserve: { w: o.reserve.w * s, h: o.reserve.h * s } } : {}),
      candidates: o.candidates.map(([dx, dy]): [number, number] => [dx * s, dy * s]),
      kind: o.kind,
    })),
    {
      bounds: scaled({ x: x0, y: y0, w: x1 - x0, h: y1 - y0 }),
      insets: data.insets.map(({ box: [x, y, w, h] }) => scaled({ x, y, w, h })),
      obstacles,
      lines: model.links.map((l) => l.curve.map((v) => v * z)),
      previous: spots,
    },
  );
  leaders.clear();
  for (const o of overlays) {
    const spot = placed.get(o.id);
    o.container.setVisible(spot?.visible ?? false);
    if (!spot?.visible) continue;
    spots.set(o.id, spot.choice);
    o.container.setScale(s / z).setPosition(o.x + spot.dx / z, o.y + spot.dy / z);
    // A card set away from its theater's point keeps a thin line back to it.
    const box = { x: o.x * z + spot.dx, y: o.y * z + spot.dy, w: o.box.w * s, h: o.box.h * s };
    if (o.kind !== 'card' || gapTo(box, o.x * z, o.y * z) < 12 * s) continue;
    const nearest = [
      Math.min(Math.max(o.x * z, box.x), box.x + box.w) / z,
      Math.min(Math.max(o.y * z, box.y), box.y + box.h) / z,
    ] as const;
    leaders.lineStyle((1.5 * s) / z, 0x1b1f24, 0.6).lineBetween(o.x, o.y, ...nearest);
    leaders.fillStyle(0x1b1f24, 0.85).fillCircle(o.x, o.y, (3 * s) / z);
  }
};
