// Mounts the Phaser map in a screen's element: loads the scenario's map, draws each view the screen
// hands it, and turns pointer and keyboard input into pan, zoom, tooltips and nation selection.
// Phaser only draws (MapScene); what to draw comes from the pure map model.
import Phaser from 'phaser';
import type { GameView } from '../../shared/view/viewFor.js';
import { type MapModel, type MapTarget, buildMapModel, describeTarget, focusOrder } from '../view/mapModel.js';
import { buildChrome } from './mapChrome.js';
import { ZOOM_STEP, bindMapInput } from './mapInput.js';
import { type MapData, MapDataSchema } from '../../shared/map/mapData.js';
import { MapScene, SEA } from './MapScene.js';
import type { MapHandle, MountMap } from './types.js';

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
  // The map's data travels while Phaser boots.
  const loading = loadMap(options.scenarioId);
  let onReady = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  // Sharp on high-density screens; capped, since a 3× canvas costs nine times the pixels.
  const ratio = Math.min(2, Math.max(1, window.devicePixelRatio || 1));
  // The projector cannot pan: it shows the whole theater rather than crop the nations at its edges.
  // and its labels and cards grow with the screen, to be read across a classroom.
  const scene = new MapScene(() => onReady(), ratio, projector ? 'contain' : 'cover', projector);
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
    [data] = await Promise.all([loading, ready]);
  } catch (error) {
    // The screen shows its own fallback (the tables); the element is left as it was.
    game.destroy(true);
    chrome.destroy();
    throw error instanceof Error ? error : new Error('the map could not be loaded');
  }
  chrome.setCredit(data.credit);
  scene.setData(data);
  scene.setCovered(() => chrome.covered());

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

  const unbind = projector
    ? () => undefined
    : bindMapInput({
        container,
        host: chrome.host,
        scene,
        model: () => model,
        focused: () => focused,
        setFocus,
        hover(target, at) {
          scene.mark('hover', target);
          chrome.setCursor(target ? 'pointing' : 'grab');
          if (target) chrome.showTip(describeTarget(model, view, target), at);
          else showFocused();
        },
        dragging(on) {
          chrome.setCursor(on ? 'dragging' : 'grab');
          if (on) chrome.hideTip();
        },
        select: (id) => options.onSelectNation?.(id),
      });
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
      unbind();
      resized.disconnect();
      game.destroy(true);
      chrome.destroy();
    },
  };
  return handle;
};
