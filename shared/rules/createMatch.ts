// A new match from a scenario and a seed: the scenario's numbers become the starting state.
import type { GameEvent } from '../model/events.js';
import { type Scenario, ScenarioSchema, type Timers } from '../model/scenario.js';
import {
  type GameState,
  type GuaranteeState,
  type NationState,
  type RegionState,
  type Seat,
  STATE_FORMAT,
} from '../model/state.js';
import { describeIssues } from '../protocol/commands.js';
import { fail, ok, type Result } from '../result.js';
import { seedRng } from '../rng.js';
import { beginTurn, emptyTurn } from './flow.js';
import { mergeParams } from '../model/params.js';
import { priorReputation } from './reputation.js';
import { allScores } from './scoring.js';
import { FACILITATOR_SEAT, OBSERVER_SEAT } from './seats.js';

export interface MatchOptions {
  /** Classrooms: every number's breakdown shown to players. War colleges: off (fog). */
  showMath?: boolean;
  /** Adjudication waits for the White Cell to publish or override. */
  facilitatorReview?: boolean;
  /** Phase timers in seconds (null = no timer); defaults to the scenario's. */
  timers?: Partial<Timers>;
}

/** Seats of a match: the scenario's nation seats, then the White Cell and the observers. */
export const matchSeats = (scenario: Scenario): Seat[] => [
  ...scenario.seats.map((s) => ({ id: s.id, role: s.role, nation: s.nation })),
  { id: FACILITATOR_SEAT, role: 'facilitator', nation: null },
  { id: OBSERVER_SEAT, role: 'observer', nation: null },
];

const startNation = (
  n: Scenario['nations'][number],
  params: ReturnType<typeof mergeParams>,
  years: number,
): NationState => ({
  id: n.id,
  name: n.name,
  region: n.region,
  gdp: n.gdp,
  gdp0: n.gdp,
  trendGrowth: n.growth,
  growth: n.growth,
  budgetShare: n.budgetShare,
  sustainableShare: n.sustainableShare ?? params.sustainableDefenseShare,
  defenseShare: n.defenseShare,
  defenseShare0: n.defenseShare,
  capability: n.capability,
  capability0: n.capability,
  // Procurement already in the pipeline replaces what wears out, so a steady spender holds steady.
  pipeline: n.capability * params.capabilityDepreciation * years,
  readiness: n.readiness,
  posture: { ...n.posture },
  postureOrdered: {},
  reach: { ...n.reach },
  reinforcementTurns: { ...n.reinforcementTurns },
  arrived: {},
  industrialBase: n.industrialBase,
  consensus: n.consensus,
  debt: n.debt,
  nuclear: n.nuclear,
  intel: n.intel,
  stakes: n.stakes,
  integrity: 100,
  gains: 0,
  strain: 0,
  obligations: 0,
  umbrella: n.nuclear ? 0.8 : 0,
  hedging: 0,
  setbacks: 0,
  resilience: n.resilience,
  resilience0: n.resilience,
  aidInbound: 0,
  revenueLost: 0,
});

type Started = { state: GameState; events: GameEvent[] };

/** Starts a match at turn 1, briefing. Accepts a raw scenario and validates it first. */
export const createMatch = (input: unknown, seed: number, options: MatchOptions = {}): Result<Started> => {
  const parsed = ScenarioSchema.safeParse(input);
  if (!parsed.success) return fail('ERR_INVALID_SCENARIO', describeIssues(parsed.error));
  return startMatch(parsed.data, seed, options);
};

/** Starts a match from a scenario that is already validated (the simulator's fast path). */
export const startMatch = (scenario: Scenario, seed: number, options: MatchOptions = {}): Result<Started> => {
  if (!Number.isSafeInteger(seed)) return fail('ERR_MALFORMED', `seed must be an integer, got ${String(seed)}`);
  const params = mergeParams(scenario.params);
  const years = scenario.monthsPerTurn / 12;
  const nations: Record<string, NationState> = {};
  for (const n of scenario.nations) nations[n.id] = startNation(n, params, years);
  const guarantees: Record<string, GuaranteeState> = {};
  for (const g of scenario.guarantees)
    guarantees[g.id] = {
      id: g.id,
      guarantor: g.guarantor,
      ally: g.ally,
      type: g.type,
      clarity: g.clarity,
      scope: [...g.scope],
      ties: g.ties,
      commitment: 0,
      record: { ...g.record },
      prior: priorReputation(g.record, params.partialValue),
    };
  const regions: Record<string, RegionState> = {};
  for (const r of scenario.regions) regions[r.id] = { id: r.id, name: r.name, rung: r.rung, peak: r.rung };
  const seats = matchSeats(scenario);
  const base: GameState = {
    format: STATE_FORMAT,
    scenarioId: scenario.id,
    seed,
    turn: 1,
    adjudicated: 0,
    phase: 'briefing',
    ended: null,
    rng: seedRng(seed),
    config: {
      turns: scenario.turns,
      monthsPerTurn: scenario.monthsPerTurn,
      era: scenario.era,
      objectives: scenario.objectives,
      deck: scenario.events.deck,
      scripted: scenario.events.scripted,
    },
    settings: {
      showMath: options.showMath ?? true,
      facilitatorReview: options.facilitatorReview ?? false,
      timers: { ...scenario.timers, ...options.timers },
      civilDisorderAfter: scenario.civilDisorderAfter,
      paused: false,
      extensionSeconds: 0,
    },
    params,
    seats,
    nations,
    regions,
    guarantees,
    precedent: Math.max(0, ...scenario.regions.map((r) => r.rung)),
    history: [],
    sanctions: [],
    occupations: [],
    ...emptyTurn(),
    lastAllocations: {},
    pending: null,
    report: null,
    scores: {},
    missed: {},
  };
  const begun = beginTurn(base, 1);
  return ok({ state: { ...begun.state, scores: allScores(begun.state) }, events: begun.events });
};
