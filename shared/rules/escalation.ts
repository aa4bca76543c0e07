// The escalation ladder per theater: deliberate moves set the rung, mutual mobilization spirals up,
// exit ramps come down, thresholds are sticky until a precedent is broken, and the risk of an
// inadvertent jump grows with each rung. Rung 8 (general nuclear war) ends the match.
import { type Explained, type Term } from '../model/explain.js';
import { type MoveType, TOP_RUNG } from '../model/vocabulary.js';
import type { Params } from './params.js';
import type { RngCursor } from '../rng.js';

/** Highest rung reachable without a nuclear power involved: major war. */
export const CONVENTIONAL_CAP = 5;

/** The rung a deliberate move raises its theater to at least. */
const MOVE_FLOOR: Readonly<Partial<Record<MoveType, number>>> = {
  probe: 1,
  coerce: 2,
  limited_attack: 4,
  major_attack: 5,
};

export interface TheaterInput {
  current: number;
  /** Highest rung reached anywhere so far. */
  precedent: number;
  /** The challenger's move in this theater this turn, if any. */
  move: MoveType | null;
  /** A guarantor honored an armed attack here: mobilization meets mobilization. */
  honoredAttack: boolean;
  /** An ally provoked an incident here (entrapment). */
  provocation: boolean;
  /** Exit ramps offered for this theater this turn. */
  exitRamps: number;
  /** Whether any nuclear power is party to this theater's crisis. */
  nuclearPossible: boolean;
}

export interface TheaterResult {
  rung: Explained;
  /** Rungs crossed for the first time in the match (their thresholds cost consensus). */
  firstCrossings: number[];
}

/** Resistance to stepping from `rung` to `rung + 1`: lower once someone has crossed it before. */
export const thresholdResistance = (rung: number, precedent: number, p: Params): number => {
  const r = p.thresholdResistance[rung + 1] ?? 1;
  return precedent >= rung + 1 ? r * p.precedentDiscount : r;
};

/** Chance of an inadvertent one-rung jump this turn: grows with each rung. */
export const inadvertentChance = (rung: number, p: Params): number => (rung >= 1 ? p.inadvertentPerRung * rung : 0);

/** Resolves one theater for one turn, drawing from `rng` in a fixed order. */
export const escalateTheater = (input: TheaterInput, p: Params, rng: RngCursor): TheaterResult => {
  const cap = input.nuclearPossible ? TOP_RUNG : CONVENTIONAL_CAP;
  const terms: Term[] = [{ label: 'rung at the start of the turn', value: input.current }];
  let rung = input.current;
  const firstCrossings: number[] = [];
  const step = (label: string, delta: number) => {
    const next = Math.max(0, Math.min(cap, rung + delta));
    if (next === rung) return;
    for (let k = rung + 1; k <= next; k++)
      if (k > input.precedent && !firstCrossings.includes(k)) firstCrossings.push(k);
    terms.push({ label, value: next - rung });
    rung = next;
  };
  /** A push up one rung that must overcome the threshold; a held threshold shows as a zero term. */
  const push = (label: string) => {
    if (rng.float() >= thresholdResistance(rung, Math.max(input.precedent, ...firstCrossings), p)) step(label, 1);
    else terms.push({ label: `${label}: threshold held`, value: 0 });
  };

  const floor = input.move ? MOVE_FLOOR[input.move] : undefined;
  if (floor !== undefined && floor > rung) step(`challenger ${input.move?.replace('_', ' ')}`, floor - rung);
  if (input.move === 'escalate') push('challenger escalates');
  if (input.honoredAttack && rung < 3) step('guarantor mobilizes to honor', 3 - rung);
  if (input.honoredAttack && rng.chance(p.spiralChance)) push('mobilization spiral');
  if (input.provocation) push('ally provocation');
  if (input.move === 'de_escalate') step('challenger de-escalates', -1);
  const attacking = input.move !== null && input.move !== 'hold' && input.move !== 'de_escalate';
  if (input.exitRamps > 0 && !attacking) step('exit ramp taken', -1);
  if (rung >= 1 && rng.chance(inadvertentChance(rung, p))) push('inadvertent escalation');
  const quiet = (input.move === null || input.move === 'hold') && !input.provocation && !input.honoredAttack;
  if (quiet && rung > 0 && rng.chance(p.coolingChance)) step('the theater cools', -1);
  return { rung: { value: rung, terms }, firstCrossings };
};

/** Overall escalation: the highest rung of any theater, named in its breakdown. */
export const overallEscalation = (regions: Readonly<Record<string, { name: string; rung: number }>>): Explained => {
  let top: { name: string; rung: number } | undefined;
  for (const r of Object.values(regions)) if (!top || r.rung > top.rung) top = r;
  return { value: top?.rung ?? 0, terms: top ? [{ label: `highest theater: ${top.name}`, value: top.rung }] : [] };
};
