// Plane geometry for projected maps: recording d3's projected paths as flat rings, simplifying
// and rounding them for a small JSON, and finding a good label point inside a shape.
import type { GeoContext } from 'd3-geo';
import type { Point, Ring } from '../../shared/map/mapData.js';

/** A d3-geo path context that keeps each projected ring as a flat coordinate list. */
export class RingRecorder implements GeoContext {
  readonly rings: number[][] = [];
  private current: number[] | null = null;

  moveTo(x: number, y: number): void {
    this.current = [x, y];
    this.rings.push(this.current);
  }
  lineTo(x: number, y: number): void {
    this.current?.push(x, y);
  }
  closePath(): void {
    this.current = null;
  }
  beginPath(): void {}
  arc(): void {}
}

/** Twice the signed area of a flat ring (positive when clockwise on screen, y down). */
export const signedArea2 = (ring: readonly number[]): number => {
  let sum = 0;
  const n = ring.length;
  for (let i = 0; i < n; i += 2) {
    const j = (i + 2) % n;
    sum += (ring[i] ?? 0) * (ring[j + 1] ?? 0) - (ring[j] ?? 0) * (ring[i + 1] ?? 0);
  }
  return sum;
};

const segmentDistance2 = (px: number, py: number, ax: number, ay: number, bx: number, by: number): number => {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return ex * ex + ey * ey;
};

/** Douglas–Peucker on an open polyline of flat coordinates; keeps the end points. */
const douglasPeucker = (pts: readonly number[], tolerance: number): number[] => {
  const count = pts.length / 2;
  if (count <= 2) return [...pts];
  const keep = new Uint8Array(count);
  keep[0] = 1;
  keep[count - 1] = 1;
  const stack: [number, number][] = [[0, count - 1]];
  const tol2 = tolerance * tolerance;
  while (stack.length > 0) {
    const [a, b] = stack.pop() ?? [0, 0];
    let worst = -1;
    let worstD = tol2;
    for (let i = a + 1; i < b; i++) {
      const d = segmentDistance2(
        pts[2 * i] ?? 0,
        pts[2 * i + 1] ?? 0,
        pts[2 * a] ?? 0,
        pts[2 * a + 1] ?? 0,
        pts[2 * b] ?? 0,
        pts[2 * b + 1] ?? 0,
      );
      if (d > worstD) {
        worst = i;
        worstD = d;
      }
    }
    if (worst > 0) {
      keep[worst] = 1;
      stack.push([a, worst], [worst, b]);
    }
  }
  const out: number[] = [];
  for (let i = 0; i < count; i++) if (keep[i]) out.push(pts[2 * i] ?? 0, pts[2 * i + 1] ?? 0);
  return out;
};

const round1 = (v: number): number => Math.round(v * 10) / 10;

/**
 * Simplifies a closed ring to within `tolerance` frame units and rounds it to `step` (0.1, or 1 for
 * the grey background); returns null when the ring collapses (under three points or `minArea`).
 */
export const simplifyRing = (ring: readonly number[], tolerance: number, minArea = 0, step = 0.1): Ring | null => {
  // d3 repeats the first point at the end of some rings: drop it, the ring is closed anyway.
  const n = ring.length;
  const open = n >= 4 && ring[0] === ring[n - 2] && ring[1] === ring[n - 1] ? ring.slice(0, n - 2) : [...ring];
  if (open.length < 6) return null;
  // Split at the point farthest from the first, so both halves are simplified with fixed ends.
  let far = 0;
  let farD = -1;
  for (let i = 2; i < open.length; i += 2) {
    const d = ((open[i] ?? 0) - (open[0] ?? 0)) ** 2 + ((open[i + 1] ?? 0) - (open[1] ?? 0)) ** 2;
    if (d > farD) {
      far = i;
      farD = d;
    }
  }
  const first = douglasPeucker(open.slice(0, far + 2), tolerance);
  const second = douglasPeucker([...open.slice(far), open[0] ?? 0, open[1] ?? 0], tolerance);
  const joined = [...first, ...second.slice(2, -2)].map((v) => Math.round(v / step) / (1 / step));
  // Rounding can leave repeated points: drop them.
  const out: number[] = [];
  for (let i = 0; i < joined.length; i += 2) {
    const x = joined[i] ?? 0;
    const y = joined[i + 1] ?? 0;
    if (out.length >= 2 && out[out.length - 2] === x && out[out.length - 1] === y) continue;
    out.push(x, y);
  }
  if (out.length < 6 || Math.abs(signedArea2(out)) / 2 < Math.max(minArea, 1e-9)) return null;
  return out;
};

/** Is (x, y) inside the ring (even–odd rule)? */
export const insideRing = (ring: readonly number[], x: number, y: number): boolean => {
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
    const xi = ring[i] ?? 0;
    const yi = ring[i + 1] ?? 0;
    const xj = ring[j] ?? 0;
    const yj = ring[j + 1] ?? 0;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};

const edgeDistance = (ring: readonly number[], x: number, y: number): number => {
  let best = Infinity;
  const n = ring.length;
  for (let i = 0, j = n - 2; i < n; j = i, i += 2)
    best = Math.min(best, segmentDistance2(x, y, ring[j] ?? 0, ring[j + 1] ?? 0, ring[i] ?? 0, ring[i + 1] ?? 0));
  return Math.sqrt(best);
};

/** The ring's bounding box as [minX, minY, maxX, maxY]. */
export const ringBounds = (ring: readonly number[]): [number, number, number, number] => {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < ring.length; i += 2) {
    const x = ring[i] ?? 0;
    const y = ring[i + 1] ?? 0;
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  return [x0, y0, x1, y1];
};

/**
 * A label point deep inside the largest ring: the grid point farthest from its edges, refined
 * twice around the best cell (a cheap pole of inaccessibility; centroids fall outside concave shapes).
 */
export const labelPoint = (rings: readonly Ring[]): Point => {
  const largest = [...rings].sort((a, b) => Math.abs(signedArea2(b)) - Math.abs(signedArea2(a)))[0];
  if (!largest) return [0, 0];
  let [x0, y0, x1, y1] = ringBounds(largest);
  let best: Point = [(x0 + x1) / 2, (y0 + y1) / 2];
  let bestD = insideRing(largest, best[0], best[1]) ? edgeDistance(largest, best[0], best[1]) : -1;
  const steps = 16;
  for (let round = 0; round < 3; round++) {
    const dx = (x1 - x0) / steps;
    const dy = (y1 - y0) / steps;
    for (let i = 0; i <= steps; i++)
      for (let j = 0; j <= steps; j++) {
        const x = x0 + i * dx;
        const y = y0 + j * dy;
        if (!insideRing(largest, x, y)) continue;
        const d = edgeDistance(largest, x, y);
        if (d > bestD) {
          bestD = d;
          best = [x, y];
        }
      }
    [x0, y0, x1, y1] = [best[0] - dx, best[1] - dy, best[0] + dx, best[1] + dy];
  }
  return [round1(best[0]), round1(best[1])];
};
