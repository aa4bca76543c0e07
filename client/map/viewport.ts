// Where the map looks: zoom and centre in frame units, kept so the frame never leaves the view.
// Plain arithmetic (no Phaser): the scene copies it onto its camera. Sizes are CSS pixels.
import type { MapData } from '../../shared/map/mapData.js';

const MIN_ZOOM = 1;
const MAX_ZOOM = 8;
/** Frame units kept around labels, theater anchors and insets when fitting the view at rest. */
const ESSENTIAL_MARGIN = 60;

export interface Size {
  width: number;
  height: number;
}

/**
 * How the map rests in its view. `cover`: the frame fills the view (no empty margin beside a cut-off
 * Russia) as long as every label, anchor and inset stays in sight. `contain`: the whole frame shows,
 * edge nations and all, for the projector, where nobody can pan to what a cover-fit crops.
 */
export type Fit = 'cover' | 'contain';

/** How labels and cards are drawn for a view (./overlays.ts). */
export interface OverlayStyle {
  /** 1 is their design size. */
  size: number;
  /** Theater cards without their ladder, for a phone's small map. */
  compact: boolean;
}

/**
 * A projector's map grows labels and cards with its view (read from the back of a room: about 1.5
 * on a 1920 px screen, at most 2.4); an ordinary map keeps them at their design size, and a small
 * one (a phone's) has room only for compact cards.
 */
export const overlayStyle = (view: Size, growing: boolean): OverlayStyle => {
  const span = Math.min(view.width, view.height * 1.6);
  if (growing) return { size: Math.round(Math.min(2.4, Math.max(1, span / 800)) * 20) / 20, compact: false };
  return { size: 1, compact: view.width < 560 || view.height < 340 };
};

export class Viewport {
  /** The user's zoom over the resting fit, 1..8. */
  private userZoom = 1;
  private centre: [number, number];
  /** The box (frame units) that must stay in view at rest: labels, theater anchors, insets. */
  private readonly essentials: [number, number, number, number];

  constructor(
    private readonly frame: Pick<MapData, 'width' | 'height' | 'nations' | 'regions' | 'insets'>,
    private view: Size,
    private readonly fit: Fit = 'cover',
  ) {
    const xs = [...frame.nations.map((n) => n.label[0]), ...frame.regions.map((r) => r.anchor[0])];
    const ys = [...frame.nations.map((n) => n.label[1]), ...frame.regions.map((r) => r.anchor[1])];
    for (const [x, y, w, h] of frame.insets.map((i) => i.box)) {
      xs.push(x, x + w);
      ys.push(y, y + h);
    }
    const m = ESSENTIAL_MARGIN;
    this.essentials = [
      Math.max(0, Math.min(...xs) - m),
      Math.max(0, Math.min(...ys) - m),
      Math.min(frame.width, Math.max(...xs) + m),
      Math.min(frame.height, Math.max(...ys) + m),
    ];
    this.centre = [0, 0];
    this.reset();
  }

  resize(view: Size): void {
    this.view = view;
    this.clamp();
  }

  /** World → screen scale: the resting fit (see `Fit`; a cover-fit that would hide a label contains) times the user's zoom. */
  zoom(): number {
    return this.restingZoom() * this.userZoom;
  }

  private restingZoom(): number {
    const { width, height } = this.view;
    const contain = Math.min(width / this.frame.width, height / this.frame.height);
    if (this.fit === 'contain') return contain;
    const cover = Math.max(width / this.frame.width, height / this.frame.height);
    const [x0, y0, x1, y1] = this.essentials;
    const keep = Math.min(width / (x1 - x0), height / (y1 - y0));
    return Math.max(contain, Math.min(cover, keep));
  }

  /**
   * What is in sight at rest (frame units: x0, y0, x1, y1; beyond the frame where the view is wider
   * than it), whatever the user's zoom and pan now: the map's labels and cards are kept inside it,
   * so they stay put while one pans.
   */
  restingBox(): [number, number, number, number] {
    const z = this.restingZoom();
    const [cx, cy] = this.restingCentre(z);
    const [hw, hh] = [this.view.width / z / 2, this.view.height / z / 2];
    return [cx - hw, cy - hh, cx + hw, cy + hh];
  }

  /** A screen point of the resting view (e.g. where a button sits over the map) in frame units. */
  restingWorldAt(x: number, y: number): [number, number] {
    const z = this.restingZoom();
    const [cx, cy] = this.restingCentre(z);
    return [cx + (x - this.view.width / 2) / z, cy + (y - this.view.height / 2) / z];
  }

  centreOf(): [number, number] {
    return this.centre;
  }

  worldAt(x: number, y: number): [number, number] {
    const z = this.zoom();
    return [this.centre[0] + (x - this.view.width / 2) / z, this.centre[1] + (y - this.view.height / 2) / z];
  }

  screenOf(x: number, y: number): { x: number; y: number } {
    const z = this.zoom();
    return { x: (x - this.centre[0]) * z + this.view.width / 2, y: (y - this.centre[1]) * z + this.view.height / 2 };
  }

  /** Zooms by `factor`, keeping the point under `at` (screen) where it is, or the centre. */
  zoomBy(factor: number, at?: { x: number; y: number }): void {
    const before = at ? this.worldAt(at.x, at.y) : null;
    this.userZoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, this.userZoom * factor));
    this.clamp();
    if (before && at) {
      const after = this.worldAt(at.x, at.y);
      this.centre = [this.centre[0] + before[0] - after[0], this.centre[1] + before[1] - after[1]];
      this.clamp();
    }
  }

  /** Moves the map by screen pixels (a drag of dx to the right shows what lay to the left). */
  panBy(dx: number, dy: number): void {
    const z = this.zoom();
    this.centre = [this.centre[0] - dx / z, this.centre[1] - dy / z];
    this.clamp();
  }

  reset(): void {
    this.userZoom = 1;
    this.centre = this.restingCentre(this.zoom());
  }

  private restingCentre(z: number): [number, number] {
    const [x0, y0, x1, y1] = this.essentials;
    return this.clamped([(x0 + x1) / 2, (y0 + y1) / 2], z);
  }

  private clamp(): void {
    this.centre = this.clamped(this.centre, this.zoom());
  }

  /** The frame never leaves the view; a frame smaller than the view stays centred in it. */
  private clamped([cx, cy]: [number, number], z: number): [number, number] {
    const axis = (c: number, half: number, size: number) =>
      half * 2 >= size ? size / 2 : Math.min(size - half, Math.max(half, c));
    return [axis(cx, this.view.width / z / 2, this.frame.width), axis(cy, this.view.height / z / 2, this.frame.height)];
  }
}
