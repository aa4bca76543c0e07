// Where the map puts its labels and theater cards: beside their theater, never over a nation's name,
// another card or the map's buttons, inside the view (Poland's chips at the bottom of the Baltic
// map), clear of the guarantee arcs where there is room, and in the same place from turn to turn.
import { describe, expect, it } from 'vitest';
import { type Placeable, type Rect, gapTo, lineHits, placeAll, ringsAround } from '../../client/map/placement.js';
import { Viewport } from '../../client/map/viewport.js';
import type { MapData } from '../../shared/map/mapData.js';
import { buildMapModel } from '../../client/view/mapModel.js';
import { isoMap } from '../../server/maps/isoMap.js';
import { polygonMap } from '../../server/maps/polygonMap.js';
import { SCENARIOS, startMatch, viewFor } from '../../shared/index.js';
import { must } from './fixtures.js';

const label = (id: string, x: number, y: number, w = 60, h = 28): Placeable => ({
  id,
  x,
  y,
  w,
  h,
  candidates: [[-w / 2, -h / 2]],
  kind: 'label',
});

const card = (id: string, x: number, y: number, w = 150, h = 95, reserve = { w: 150, h: 129 }): Placeable => ({
  id,
  x,
  y,
  w,
  h,
  reserve,
  candidates: ringsAround(reserve),
  kind: 'card',
});

const overlap = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

const boxes = (items: readonly Placeable[], spots: ReturnType<typeof placeAll>) =>
  items.flatMap((i) => {
    const s = spots.get(i.id);
    return s?.visible ? [{ id: i.id, kind: i.kind, x: i.x + s.dx, y: i.y + s.dy, w: i.w, h: i.h }] : [];
  });

const point = (items: readonly Placeable[], id: string): [number, number] => {
  const item = items.find((i) => i.id === id);
  return [item?.x ?? NaN, item?.y ?? NaN];
};

const inside = (r: Rect, b: Rect) => r.x >= b.x && r.y >= b.y && r.x + r.w <= b.x + b.w && r.y + r.h <= b.y + b.h;

const open = { insets: [], obstacles: [], lines: [] };

describe('placing a theater card', () => {
  const bounds = { x: 0, y: 0, w: 800, h: 500 };

  it('sits right beside its point when nothing is there', () => {
    const spot = placeAll([card('t', 300, 250)], { bounds, ...open }).get('t');
    expect(spot?.visible).toBe(true);
    // Just right of the point, its top where a taller card's would be.
    expect(spot?.dx).toBeCloseTo(14, 6);
    expect(spot?.dy).toBeCloseTo(-129 / 2, 9);
  });

  it("never covers a nation's name, and keeps clear of an arc when there is room", () => {
    const items = [label('name', 340, 250, 80), card('t', 300, 250)];
    const arc = [300, 250, 420, 150, 560, 100];
    const spots = placeAll(items, { bounds, ...open, lines: [arc] });
    const [name, t] = boxes(items, spots);
    expect(name && t && overlap(name, t)).toBe(false);
    expect(t && lineHits(t, arc)).toBe(false);
  });

  it('stays inside the view at the edge of the map, chips and all', () => {
    // A theater near the bottom right corner (Poland on the Baltic map).
    const items = [card('t', 760, 470)];
    const [t] = boxes(items, placeAll(items, { bounds, ...open }));
    expect(t && inside(t, bounds)).toBe(true);
  });

  it('keeps out of the buttons and the insets', () => {
    const buttons = { x: 700, y: 10, w: 90, h: 110 };
    const inset = { x: 10, y: 10, w: 230, h: 170 };
    const items = [card('t', 690, 60), card('u', 250, 60)];
    const found = boxes(items, placeAll(items, { bounds, insets: [inset], obstacles: [buttons], lines: [] }));
    for (const b of found) {
      expect(overlap(b, buttons)).toBe(false);
      expect(overlap(b, inset)).toBe(false);
    }
  });

  it('stays put when a move or a row of chips makes it taller', () => {
    const crowd = [label('a', 330, 250, 80), label('b', 300, 140), label('c', 250, 320)];
    const quiet = [...crowd, card('t', 300, 250, 150, 81)];
    const first = placeAll(quiet, { bounds, ...open }).get('t');
    const previous = new Map([['t', first?.choice ?? -1]]);
    const busy = [...crowd, card('t', 300, 250, 150, 125)];
    const next = placeAll(busy, { bounds, ...open, previous }).get('t');
    expect(next?.choice).toBe(first?.choice);
    expect([next?.dx, next?.dy]).toEqual([first?.dx, first?.dy]);
  });

  it('leaves the one good spot of a hemmed-in card to it', () => {
    // "hemmed" at the left edge has names above and below it: only its right is free. "wide", to
    // its right, has its own right taken by a name and would take that spot if it went first.
    const names = [label('n1', 90, 160), label('n2', 90, 340), label('n3', 480, 250, 80)];
    const items = [...names, card('wide', 400, 250), card('hemmed', 90, 250)];
    const found = boxes(items, placeAll(items, { bounds, ...open }));
    for (const a of found)
      for (const b of found) if (a !== b) expect(overlap(a, b), `${a.id} over ${b.id}`).toBe(false);
    // Both cards right beside their points.
    for (const c of found.filter((b) => b.kind === 'card')) expect(gapTo(c, ...point(items, c.id))).toBeLessThan(15);
  });

  it("leaves out a grey neighbour's name rather than cover anything with it", () => {
    const items: Placeable[] = [label('pol', 300, 250), { ...label('ukr', 310, 255), kind: 'name' }];
    const spots = placeAll(items, { bounds, ...open });
    expect(spots.get('pol')?.visible).toBe(true);
    expect(spots.get('ukr')?.visible).toBe(false);
  });
});

describe('the cards of the real maps at a laptop size', () => {
  // The game screen's map at 1280 × 800 is about 768 × 480; the phone's about 358 × 358.
  const layout = (data: MapData, scenarioId: string, view: { width: number; height: number }, reserveH: number) => {
    const scenario = SCENARIOS[scenarioId];
    if (!scenario) throw new Error(`${scenarioId} missing`);
    const model = buildMapModel(data, viewFor(must(startMatch(scenario, 3)).state, 'observer'));
    const vp = new Viewport(data, view);
    const z = vp.zoom();
    const [x0, y0, x1, y1] = vp.restingBox();
    const scaled = (r: Rect): Rect => ({ x: r.x * z, y: r.y * z, w: r.w * z, h: r.h * z });
    // Label sizes as drawn: about 8 px a letter, two lines.
    const items = [
      ...model.nations.map((n) => label(n.id, n.label[0] * z, n.label[1] * z, n.name.length * 8, 28)),
      ...model.theaters.map((t) => card(t.id, t.anchor[0] * z, t.anchor[1] * z, 150, 99, { w: 150, h: reserveH })),
    ];
    const bounds = scaled({ x: x0, y: y0, w: x1 - x0, h: y1 - y0 });
    const buttons = { x: view.width - 78, y: 10, w: 68, h: 105 };
    const spots = placeAll(items, {
      bounds,
      insets: data.insets.map(({ box: [x, y, w, h] }) => scaled({ x, y, w, h })),
      obstacles: [buttons],
      lines: model.links.map((l) => l.curve.map((v) => v * z)),
    });
    return { found: boxes(items, spots), bounds, buttons };
  };

  it.each([
    ['classroom', () => polygonMap(SCENARIOS['classroom'] ?? must({ ok: false, error: { message: 'no classroom' } }))],
    ['baltic', () => isoMap(SCENARIOS['baltic'] ?? must({ ok: false, error: { message: 'no baltic' } }))],
  ] as const)('%s: every card inside the map, over no name, card or button', (id, map) => {
    const { found, bounds, buttons } = layout(map(), id, { width: 768, height: 480 }, 129);
    const cards = found.filter((b) => b.kind === 'card');
    expect(cards.length).toBeGreaterThan(3);
    for (const c of cards) {
      expect(inside(c, bounds), `${c.id} inside`).toBe(true);
      expect(overlap(c, buttons), `${c.id} over the buttons`).toBe(false);
      for (const other of found) if (other !== c) expect(overlap(c, other), `${c.id} over ${other.id}`).toBe(false);
    }
  });
});
