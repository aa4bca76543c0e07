// Mounts the Phaser map in a screen's element: loads the scenario's map, draws each view the screen
// hands it, and turns pointer and keyboard input into pan, zoom, tooltips and nation selection.
// Phaser only draws (MapScene); what to draw comes from the pure map model.
import Phaser from 'phaser';
import type { GameView } from '../../shared/view/viewFor.js';
import { type MapModel, type MapTarget, buildMapModel, describeTarget, focusOrder, hitTest } from '../view/mapModel.js';
import { buildChrome } from './mapChrome.js';
import { type MapData, MapDataSchema } from './mapData.js';
import { MapScene, SEA } from './MapScene.js';
import type { MapHandle, MountMap } from './types.js';

const ZOOM_STEP = 1.4;
const PAN_STEP = 80;
/** How far (screen px) the pointer may be from an arc and still point at it. */
const POINTER_SLOP = 5;
/** A press that moves less than this (px) is a click, not a drag. */
const CLICK_SLOP = 4;

const loadMap = async (scenarioId: string): Promise<MapData> => {
  const res = await fetch(`/maps/${encodeURIComponent(scenarioId)}.json`).catch(() => {
    throw new Error('the server could not be reached');
  });
  if (res.status === 404) throw new Error(`there is no map for the scenario "${scenarioId}"`);
  if (!res.ok) throw new Error(`the server answered HTTP ${res.status}`);
  const parsed = MapDataSchema.safeParse(await res.json());
  if (!parsed.success) throw new Error('the server sent malformed map data');
  return parsed.data;
};

/** Where a target's tooltip goes when it is focused from the keyboard: its label, or its arc's middle. */
const anchorOf = (model: MapModel, target: MapTarget): [number, number] | null => {
  if (target.kind === 'nation') return model.nations.find((n) => n.id === target.id)?.label ?? null;
  const curve = model.links.find((l) => l.id === target.id)?.curve;
  if (!curve) return null;
  const mid = Math.floor(curve.length / 4) * 2;
  return [curve[mid] ?? 0, curve[mid + 1] ?? 0];
};

export const mountMap: MountMap = async (container, options) => {
  const projector = options.projector ?? false;
  let onReady = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  // Sharp on high-density screens; capped, since a 3× canvas costs nine times the pixels.
  const ratio = Math.min(2, Math.max(1, window.devicePixelRatio || 1));
  const scene = new MapScene(() => onReady(), ratio);
  const chrome = buildChrome(container, {
    projector,
    zoomIn: () => scene.zoomBy(ZOOM_STEP),
    zoomOut: () => scene.zoomBy(1 / ZOOM_STEP),
    reset: () => scene.resetView(),
  });
  const game = new Phaser.Game({
    // Canvas 2D, not WebGL: a few thousand vertices draw in a millisecond, and the first frame comes
    // about a second sooner where WebGL is emulated (headless Chromium, GPU-less laptops).
    type: Phaser.CANVAS,
    parent: chrome.host,
    backgroundColor: SEA,
    banner: false,
    // Input is read from the DOM here: Phaser's own listeners would catch keys typed elsewhere on the page.
    input: false,
    audio: { noAudio: true },
    // Sized to the element (below, on every resize) in device pixels, shown at its CSS size.
    scale: {
      mode: Phaser.Scale.NONE,
      parent: chrome.host,
      width: Math.max(1, chrome.host.clientWidth) * ratio,
      height: Math.max(1, chrome.host.clientHeight) * ratio,
      zoom: 1 / ratio,
    },
    scene,
  });
  let data: MapData;
  try {
    [data] = await Promise.all([loadMap(options.scenarioId), ready]);
  } catch (error) {
    // The screen shows its own fallback (the tables); the element is left as it was.
    game.destroy(true);
    chrome.destroy();
    throw error instanceof Error ? error : new Error('the map could not be loaded');
  }
  chrome.setCredit(data.credit);
  scene.setData(data);

  let view: GameView | null = null;
  let model = buildMapModel(data, null);
  let focused: MapTarget | null = null;
  let drawn = false;
  scene.show(model, false);

  const showFocused = () => {
    const at = focused && anchorOf(model, focused);
    if (!focused || !at) {
      chrome.hideTip();
      return;
    }
    chrome.showTip(describeTarget(model, view, focused), scene.screenOf(at[0], at[1]));
  };
  const setFocus = (target: MapTarget | null) => {
    focused = target;
    scene.mark('focus', target);
    showFocused();
  };

  const cleanups: (() => void)[] = [];
  const listen = <K extends keyof HTMLElementEventMap>(
    el: HTMLElement,
    type: K,
    fn: (e: HTMLElementEventMap[K]) => void,
    opts?: AddEventListenerOptions,
  ) => {
    el.addEventListener(type, fn, opts);
    cleanups.push(() => el.removeEventListener(type, fn, opts));
  };

  if (!projector) {
    let press: { x: number; y: number; id: number; dragged: boolean } | null = null;
    const local = (e: PointerEvent | WheelEvent) => {
      const r = chrome.host.getBoundingClientRect();
      return { x: e.clientX - r.left, y: e.clientY - r.top };
    };
    const targetAt = (p: { x: number; y: number }) => {
      const [wx, wy] = scene.worldAt(p.x, p.y);
      return hitTest(model, wx, wy, POINTER_SLOP / scene.zoom());
    };
    const hoverAt = (p: { x: number; y: number }) => {
      const target = targetAt(p);
      scene.mark('hover', target);
      chrome.setCursor(target ? 'pointing' : 'grab');
      if (target) chrome.showTip(describeTarget(model, view, target), p);
      else showFocused();
    };
    listen(chrome.host, 'pointerdown', (e) => {
      press = { ...local(e), id: e.pointerId, dragged: false };
      chrome.host.setPointerCapture(e.pointerId);
    });
    listen(chrome.host, 'pointermove', (e) => {
      const p = local(e);
      if (press && press.id === e.pointerId) {
        if (!press.dragged && Math.hypot(p.x - press.x, p.y - press.y) < CLICK_SLOP) return;
        press.dragged = true;
        chrome.setCursor('dragging');
        chrome.hideTip();
        scene.panBy(p.x - press.x, p.y - press.y);
        press = { ...press, ...p };
        return;
      }
      hoverAt(p);
    });
    listen(chrome.host, 'pointerup', (e) => {
      const wasClick = press !== null && !press.dragged;
      press = null;
      chrome.setCursor('grab');
      if (chrome.host.hasPointerCapture(e.pointerId)) chrome.host.releasePointerCapture(e.pointerId);
      const target = wasClick ? targetAt(local(e)) : null;
      if (target?.kind === 'nation') options.onSelectNation?.(target.id);
    });
    listen(chrome.host, 'pointerleave', () => {
      scene.mark('hover', null);
      showFocused();
    });
    listen(
      chrome.host,
      'wheel',
      (e) => {
        e.preventDefault();
        scene.zoomBy(e.deltaY < 0 ? 1.2 : 1 / 1.2, local(e));
        hoverAt(local(e));
      },
      { passive: false },
    );
    listen(container, 'keydown', (e) => {
      // Keys on the zoom buttons and the legend are theirs.
      if (e.target !== container || e.altKey || e.ctrlKey || e.metaKey) return;
      const order = focusOrder(model);
      const at = focused ? order.findIndex((t) => t.kind === focused?.kind && t.id === focused.id) : -1;
      const pans: Record<string, [number, number]> = {
        ArrowLeft: [PAN_STEP, 0],
        ArrowRight: [-PAN_STEP, 0],
        ArrowUp: [0, PAN_STEP],
        ArrowDown: [0, -PAN_STEP],
      };
      const pan = pans[e.key];
      if (e.key === 'Tab') {
        const next = at + (e.shiftKey ? -1 : 1);
        // Past either end, Tab leaves the map as usual: no keyboard trap.
        if ((at === -1 && e.shiftKey) || next < 0 || next >= order.length) {
          setFocus(null);
          return;
        }
        setFocus(order[next] ?? null);
      } else if (pan) scene.panBy(...pan);
      else if (e.key === '+' || e.key === '=') scene.zoomBy(ZOOM_STEP);
      else if (e.key === '-' || e.key === '_') scene.zoomBy(1 / ZOOM_STEP);
      else if (e.key === '0') scene.resetView();
      else if (e.key === 'Escape') setFocus(null);
      else if ((e.key === 'Enter' || e.key === ' ') && focused?.kind === 'nation') options.onSelectNation?.(focused.id);
      else return;
      e.preventDefault();
      showFocused();
    });
    listen(container, 'focusout', (e) => {
      if (e.target === container) setFocus(null);
    });
  }
  // The map follows its element's size (window resizes, panels opening beside it).
  const resized = new ResizeObserver(() => {
    const [w, h] = [Math.max(1, chrome.host.clientWidth), Math.max(1, chrome.host.clientHeight)];
    if (w * ratio === game.scale.width && h * ratio === game.scale.height) return;
    game.scale.resize(w * ratio, h * ratio);
    game.scale.setZoom(1 / ratio);
  });
  resized.observe(chrome.host);

  const handle: MapHandle = {
    update(next, fresh) {
      // Screens update on every snapshot (a chat line too): nothing to redraw for the same view.
      if (next === view && fresh.length === 0) return;
      model = buildMapModel(data, next, view, fresh);
      const animate = view !== null;
      view = next;
      scene.show(model, animate);
      chrome.setSummary(model.summary);
      if (focused && !focusOrder(model).some((t) => t.kind === focused?.kind && t.id === focused.id)) setFocus(null);
      showFocused();
      if (!drawn) {
        drawn = true;
        // Marked once the first view's frame has actually been rendered.
        game.events.once(Phaser.Core.Events.POST_RENDER, () => {
          container.dataset['drawn'] = 'true';
          performance.mark('map-drawn');
        });
      }
    },
    destroy() {
      for (const undo of cleanups) undo();
      resized.disconnect();
      game.destroy(true);
      chrome.destroy();
    },
  };
  return handle;
};
