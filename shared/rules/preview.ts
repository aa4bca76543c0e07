// Previews of an allocation and of a crisis answer, run with adjudication's own steps on a copy of
// what a seat sees: the turn's spending (step 1), the odds drawn on the world it leaves (step 2), and
// an answer's charge (step 4). What the view cannot see is taken as the engine would default it (status quo spending
// for another seat) or left out (another seat's answer), so with the whole state the preview is
// exactly what adjudication charges.
import type { Allocation } from '../model/commands.js';
import type { Change, Crisis, VisibleState, World } from '../model/state.js';
import type { GuarantorResponse, NuclearStep } from '../model/vocabulary.js';
import { type AnswerCharge, chargeAnswer, decisionRecord } from './answerCosts.js';
import { type CrisisAnswers, collectAnswers, crisisOdds } from './combat.js';
import { spendTurn } from './economy.js';
import { crisisRung } from './escalation.js';
import { Ledger } from './ledger.js';
import { asForceful } from './moves.js';

/** A ledger over a copy of `state` and the world that reads it, as adjudication sets them up. */
const copyOf = (state: VisibleState): { ledger: Ledger; world: World } => {
  const ledger = new Ledger(state);
  return {
    ledger,
    world: { ...state, nations: ledger.nations, guarantees: ledger.guarantees, regions: ledger.regions },
  };
};

/** This turn's spending with `allocation` as the seat's: the world it leaves and every change, explained. */
export const previewAllocation = (
  state: VisibleState,
  seat: string,
  allocation: Allocation,
): { world: World; changes: Change[] } => {
  const { ledger, world } = copyOf(state);
  spendTurn(ledger, world, { ...state.allocations, [seat]: allocation });
  return { world, changes: ledger.changes() };
};

/** The world after this turn's spending: the one adjudication draws the crises on. */
export const spentWorld = (state: VisibleState): World => {
  const { ledger, world } = copyOf(state);
  spendTurn(ledger, world, state.allocations);
  return world;
};

/** The guarantees adjudication charges an answer on, in its order: each forceful crisis's invoked ones. */
const chargedInOrder = (state: VisibleState): { crisis: Crisis; gid: string }[] =>
  state.crises.flatMap((crisis) =>
    asForceful(crisis.move.type) && crisis.move.target ? crisis.invoked.map((gid) => ({ crisis, gid })) : [],
  );

export interface AnswerPreview extends AnswerCharge {
  /** Chance the challenger's action succeeds with this answer and the others known (0 for a move that cannot succeed). */
  success: number;
  /** The world once the turn's spending and this answer are counted, its history holding the decision. */
  after: World;
}

/**
 * What answering `choice` (with `nuclear`) on guarantee `gid` would cost and change. Answers the
 * state already holds that adjudication charges before this one are charged first, since an earlier
 * honor's bill shrinks the budget this one is paid from.
 */
export const previewAnswer = (
  state: VisibleState,
  gid: string,
  choice: GuarantorResponse,
  nuclear: NuclearStep | null,
): AnswerPreview | null => {
  const order = chargedInOrder(state);
  const mine = order.find((x) => x.gid === gid);
  const g = state.guarantees[gid];
  const crisis = mine?.crisis ?? state.crises.find((c) => c.invoked.includes(gid));
  if (!g || !crisis) return null;
  const { ledger, world } = copyOf(state);
  spendTurn(ledger, world, state.allocations);
  const known = collectAnswers(state);
  const { [gid]: _step, ...otherSteps } = known.nuclear;
  const answers: Required<CrisisAnswers> = {
    guarantors: { ...known.guarantors, [gid]: choice },
    allies: known.allies,
    nuclear: nuclear ? { ...otherSteps, [gid]: nuclear } : otherSteps,
  };
  const odds = crisisOdds(world, crisis, answers);
  const rungOf = (c: Crisis) => crisisRung(state.regions[c.region ?? '']?.rung ?? 0, c.move.type);
  for (const earlier of order.slice(0, mine ? order.indexOf(mine) : 0)) {
    const other = state.guarantees[earlier.gid];
    const given = known.guarantors[earlier.gid];
    if (!other || !given) continue;
    const step = given === 'honor' ? (known.nuclear[earlier.gid] ?? null) : null;
    chargeAnswer(ledger, world, earlier.crisis, other, given, step, rungOf(earlier.crisis));
  }
  const charge = chargeAnswer(ledger, world, crisis, g, choice, choice === 'honor' ? nuclear : null, rungOf(crisis));
  const forceful = asForceful(crisis.move.type) !== null && crisis.move.target !== null;
  return {
    ...charge,
    success: forceful ? odds.success : 0,
    after: { ...world, history: [...state.history, decisionRecord(state, crisis, g, choice)] },
  };
};
