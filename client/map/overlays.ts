// Screen-sized overlays drawn over the map: nation labels, inset captions, the grey neighbours'
// names, and (./theaterCard.ts) theater cards. They keep their size in pixels whatever the zoom (the
// scene scales them by size / zoom); ./placement.ts places them.
import Phaser from 'phaser';
import type { MapInset, MapPlace } from '../../shared/map/mapData.js';
import type { NationMark } from '../view/mapModel.js';
import type { Placeable } from './placement.js';

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
export const INK = '#1b1f24';
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
export const inkOn = (hex: string): string => {
  const l = luminance(hex);
  return 1.05 / (l + 0.05) >= (l + 0.05) / (luminance(INK) + 0.05) ? '#ffffff' : INK;
};
/** Darker than the challenger's #d55e00, for text contrast on white. */
export const CRISIS = '#a84a00';

export interface Overlay {
  container: Phaser.GameObjects.Container;
  /** Stable between redraws ("card:northmarch"): placement keeps a spot that is still good. */
  id: string;
  /** World position of the thing it labels. */
  x: number;
  y: number;
  /** Its drawn box in screen pixels at size 1; dx, dy: its corner relative to (x, y) once placed. */
  box: { dx: number; dy: number; w: number; h: number };
  /** The room a spot is chosen for (cards: one more crisis line or chip row fits without a move). */
  reserve?: { w: number; h: number };
  /** Candidate corners of the reserved box relative to (x, y), screen px at size 1, tried in order. */
  candidates: [number, number][];
  /** How it is placed (./placement.ts). */
  kind: Placeable['kind'];
}

/** Where overlays are drawn and how large they will be shown (the projector's are larger), for sharp text. */
export interface Pen {
  scene: Phaser.Scene;
  size: number;
  /** A small map (a phone's): theater cards without their ladder. */
  compact: boolean;
}

interface TextStyle {
  size: number;
  color: string;
  weight?: 'bold' | 'normal' | 'italic';
  /** Wraps at this width (px). */
  wrap?: number;
  /** The white halo that keeps text legible over the map; 0 on a card. */
  halo?: number;
}

export const text = (pen: Pen, s: string, style: TextStyle) =>
  pen.scene.add.text(0, 0, s, {
    fontFamily: FONT,
    fontSize: `${style.size}px`,
    fontStyle: style.weight ?? 'normal',
    color: style.color,
    stroke: '#ffffff',
    strokeThickness: style.halo ?? 3,
    resolution: Math.max(1, window.devicePixelRatio || 1) * pen.size,
    ...(style.wrap ? { wordWrap: { width: style.wrap, useAdvancedWrap: true } } : {}),
  });

/** The nation's name and its home forces, centred on its label point. */
export const nationLabel = (pen: Pen, n: NationMark, showForces: boolean): Overlay => {
  const name = text(pen, n.mine ? `${n.name} (you)` : n.name, { size: 13, color: INK, weight: 'bold' }).setOrigin(
    0.5,
    0,
  );
  const forces = showForces
    ? text(pen, `${n.forces.toLocaleString('en')} FP`, { size: 11, color: MUTED }).setOrigin(0.5, 0)
    : null;
  const w = Math.max(name.width, forces?.width ?? 0);
  name.setPosition(w / 2, 0);
  forces?.setPosition(w / 2, name.height - 4);
  const h = name.height + (forces ? forces.height - 4 : 0);
  const container = pen.scene.add.container(0, 0, forces ? [name, forces] : [name]);
  return {
    container,
    id: `label:${n.id}`,
    x: n.label[0],
    y: n.label[1],
    box: { dx: -w / 2, dy: -h / 2, w, h },
    candidates: [[-w / 2, -h / 2]],
    kind: 'label',
  };
};

/** A grey neighbour's name, centred on its label point; left out where it would cover anything. */
export const placeName = (pen: Pen, place: MapPlace): Overlay => {
  const name = text(pen, place.name, { size: 11, color: '#5f6872', weight: 'italic' }).setStroke('#eeece6', 2);
  const [w, h] = [name.width, name.height];
  const container = pen.scene.add.container(0, 0, [name]);
  return {
    container,
    id: `place:${place.name}`,
    x: place.at[0],
    y: place.at[1],
    box: { dx: -w / 2, dy: -h / 2, w, h },
    candidates: [[-w / 2, -h / 2]],
    kind: 'name',
  };
};

/** A caption fixed to a corner of an inset box ("Not to scale"). */
export const insetCaption = (pen: Pen, inset: MapInset, index: number): Overlay => {
  const caption = text(pen, inset.title, { size: 10, color: MUTED, halo: 0 });
  const container = pen.scene.add.container(0, 0, [caption]);
  const box = { dx: 4, dy: 3, w: caption.width, h: caption.height };
  return {
    container,
    id: `inset:${index}`,
    x: inset.box[0],
    y: inset.box[1],
    box,
    candidates: [[4, 3]],
    kind: 'label',
  };
};
