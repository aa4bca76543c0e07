// The allocation form's data: the spending lines a seat has (shared/rules/allocationLines.ts, which
// the allocate command checks), where its form starts, and what an allocation would do, from the
// engine's own spending step run on a copy of the view (shared/rules/preview.ts) before anything is sent.
import type { Allocation } from '../../shared/model/commands.js';
import type { Explained } from '../../shared/model/explain.js';
import type { World } from '../../shared/model/state.js';
import { aidBuildsTies, aidRecipients, forwardRegions, fundsUmbrella } from '../../shared/rules/allocationLines.js';
import { credibility } from '../../shared/rules/credibility.js';
import {
  allocationTotal,
  budget,
  burden,
  fitToBudget,
  statusQuoAllocation,
  turnYears,
} from '../../shared/rules/economy.js';
import { allocationPlans } from '../../shared/rules/legal.js';
import { previewAllocation } from '../../shared/rules/preview.js';
import { nationOf, seatById } from '../../shared/rules/seats.js';
import type { GameView } from '../../shared/view/viewFor.js';
import { guaranteeName, nationName, possessive, regionName } from './matchText.js';

/** One slider: a top-level line, or one region's forward posture, or aid to one nation. */
export interface AllocationField {
  /** A stable key for the form: "readiness", "forwardPosture.northmarch", "foreignAid.bosk". */
  key: string;
  label: string;
  hint: string;
  max: number;
  step: number;
}

/** A slider step that gives a few hundred positions over the budget: 0.1 bn for a small state, 1 or 10 for a power. */
export const sliderStep = (total: number): number =>
  total <= 0 ? 0.1 : Math.max(0.1, 10 ** Math.floor(Math.log10(total / 200)));

/** The spending lines this seat can fund, in the order the form shows them. */
export const allocationFields = (view: GameView, seat: string): AllocationField[] => {
  const s = seatById(view, seat);
  const n = view.nations[nationOf(view, seat)];
  if (!s || !n) return [];
  const total = budget(n, turnYears(view)).value;
  const step = sliderStep(total);
  const field = (key: string, label: string, hint: string): AllocationField => ({ key, label, hint, max: total, step });
  const out = [
    field('readiness', 'Readiness', 'Keeps the forces you have trained and ready to fight now.'),
    field('modernization', 'Modernization', 'Buys new capability; it enters service next turn.'),
  ];
  if (fundsUmbrella(n, s))
    out.push(field('extendedDeterrence', 'Extended deterrence', 'Keeps your nuclear umbrella over your allies ready.'));
  for (const id of forwardRegions(view, n)) {
    const name = regionName(view, id);
    out.push(
      field(
        `forwardPosture.${id}`,
        `Forward posture: ${name}`,
        `Forces stationed in ${name} (tripwire); they deploy there by next turn.`,
      ),
    );
  }
  for (const id of aidRecipients(view, n.id))
    out.push(
      field(
        `foreignAid.${id}`,
        `Aid to ${nationName(view, id)}`,
        aidBuildsTies(view, n.id, id)
          ? 'Arrives next turn as capability and resilience, and strengthens the ties of your guarantee.'
          : 'Arrives next turn as capability and resilience.',
      ),
    );
  out.push(field('domestic', 'Domestic spending', 'Butter: keeps the public on side (consensus).'));
  return out;
};

/** A field's value in an allocation. */
export const fieldValue = (a: Allocation, key: string): number => {
  const [line, sub] = key.split('.');
  if (line === 'forwardPosture' || line === 'foreignAid') return a[line][sub ?? ''] ?? 0;
  if (line === 'readiness' || line === 'modernization' || line === 'extendedDeterrence' || line === 'domestic')
    return a[line];
  return 0;
};

/** The allocation with one field set (zero entries are dropped from the per-region/per-nation maps). */
export const withField = (a: Allocation, key: string, value: number): Allocation => {
  const v = Math.max(0, Number.isFinite(value) ? value : 0);
  const [line, sub] = key.split('.');
  if ((line === 'forwardPosture' || line === 'foreignAid') && sub) {
    const rest = Object.fromEntries(Object.entries(a[line]).filter(([k]) => k !== sub));
    return { ...a, [line]: v > 0 ? { ...rest, [sub]: v } : rest };
  }
  if (line === 'readiness' || line === 'modernization' || line === 'extendedDeterrence' || line === 'domestic')
    return { ...a, [line]: v };
  return a;
};

/** Every field key an allocation has a value for, in the form's order of lines. */
const keysOf = (a: Allocation): string[] => [
  'readiness',
  'modernization',
  'extendedDeterrence',
  ...Object.keys(a.forwardPosture).map((r) => `forwardPosture.${r}`),
  ...Object.keys(a.foreignAid).map((n) => `foreignAid.${n}`),
  'domestic',
];

/**
 * The allocation in whole $bn (tenths under a 50 bn budget), people's amounts rather than 393.86,
 * its total kept within the budget: any excess from rounding comes off domestic spending first,
 * then off the largest line.
 */
export const roundedAllocation = (a: Allocation, total: number): Allocation => {
  const per = total >= 50 ? 1 : 10;
  const round = (v: number) => Math.round(v * per) / per;
  let out = keysOf(a).reduce((acc, key) => withField(acc, key, round(fieldValue(a, key))), a);
  for (let guard = 0; guard < 1000 && allocationTotal(out) > total + 1e-9; guard++) {
    const key =
      fieldValue(out, 'domestic') >= 1 / per
        ? 'domestic'
        : [...keysOf(out)].sort((x, y) => fieldValue(out, y) - fieldValue(out, x))[0];
    if (!key) break;
    out = withField(out, key, round(fieldValue(out, key) - 1 / per));
  }
  return out;
};

/** Named starting points for the form: the engine's representative plans (what bots choose from), in round amounts. */
export const allocationPresets = (view: GameView, seat: string): { name: string; allocation: Allocation }[] => {
  const n = view.nations[nationOf(view, seat)];
  if (!n) return [];
  const total = budget(n, turnYears(view)).value;
  return allocationPlans(view, n).map((p) => ({ ...p, allocation: roundedAllocation(p.allocation, total) }));
};

/**
 * Where the form starts: what the seat already submitted, else last turn's allocation fitted to
 * this budget (the documented default if the timer runs out), else the status quo; in round amounts.
 */
export const startingAllocation = (view: GameView, seat: string): Allocation | null => {
  const n = view.nations[nationOf(view, seat)];
  if (!n) return null;
  const submitted = view.allocations[seat];
  if (submitted) return submitted;
  const years = turnYears(view);
  const last = view.lastAllocations[seat];
  const total = budget(n, years).value;
  return roundedAllocation(fitToBudget(last ?? statusQuoAllocation(n, years), total), total);
};

/** The remainder of the budget moved into domestic spending (or taken from it, never below 0). */
export const balanceWithDomestic = (view: GameView, seat: string, a: Allocation): Allocation => {
  const n = view.nations[nationOf(view, seat)];
  if (!n) return a;
  const left = budget(n, turnYears(view)).value - allocationTotal(a);
  return { ...a, domestic: Math.max(0, a.domestic + left) };
};

export interface Projected {
  label: string;
  before: number;
  after: number;
  /** The engine's breakdown of `after` (empty when it is not this rule's to explain). */
  why: Explained | null;
}

/** A guarantee's credibility to the challenger now and in the projected `world`, explained. */
export const credibilityProjected = (view: GameView, world: World, guarantee: string): Projected => {
  const after = credibility(world, guarantee, 'challenger');
  return {
    label: guaranteeName(view, guarantee),
    before: credibility(view, guarantee, 'challenger').value,
    after: after.value,
    why: after,
  };
};

export interface AllocationProjection {
  /** The seat's own meters after this turn's spending (crises aside). */
  meters: Projected[];
  /** Credibility to the challenger of every guarantee the seat gives, holds, or faces. */
  credibility: Projected[];
  /** For an ally: the burden its defense share puts on each guarantor's consensus. */
  burden: Projected[];
}

const METERS = [
  ['growth', 'Growth (% a year)'],
  ['consensus', 'Consensus'],
  ['capability', 'Capability'],
  ['pipeline', 'Capability on order'],
  ['readiness', 'Readiness (%)'],
  ['defenseShare', 'Defense % of GDP'],
  ['strain', 'Strain'],
  ['debt', 'Debt % of GDP'],
] as const;

/**
 * What the allocation would do this turn: the seat's meters, credibility and burden after the
 * turn's spending (`previewAllocation`, adjudication's step 1). Other seats' spending is unknown
 * (taken as the status quo) and the crises are left out.
 */
export const allocationProjection = (view: GameView, seat: string, a: Allocation): AllocationProjection | null => {
  const id = nationOf(view, seat);
  const n = view.nations[id];
  if (!n) return null;
  const { world, changes: all } = previewAllocation(view, seat, a);
  const changes = new Map(all.filter((c) => c.subject === id).map((c) => [c.metric, c]));
  const after = world.nations[id] ?? n;
  const meters = METERS.map(([metric, label]) => {
    const why = changes.get(metric)?.why ?? null;
    // Readiness is a 0–1 share the map and the tables show as a percentage: so here too.
    const k = metric === 'readiness' ? 100 : 1;
    return {
      label,
      before: n[metric] * k,
      after: after[metric] * k,
      why: why && k !== 1 ? { value: why.value * k, terms: why.terms.map((t) => ({ ...t, value: t.value * k })) } : why,
    };
  });
  const mine = Object.values(view.guarantees).filter(
    (g) => g.guarantor === id || g.ally === id || seatById(view, seat)?.role === 'challenger',
  );
  const credibilityRows = mine.map((g) => credibilityProjected(view, world, g.id));
  const guarantors = [
    ...new Set(
      Object.values(view.guarantees)
        .filter((g) => g.ally === id)
        .map((g) => g.guarantor),
    ),
  ];
  const burdenRows = guarantors.map((gid) => {
    const next = burden(world, gid);
    return {
      label: `Burden on ${possessive(nationName(view, gid))} consensus`,
      before: burden(view, gid).value,
      after: next.value,
      why: next,
    };
  });
  return { meters, credibility: credibilityRows, burden: burdenRows };
};

/** The allocation as labelled lines, for the summary shown once it is submitted. */
export const allocationLines = (view: GameView, a: Allocation): { label: string; value: number }[] => [
  { label: 'Readiness', value: a.readiness },
  { label: 'Modernization', value: a.modernization },
  ...(a.extendedDeterrence > 0 ? [{ label: 'Extended deterrence', value: a.extendedDeterrence }] : []),
  ...Object.entries(a.forwardPosture).map(([r, v]) => ({ label: `Forward posture: ${regionName(view, r)}`, value: v })),
  ...Object.entries(a.foreignAid).map(([to, v]) => ({ label: `Aid to ${nationName(view, to)}`, value: v })),
  { label: 'Domestic spending', value: a.domestic },
];
