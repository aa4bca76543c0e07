// Pointer and keyboard input on the map, turned into camera moves, hover and focus marks, and the
// screen's "nation selected" intent. Drag or arrows pan; wheel, pinch or +/- zoom; 0 resets; Tab
// walks nations and guarantees (leaving the map past either end); Enter selects.
import { type MapModel, type MapTarget, focusOrder, hitTest } from '../view/mapModel.js';
import type { MapScene } from './MapScene.js';

/** One press of +, − or a zoom button. */
export const ZOOM_STEP = 1.4;
const WHEEL_STEP = 1.2;
const PAN_STEP = 80;
/** How far (CSS px) the pointer may be from an arc and still point at it. */
const POINTER_SLOP = 5;
/** A press that moves less than this (px) is a click, not a drag. */
const CLICK_SLOP = 4;

type Point = { x: number; y: number };

export interface InputWiring {
  container: HTMLElement;
  /** The canvas's parent: pointer coordinates are relative to it. */
  host: HTMLElement;
  scene: MapScene;
  model(): MapModel;
  focused(): MapTarget | null;
  setFocus(target: MapTarget | null): void;
  /** The pointer is over `target` (or nothing) at `at`. */
  hover(target: MapTarget | null, at: Point): void;
  dragging(on: boolean): void;
  select(nationId: string): void;
}

/** Binds the listeners; returns their removal. */
export const bindMapInput = (w: InputWiring): (() => void) => {
  const undo: (() => void)[] = [];
  const listen = <K extends keyof HTMLElementEventMap>(
    el: HTMLElement,
    type: K,
    fn: (e: HTMLElementEventMap[K]) => void,
    opts?: AddEventListenerOptions,
  ) => {
    el.addEventListener(type, fn, opts);
    undo.push(() => el.removeEventListener(type, fn, opts));
  };
  const local = (e: PointerEvent | WheelEvent): Point => {
    const r = w.host.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const targetAt = (p: Point) => {
    const [wx, wy] = w.scene.worldAt(p.x, p.y);
    return hitTest(w.model(), wx, wy, POINTER_SLOP / w.scene.zoom());
  };

  // Pressed pointers: one drags, two pinch.
  const pressed = new Map<number, Point>();
  let start: Point | null = null;
  let dragged = false;
  const spread = () => {
    const [a, b] = [...pressed.values()];
    return a && b ? { d: Math.hypot(a.x - b.x, a.y - b.y), mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } } : null;
  };
  listen(w.host, 'pointerdown', (e) => {
    const p = local(e);
    pressed.set(e.pointerId, p);
    if (pressed.size === 1) [start, dragged] = [p, false];
    w.host.setPointerCapture(e.pointerId);
  });
  listen(w.host, 'pointermove', (e) => {
    const p = local(e);
    const last = pressed.get(e.pointerId);
    if (!last) return w.hover(targetAt(p), p);
    if (pressed.size >= 2) {
      const before = spread();
      pressed.set(e.pointerId, p);
      const after = spread();
      if (before && after && before.d > 0) {
        w.scene.zoomBy(after.d / before.d, after.mid);
        w.scene.panBy(after.mid.x - before.mid.x, after.mid.y - before.mid.y);
      }
      dragged = true;
      return;
    }
    if (!dragged && start && Math.hypot(p.x - start.x, p.y - start.y) < CLICK_SLOP) return;
    if (!dragged) w.dragging(true);
    dragged = true;
    w.scene.panBy(p.x - last.x, p.y - last.y);
    pressed.set(e.pointerId, p);
  });
  const release = (e: PointerEvent) => {
    const click = pressed.size === 1 && !dragged && e.type === 'pointerup';
    pressed.delete(e.pointerId);
    if (w.host.hasPointerCapture(e.pointerId)) w.host.releasePointerCapture(e.pointerId);
    if (pressed.size === 0) w.dragging(false);
    const target = click ? targetAt(local(e)) : null;
    if (target?.kind === 'nation') w.select(target.id);
  };
  listen(w.host, 'pointerup', release);
  listen(w.host, 'pointercancel', release);
  listen(w.host, 'pointerleave', (e) => w.hover(null, local(e)));
  listen(
    w.host,
    'wheel',
    (e) => {
      e.preventDefault();
      const p = local(e);
      w.scene.zoomBy(e.deltaY < 0 ? WHEEL_STEP : 1 / WHEEL_STEP, p);
      w.hover(targetAt(p), p);
    },
    { passive: false },
  );

  const pans: Readonly<Record<string, [number, number]>> = {
    ArrowLeft: [PAN_STEP, 0],
    ArrowRight: [-PAN_STEP, 0],
    ArrowUp: [0, PAN_STEP],
    ArrowDown: [0, -PAN_STEP],
  };
  listen(w.container, 'keydown', (e) => {
    // Keys on the zoom buttons and the legend are theirs.
    if (e.target !== w.container || e.altKey || e.ctrlKey || e.metaKey) return;
    const focused = w.focused();
    const pan = pans[e.key];
    if (e.key === 'Tab') {
      const order = focusOrder(w.model());
      const at = focused ? order.findIndex((t) => t.kind === focused.kind && t.id === focused.id) : -1;
      const next = at === -1 && e.shiftKey ? -1 : at + (e.shiftKey ? -1 : 1);
      // Past either end, Tab leaves the map as usual: no keyboard trap.
      if (next < 0 || next >= order.length) return w.setFocus(null);
      w.setFocus(order[next] ?? null);
    } else if (pan) w.scene.panBy(...pan);
    else if (e.key === '+' || e.key === '=') w.scene.zoomBy(ZOOM_STEP);
    else if (e.key === '-' || e.key === '_') w.scene.zoomBy(1 / ZOOM_STEP);
    else if (e.key === '0') w.scene.resetView();
    else if (e.key === 'Escape') w.setFocus(null);
    else if ((e.key === 'Enter' || e.key === ' ') && focused?.kind === 'nation') w.select(focused.id);
    else return;
    e.preventDefault();
    // The focused target's tooltip follows the camera.
    w.setFocus(w.focused());
  });
  listen(w.container, 'focusout', (e) => {
    if (e.target === w.container) w.setFocus(null);
  });
  return () => {
    for (const u of undo) u();
  };
};
