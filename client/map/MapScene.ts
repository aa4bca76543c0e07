// The one Phaser scene: draws a MapModel (land, arcs, labels, theater cards), runs the short
// result animations, and moves the camera. It knows no rules and keeps no match state: the
// model comes from client/view/mapModel.ts and every intent goes back through mountMap.
import Phaser from 'phaser';
import type { MapData } from '../../shared/map/mapData.js';
import { type MapModel, type MapTarget, ROLE_COLORS } from '../view/mapModel.js';
import { type Overlay, type Pen, insetCaption, nationLabel, placeName } from './overlays.js';
import { theaterCard } from './theaterCard.js';
import type { Rect } from './placement.js';
import { layOut } from './overlayLayout.js';
import { type LinkMotion, drawArc, pulseNation } from './effects.js';
import { fillRings, hexColor, strokeLine, strokeRings } from './paint.js';
import { type Fit, type OverlayStyle, type Size, Viewport, overlayStyle } from './viewport.js';

export const SEA = '#dbe6ee';
const LAND = 0xeeece6;
const SHORE = 0xc3d3e0;
const FOCUS = 0xf0b400;
const INK = 0x1b1f24;
/** Drawing order, bottom to top. */
const DEPTH = {
  mainFill: 0,
  mainStroke: 1,
  insetFill: 2,
  insetStroke: 3,
  flash: 4,
  markLink: 5,
  links: 6,
  markNation: 7,
  leaders: 9,
  overlays: 10,
  rings: 11,
} as const;
/** The loop sleeps after this long without a change (ms). */
const IDLE_MS = 400;

type Graphics = Phaser.GameObjects.Graphics;

export class MapScene extends Phaser.Scene {
  private geometry: MapData | null = null;
  private model: MapModel | null = null;
  private layers: Record<
    'mainFill' | 'mainStroke' | 'insetFill' | 'insetStroke' | 'links' | 'mark' | 'leaders',
    Graphics
  > | null = null;
  private overlays: Overlay[] = [];
  /** How the overlays were built (size, compact cards), and what their layout was computed for. */
  private style: OverlayStyle = { size: 1, compact: false };
  private laidOut = '';
  /** Each overlay's chosen spot at the last layout: kept while nothing better turns up. */
  private spots = new Map<string, number>();
  /** The HTML over the map (buttons, legend), in CSS px from the view's top-left corner. */
  private covered: () => Rect[] = () => [];
  private motions = new Map<string, LinkMotion>();
  private marked: { focus: MapTarget | null; hover: MapTarget | null } = { focus: null, hover: null };
  private viewport: Viewport | null = null;
  private drawnZoom = 0;
  private lastChange = 0;
  private readonly onReady: () => void;
  private readonly reducedMotion: boolean;

  /**
   * `pixelRatio`: device pixels per CSS pixel. The canvas has that many more pixels than its CSS box
   * (sharp on high-density screens); every size here is in CSS pixels, the camera does the rest.
   * `fit`: how the map rests in its view (the projector shows the whole frame).
   * `growing`: labels and cards grow with the view (the projector, read from across a room).
   */
  constructor(
    onReady: () => void,
    private readonly pixelRatio = 1,
    private readonly restingFit: Fit = 'cover',
    private readonly growing = false,
  ) {
    super('MapScene');
    this.onReady = onReady;
    this.reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  }

  create(): void {
    const g = (depth: number) => this.add.graphics().setDepth(depth);
    this.layers = {
      mainFill: g(DEPTH.mainFill),
      mainStroke: g(DEPTH.mainStroke),
      insetFill: g(DEPTH.insetFill),
      insetStroke: g(DEPTH.insetStroke),
      links: g(DEPTH.links),
      mark: g(DEPTH.markNation),
      leaders: g(DEPTH.leaders),
    };
    this.scale.on(Phaser.Scale.Events.RESIZE, () => this.fit());
    this.onReady();
  }

  /**
   * Draws only when something changed: the loop sleeps once nothing has moved for a moment and no
   * animation runs, so an idle map costs no CPU (a match lasts an hour on classroom laptops).
   */
  update(): void {
    if (this.tweens.getTweens().length === 0 && performance.now() - this.lastChange > IDLE_MS) this.game.loop.sleep();
  }

  private invalidate(): void {
    this.lastChange = performance.now();
    this.game.loop.wake(true);
  }

  /** The frame's geometry; drawn in neutral grey until a model arrives. */
  setData(data: MapData): void {
    this.geometry = data;
    this.viewport = new Viewport(data, this.viewSize(), this.restingFit);
    this.fit();
  }

  /** What covers the map from above (its buttons and legend): labels and cards keep out of it. */
  setCovered(covered: () => Rect[]): void {
    this.covered = covered;
    this.laidOut = '';
    this.fit();
  }

  show(model: MapModel, animate: boolean): void {
    this.model = model;
    this.style = overlayStyle(this.viewSize(), this.growing);
    this.buildOverlays();
    if (animate && !this.reducedMotion) {
      for (const id of model.pulses) this.pulse(id);
      for (const l of model.links) if (l.before !== null) this.moveLink(l.id, l.before);
    }
    this.drawnZoom = 0;
    this.fit();
  }

  /** Marks the focused (keyboard) or hovered (pointer) target; focus wins. */
  mark(kind: 'focus' | 'hover', target: MapTarget | null): void {
    this.marked[kind] = target;
    this.drawMark();
    this.invalidate();
  }

  zoomBy(factor: number, at?: { x: number; y: number }): void {
    this.viewport?.zoomBy(factor, at);
    this.fit();
  }

  /** Pans by screen pixels. */
  panBy(dx: number, dy: number): void {
    this.viewport?.panBy(dx, dy);
    this.fit();
  }

  resetView(): void {
    this.viewport?.reset();
    this.fit();
  }

  /** World → screen (CSS pixel) scale. */
  zoom(): number {
    return this.viewport?.zoom() ?? 1;
  }

  worldAt(x: number, y: number): [number, number] {
    return this.viewport?.worldAt(x, y) ?? [x, y];
  }

  screenOf(x: number, y: number): { x: number; y: number } {
    return this.viewport?.screenOf(x, y) ?? { x, y };
  }

  /** The view's size in CSS pixels (the canvas has `pixelRatio` times more device pixels). */
  private viewSize(): Size {
    const { width, height } = this.scale.gameSize;
    return { width: width / this.pixelRatio, height: height / this.pixelRatio };
  }

  /** Applies zoom and centre to the camera (the frame never leaves the view) and redraws what depends on zoom. */
  private fit(): void {
    const { viewport } = this;
    if (!viewport || !this.layers) return;
    const cam = this.cameras.main;
    cam.setSize(this.scale.gameSize.width, this.scale.gameSize.height);
    viewport.resize(this.viewSize());
    const z = viewport.zoom();
    const [cx, cy] = viewport.centreOf();
    cam.setZoom(z * this.pixelRatio);
    cam.centerOn(cx, cy);
    this.invalidate();
    if (z !== this.drawnZoom) {
      this.drawnZoom = z;
      this.drawFills();
      this.drawStrokes();
      this.drawLinks();
      this.drawMark();
    }
    const style = overlayStyle(this.viewSize(), this.growing);
    if (style.size !== this.style.size || style.compact !== this.style.compact) {
      this.style = style;
      this.buildOverlays();
    }
    const layout = [z, style.size, ...viewport.restingBox()].join();
    if (layout !== this.laidOut) this.layoutOverlays(layout);
  }

  private drawFills(): void {
    const { geometry: data, model, layers } = this;
    if (!data || !model || !layers) return;
    layers.mainFill.clear();
    layers.insetFill.clear();
    // A darker band along every coast: land reads as land, even the fictional polygons.
    const mainLand = [...data.background, ...model.nations.filter((x) => x.inset === null).flatMap((n) => n.rings)];
    strokeRings(layers.mainFill, mainLand, 5 / this.zoom(), SHORE);
    fillRings(layers.mainFill, data.background, LAND);
    for (const n of model.nations.filter((x) => x.inset === null))
      fillRings(layers.mainFill, n.rings, hexColor(n.color), 0.82);
    data.insets.forEach((inset, i) => {
      const [x, y, w, h] = inset.box;
      layers.insetFill.fillStyle(hexColor(SEA), 1);
      layers.insetFill.fillRect(x, y, w, h);
      const insetLand = [...inset.background, ...model.nations.filter((m) => m.inset === i).flatMap((n) => n.rings)];
      strokeRings(layers.insetFill, insetLand, 5 / this.zoom(), SHORE);
      fillRings(layers.insetFill, inset.background, LAND);
      for (const n of model.nations.filter((m) => m.inset === i))
        fillRings(layers.insetFill, n.rings, hexColor(n.color), 0.82);
    });
  }

  private drawStrokes(): void {
    const { geometry: data, model, layers } = this;
    if (!data || !model || !layers) return;
    const px = 1 / this.zoom();
    // White borders, a constant width on screen: thin between the grey neighbours, thicker around
    // the scenario's nations (those of the main frame, or of one inset).
    const borders = (g: Graphics, background: readonly (readonly number[])[], inset: number | null) => {
      strokeRings(g, background, 0.8 * px, 0xffffff);
      const rings = model.nations.filter((n) => n.inset === inset).flatMap((n) => n.rings);
      strokeRings(g, rings, 1.3 * px, 0xffffff);
    };
    layers.mainStroke.clear();
    layers.insetStroke.clear();
    borders(layers.mainStroke, data.background, null);
    // A challenger's target this turn: outlined in the challenger's colour.
    for (const n of model.nations.filter((x) => x.targeted && x.inset === null))
      strokeRings(layers.mainStroke, n.rings, 3 * px, hexColor(ROLE_COLORS.challenger));
    data.insets.forEach((inset, i) => {
      borders(layers.insetStroke, inset.background, i);
      const [x, y, w, h] = inset.box;
      layers.insetStroke.lineStyle(1.5 * px, 0x7d8894, 1);
      layers.insetStroke.strokeRect(x, y, w, h);
    });
  }

  private drawLinks(): void {
    const { model, layers } = this;
    if (!model || !layers) return;
    const px = 1 / this.zoom();
    const g = layers.links;
    g.clear();
    for (const l of model.links) drawArc(g, l, this.motions.get(l.id), px);
  }

  private drawMark(): void {
    const { model, layers } = this;
    if (!model || !layers) return;
    const g = layers.mark;
    g.clear();
    const px = 1 / this.zoom();
    const paint = (target: MapTarget | null, color: number, width: number) => {
      if (!target) return;
      if (target.kind === 'nation') {
        const n = model.nations.find((x) => x.id === target.id);
        if (n) strokeRings(g, n.rings, width * px, color, 1);
      } else {
        const l = model.links.find((x) => x.id === target.id);
        if (l) strokeLine(g, l.curve, (Math.max(1.5, l.width) + width * 2) * px, color, 0.9);
      }
    };
    paint(this.marked.hover, INK, 2);
    paint(this.marked.focus, FOCUS, 3.5);
    // The mark goes under the arcs when it is an arc, over them otherwise.
    const onLink = (this.marked.focus ?? this.marked.hover)?.kind === 'link';
    g.setDepth(onLink ? DEPTH.markLink : DEPTH.markNation);
  }

  private buildOverlays(): void {
    const { geometry: data, model } = this;
    if (!data || !model) return;
    for (const o of this.overlays) o.container.destroy();
    const pen: Pen = { scene: this, ...this.style };
    const labels = model.nations.map((n) => nationLabel(pen, n, model.links.length > 0));
    const cards = model.theaters.map((t) => theaterCard(pen, t, model));
    const captions = data.insets.map((inset, i) => insetCaption(pen, inset, i));
    const places = data.places.map((p) => placeName(pen, p));
    this.overlays = [...captions, ...labels, ...cards, ...places];
    for (const o of this.overlays) o.container.setDepth(DEPTH.overlays);
    this.laidOut = '';
  }

  /**
   * Places labels and cards (./overlayLayout.ts) inside what is in sight at rest, so they stay put
   * while one pans, clear of the map's buttons, the insets and (cards) the arcs.
   */
  private layoutOverlays(key: string): void {
    const { geometry: data, model, viewport, layers } = this;
    if (!data || !model || !viewport || !layers) return;
    this.laidOut = key;
    layOut({
      overlays: this.overlays,
      data,
      model,
      viewport,
      size: this.style.size,
      covered: this.covered(),
      spots: this.spots,
      leaders: layers.leaders,
    });
  }

  /** An attacked nation: its fill flashes and a ring spreads from its label, three times. */
  private pulse(id: string): void {
    const n = this.model?.nations.find((x) => x.id === id);
    if (n) pulseNation(this, n, { flash: DEPTH.flash, ring: DEPTH.rings }, () => this.zoom());
  }

  /** An arc whose credibility moved: it thickens (with a glow) or frays (flickering, broken) to its new width. */
  private moveLink(id: string, from: number): void {
    const motion: LinkMotion = { from, t: 0 };
    this.motions.set(id, motion);
    this.tweens.add({
      targets: motion,
      t: 1,
      duration: 1400,
      onUpdate: () => this.drawLinks(),
      onComplete: () => {
        this.motions.delete(id);
        this.drawLinks();
      },
    });
  }
}
