// How an arc is drawn, in motion or at rest, and the pulse of an attacked nation: the map's short
// result animations. Widths are in CSS pixels, converted by `px` (frame units per pixel).
import Phaser from 'phaser';
import { type LinkMark, type NationMark, ROLE_COLORS } from '../view/mapModel.js';
import { fillRings, hexColor, strokeLine } from './paint.js';

/** An arc changing credibility: `from` is its old value, `t` runs 0 → 1. */
export interface LinkMotion {
  from: number;
  t: number;
}

/**
 * One guarantee arc. At rest: solid (with a white casing) when publicly committed, else dashed.
 * In motion it grows from its old width: thickening under a fading glow, or fraying (flickering,
 * broken) when credibility fell.
 */
export const drawArc = (g: Phaser.GameObjects.Graphics, l: LinkMark, motion: LinkMotion | undefined, px: number) => {
  const t = motion ? Phaser.Math.Easing.Cubic.Out(motion.t) : 1;
  const fromWidth = motion ? 1 + Math.round((7 * motion.from) / 100) : l.width;
  const width = Math.max(1.5, fromWidth + (l.width - fromWidth) * t) * px;
  const color = hexColor(l.color);
  const fraying = motion !== undefined && motion.from > l.credibility;
  if (motion && !fraying) strokeLine(g, l.curve, width + 10 * px * (1 - t), color, 0.35 * (1 - t));
  const alpha = fraying ? 0.55 + 0.45 * Math.abs(Math.cos(motion.t * Math.PI * 5)) : 1;
  const dashing = !l.committed
    ? { dash: 7 * px, gap: 5 * px }
    : fraying
      ? { dash: 3 * px, gap: (1 + 4 * (1 - t)) * px }
      : null;
  if (!dashing) strokeLine(g, l.curve, width + 2 * px, 0xffffff, 0.8);
  strokeLine(g, l.curve, width, color, alpha, dashing);
  // The ally's end: a dot, so the direction reads guarantor → ally.
  g.fillStyle(color, 1);
  g.fillCircle(l.curve.at(-2) ?? 0, l.curve.at(-1) ?? 0, Math.max(3 * px, width * 0.9));
};

/**
 * An attacked nation: its fill flashes white and a ring in the challenger's colour spreads from its
 * label, three times. `zoom` is read on every frame so the ring keeps its size in pixels.
 */
export const pulseNation = (
  scene: Phaser.Scene,
  n: NationMark,
  depth: { flash: number; ring: number },
  zoom: () => number,
): void => {
  const flash = scene.add.graphics().setDepth(depth.flash).setAlpha(0);
  fillRings(flash, n.rings, 0xffffff, 1);
  scene.tweens.add({
    targets: flash,
    alpha: 0.6,
    duration: 260,
    yoyo: true,
    repeat: 2,
    onComplete: () => flash.destroy(),
  });
  const ring = scene.add.graphics().setDepth(depth.ring);
  const state = { r: 0 };
  scene.tweens.add({
    targets: state,
    r: 1,
    duration: 900,
    repeat: 2,
    onUpdate: () => {
      const z = zoom();
      ring.clear();
      ring.lineStyle(3 / z, hexColor(ROLE_COLORS.challenger), 1 - state.r);
      ring.strokeCircle(n.label[0], n.label[1], (8 + 44 * state.r) / z);
    },
    onComplete: () => ring.destroy(),
  });
};
