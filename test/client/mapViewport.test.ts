// The map's viewport: at rest it fills the view without hiding a label or an inset, zooms about the
// pointer, and never pans the frame out of sight. Plain arithmetic, checked without Phaser.
import { describe, expect, it } from 'vitest';
import { Viewport, overlayStyle } from '../../client/map/viewport.js';
import type { MapData } from '../../shared/map/mapData.js';

const frame: Pick<MapData, 'width' | 'height' | 'nations' | 'regions' | 'insets'> = {
  width: 1000,
  height: 700,
  nations: [
    { id: 'a', name: 'A', code: 'AAA', rings: [[100, 100, 200, 100, 200, 200]], label: [150, 150], inset: null },
    { id: 'b', name: 'B', code: 'BBB', rings: [[800, 500, 900, 500, 900, 600]], label: [850, 540], inset: null },
  ],
  regions: [],
  insets: [],
};

const nation = (id: string) => ({
  id,
  name: id,
  code: id,
  rings: [[0, 0, 10, 0, 10, 10]],
  label: [0, 0] as [number, number],
  inset: null,
});

describe('the map viewport', () => {
  it('covers a wide view with the frame when every label stays in sight', () => {
    const v = new Viewport(frame, { width: 1100, height: 640 });
    expect(v.zoom()).toBeCloseTo(1.1, 9);
    const [x0, y0] = v.worldAt(0, 0);
    const [x1, y1] = v.worldAt(1100, 640);
    expect(x0).toBeGreaterThanOrEqual(0);
    expect(y0).toBeGreaterThanOrEqual(0);
    expect(x1).toBeLessThanOrEqual(1000);
    expect(y1).toBeLessThanOrEqual(700);
    for (const n of frame.nations) {
      const p = v.screenOf(...n.label);
      expect(p.x).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(1100);
      expect(p.y).toBeGreaterThan(0);
      expect(p.y).toBeLessThan(640);
    }
  });

  it('shows the whole frame, centred, when covering would hide a label', () => {
    const edge = (id: string, y: number) => ({ ...nation(id), label: [150, y] as [number, number] });
    const v = new Viewport({ ...frame, nations: [edge('top', 20), edge('bottom', 690)] }, { width: 1400, height: 600 });
    expect(v.zoom()).toBeCloseTo(600 / 700, 9);
    expect(v.screenOf(500, 350)).toEqual({ x: 700, y: 300 });
  });

  it('contains the whole frame, centred, on the projector, where a cover-fit would crop its edges', () => {
    const view = { width: 1100, height: 640 };
    const cover = new Viewport(frame, view);
    const [, coverTop] = cover.worldAt(0, 0);
    const [, coverBottom] = cover.worldAt(1100, 640);
    expect(coverBottom - coverTop).toBeLessThan(700);
    const contain = new Viewport(frame, view, 'contain');
    expect(contain.zoom()).toBeCloseTo(640 / 700, 9);
    for (const [x, y] of [
      [0, 0],
      [1000, 0],
      [0, 700],
      [1000, 700],
    ] as const) {
      const p = contain.screenOf(x, y);
      expect(p.x).toBeGreaterThanOrEqual(-1e-9);
      expect(p.x).toBeLessThanOrEqual(1100 + 1e-9);
      expect(p.y).toBeGreaterThanOrEqual(-1e-9);
      expect(p.y).toBeLessThanOrEqual(640 + 1e-9);
    }
    expect(contain.screenOf(500, 350)).toEqual({ x: 550, y: 320 });
    contain.resize({ width: 800, height: 900 });
    expect(contain.zoom()).toBeCloseTo(0.8, 9);
    expect(contain.screenOf(500, 350)).toEqual({ x: 400, y: 450 });
  });

  it('zooms about the pointer, between the resting fit and eight times it', () => {
    const v = new Viewport(frame, { width: 1000, height: 700 });
    const rest = v.zoom();
    const under = v.worldAt(300, 200);
    v.zoomBy(2, { x: 300, y: 200 });
    expect(v.zoom()).toBeCloseTo(2 * rest, 9);
    const [x, y] = v.worldAt(300, 200);
    expect(x).toBeCloseTo(under[0], 6);
    expect(y).toBeCloseTo(under[1], 6);
    v.zoomBy(100);
    expect(v.zoom()).toBeCloseTo(8 * rest, 9);
    v.zoomBy(0.001);
    expect(v.zoom()).toBeCloseTo(rest, 9);
  });

  it('stops panning at the edge of the frame, and resets', () => {
    const v = new Viewport(frame, { width: 1000, height: 700 });
    v.zoomBy(2);
    v.panBy(10_000, 10_000);
    const [x0, y0] = v.worldAt(0, 0);
    expect(x0).toBeCloseTo(0, 9);
    expect(y0).toBeCloseTo(0, 9);
    v.reset();
    expect(v.worldAt(500, 350)).toEqual([500, 350]);
  });

  it('keeps labels and cards to what is in sight at rest, however far one zooms and pans', () => {
    const v = new Viewport(frame, { width: 1100, height: 640 });
    const rest = v.restingBox();
    const [x0, y0] = v.worldAt(0, 0);
    const [x1, y1] = v.worldAt(1100, 640);
    for (const [a, b] of [
      [rest[0], x0],
      [rest[1], y0],
      [rest[2], x1],
      [rest[3], y1],
    ] as const)
      expect(a).toBeCloseTo(b, 9);
    expect(v.restingWorldAt(1100, 640)[0]).toBeCloseTo(x1, 9);
    v.zoomBy(3, { x: 900, y: 100 });
    v.panBy(-200, 50);
    expect(v.restingBox()).toEqual(rest);
    // A view wider than the frame shows sea beside it: cards may sit there too.
    const wide = new Viewport(frame, { width: 1600, height: 700 }, 'contain');
    const [left, , right] = wide.restingBox();
    expect(left).toBeLessThan(0);
    expect(right).toBeGreaterThan(1000);
  });
});

describe('the size of labels and cards', () => {
  it('grows them with a projector screen, to be read from the back of a room', () => {
    // The projector's map at 1920 × 1080 (beside its timeline) and at 1280 × 720.
    expect(overlayStyle({ width: 1255, height: 860 }, true).size).toBeCloseTo(1.55, 9);
    expect(overlayStyle({ width: 840, height: 560 }, true).size).toBeCloseTo(1.05, 9);
    expect(overlayStyle({ width: 4000, height: 2200 }, true).size).toBe(2.4);
    expect(overlayStyle({ width: 1255, height: 860 }, true).compact).toBe(false);
  });

  it("keeps them at their design size on a player's map, with compact cards on a phone", () => {
    expect(overlayStyle({ width: 768, height: 480 }, false)).toEqual({ size: 1, compact: false });
    expect(overlayStyle({ width: 1600, height: 1000 }, false)).toEqual({ size: 1, compact: false });
    expect(overlayStyle({ width: 358, height: 358 }, false)).toEqual({ size: 1, compact: true });
  });
});
