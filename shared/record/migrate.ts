// A journal keeps states in the format they were written in. Anything that reads a stored state
// (a restore, a record, a branch) brings it up to today's format here first: each field an older
// format lacks gets the value a new match would start with, or what the old state shows of it.
import { describeIssues } from '../protocol/commands.js';
import { type ParamsOverride, mergeParams } from '../model/params.js';
import { decisionWeight } from '../rules/reputation.js';
import {
  type CrisisOutcome,
  type GameState,
  GameStateSchema,
  type GuaranteeState,
  type Outcomes,
  STATE_FORMAT,
} from '../model/state.js';
import { MOVE_THREAT, type MoveType } from '../model/vocabulary.js';

type Loose = Record<string, unknown>;

const isObject = (v: unknown): v is Loose => v !== null && typeof v === 'object' && !Array.isArray(v);
const listOf = (v: unknown): Loose[] => (Array.isArray(v) ? v.filter(isObject) : []);
const recordOf = (v: unknown): Loose => (isObject(v) ? v : {});
const mapValues = (v: unknown, f: (x: Loose) => Loose): unknown =>
  isObject(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, isObject(x) ? f(x) : x])) : v;

/**
 * The format a stored state was written in: its `format` field, or 1 for a state from before
 * formats were numbered (it has none). 0 means the value is not a state of any format.
 */
export const stateFormatOf = (raw: unknown): number => {
  if (!isObject(raw)) return 0;
  if (!('format' in raw)) return 1;
  return Number.isInteger(raw.format) && (raw.format as number) >= 1 ? (raw.format as number) : 0;
};

/**
 * A stored state in today's format, checked by GameStateSchema. A state already in today's format
 * is returned as it is (the same object, so hashes of its text still hold). Throws an Error naming
 * the problem when the value is not a state, is of an unknown format, or is invalid once migrated.
 */
export const migrateState = (raw: unknown): GameState => {
  const format = stateFormatOf(raw);
  if (format === 0) throw new Error('not a game state: expected an object with a valid "format"');
  if (format > STATE_FORMAT) throw new Error(`state format ${format} is newer than this code reads (${STATE_FORMAT})`);
  const up = format === 1 ? fromFormat1(raw as Loose) : raw;
  const checked = GameStateSchema.safeParse(up);
  if (!checked.success)
    throw new Error(`not a valid state (format ${format}): ${describeIssues(checked.error, 'state')}`);
  // A parse would reorder keys; the hashes are of the text, so the object itself is kept.
  return up as GameState;
};

/** Format 1 → 2: no sanctions, occupations, nuclear steps, reinforcement in transit or aid yet. */
const fromFormat1 = (s: Loose): Loose => {
  const params = isObject(s.params) ? mergeParams(s.params as ParamsOverride) : s.params;
  const guarantees = recordOf(s.guarantees);
  return {
    ...s,
    format: 2,
    params,
    nations: mapValues(s.nations, (n) => ({
      ...n,
      // Plans anchored where it stands: the start of the match is not kept in a format-1 state.
      defenseShare0: n.defenseShare,
      postureOrdered: {},
      reinforcementTurns: {},
      arrived: {},
      resilience: 0,
      resilience0: 0,
      aidInbound: 0,
      revenueLost: 0,
    })),
    history: Array.isArray(s.history)
      ? s.history.map((h) => (isObject(h) ? { ...h, weight: weightOf(guarantees[String(h.guarantee)], params) } : h))
      : s.history,
    nuclearSteps: {},
    sanctions: [],
    occupations: [],
    report: isObject(s.report) ? { ...s.report, outcomes: format1Outcomes(s, s.report) } : s.report,
  };
};

/** A past decision's weight under today's rules (its guarantee's type and commitment now), else 1. */
const weightOf = (guarantee: unknown, params: unknown): number => {
  if (!isObject(guarantee) || !isObject(params)) return 1;
  const w = decisionWeight(guarantee as GuaranteeState, params as GameState['params']);
  return Number.isFinite(w) ? w : 1;
};

/** Format 1's forceful moves: the only ones whose success was drawn. */
const FORCEFUL: ReadonlySet<unknown> = new Set(['probe', 'coerce', 'limited_attack', 'major_attack', 'escalate']);

/**
 * A format-1 report's outcomes, as far as the old report and state show them. Its theaters come
 * from the report's rung changes (a theater whose rung did not move is left out); its crises and
 * ally answers only while the state is still in the report's turn (a new turn clears them). A
 * crisis succeeded when its challenger's gains rose (nothing else raised them in format 1); its
 * chance and draw were kept only as prose and stay null. Format 1 had no retakes, exit-ramp trades
 * or sanctions; provocations that stood are known only when no override was made.
 */
const format1Outcomes = (s: Loose, report: Loose): Outcomes => {
  const changes = listOf(report.changes);
  const engine = isObject(report.override) ? recordOf(report.override.engine) : null;
  const seats = listOf(s.seats);
  const nationOfSeat = (id: unknown) => seats.find((seat) => seat.id === id)?.nation;
  const current = s.turn === report.turn;

  const rungs: Outcomes['rungs'] = {};
  for (const c of changes.filter((x) => x.metric === 'rung')) {
    const drawn = recordOf(engine?.rungs)[String(c.subject)];
    rungs[String(c.subject)] = {
      from: Number(c.before),
      drawn: typeof drawn === 'number' ? drawn : Number(c.after),
      stood: Number(c.after),
    };
  }

  const gainsRose = (nation: unknown) =>
    changes.some((c) => c.subject === nation && c.metric === 'gains' && Number(c.after) > Number(c.before));
  const decided = listOf(s.history).filter((h) => h.turn === report.turn);
  const answered = Object.values(recordOf(s.guarantorAnswers)).map(recordOf);
  const answerTo = (gid: string) =>
    decided.find((h) => h.guarantee === gid)?.choice ?? answered.find((a) => gid in a)?.[gid];
  const crises: CrisisOutcome[] = (current ? listOf(s.crises) : []).map((c) => {
    const move = recordOf(c.move);
    const target = typeof move.target === 'string' ? move.target : null;
    const success = FORCEFUL.has(move.type) && target !== null && gainsRose(c.challenger);
    const drawn = recordOf(engine?.success)[String(c.challengerSeat)];
    const invoked = Array.isArray(c.invoked) ? c.invoked.map(String) : [];
    return {
      challengerSeat: String(c.challengerSeat),
      challenger: String(c.challenger),
      move: move.type as MoveType,
      target,
      region: typeof c.region === 'string' ? c.region : null,
      threat: MOVE_THREAT[move.type as MoveType] ?? null,
      chance: null,
      draw: null,
      drawn: typeof drawn === 'boolean' ? drawn : success,
      success,
      answers: Object.fromEntries(
        invoked.flatMap((gid) => {
          const choice = answerTo(gid);
          return choice === undefined ? [] : [[gid, choice]];
        }),
      ) as CrisisOutcome['answers'],
      nuclear: {},
      seized: false,
    };
  });

  const allies = current
    ? Object.fromEntries(Object.entries(recordOf(s.allyAnswers)).map(([seat, a]) => [nationOfSeat(seat) ?? seat, a]))
    : {};
  const allyNations = new Set(seats.filter((seat) => seat.role === 'ally').map((seat) => seat.nation));
  // The engine's notes name each provocation drawn (subject = the ally); with no override they stood.
  const provocations = engine
    ? []
    : [...new Set(listOf(report.notes).map((n) => n.subject))].filter((x) => allyNations.has(x)).map(String);

  const overridden: Outcomes['overridden'] = [];
  if (engine) {
    for (const c of crises)
      if (c.drawn !== c.success)
        overridden.push({ kind: 'success', subject: c.challengerSeat, engine: c.drawn, stood: c.success });
    for (const [region, r] of Object.entries(rungs))
      if (r.drawn !== r.stood) overridden.push({ kind: 'rung', subject: region, engine: r.drawn, stood: r.stood });
  }
  return {
    crises,
    allies: allies as Outcomes['allies'],
    provocations,
    rungs,
    retakes: [],
    exitRamps: [],
    sanctions: [],
    overridden,
  };
};
