// Screen-sized overlays drawn over the map: nation labels and theater cards (hotspot with its
// rung, the nine-step escalation ladder, forward-force chips). They keep their size in pixels
// whatever the zoom (the scene scales them by 1/zoom) and are placed so they do not overlap.
import Phaser from 'phaser';
import type { MapInset, MapPlace } from './mapData.js';
import { type MapModel, type NationMark, type TheaterMark, ladderCells, rungLabel } from '../view/mapModel.js';
import { hexColor } from './paint.js';

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const INK = '#1b1f24';
const MUTED = '#4a545e';
/** WCAG relative luminance of '#rrggbb'. */
const luminance = (hex: string): number => {
  const lin = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(1) + 0.7152 * lin(3) + 0.0722 * lin(5);
};
/** White or ink, whichever contrasts more with `hex`. */
const inkOn = (hex: string): string => {
  const l = luminance(hex);
  return 1.05 / (l + 0.05) >= (l + 0.05) / (luminance(INK) + 0.05) ? '#ffffff' : INK;
};
/** Darker than the challenger's #d55e00, for text contrast on white. */
const CRISIS = '#a84a00';

export interface Overlay {
  container: Phaser.GameObjects.Container;
  /** World position of the thing it labels. */
  x: number;
  y: number;
  /** Its box in screen pixels, relative to (x, y) once placed. */
  box: { dx: number; dy: number; w: number; h: number };
  /** Candidate offsets (top-left corner, screen px) tried in order when placing it. */
  candidates: [number, number][];
  /** Hidden rather than drawn over something else (the grey neighbours' names). */
  optional?: boolean;
}

const text = (
  scene: Phaser.Scene,
  x: number,
  y: number,
  s: string,
  size: number,
  color: string,
  style: boolean | 'italic' = false,
) =>
  scene.add.text(x, y, s, {
    fontFamily: FONT,
    fontSize: `${size}px`,
    fontStyle: style === 'italic' ? 'italic' : style ? 'bold' : 'normal',
    color,
    stroke: '#ffffff',
    strokeThickness: 3,
    resolution: Math.max(1, window.devicePixelRatio || 1),
  });

/** The nation's name and its home forces, centred on its label point. */
export const nationLabel = (scene: Phaser.Scene, n: NationMark, showForces: boolean): Overlay => {
  const name = text(scene, 0, 0, n.mine ? `${n.name} (you)` : n.name, 13, INK, true).setOrigin(0.5, 0);
  const forces = showForces
    ? text(scene, 0, 0, `${n.forces.toLocaleString('en')} FP`, 11, MUTED).setOrigin(0.5, 0)
    : null;
  const w = Math.max(name.width, forces?.width ?? 0);
  name.setPosition(w / 2, 0);
  forces?.setPosition(w / 2, name.height - 4);
  const h = name.height + (forces ? forces.height - 4 : 0);
  const container = scene.add.container(0, 0, forces ? [name, forces] : [name]);
  return {
    container,
    x: n.label[0],
    y: n.label[1],
    box: { dx: -w / 2, dy: -h / 2, w, h },
    candidates: [[-w / 2, -h / 2]],
  };
};

/** Hotspot, ladder and forward-force chips of one theater, as a small card. */
export const theaterCard = (scene: Phaser.Scene, t: TheaterMark, model: MapModel, showName: boolean): Overlay => {
  const parts: Phaser.GameObjects.GameObject[] = [];
  const pad = 5;
  let top = pad;
  let w = 0;
  if (showName) {
    const title = text(scene, pad, top - 2, t.name.toUpperCase(), 10, INK, true).setStroke('#ffffff', 0);
    parts.push(title);
    top += 13;
    w = title.width + 2 * pad;
  }
  const g = scene.add.graphics();
  parts.push(g);
  const cells = ladderCells(t);
  const cell = { w: 14, h: 5, gap: 1 };
  const ladderH = 9 * (cell.h + cell.gap) - cell.gap;
  // Hotspot: a disc in the rung's colour with the rung number, a halo when the theater is hot.
  const cx = pad + 11;
  const cy = top + ladderH / 2;
  const color = hexColor(cells[t.rung]?.color ?? '#00204d');
  if (t.hot) {
    g.fillStyle(color, 0.28);
    g.fillCircle(cx, cy, 14);
  }
  g.fillStyle(color, 1);
  g.fillCircle(cx, cy, 10);
  g.lineStyle(1.5, 0xffffff, 1);
  g.strokeCircle(cx, cy, 10);
  parts.push(
    text(scene, cx, cy, String(t.rung), 11, inkOn(cells[t.rung]?.color ?? '#00204d'), true)
      .setOrigin(0.5)
      .setStroke('#000000', 0),
  );
  // Ladder: nine cells, peace at the bottom; reached rungs filled, the current one wider and outlined.
  const lx = cx + 18;
  for (const c of cells) {
    const y = top + (8 - c.rung) * (cell.h + cell.gap);
    const [x, cw] = c.current ? [lx - 2, cell.w + 4] : [lx, cell.w];
    g.fillStyle(c.reached ? hexColor(c.color) : 0xffffff, 1);
    g.fillRect(x, y, cw, cell.h);
    g.lineStyle(1, c.current ? 0x1b1f24 : 0xb9c2cb, 1);
    if (c.current || !c.reached) g.strokeRect(x, y, cw, cell.h);
    if (c.peak && !c.current) g.lineBetween(lx + cell.w + 1, y + cell.h / 2, lx + cell.w + 4, y + cell.h / 2);
  }
  const currentY = top + (8 - t.rung) * (cell.h + cell.gap) + cell.h / 2;
  const rungName = text(scene, lx + cell.w + 6, currentY, rungLabel(t.rung), 11, INK, t.rung > 0)
    .setOrigin(0, 0.5)
    .setStroke('#ffffff', 0);
  parts.push(rungName);
  w = Math.max(w, lx + cell.w + 6 + rungName.width + pad);
  let h = top + ladderH + 5;
  // This turn's moves in the theater, in the challenger's colour.
  for (const line of t.crises) {
    const crisis = text(scene, pad, h - 1, line, 10, CRISIS, true).setStroke('#ffffff', 0);
    parts.push(crisis);
    w = Math.max(w, crisis.width + 2 * pad);
    h += 14;
  }
  // Forward forces stationed here, one chip per nation, wrapping into rows.
  const chips = model.forces.filter((x) => x.region === t.id);
  let chipX = pad;
  for (const f of chips) {
    const label = text(scene, 0, 0, `${f.code} ${f.count}`, 10, inkOn(f.color), true).setStroke('#000000', 0);
    const cw = label.width + 10;
    if (chipX + cw > Math.max(w, 90) && chipX > pad) {
      chipX = pad;
      h += 18;
    }
    g.fillStyle(hexColor(f.color), 1);
    g.fillRoundedRect(chipX, h, cw, 15, 7);
    label.setPosition(chipX + 5, h + 1);
    parts.push(label);
    chipX += cw + 4;
    w = Math.max(w, chipX - 4 + pad);
  }
  if (chips.length > 0) h += 18;
  h += pad - 3;
  const card = scene.add.graphics();
  card.fillStyle(0xffffff, 0.93);
  card.fillRoundedRect(0, 0, w, h, 6);
  card.lineStyle(t.hot ? 2 : 1, t.hot ? hexColor(CRISIS) : 0xb9c2cb, 1);
  card.strokeRoundedRect(0, 0, w, h, 6);
  const container = scene.add.container(0, 0, [card, ...parts]);
  // Around the anchor: close first, then farther out; right and left before below and above.
  const candidates: [number, number][] = [];
  for (const d of [18, 60, 110])
    candidates.push(
      [d, -h / 2],
      [-w - d, -h / 2],
      [-w / 2, d],
      [-w / 2, -h - d],
      [d * 0.7, d * 0.7],
      [-w - d * 0.7, d * 0.7],
      [d * 0.7, -h - d * 0.7],
      [-w - d * 0.7, -h - d * 0.7],
    );
  return { container, x: t.anchor[0], y: t.anchor[1], box: { dx: 0, dy: 0, w, h }, candidates };
};

/** A grey neighbour's name, centred on its label point; left out where it would cover anything. */
export const placeName = (scene: Phaser.Scene, place: MapPlace): Overlay => {
  const name = text(scene, 0, 0, place.name, 11, '#5f6872', 'italic').setStroke('#eeece6', 2);
  const [w, h] = [name.width, name.height];
  const container = scene.add.container(0, 0, [name]);
  return {
    container,
    x: place.at[0],
    y: place.at[1],
    box: { dx: -w / 2, dy: -h / 2, w, h },
    candidates: [[-w / 2, -h / 2]],
    optional: true,
  };
};

/** A caption fixed to a corner of an inset box ("Not to scale"). */
export const insetCaption = (scene: Phaser.Scene, inset: MapInset): Overlay => {
  const caption = text(scene, 0, 0, inset.title, 10, MUTED).setStroke('#ffffff', 0);
  const container = scene.add.container(0, 0, [caption]);
  const box = { dx: 4, dy: 3, w: caption.width, h: caption.height };
  return { container, x: inset.box[0], y: inset.box[1], box, candidates: [[4, 3]] };
};

const overlap = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

type Rect = { x: number; y: number; w: number; h: number };

/**
 * Places overlays in order at the first candidate that overlaps nothing placed before and stays
 * inside `frame` (else the one overlapping least), all in screen pixels at `zoom`; `obstacles`
 * (inset boxes) count as placed. Sets each overlay's offset.
 */
export const placeOverlays = (overlays: readonly Overlay[], zoom: number, frame: Rect, insets: Rect[]): void => {
  const placed: Rect[] = [];
  const inside = (r: Rect, x: number, y: number) => x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h;
  for (const o of overlays) {
    const [sx, sy] = [o.x * zoom, o.y * zoom];
    // What belongs to an inset stays inside it; everything else keeps out of the insets.
    const home = insets.find((r) => inside(r, sx, sy));
    const bounds = home ?? frame;
    const blocked = [...placed, ...insets.filter((r) => r !== home)];
    const boxes = o.candidates.map(([dx, dy]) => ({
      dx,
      dy,
      rect: { x: sx + dx, y: sy + dy, w: o.box.w, h: o.box.h },
    }));
    const outside = (r: Rect) =>
      r.x < bounds.x || r.y < bounds.y || r.x + r.w > bounds.x + bounds.w || r.y + r.h > bounds.y + bounds.h ? 1 : 0;
    const score = (b: (typeof boxes)[number]) => blocked.filter((p) => overlap(p, b.rect)).length + outside(b.rect);
    const best = boxes.find((b) => score(b) === 0) ?? [...boxes].sort((a, b) => score(a) - score(b))[0];
    o.container.setVisible(best !== undefined && !(o.optional && score(best) > 0));
    if (!best || !o.container.visible) continue;
    o.box.dx = best.dx;
    o.box.dy = best.dy;
    placed.push(best.rect);
  }
};
