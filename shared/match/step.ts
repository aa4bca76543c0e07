// The one function that moves a match by one input, checked in the engine's fixed order: the
// input's shape (done when it was parsed), the match's status, then the engine's own checks.
import { policyProblem } from '../bots/policies.js';
import { type Result, fail, ok } from '../result.js';
import { applyParsed, parseCommand } from '../rules/engine.js';
import { advance } from '../rules/flow.js';
import { seatById } from '../rules/seats.js';
import { quoted } from '../protocol/clientValue.js';
import type { MatchInput } from './input.js';
import type { Match, Stepped } from './match.js';

/** A client's command for a seat as an input: its shape checked first, as in any phase. */
export const commandInput = (seat: string, payload: unknown): Result<MatchInput> => {
  const parsed = parseCommand(payload);
  return parsed.ok ? ok({ kind: 'command', seat, command: parsed.value }) : parsed;
};

export const stepMatch = (match: Match, input: MatchInput): Result<Stepped> => {
  const moved = apply(match, input);
  if (!moved.ok) return moved;
  const next = moved.value.match;
  return next.state.ended && next.status !== 'ended'
    ? ok({ ...moved.value, match: { ...next, status: 'ended' } })
    : moved;
};

const apply = (match: Match, input: MatchInput): Result<Stepped> => {
  switch (input.kind) {
    case 'start':
      if (match.status !== 'lobby') return fail('ERR_NOT_YOUR_PHASE', 'the match has already started');
      return ok({ match: { ...match, status: 'playing', bots: { ...input.bots } }, events: [] });
    case 'seating': {
      const seat = seatById(match.state, input.seat);
      if (!seat || seat.nation === null) return fail('ERR_UNKNOWN_SEAT', `no nation seat ${quoted(input.seat)}`);
      const problem = input.bot === null ? null : policyProblem(input.bot, seat.role);
      if (problem) return fail('ERR_NOT_YOUR_ROLE', problem);
      const bots = { ...match.bots };
      if (input.bot === null) delete bots[input.seat];
      else bots[input.seat] = input.bot;
      return ok({ match: { ...match, bots }, events: [] });
    }
    case 'command':
    case 'bot': {
      if (match.status === 'lobby') return fail('ERR_NOT_YOUR_PHASE', 'the match has not started yet');
      // A bot standing in for a seat in civil disorder leaves it there until its human acts.
      const byBot = input.kind === 'bot' && match.bots[input.seat] === undefined;
      const result = applyParsed(match.state, input.seat, input.command, { byBot });
      return result.ok ? ok({ match: { ...match, state: result.value.state }, events: result.value.events }) : result;
    }
    case 'timeout':
    case 'advance': {
      if (match.status !== 'playing') return fail('ERR_NOT_YOUR_PHASE', 'the match is not being played');
      const result = advance(match.state, { timedOut: input.kind === 'timeout' });
      return result.ok ? ok({ match: { ...match, state: result.value.state }, events: result.value.events }) : result;
    }
  }
};
