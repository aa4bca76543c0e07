// The map's viewport: at rest it fills the view without hiding a label or an inset, zooms about the
// pointer, and never pans the frame out of sight. Plain arithmetic, checked without Phaser.
import { describe, expect, it } from 'vitest';
import { Viewport } from '../../client/map/viewport.js';
import type { MapData } from '../../client/map/mapData.js';

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
});
