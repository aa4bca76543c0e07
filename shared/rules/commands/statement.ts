// Public statements: a guarantor's red line, clarification or narrowing of one of its guarantees,
// anyone's exit ramp for a theater, and sanctions imposed or lifted. Public at once; red lines
// create audience costs later; sanctions are in force from this turn until lifted.
import type { GameState, GuaranteeState } from '../../model/state.js';
import { THREAT_KINDS } from '../../model/vocabulary.js';
import { fail, ok } from '../../result.js';
import { narrowingCost } from '../audienceCosts.js';
import { imposeSanctions, liftSanctions, sanctioning } from '../sanctions.js';
import { lookup } from '../seats.js';
import type { Handler } from './context.js';

/** How much a red line commits, and how much a narrowing takes back. */
const COMMITMENT_STEP = 0.5;
/** How much a clarification adds to clarity. */
const CLARITY_STEP = 0.1;

const withGuarantee = (state: GameState, g: GuaranteeState): GameState => ({
  ...state,
  guarantees: { ...state.guarantees, [g.id]: g },
});

export const statement: Handler<'statement'> = (state, seat, { kind, subject, text }) => {
  if (state.statements.some((s) => s.seat === seat.id && s.kind === kind && s.subject === subject))
    return fail(
      'ERR_ALREADY_SUBMITTED',
      `${seat.id} already made a ${kind.replace('_', ' ')} about ${subject} this turn`,
    );
  let next = state;
  const sender = seat.nation ?? '';
  if (kind === 'exit_ramp') {
    if (!lookup(state.regions, subject)) return fail('ERR_UNKNOWN_TARGET', `subject: unknown region "${subject}"`);
  } else if (kind === 'sanction' || kind === 'lift_sanctions') {
    if (!lookup(state.nations, subject) || subject === sender)
      return fail('ERR_UNKNOWN_TARGET', `subject: "${subject}" is not another nation in this match`);
    const on = sanctioning(state, sender, subject);
    if (kind === 'sanction' && on) return fail('ERR_ALREADY_SUBMITTED', `${seat.id} already sanctions ${subject}`);
    if (kind === 'lift_sanctions' && !on)
      return fail('ERR_UNKNOWN_TARGET', `subject: ${seat.id} has no sanctions on ${subject} to lift`);
    next = {
      ...state,
      sanctions:
        kind === 'sanction'
          ? imposeSanctions(state.sanctions, sender, subject, state.turn)
          : liftSanctions(state.sanctions, sender, subject),
    };
  } else {
    const g = lookup(state.guarantees, subject);
    if (!g || g.guarantor !== seat.nation)
      return fail('ERR_UNKNOWN_TARGET', `subject: "${subject}" is not a guarantee that ${seat.id} extends`);
    if (kind === 'red_line')
      next = withGuarantee(state, { ...g, commitment: Math.min(1, g.commitment + COMMITMENT_STEP) });
    if (kind === 'clarify') next = withGuarantee(state, { ...g, clarity: Math.min(1, g.clarity + CLARITY_STEP) });
    if (kind === 'narrow') {
      const removed = Math.min(g.commitment, COMMITMENT_STEP);
      // Narrowing drops the least severe threat it covered, never the last one; a treaty's scope
      // is as written, so narrowing one takes back only the words said on top of it.
      const lowest = [...g.scope].sort((a, b) => THREAT_KINDS.indexOf(a) - THREAT_KINDS.indexOf(b))[0];
      const scope = g.scope.length > 1 && g.type !== 'treaty' ? g.scope.filter((t) => t !== lowest) : g.scope;
      next = withGuarantee(state, { ...g, commitment: g.commitment - removed, scope });
      const guarantor = next.nations[g.guarantor];
      const rung = next.regions[next.nations[g.ally]?.region ?? '']?.rung ?? 0;
      if (guarantor && removed > 0) {
        const cost = narrowingCost(removed, rung, state.params).value;
        next = {
          ...next,
          nations: {
            ...next.nations,
            [guarantor.id]: { ...guarantor, consensus: Math.max(0, guarantor.consensus - cost) },
          },
        };
      }
    }
  }
  const said = { kind, subject, text, seat: seat.id };
  return ok({
    state: { ...next, statements: [...next.statements, said] },
    events: [
      {
        kind: 'statement',
        turn: state.turn,
        visibleTo: 'all',
        text: `${seat.id}: ${kind.replace('_', ' ')} on ${subject}${text ? ` — "${text}"` : ''}`,
        data: { statement: said },
      },
    ],
  });
};
