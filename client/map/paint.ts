// Drawing primitives on a Phaser Graphics: filled and stroked rings, and solid or dashed polylines.
// World units are the map frame's; callers pass widths already divided by the camera zoom.
import type Phaser from 'phaser';

type Graphics = Phaser.GameObjects.Graphics;

/** '#0072b2' → 0x0072b2, the form Phaser takes. */
export const hexColor = (hex: string): number => Number.parseInt(hex.slice(1), 16);

const trace = (g: Graphics, ring: readonly number[]): void => {
  g.beginPath();
  g.moveTo(ring[0] ?? 0, ring[1] ?? 0);
  for (let i = 2; i < ring.length; i += 2) g.lineTo(ring[i] ?? 0, ring[i + 1] ?? 0);
  g.closePath();
};

export const fillRings = (g: Graphics, rings: readonly (readonly number[])[], color: number, alpha = 1): void => {
  g.fillStyle(color, alpha);
  for (const ring of rings) {
    trace(g, ring);
    g.fillPath();
  }
};

export const strokeRings = (
  g: Graphics,
  rings: readonly (readonly number[])[],
  width: number,
  color: number,
  alpha = 1,
): void => {
  g.lineStyle(width, color, alpha);
  for (const ring of rings) {
    trace(g, ring);
    g.strokePath();
  }
};

/** A polyline, solid, or dashed with `dash` on and `gap` off (world units). */
export const strokeLine = (
  g: Graphics,
  pts: readonly number[],
  width: number,
  color: number,
  alpha: number,
  dashing: { dash: number; gap: number } | null = null,
): void => {
  g.lineStyle(width, color, alpha);
  if (!dashing) {
    g.beginPath();
    g.moveTo(pts[0] ?? 0, pts[1] ?? 0);
    for (let i = 2; i < pts.length; i += 2) g.lineTo(pts[i] ?? 0, pts[i + 1] ?? 0);
    g.strokePath();
    return;
  }
  // Walk the polyline, switching the pen on and off every dash and gap.
  let on = true;
  let left = dashing.dash;
  for (let i = 2; i < pts.length; i += 2) {
    let [x0, y0] = [pts[i - 2] ?? 0, pts[i - 1] ?? 0];
    const [x1, y1] = [pts[i] ?? 0, pts[i + 1] ?? 0];
    let seg = Math.hypot(x1 - x0, y1 - y0);
    while (seg > 0) {
      const step = Math.min(seg, left);
      const t = step / seg;
      const [xs, ys] = [x0 + (x1 - x0) * t, y0 + (y1 - y0) * t];
      if (on) g.lineBetween(x0, y0, xs, ys);
      [x0, y0] = [xs, ys];
      seg -= step;
      left -= step;
      if (left <= 1e-9) {
        on = !on;
        left = on ? dashing.dash : dashing.gap;
      }
    }
  }
};
