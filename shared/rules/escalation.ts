// The escalation ladder per theater: deliberate moves set the rung, mutual mobilization spirals up,
// exit ramps come down, thresholds are sticky until a precedent is broken, and the risk of an
// inadvertent jump grows with each rung. Rung 8 (general nuclear war) ends the match.
import { type Explained, type Term } from '../model/explain.js';
import { type MoveType, TOP_RUNG } from '../model/vocabulary.js';
import type { Params } from '../model/params.js';
import type { RngCursor } from '../rng.js';

/** Highest rung reachable without a nuclear power involved: major war. */
export const CONVENTIONAL_CAP = 5;

/** The rung a deliberate move raises its theater to at least. */
const MOVE_FLOOR: Readonly<Partial<Record<MoveType, number>>> = {
  probe: 1,
  coerce: 2,
  limited_attack: 4,
  major_attack: 5,
  nuclear_signal: 6,
  nuclear_use: 7,
};

/** Limited nuclear use is open only from nuclear signaling up. */
export const NUCLEAR_USE_FROM = 6;

/** The rung a guarantor's nuclear step raises its ally's theater to at least. */
const STEP_FLOOR = { signal: 6, use: 7 } as const;

/** The rung a crisis stands at once the challenger's move lands: what audiences judge backing down by. */
export const crisisRung = (current: number, move: MoveType): number => Math.max(current, MOVE_FLOOR[move] ?? 0);

export interface TheaterInput {
  current: number;
  /** Highest rung reached anywhere so far. */
  precedent: number;
  /** The challenger's move in this theater this turn, if any. */
  move: MoveType | null;
  /** A guarantor honored a forceful move here: it mobilizes, and mobilization meets mobilization. */
  honored: boolean;
  /** An ally provoked an incident here (entrapment). */
  provocation: boolean;
  /** Exit ramps offered for this theater this turn. */
  exitRamps: number;
  /** Whether any nuclear power is party to this theater's crisis. */
  nuclearPossible: boolean;
  /** The highest nuclear step a guarantor took here this turn, if any. */
  guarantorStep?: 'signal' | 'use' | null;
  /** Nuclear steps taken here this turn, by anyone: each adds to the inadvertent risk. */
  nuclearSteps?: number;
}

/** Who pushed the theater over a rung: the one who pays the cost of breaking a threshold. */
export type CrossingCause = 'challenger' | 'guarantor' | 'both' | 'ally' | 'accident';

export interface TheaterResult {
  rung: Explained;
  /** Rungs crossed for the first time in the match, and who crossed them. */
  firstCrossings: { rung: number; cause: CrossingCause }[];
}

/** Resistance to stepping from `rung` to `rung + 1`: lower once someone has crossed it before. */
export const thresholdResistance = (rung: number, precedent: number, p: Params): number => {
  const r = p.thresholdResistance[rung + 1] ?? 1;
  return precedent >= rung + 1 ? r * p.precedentDiscount : r;
};

/** Chance of an inadvertent one-rung jump this turn: grows with each rung and each nuclear step taken. */
export const inadvertentChance = (rung: number, p: Params, nuclearSteps = 0): number =>
  rung >= 1 ? Math.min(1, p.inadvertentPerRung * rung + p.nuclearStepRisk * nuclearSteps) : 0;

/** Draws each theater takes every turn, whatever happens, so an override never shifts the dice. */
export const DRAWS_PER_THEATER = 7;

/** Resolves one theater for one turn. Always takes DRAWS_PER_THEATER draws from `rng`, in a fixed order. */
export const escalateTheater = (input: TheaterInput, p: Params, rng: RngCursor): TheaterResult => {
  const [
    escalateDraw,
    spiralChanceDraw,
    spiralDraw,
    provocationDraw,
    inadvertentChanceDraw,
    inadvertentDraw,
    coolingDraw,
  ] = Array.from({ length: DRAWS_PER_THEATER }, () => rng.float()) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const cap = input.nuclearPossible ? TOP_RUNG : CONVENTIONAL_CAP;
  const terms: Term[] = [{ label: 'rung at the start of the turn', value: input.current }];
  let rung = input.current;
  const firstCrossings: TheaterResult['firstCrossings'] = [];
  const precedent = () => Math.max(input.precedent, ...firstCrossings.map((c) => c.rung));
  const step = (label: string, delta: number, cause: CrossingCause) => {
    const next = Math.max(0, Math.min(cap, rung + delta));
    if (next === rung) return;
    for (let k = rung + 1; k <= next; k++) if (k > precedent()) firstCrossings.push({ rung: k, cause });
    terms.push({ label, value: next - rung });
    rung = next;
  };
  /** A push up one rung that must overcome the threshold; a held threshold shows as a zero term. */
  const push = (label: string, draw: number, cause: CrossingCause) => {
    if (draw >= thresholdResistance(rung, precedent(), p)) step(label, 1, cause);
    else terms.push({ label: `${label}: threshold held`, value: 0 });
  };

  const floor = input.move ? MOVE_FLOOR[input.move] : undefined;
  if (floor !== undefined && floor > rung)
    step(`challenger ${input.move?.replaceAll('_', ' ')}`, floor - rung, 'challenger');
  if (input.move === 'escalate') push('challenger escalates', escalateDraw, 'challenger');
  if (input.honored && rung < 3) step('guarantor mobilizes to honor', 3 - rung, 'guarantor');
  const stepFloor = input.guarantorStep ? STEP_FLOOR[input.guarantorStep] : 0;
  if (stepFloor > rung)
    step(
      input.guarantorStep === 'use' ? 'guarantor uses nuclear weapons' : 'guarantor signals nuclear resolve',
      stepFloor - rung,
      'guarantor',
    );
  if (input.honored && spiralChanceDraw < p.spiralChance) push('mobilization spiral', spiralDraw, 'both');
  if (input.provocation) push('ally provocation', provocationDraw, 'ally');
  if (input.move === 'de_escalate') step('challenger de-escalates', -1, 'challenger');
  const forceful = input.move !== null && input.move !== 'hold' && input.move !== 'de_escalate';
  if (input.exitRamps > 0 && !forceful) step('exit ramp taken', -1, 'challenger');
  if (rung >= 1 && inadvertentChanceDraw < inadvertentChance(rung, p, input.nuclearSteps ?? 0))
    push('inadvertent escalation', inadvertentDraw, 'accident');
  const quiet = (input.move === null || input.move === 'hold') && !input.provocation && !input.honored;
  if (quiet && rung > 0 && coolingDraw < p.coolingChance) step('the theater cools', -1, 'accident');
  return { rung: { value: rung, terms }, firstCrossings };
};

/** Overall escalation: the highest rung of any theater, named in its breakdown. */
export const overallEscalation = (regions: Readonly<Record<string, { name: string; rung: number }>>): Explained => {
  let top: { name: string; rung: number } | undefined;
  for (const r of Object.values(regions)) if (!top || r.rung > top.rung) top = r;
  return { value: top?.rung ?? 0, terms: top ? [{ label: `highest theater: ${top.name}`, value: top.rung }] : [] };
};
