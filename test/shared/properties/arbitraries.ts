// Random but valid states for the property tests: a shipped scenario, a seed, a few turns of
// random legal play, then every meter of every nation and guarantee redrawn within its bounds.
import fc from 'fast-check';
import {
  createMatch,
  GUARANTOR_RESPONSES,
  type GameState,
  MOVE_THREAT,
  type MoveType,
  type GuaranteeState,
  type NationState,
  owedBy,
  RngCursor,
  type Scenario,
  SCENARIOS,
  TARGETED_MOVES,
} from '../../../shared/index.js';
import { randomCommand } from '../../../shared/bots/random.js';
import { nuclearMoveProblem } from '../../../shared/rules/commands/move.js';
import { advanceOrThrow, applyOrThrow, toResponses } from './drive.js';

export const SCENARIO_IDS = ['classroom', 'baltic'] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

/**
 * fast-check options: `numRuns`, and a time cap so that shrinking a failure of a property that plays
 * whole turns cannot stall the suite. The cap is far above what a passing run needs on a busy machine:
 * fast-check counts a property interrupted before its first success as failed, so a tight cap (it was
 * 6 s) made a slow first sample on a loaded machine fail a correct property.
 */
export const budgeted = (numRuns: number): fc.Parameters<unknown> => ({
  numRuns,
  plugins: [fc.interruptAfterTimeLimit(60_000)],
});

export const arbScenarioId = fc.constantFrom(...SCENARIO_IDS);
export const arbSeed = fc.integer({ min: 0, max: 0x7fffffff });

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const pct = fc.double({ min: 0, max: 100, noNaN: true });
const upTo = (max: number) => fc.double({ min: 0, max, noNaN: true });

/** A shipped scenario by id. */
export const scenarioOf = (id: ScenarioId): Scenario => {
  const scenario = SCENARIOS[id];
  if (!scenario) throw new Error(`no scenario ${id}`);
  return scenario;
};

/** A fresh match at turn 1, briefing. */
export const newMatch = (scenario: ScenarioId, seed: number): GameState => {
  const created = createMatch(scenarioOf(scenario), seed);
  if (!created.ok) throw new Error(created.error.message);
  return created.value.state;
};

/** Plays random legal commands (seeded) until `stop` holds or the match ends; deadlines default the rest. */
export const playRandomly = (state: GameState, seed: number, stop: (s: GameState) => boolean): GameState => {
  const rng = new RngCursor(seed);
  let s = state;
  while (!s.ended && !stop(s)) {
    for (let step = 0, progressed = true; progressed && step < 200; step++) {
      progressed = false;
      for (const seat of owedBy(s)) {
        // Now and then a seat sits out the phase, so deadlines and their defaults are played too.
        if (rng.chance(0.15)) continue;
        const command = randomCommand(s, seat, rng);
        if (!command) continue;
        s = applyOrThrow(s, seat, command);
        progressed = true;
      }
    }
    s = advanceOrThrow(s, { timedOut: true });
  }
  return s;
};

/** A match at the briefing of a later turn, after random play; the fresh match if the play ended it. */
export const playedMatch = (scenario: ScenarioId, seed: number, turns: number): GameState => {
  const start = newMatch(scenario, seed);
  const played = playRandomly(start, seed ^ 0x5bd1e995, (s) => s.turn > turns && s.phase === 'briefing');
  return played.ended ? start : played;
};

const nationPatch = (n: NationState, regions: string[]) =>
  fc.record({
    consensus: pct,
    hedging: pct,
    readiness: unit,
    umbrella: n.nuclear ? unit : fc.constant(0),
    capability: upTo(3 * n.capability0),
    defenseShare: upTo(10),
    strain: upTo(5),
    trendGrowth: fc.double({ min: -3, max: 5, noNaN: true }),
    integrity: fc.double({ min: 20, max: 100, noNaN: true }),
    gains: pct,
    posture: fc.record(Object.fromEntries(regions.filter((r) => r !== n.region).map((r) => [r, upTo(60)]))),
  });

const guaranteePatch = fc.record({ clarity: unit, ties: unit, commitment: unit, prior: unit });

/** Redraws the meters of every nation, guarantee and theater within bounds, and a random decision history. */
export const perturb = (base: GameState): fc.Arbitrary<GameState> => {
  const regions = Object.keys(base.regions);
  const nations = Object.values(base.nations);
  const guarantees = Object.values(base.guarantees);
  const challenger = base.seats.find((s) => s.role === 'challenger')?.nation ?? '';
  const decision = fc.record({
    g: fc.constantFrom(...guarantees),
    age: fc.integer({ min: 0, max: 4 }),
    choice: fc.constantFrom(...GUARANTOR_RESPONSES),
  });
  return fc
    .record({
      nations: fc.tuple(...nations.map((n) => nationPatch(n, regions))),
      guarantees: fc.tuple(...guarantees.map(() => guaranteePatch)),
      rungs: fc.tuple(...regions.map(() => fc.integer({ min: 0, max: 6 }))),
      history: fc.array(decision, { maxLength: 6 }),
    })
    .map((patch) => {
      const nationsOut: Record<string, NationState> = {};
      nations.forEach((n, i) => {
        const p = patch.nations[i];
        nationsOut[n.id] = { ...n, ...p, growth: p?.trendGrowth ?? n.growth };
      });
      const guaranteesOut: Record<string, GuaranteeState> = {};
      guarantees.forEach((g, i) => (guaranteesOut[g.id] = { ...g, ...patch.guarantees[i] }));
      const regionsOut: GameState['regions'] = {};
      regions.forEach((id, i) => {
        const r = base.regions[id];
        const rung = patch.rungs[i] ?? 0;
        if (r) regionsOut[id] = { ...r, rung, peak: Math.max(r.peak, rung) };
      });
      const history = patch.history.map(({ g, age, choice }) => ({
        turn: Math.max(1, base.turn - age),
        guarantee: g.id,
        guarantor: g.guarantor,
        region: base.nations[g.ally]?.region ?? '',
        challenger,
        choice,
        weight: 1,
      }));
      return labelled({
        ...base,
        nations: nationsOut,
        guarantees: guaranteesOut,
        regions: regionsOut,
        precedent: Math.max(base.precedent, ...patch.rungs),
        history: [...base.history, ...history].sort((a, b) => a.turn - b.turn),
      });
    });
};

const r4 = (x: number): number => Number(x.toPrecision(4));
const mapValues = <T, U>(o: Record<string, T>, f: (t: T) => U): Record<string, U> =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));

/** The fields the properties vary, rounded: what a failing property prints instead of the whole state. */
export const summarize = (s: GameState): string =>
  JSON.stringify({
    scenario: s.scenarioId,
    seed: s.seed,
    turn: s.turn,
    rungs: mapValues(s.regions, (x) => x.rung),
    nations: mapValues(s.nations, (n) => ({
      consensus: r4(n.consensus),
      trendGrowth: r4(n.trendGrowth),
      strain: r4(n.strain),
      capability: r4(n.capability),
      readiness: r4(n.readiness),
      umbrella: r4(n.umbrella),
      defenseShare: r4(n.defenseShare),
      hedging: r4(n.hedging),
      posture: mapValues(n.posture, r4),
    })),
    guarantees: mapValues(s.guarantees, (g) => ({
      clarity: r4(g.clarity),
      ties: r4(g.ties),
      commitment: r4(g.commitment),
      prior: r4(g.prior),
    })),
    history: s.history.map((h) => `${h.guarantee} ${h.choice} turn ${h.turn}`),
  });

/** Makes fast-check print a generated state as its summary (a non-enumerable key: the engine never sees it). */
const labelled = (s: GameState): GameState =>
  Object.defineProperty(s, fc.toStringMethod, { value: () => `GameState ${summarize(s)}` });

/** A random valid state at the briefing of turn 1–3: played randomly, then perturbed. */
export const arbWorld: fc.Arbitrary<GameState> = fc
  .record({ scenario: arbScenarioId, seed: arbSeed, turns: fc.integer({ min: 0, max: 2 }) })
  .map(({ scenario, seed, turns }) => playedMatch(scenario, seed, turns))
  .chain(perturb);

/** A state with one of its guarantees picked at random. */
export const arbWorldAndGuarantee: fc.Arbitrary<{ world: GameState; g: GuaranteeState }> = arbWorld.chain((world) =>
  fc.constantFrom(...Object.values(world.guarantees)).map((g) => ({ world, g })),
);

/** A crisis at its responses phase: the challenger made `move` against `g`'s ally, inside `g`'s scope. */
export interface CrisisCase {
  responses: GameState;
  g: GuaranteeState;
  move: MoveType;
}

/**
 * Random crises from random states; `moves` limits the challenger's choice (all targeted moves by
 * default). Only moves the rules allow are drawn: nuclear moves need a nuclear-armed challenger, and
 * nuclear use a theater already at nuclear signaling.
 */
export const arbCrisis = (moves: readonly MoveType[] = TARGETED_MOVES): fc.Arbitrary<CrisisCase> =>
  arbWorldAndGuarantee
    .filter(({ world, g }) => moves.some((m) => open(world, g, m)))
    .chain(({ world, g }) =>
      fc
        .constantFrom(...moves.filter((m) => open(world, g, m)))
        .map((move) => ({ responses: toResponses(world, { type: move, target: g.ally }), g, move })),
    );

/** The move is inside `g`'s scope and open to the world's challenger against `g`'s ally. */
const open = (world: GameState, g: GuaranteeState, move: MoveType): boolean => {
  const threat = MOVE_THREAT[move];
  const challenger = world.seats.find((s) => s.role === 'challenger')?.nation ?? '';
  return (
    threat !== null &&
    g.scope.includes(threat) &&
    nuclearMoveProblem(world, challenger, { type: move, target: g.ally }) === null
  );
};
