// A small synthetic world for rule tables: round numbers, so every expected value can be checked by hand.
//
//   g  guarantor, region "home", nuclear, umbrella 1, capability 100 at full readiness, reach 0.2 to "front"
//      (arriving at once: 0 reinforcement turns)
//   a  ally, region "front", capability 50 at full readiness, stakes 0.5
//   c  challenger, region "east", capability 100 at full readiness, reach 0.7 to "front"
//   g-a  treaty g → a: clarity 0.5, ties 0.5, every threat in scope, no commitment, prior reputation 0.5
//
// So in "front": a brings 50, g brings 100 × 0.2 = 20, c brings 100 × 0.7 = 70.
import { DEFAULT_PARAMS } from '../../../shared/model/params.js';
import type { Explained } from '../../../shared/model/explain.js';
import type { GameState, GuaranteeState, NationState, World } from '../../../shared/model/state.js';

/** A nation with neutral defaults; tests override only what they are about. */
export const nation = (id: string, over: Partial<NationState> = {}): NationState => ({
  id,
  name: id.toUpperCase(),
  region: 'home',
  gdp: 1000,
  gdp0: 1000,
  trendGrowth: 2,
  growth: 2,
  budgetShare: 0.1,
  sustainableShare: 4,
  defenseShare: 3,
  defenseShare0: 3,
  capability: 100,
  capability0: 100,
  pipeline: 0,
  readiness: 1,
  posture: {},
  postureOrdered: {},
  reach: {},
  reinforcementTurns: {},
  arrived: {},
  industrialBase: 50,
  consensus: 50,
  debt: 50,
  nuclear: false,
  intel: 0.5,
  stakes: 0.5,
  integrity: 100,
  gains: 0,
  strain: 0,
  obligations: 0,
  umbrella: 0,
  hedging: 0,
  setbacks: 0,
  resilience: 0,
  resilience0: 0,
  aidInbound: 0,
  revenueLost: 0,
  ...over,
});

export const guarantee = (id: string, guarantor: string, ally: string, over: Partial<GuaranteeState> = {}) =>
  ({
    id,
    guarantor,
    ally,
    type: 'treaty',
    clarity: 0.5,
    scope: ['gray_zone', 'coercion', 'armed_attack', 'nuclear_threat'],
    ties: 0.5,
    commitment: 0,
    record: { honored: 0, partial: 0, abandoned: 0 },
    prior: 0.5,
    ...over,
  }) satisfies GuaranteeState;

/** The triangle described at the top of this file, fresh each call. */
export const triangle = (): World & Pick<GameState, 'ended'> => ({
  turn: 1,
  adjudicated: 0,
  ended: null,
  params: DEFAULT_PARAMS,
  config: {
    turns: 10,
    monthsPerTurn: 12,
    era: 'cold_war',
    objectives: { guarantor: { alliesIntact: 1, peace: 1 }, ally: { integrity: 1 }, challenger: { gains: 1 } },
    deck: [],
    scripted: [],
  },
  seats: [
    { id: 'g', role: 'guarantor', nation: 'g' },
    { id: 'a', role: 'ally', nation: 'a' },
    { id: 'c', role: 'challenger', nation: 'c' },
    { id: 'facilitator', role: 'facilitator', nation: null },
    { id: 'observer', role: 'observer', nation: null },
  ],
  nations: {
    // g's reinforcement is at hand (0 turns), so the tables below need no clock; time has its own tests.
    g: nation('g', { nuclear: true, umbrella: 1, reach: { front: 0.2 }, reinforcementTurns: { front: 0 } }),
    a: nation('a', { region: 'front', capability: 50 }),
    c: nation('c', { region: 'east', reach: { front: 0.7 } }),
  },
  guarantees: { 'g-a': guarantee('g-a', 'g', 'a') },
  regions: {
    home: { id: 'home', name: 'Home', rung: 0, peak: 0 },
    front: { id: 'front', name: 'Front', rung: 0, peak: 0 },
    east: { id: 'east', name: 'East', rung: 0, peak: 0 },
  },
  history: [],
  reveals: [],
  statements: [],
  sanctions: [],
  occupations: [],
});

export type TestWorld = ReturnType<typeof triangle>;

/** A copy of `w` with one nation patched. */
export const withNation = (w: TestWorld, id: string, over: Partial<NationState>): TestWorld => ({
  ...w,
  nations: { ...w.nations, [id]: nation(id, { ...w.nations[id], ...over }) },
});

/** A copy of `w` with one guarantee patched, or added with the defaults above when it is new. */
export const withGuarantee = (w: TestWorld, id: string, over: Partial<GuaranteeState>): TestWorld => {
  const current = w.guarantees[id] ?? guarantee(id, over.guarantor ?? 'g', over.ally ?? 'a');
  return { ...w, guarantees: { ...w.guarantees, [id]: { ...current, ...over } } };
};

/** The invariant every explained number keeps: its terms add up to its value. */
export const termsSum = (e: Explained): number => e.terms.reduce((s, t) => s + t.value, 0);
