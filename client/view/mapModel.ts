// What the map draws, derived from the map geometry and a seat's view: nations coloured by role,
// guarantee arcs sized and shaded by credibility, forward forces, theaters with their rung and
// ladder, and which nations and arcs to animate after fresh results. Pure: no Phaser, no DOM.
import type { MapData, MapNation, Point } from '../../shared/map/mapData.js';
import type { GameEvent } from '../../shared/model/events.js';
import type { Term } from '../../shared/model/explain.js';
import type { NationRole } from '../../shared/model/vocabulary.js';
import { credibility } from '../../shared/rules/credibility.js';
import { crisisRung } from '../../shared/rules/escalation.js';
import type { GameView } from '../../shared/view/viewFor.js';
import { moveSentence, rungName, sentenceCase } from './matchText.js';
import { RUNG_COLORS, guaranteeLinks } from './selectors.js';

export { RUNG_COLORS };

/** Okabe–Ito role colours (as in base.css): distinguishable with every common colour-vision deficiency. */
export const ROLE_COLORS: Readonly<Record<NationRole, string>> = {
  guarantor: '#0072b2',
  ally: '#009e73',
  challenger: '#d55e00',
};
export const NEUTRAL_COLOR = '#aeb6bf';

/** Credibility 0 → 100 as a lightness ramp of one blue: pale and thin is weak, dark and thick is strong. */
const CREDIBILITY_STOPS = [
  [0, [0xb7, 0xcf, 0xe3]],
  [50, [0x4f, 0x8f, 0xc0]],
  [100, [0x08, 0x30, 0x6b]],
] as const;

const hex = (rgb: readonly number[]): string =>
  `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

export const credibilityColor = (value: number): string => {
  const v = Math.max(0, Math.min(100, value));
  const [[a, ca], [b, cb]] =
    v <= 50 ? [CREDIBILITY_STOPS[0], CREDIBILITY_STOPS[1]] : [CREDIBILITY_STOPS[1], CREDIBILITY_STOPS[2]];
  const t = (v - a) / (b - a);
  return hex(ca.map((c, i) => c + t * ((cb[i] ?? c) - c)));
};

/** A rung's name as a card's caption: 4 → "Limited war". */
export const rungLabel = (rung: number): string => sentenceCase(rungName(rung));

export interface NationMark extends MapNation {
  role: NationRole | null;
  color: string;
  /** Home forces in force points (FP), rounded. */
  forces: number;
  /** A challenger's move targets it this turn. */
  targeted: boolean;
  /** The nation the viewing seat plays. */
  mine: boolean;
}

export interface LinkMark {
  id: string;
  from: string;
  to: string;
  name: string;
  /** 0..100 to the challenger. */
  credibility: number;
  /** Frame pixels, 1..8 (selectors.ts). */
  width: number;
  color: string;
  /** A public commitment (red line) draws it solid; without one it is dashed. */
  committed: boolean;
  /** The arc, sampled: flat x, y pairs from the guarantor's label to the ally's. */
  curve: number[];
  /** The named terms behind the credibility; empty when the math is hidden. */
  terms: Term[];
  /** Credibility in the previous view, when it changed (drives the thicken/fray animation). */
  before: number | null;
}

export interface ForceMark {
  nation: string;
  code: string;
  region: string;
  count: number;
  color: string;
  at: Point;
  /** Position among the chips at the same theater, 0 first. */
  slot: number;
}

export interface TheaterMark {
  id: string;
  name: string;
  anchor: Point;
  rung: number;
  peak: number;
  /** A crisis or a rung at "crisis" or above: drawn as a hotspot. */
  hot: boolean;
  /**
   * The rung this turn's move takes the theater to once it lands, when above `rung` (the theater
   * only moves at adjudication; the crisis cards already speak of this rung), else null.
   */
  pending: number | null;
  /** This turn's challenger moves in the theater, in words ("Varkal launches a limited attack on Bosk"). */
  crises: string[];
}

export interface MapModel {
  width: number;
  height: number;
  /** Inset boxes (x, y, width, height): what lies under one is hidden. */
  insets: [number, number, number, number][];
  nations: NationMark[];
  links: LinkMark[];
  forces: ForceMark[];
  theaters: TheaterMark[];
  /** Nations to pulse now: attacked this turn or losing integrity since the last view. */
  pulses: string[];
  /** One sentence for the map's accessible name. */
  summary: string;
}

export type MapTarget = { kind: 'nation'; id: string } | { kind: 'link'; id: string };

const ATTACKS = new Set(['probe', 'coerce', 'limited_attack', 'major_attack', 'escalate']);

const roleOf = (view: GameView | null, nation: string): NationRole | null => {
  const role = view?.seats.find((s) => s.nation === nation)?.role;
  return role === 'guarantor' || role === 'ally' || role === 'challenger' ? role : null;
};

/** A quadratic arc bending to the north (or west, for arcs running north–south), sampled. */
export const arc = (a: Point, b: Point, samples = 24): number[] => {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const len = Math.hypot(dx, dy) || 1;
  let [nx, ny] = [-dy / len, dx / len];
  if (ny > 0 || (ny === 0 && nx > 0)) [nx, ny] = [-nx, -ny];
  const bend = Math.min(0.25 * len, 120);
  const [cx, cy] = [(a[0] + b[0]) / 2 + nx * bend, (a[1] + b[1]) / 2 + ny * bend];
  const out: number[] = [];
  for (let i = 0; i <= samples; i++) {
    const t = i / samples;
    const u = 1 - t;
    out.push(u * u * a[0] + 2 * u * t * cx + t * t * b[0], u * u * a[1] + 2 * u * t * cy + t * t * b[1]);
  }
  return out;
};

const moveTarget = (e: GameEvent): { target: string; type: string } | null => {
  const crisis = e.kind === 'crisis' ? e.data?.['crisis'] : undefined;
  if (typeof crisis !== 'object' || crisis === null || !('move' in crisis)) return null;
  const move = crisis.move;
  if (typeof move !== 'object' || move === null || !('type' in move) || !('target' in move)) return null;
  return typeof move.type === 'string' && typeof move.target === 'string'
    ? { type: move.type, target: move.target }
    : null;
};

const mathShown = (view: GameView): boolean =>
  view.settings.showMath || view.seats.find((s) => s.id === view.viewer)?.role === 'facilitator';

/**
 * The map for `view` (null before the first view arrives: geometry in neutral grey). `previous`
 * and `fresh` (events since the previous view) decide what to animate.
 */
export const buildMapModel = (
  data: MapData,
  view: GameView | null,
  previous: GameView | null = null,
  fresh: readonly GameEvent[] = [],
): MapModel => {
  const mine = view?.seats.find((s) => s.id === view.viewer)?.nation ?? null;
  const targeted = new Set((view?.crises ?? []).map((c) => c.move.target).filter((t) => t !== null));
  const nations: NationMark[] = data.nations.map((n) => {
    const role = roleOf(view, n.id);
    const state = view?.nations[n.id];
    return {
      ...n,
      name: state?.name ?? n.name,
      role,
      color: role ? ROLE_COLORS[role] : NEUTRAL_COLOR,
      forces: Math.round(state?.capability ?? 0),
      targeted: targeted.has(n.id),
      mine: n.id === mine,
    };
  });
  const byId = new Map(nations.map((n) => [n.id, n]));
  const anchors = new Map(data.regions.map((r) => [r.id, r.anchor]));
  if (!view)
    return {
      width: data.width,
      height: data.height,
      insets: data.insets.map((i) => i.box),
      nations,
      links: [],
      forces: [],
      theaters: [],
      pulses: [],
      summary: '',
    };

  const showMath = mathShown(view);
  const links: LinkMark[] = guaranteeLinks(view).flatMap((g) => {
    const from = byId.get(g.from);
    const to = byId.get(g.to);
    if (!from || !to) return [];
    const old = previous?.guarantees[g.id] ? credibility(previous, g.id, 'challenger').value : null;
    return [
      {
        ...g,
        name: `${from.name} → ${to.name}`,
        color: credibilityColor(g.credibility),
        curve: arc(from.label, to.label),
        terms: showMath ? credibility(view, g.id, 'challenger').terms : [],
        before: old !== null && Math.abs(old - g.credibility) >= 0.5 ? old : null,
      },
    ];
  });

  const slots = new Map<string, number>();
  const forces: ForceMark[] = [];
  for (const n of nations) {
    const state = view.nations[n.id];
    for (const [region, fp] of Object.entries(state?.posture ?? {})) {
      const at = anchors.get(region);
      if (!at || fp < 0.5 || region === state?.region) continue;
      const slot = slots.get(region) ?? 0;
      slots.set(region, slot + 1);
      forces.push({ nation: n.id, code: n.code, region, count: Math.round(fp), color: n.color, at, slot });
    }
  }

  const theaters: TheaterMark[] = data.regions.map((r) => {
    const state = view.regions[r.id];
    const moves = view.crises.filter((c) => c.region === r.id);
    const rung = state?.rung ?? 0;
    const landing = Math.max(rung, ...moves.map((c) => crisisRung(rung, c.move.type)));
    return {
      id: r.id,
      name: state?.name ?? r.name,
      anchor: r.anchor,
      rung,
      peak: state?.peak ?? rung,
      hot: rung >= 2 || moves.length > 0,
      pending: landing > rung ? landing : null,
      crises: moves.map((c) => moveSentence(view, c.challenger, c.move)),
    };
  });

  const pulses = new Set<string>();
  for (const e of fresh) {
    const move = moveTarget(e);
    if (move && ATTACKS.has(move.type) && byId.has(move.target)) pulses.add(move.target);
  }
  if (previous)
    for (const n of nations) {
      const before = previous.nations[n.id]?.integrity;
      const after = view.nations[n.id]?.integrity;
      if (before !== undefined && after !== undefined && after < before) pulses.add(n.id);
    }

  return {
    width: data.width,
    height: data.height,
    insets: data.insets.map((i) => i.box),
    nations,
    links,
    forces,
    theaters,
    pulses: [...pulses],
    summary: summarise(nations, theaters),
  };
};

const listed = (names: string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

const summarise = (nations: NationMark[], theaters: TheaterMark[]): string => {
  const named = (role: NationRole) => listed(nations.filter((n) => n.role === role).map((n) => n.name));
  const hottest = [...theaters].sort((a, b) => b.rung - a.rung)[0];
  const parts = [`Guarantors: ${named('guarantor')}`, `allies: ${named('ally')}`, `challenger: ${named('challenger')}`];
  if (hottest) parts.push(`hottest theater: ${hottest.name}, ${rungLabel(hottest.rung).toLowerCase()}`);
  return `Map. ${parts.join('; ')}.`;
};

/** Ladder cells from peace (0) to general nuclear war (8): reached, current, and the peak so far. */
export const ladderCells = (t: Pick<TheaterMark, 'rung' | 'peak'>) =>
  RUNG_COLORS.map((color, rung) => ({
    rung,
    color,
    reached: rung <= t.rung,
    current: rung === t.rung,
    peak: rung === t.peak,
  }));

const pointInRing = (ring: readonly number[], x: number, y: number): boolean => {
  let inside = false;
  for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
    const [xi, yi, xj, yj] = [ring[i] ?? 0, ring[i + 1] ?? 0, ring[j] ?? 0, ring[j + 1] ?? 0];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};

const distanceToCurve = (curve: readonly number[], x: number, y: number): number => {
  let best = Infinity;
  for (let i = 2; i < curve.length; i += 2) {
    const [ax, ay, bx, by] = [curve[i - 2] ?? 0, curve[i - 1] ?? 0, curve[i] ?? 0, curve[i + 1] ?? 0];
    const len2 = (bx - ax) ** 2 + (by - ay) ** 2;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / len2));
    best = Math.min(best, Math.hypot(ax + t * (bx - ax) - x, ay + t * (by - ay) - y));
  }
  return best;
};

/** What lies under a point in frame units: an arc within `slop` first (they sit on top), else a nation. */
export const hitTest = (model: MapModel, x: number, y: number, slop: number): MapTarget | null => {
  let link: LinkMark | null = null;
  let best = Infinity;
  for (const l of model.links) {
    const d = distanceToCurve(l.curve, x, y) - l.width / 2;
    if (d <= slop && d < best) [link, best] = [l, d];
  }
  if (link) return { kind: 'link', id: link.id };
  // An inset hides the main frame beneath it: inside its box only its own nations count.
  const box = model.insets.findIndex(([bx, by, bw, bh]) => x >= bx && x <= bx + bw && y >= by && y <= by + bh);
  const nation = model.nations.find(
    (n) => n.inset === (box < 0 ? null : box) && n.rings.some((r) => pointInRing(r, x, y)),
  );
  return nation ? { kind: 'nation', id: nation.id } : null;
};

/** The order Tab walks the map in: nations as listed, then guarantees. */
export const focusOrder = (model: MapModel): MapTarget[] => [
  ...model.nations.map((n) => ({ kind: 'nation' as const, id: n.id })),
  ...model.links.map((l) => ({ kind: 'link' as const, id: l.id })),
];

const fp = (v: number) => `${Math.round(v).toLocaleString('en')} FP`;
const pts = (v: number) => (Math.round(v * 10) / 10).toFixed(1);

export interface TargetText {
  title: string;
  lines: string[];
  /** Named terms of a breakdown, value formatted to one decimal. */
  terms: { label: string; value: string }[];
}

/** The tooltip's text for a target: a title, plain lines and a breakdown (never markup). */
export const describeTarget = (model: MapModel, view: GameView | null, target: MapTarget): TargetText => {
  if (target.kind === 'link') {
    const l = model.links.find((x) => x.id === target.id);
    if (!l) return { title: '', lines: [], terms: [] };
    const lines = [
      `Credibility to the challenger: ${Math.round(l.credibility)} of 100`,
      l.committed ? 'Backed by a public commitment (red line)' : 'No public commitment (dashed)',
    ];
    if (l.terms.length === 0) lines.push('Breakdown hidden: the White Cell has turned "show the math" off');
    return { title: l.name, lines, terms: l.terms.map((t) => ({ label: t.label, value: pts(t.value) })) };
  }
  const n = model.nations.find((x) => x.id === target.id);
  const state = view?.nations[target.id];
  if (!n) return { title: '', lines: [], terms: [] };
  const title = `${n.name}${n.role ? ` — ${n.role}` : ''}${n.mine ? ' (you)' : ''}`;
  if (!state || !view) return { title, lines: [], terms: [] };
  const lines = [`Forces at home: ${fp(state.capability)}, ${Math.round(state.readiness * 100)}% ready`];
  const forward = Object.entries(state.posture).filter(([r, v]) => v >= 0.5 && r !== state.region);
  if (forward.length > 0)
    lines.push(`Forward: ${forward.map(([r, v]) => `${fp(v)} in ${view.regions[r]?.name ?? r}`).join(', ')}`);
  for (const l of model.links.filter((x) => x.to === n.id || x.from === n.id))
    lines.push(`${l.name}: credibility ${Math.round(l.credibility)}`);
  lines.push(`Consensus ${Math.round(state.consensus)} · integrity ${Math.round(state.integrity)}`);
  if (n.targeted) lines.push('Targeted by a challenger move this turn');
  return { title, lines, terms: [] };
};
