// Where the map looks: zoom and centre in frame units, kept so the frame never leaves the view.
// Plain arithmetic (no Phaser): the scene copies it onto its camera. Sizes are CSS pixels.
import type { MapData } from './mapData.js';

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
    const { width, height } = this.view;
    const contain = Math.min(width / this.frame.width, height / this.frame.height);
    if (this.fit === 'contain') return contain * this.userZoom;
    const cover = Math.max(width / this.frame.width, height / this.frame.height);
    const [x0, y0, x1, y1] = this.essentials;
    const keep = Math.min(width / (x1 - x0), height / (y1 - y0));
    return Math.max(contain, Math.min(cover, keep)) * this.userZoom;
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
    const [x0, y0, x1, y1] = this.essentials;
    this.userZoom = 1;
    this.centre = [(x0 + x1) / 2, (y0 + y1) / 2];
    this.clamp();
  }

  /** The frame never leaves the view; a frame smaller than the view stays centred in it. */
  private clamp(): void {
    const z = this.zoom();
    const axis = (c: number, half: number, size: number) =>
      half * 2 >= size ? size / 2 : Math.min(size - half, Math.max(half, c));
    this.centre = [
      axis(this.centre[0], this.view.width / z / 2, this.frame.width),
      axis(this.centre[1], this.view.height / z / 2, this.frame.height),
    ];
  }
}
