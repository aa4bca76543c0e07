// Honest calibration: the published bands the simulator is measured against, and the coding that
// turns a match's per-turn outcomes into the cases those studies counted. One place for both, so a
// band or a coding rule changes here and nowhere else (docs/RULES.md, "Calibration", cites them).
// - honor: decisions on invoked guarantees against an armed attack only; partial counts as not
//   honored (Leeds, Long & Mitchell 2000; Berkemeier & Fuhrmann 2018).
// - deterrence (strict): a challenged case succeeds when it saw no armed attack and no coercion won
//   (Huth & Russett 1984).
import type { Scenario } from '../model/scenario.js';
import type { CrisisOutcome } from '../model/state.js';
import type { Era, ThreatKind } from '../model/vocabulary.js';

/** A closed interval [lo, hi] of a rate, 0..1. */
export type Band = readonly [lo: number, hi: number];

/** A band and the study that gives it. */
export interface SourcedBand {
  band: Band;
  source: string;
}

const PRE_1945: SourcedBand = {
  band: [0.6, 0.8],
  source: 'Leeds, Long & Mitchell 2000: 74.5% for 1816–1944; Berkemeier & Fuhrmann 2018: 66% before 1945',
};
const POST_1945: SourcedBand = {
  band: [0.25, 0.55],
  source: 'Berkemeier & Fuhrmann 2018: 22% for 1945–2003, 41% for defense pacts overall',
};

/** The honor band of each era, when a scenario does not narrow it. */
export const HONOR_BANDS: Readonly<Record<Era, SourcedBand>> = {
  historical: PRE_1945,
  cold_war: POST_1945,
  contemporary: POST_1945,
};

/** Immediate extended deterrence, whatever the era (the study spans 1900–80). */
export const DETERRENCE_BAND: SourcedBand = {
  band: [0.45, 0.65],
  source: 'Huth & Russett 1984: success in 31 of 54 cases, 1900–80',
};

/** What a scenario says about its own calibration: its era, and optionally a narrower honor band. */
export type CalibrationSetting = Pick<Scenario, 'era' | 'calibration'>;

/** The bands a run is judged against. */
export interface CalibrationTarget {
  era: Era;
  honor: SourcedBand;
  deterrence: SourcedBand;
}

/** The era's bands, with the scenario's own honor band (and its source) in place of the default. */
export const calibrationTarget = (setting: CalibrationSetting): CalibrationTarget => ({
  era: setting.era,
  honor: setting.calibration
    ? { band: setting.calibration.honorBand, source: setting.calibration.source }
    : HONOR_BANDS[setting.era],
  deterrence: DETERRENCE_BAND,
});

/** True when `rate` lies in the closed band. */
export const inBand = (rate: number, [lo, hi]: Band): boolean => rate >= lo && rate <= hi;

/** One adjudicated turn's crises, as its report's outcomes list them. */
export interface TurnOutcomes {
  turn: number;
  crises: readonly CrisisOutcome[];
}

/** A challenged case: the crises of one run of threats against one protected ally. */
export interface Challenge {
  target: string;
  crises: CrisisOutcome[];
}

/** Turns a run may go quiet and still be the same challenge (one quiet turn inside: a gap of 2). */
const MAX_GAP = 2;

/**
 * Runs of crises against the same protected ally in consecutive turns (one quiet turn allowed
 * inside), counting only crises `counts` accepts. Turns must come in order; runs come out in the
 * order they closed.
 */
export const challengeRuns = (
  turns: readonly TurnOutcomes[],
  protectedAllies: ReadonlySet<string>,
  counts: (c: CrisisOutcome) => boolean,
): Challenge[] => {
  const open = new Map<string, { last: number; crises: CrisisOutcome[] }>();
  const closed: Challenge[] = [];
  const close = (target: string) => {
    const run = open.get(target);
    if (run) closed.push({ target, crises: run.crises });
    open.delete(target);
  };
  for (const { turn, crises } of turns) {
    for (const [target, run] of [...open]) if (turn - run.last > MAX_GAP) close(target);
    for (const c of crises) {
      if (c.target === null || !protectedAllies.has(c.target) || !counts(c)) continue;
      const run = open.get(c.target) ?? { last: turn, crises: [] };
      open.set(c.target, { last: turn, crises: [...run.crises, c] });
    }
  }
  for (const target of [...open.keys()]) close(target);
  return closed;
};

/** Threats that coerce: a success means the challenger got its way without fighting. */
const COERCIVE: ReadonlySet<ThreatKind> = new Set(['coercion', 'nuclear_threat']);

/** Huth & Russett's failure: force was used, or coercion won. */
export const strictFailure = (c: CrisisOutcome): boolean =>
  c.threat === 'armed_attack' || (c.threat !== null && COERCIVE.has(c.threat) && c.success);

/** One match's calibration cases, summed over matches by the summary. */
export interface MatchCalibration {
  /** Decisions on invoked guarantees in crises whose threat is an armed attack. */
  honorCases: number;
  /** Of those, the ones answered `honor` (partial and abandon are not). */
  honored: number;
  /** Challenged cases: runs of threatening moves (any move with a threat) against a protected ally. */
  challenges: number;
  /** Of those, the ones with no armed attack and no coercion won. */
  deterred: number;
}

/** Codes one match's adjudicated turns; `protectedAllies` are the allies of its guarantees. */
export const codeCalibration = (
  turns: readonly TurnOutcomes[],
  protectedAllies: ReadonlySet<string>,
): MatchCalibration => {
  let honorCases = 0;
  let honored = 0;
  for (const { crises } of turns)
    for (const c of crises) {
      if (c.threat !== 'armed_attack') continue;
      for (const answer of Object.values(c.answers)) {
        honorCases++;
        if (answer === 'honor') honored++;
      }
    }
  const runs = challengeRuns(turns, protectedAllies, (c) => c.threat !== null);
  return {
    honorCases,
    honored,
    challenges: runs.length,
    deterred: runs.filter((r) => !r.crises.some(strictFailure)).length,
  };
};

/** The calibration block of the simulator's summary (names fixed: outside tools read them). */
export interface CalibrationReport {
  era: Era;
  /** Honored ÷ decisions on invoked guarantees against armed attacks (0 when there were none). */
  honorRate: number;
  /** Its denominator. */
  honorCases: number;
  honorBand: [number, number];
  honorSource: string;
  /** Challenged cases with no armed attack and no coercion won ÷ challenged cases (0 when none). */
  deterrenceStrict: number;
  /** Its denominator. */
  challenges: number;
  deterrenceBand: [number, number];
  deterrenceSource: string;
  /** Both rates inside their bands (false when either has no cases). */
  inBand: boolean;
}

/** The report for cases summed over a run's matches. */
export const calibrationReport = (cases: MatchCalibration, target: CalibrationTarget): CalibrationReport => {
  const honorRate = cases.honorCases === 0 ? 0 : cases.honored / cases.honorCases;
  const deterrenceStrict = cases.challenges === 0 ? 0 : cases.deterred / cases.challenges;
  return {
    era: target.era,
    honorRate,
    honorCases: cases.honorCases,
    honorBand: [...target.honor.band],
    honorSource: target.honor.source,
    deterrenceStrict,
    challenges: cases.challenges,
    deterrenceBand: [...target.deterrence.band],
    deterrenceSource: target.deterrence.source,
    inBand:
      cases.honorCases > 0 &&
      cases.challenges > 0 &&
      inBand(honorRate, target.honor.band) &&
      inBand(deterrenceStrict, target.deterrence.band),
  };
};
