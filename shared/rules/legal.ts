// The commands a seat may send now. Allocations are continuous, so this offers a few
// representative plans (status quo, guns, butter, forward), each anchored to the defense share the
// nation started with (a government's plan, not last year's number compounded); bots choose among them.
import type { Allocation } from '../model/commands.js';
import type { NationState, VisibleState } from '../model/state.js';
import { ALLY_RESPONSES, GUARANTOR_RESPONSES, NUCLEAR_STEPS, TARGETED_MOVES } from '../model/vocabulary.js';
import type { Command } from '../protocol/commands.js';
import { nuclearAnswerProblem } from './commands/answers.js';
import { nuclearMoveProblem } from './commands/move.js';
import { budget, turnYears, umbrellaUpkeep } from './economy.js';
import { owedBy } from './flow.js';
import { sanctioning } from './sanctions.js';
import { respondents, seatById } from './seats.js';

/** Regions a nation might want forward forces in: where its allies live (guarantors) or home. */
const frontRegions = (state: VisibleState, n: NationState): string[] => {
  const regions = Object.values(state.guarantees)
    .filter((g) => g.guarantor === n.id)
    .map((g) => state.nations[g.ally]?.region ?? '')
    .filter((r, i, all) => r !== '' && r !== n.region && all.indexOf(r) === i);
  return regions;
};

/**
 * Representative allocations, each within budget: defense at the starting share (status quo),
 * half again (guns), 60% of it (butter), or the status quo with 30% moved forward. A nuclear
 * guarantor's plans keep its umbrella funded out of the defense line.
 */
export const allocationPlans = (state: VisibleState, n: NationState): { name: string; allocation: Allocation }[] => {
  const years = turnYears(state);
  const total = budget(n, years).value;
  const guarantor = Object.values(state.guarantees).some((g) => g.guarantor === n.id);
  const anchor = (n.defenseShare0 / 100) * n.gdp * years;
  const plan = (factor: number, forward: readonly string[] = []): Allocation => {
    const defense = Math.min(total, anchor * factor);
    const umbrella = n.nuclear && guarantor ? Math.min(defense, umbrellaUpkeep(n, years)) : 0;
    const moved = forward.length > 0 ? (defense - umbrella) * 0.3 : 0;
    const rest = defense - umbrella - moved;
    return {
      readiness: rest / 2,
      forwardPosture: Object.fromEntries(forward.map((r) => [r, moved / forward.length])),
      modernization: rest / 2,
      extendedDeterrence: umbrella,
      foreignAid: {},
      domestic: total - defense,
    };
  };
  const plans = [
    { name: 'status quo', allocation: plan(1) },
    { name: 'guns', allocation: plan(1.5) },
    { name: 'butter', allocation: plan(0.6) },
  ];
  const fronts = frontRegions(state, n);
  if (fronts.length > 0) plans.push({ name: 'forward', allocation: plan(1, fronts) });
  return plans;
};

/** Every command `seatId` may send in the current state (override is left out: it needs a reason). */
export const legalCommands = (state: VisibleState, seatId: string): Command[] => {
  const seat = seatById(state, seatId);
  if (!seat || state.ended) return [];
  if (seat.role === 'observer') return [];
  if (seat.role === 'facilitator') {
    const out: Command[] = [{ type: 'advance_phase' }, { type: state.settings.paused ? 'resume' : 'pause' }];
    if (state.pending) out.push({ type: 'publish' });
    out.push({ type: 'set_show_math', on: !state.settings.showMath });
    for (const card of state.config.deck) out.push({ type: 'inject', card: card.id });
    return out;
  }
  const n = state.nations[seat.nation ?? ''];
  if (!n) return [];
  const owes = owedBy(state).includes(seatId);
  switch (state.phase) {
    case 'briefing':
    case 'results':
      return owes ? [{ type: 'ready' }] : [];
    case 'diplomacy': {
      if (!owes) return [];
      const out: Command[] = [{ type: 'ready' }];
      const said = (kind: string, subject: string) =>
        state.statements.some((s) => s.seat === seatId && s.kind === kind && s.subject === subject);
      for (const g of Object.values(state.guarantees).filter((x) => x.guarantor === n.id))
        for (const kind of ['red_line', 'clarify', 'narrow'] as const)
          if (!said(kind, g.id)) out.push({ type: 'statement', kind, subject: g.id, text: '' });
      for (const r of Object.values(state.regions))
        if (r.rung > 0 && !said('exit_ramp', r.id))
          out.push({ type: 'statement', kind: 'exit_ramp', subject: r.id, text: '' });
      // Sanctions are listed against the other side: challengers for everyone else, guarantors for challengers.
      const against = seat.role === 'challenger' ? 'guarantor' : 'challenger';
      for (const s of state.seats.filter((x) => x.role === against && x.nation)) {
        const target = s.nation ?? '';
        const kind = sanctioning(state, n.id, target) ? 'lift_sanctions' : 'sanction';
        if (!said(kind, target)) out.push({ type: 'statement', kind, subject: target, text: '' });
      }
      return out;
    }
    case 'allocation':
      return owes ? allocationPlans(state, n).map((p) => ({ type: 'allocate', allocation: p.allocation })) : [];
    case 'challenger_move': {
      if (!owes || seat.role !== 'challenger') return [];
      const out: Command[] = [{ type: 'move', move: { type: 'hold', target: null } }];
      const targets = state.seats
        .filter((s) => s.nation !== null && s.role !== 'challenger')
        .map((s) => s.nation as string);
      for (const target of targets)
        for (const type of TARGETED_MOVES) {
          // De-escalation only makes sense where there is something to cool.
          const cool = (state.regions[state.nations[target]?.region ?? '']?.rung ?? 0) > 0;
          if (type === 'de_escalate' && !cool) continue;
          if (nuclearMoveProblem(state, n.id, { type, target }) === null)
            out.push({ type: 'move', move: { type, target } });
        }
      return out;
    }
    case 'responses': {
      const owed = respondents(state);
      const out: Command[] = [];
      for (const g of owed.guarantees.get(seatId) ?? [])
        if (!state.guarantorAnswers[seatId]?.[g]) {
          for (const choice of GUARANTOR_RESPONSES) out.push({ type: 'answer_guarantee', guarantee: g, choice });
          for (const nuclear of NUCLEAR_STEPS)
            if (nuclearAnswerProblem(state, g, 'honor', nuclear) === null)
              out.push({ type: 'answer_guarantee', guarantee: g, choice: 'honor', nuclear });
        }
      if (owed.allies.includes(seatId) && !state.allyAnswers[seatId])
        for (const choice of ALLY_RESPONSES) out.push({ type: 'answer_ally', choice });
      return out;
    }
    case 'adjudication':
      return [];
  }
};
