// A theater's card on the map: its name, a hotspot disc with the rung, the nine-step escalation
// ladder (left out on a phone's small map), this turn's moves there and the forward-force chips.
// While a move is in progress the rungs it takes the theater to once it lands show in the crisis
// colour: the theater itself only moves at adjudication.
import type Phaser from 'phaser';
import { type MapModel, type TheaterMark, ladderCells, rungLabel } from '../view/mapModel.js';
import { CRISIS, INK, type Overlay, type Pen, inkOn, text } from './overlays.js';
import { hexColor } from './paint.js';
import { ringsAround } from './placement.js';

const PAD = 6;
/** Cards are at least this wide, so a move's sentence wraps into a line or two rather than widening them. */
const CARD_W = { full: 150, compact: 124 } as const;
const CELL = { w: 14, h: 5, gap: 1 };
const LADDER_H = 9 * (CELL.h + CELL.gap) - CELL.gap;
/** A line of a move's sentence, with room to spare (the reserve counts on it). */
const LINE_H = 15;
const CHIP_H = 18;

type Graphics = Phaser.GameObjects.Graphics;
type Part = Phaser.GameObjects.GameObject;

/** Hotspot: a disc in the rung's colour with the rung number, a halo when the theater is hot. */
const hotspot = (pen: Pen, g: Graphics, t: TheaterMark, cx: number, cy: number, r: number): Part => {
  const color = ladderCells(t)[t.rung]?.color ?? '#00204d';
  if (t.hot) {
    g.fillStyle(hexColor(color), 0.28);
    g.fillCircle(cx, cy, r + 4);
  }
  g.fillStyle(hexColor(color), 1);
  g.fillCircle(cx, cy, r);
  g.lineStyle(1.5, 0xffffff, 1);
  g.strokeCircle(cx, cy, r);
  return text(pen, String(t.rung), { size: 11, color: inkOn(color), weight: 'bold', halo: 0 })
    .setOrigin(0.5)
    .setPosition(cx, cy);
};

const nowText = (pen: Pen, t: TheaterMark) =>
  text(pen, rungLabel(t.rung), { size: 11, color: INK, weight: t.rung > 0 ? 'bold' : 'normal', halo: 0 });

const nextText = (pen: Pen, pending: number) =>
  text(pen, `→ ${rungLabel(pending)}`, { size: 11, color: CRISIS, weight: 'bold', halo: 0 });

/** Title, disc, ladder and captions; returns the height used and the width needed. */
const fullHead = (pen: Pen, g: Graphics, t: TheaterMark, parts: Part[]): { h: number; w: number } => {
  const title = text(pen, t.name.toUpperCase(), { size: 10, color: INK, weight: 'bold', halo: 0 });
  parts.push(title.setPosition(PAD, PAD - 2));
  const top = PAD + 14;
  const cx = PAD + 11;
  parts.push(hotspot(pen, g, t, cx, top + LADDER_H / 2, 10));
  // Ladder: nine cells, peace at the bottom; reached rungs filled, the current one wider and outlined;
  // the rungs a move in progress takes the theater to, pale and outlined in the crisis colour.
  const lx = cx + 18;
  const cellY = (rung: number) => top + (8 - rung) * (CELL.h + CELL.gap);
  const pending = (rung: number) => t.pending !== null && rung > t.rung && rung <= t.pending;
  for (const c of ladderCells(t)) {
    const y = cellY(c.rung);
    const [x, cw] = c.current ? [lx - 2, CELL.w + 4] : [lx, CELL.w];
    g.fillStyle(c.reached ? hexColor(c.color) : 0xffffff, 1);
    g.fillRect(x, y, cw, CELL.h);
    if (pending(c.rung)) {
      g.fillStyle(hexColor(c.color), 0.4);
      g.fillRect(x, y, cw, CELL.h);
    }
    g.lineStyle(1, c.current ? 0x1b1f24 : pending(c.rung) ? hexColor(CRISIS) : 0xb9c2cb, 1);
    if (c.current || !c.reached) g.strokeRect(x, y, cw, CELL.h);
    if (c.peak && !c.current) g.lineBetween(lx + CELL.w + 1, y + CELL.h / 2, lx + CELL.w + 4, y + CELL.h / 2);
  }
  // Captions beside the ladder: the rung now and, while a move is in progress, where it lands.
  const captionX = lx + CELL.w + 6;
  let nowY = cellY(t.rung) + CELL.h / 2;
  const now = nowText(pen, t);
  parts.push(now.setOrigin(0, 0.5));
  let w = Math.max(CARD_W.full, title.width + 2 * PAD, captionX + now.width + PAD);
  if (t.pending !== null) {
    const next = nextText(pen, t.pending);
    let nextY = Math.min(cellY(t.pending) + CELL.h / 2, nowY - LINE_H);
    if (nextY < top + 4) [nextY, nowY] = [top + 4, top + 4 + LINE_H];
    parts.push(next.setOrigin(0, 0.5).setPosition(captionX, nextY));
    w = Math.max(w, captionX + next.width + PAD);
  }
  now.setPosition(captionX, nowY);
  return { h: top + LADDER_H + 5, w };
};

/** A small map's card head: disc, then the name over the rung (and where a move takes it). */
const compactHead = (pen: Pen, g: Graphics, t: TheaterMark, parts: Part[]): { h: number; w: number } => {
  const cx = PAD + 9;
  parts.push(hotspot(pen, g, t, cx, PAD + 12, 9));
  const x = cx + 15;
  const title = text(pen, t.name.toUpperCase(), { size: 10, color: INK, weight: 'bold', halo: 0 });
  const now = nowText(pen, t);
  parts.push(title.setPosition(x, PAD - 2), now.setPosition(x, PAD + 11));
  let w = Math.max(CARD_W.compact, x + title.width + PAD, x + now.width + PAD);
  let h = PAD + 27;
  if (t.pending !== null) {
    const next = nextText(pen, t.pending);
    parts.push(next.setPosition(x, h - 2));
    w = Math.max(w, x + next.width + PAD);
    h += LINE_H;
  }
  return { h, w };
};

/** The card of one theater, placed (./placement.ts) near its anchor, reserving room to grow. */
export const theaterCard = (pen: Pen, t: TheaterMark, model: MapModel): Overlay => {
  const { scene } = pen;
  const g = scene.add.graphics();
  const parts: Part[] = [g];
  const head = (pen.compact ? compactHead : fullHead)(pen, g, t, parts);
  let { w, h } = head;
  // This turn's moves in the theater, in the challenger's colour, wrapped to the card.
  for (const line of t.crises) {
    const crisis = text(pen, line, { size: 10, color: CRISIS, weight: 'bold', halo: 0, wrap: w - 2 * PAD });
    parts.push(crisis.setPosition(PAD, h - 1));
    h += crisis.height + 1;
  }
  // Forward forces stationed here, one chip per nation, wrapping into rows.
  const chips = model.forces.filter((x) => x.region === t.id);
  let chipX = PAD;
  for (const f of chips) {
    const label = text(pen, `${f.code} ${f.count}`, { size: 10, color: inkOn(f.color), weight: 'bold', halo: 0 });
    const cw = label.width + 10;
    if (chipX + cw > w - PAD && chipX > PAD) {
      chipX = PAD;
      h += CHIP_H;
    }
    g.fillStyle(hexColor(f.color), 1);
    g.fillRoundedRect(chipX, h, cw, 15, 7);
    parts.push(label.setPosition(chipX + 5, h + 1));
    chipX += cw + 4;
    w = Math.max(w, chipX - 4 + PAD);
  }
  if (chips.length > 0) h += CHIP_H;
  h += PAD - 3;
  const card = scene.add.graphics();
  card.fillStyle(0xffffff, 0.93);
  card.fillRoundedRect(0, 0, w, h, 6);
  card.lineStyle(t.hot ? 2 : 1, t.hot ? hexColor(CRISIS) : 0xb9c2cb, 1);
  card.strokeRoundedRect(0, 0, w, h, 6);
  const container = scene.add.container(0, 0, [card, ...parts]);
  // Room for a move in two lines and a row of chips, so a move or a chip more does not move the
  // card; a small map has room for one line more only.
  const room = pen.compact ? LINE_H : 2 * LINE_H + CHIP_H;
  const reserve = { w, h: Math.max(h, head.h + room + PAD - 3) };
  return {
    container,
    id: `card:${t.id}`,
    x: t.anchor[0],
    y: t.anchor[1],
    box: { dx: 0, dy: 0, w, h },
    reserve,
    candidates: ringsAround(reserve),
    kind: 'card',
  };
};
