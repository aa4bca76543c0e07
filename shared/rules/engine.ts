// The one entry point for commands. Checks run in a fixed order — shape, seat, match over, role,
// phase — and only then the command's own rules. A refusal never changes the state.
import type { GameState } from '../model/state.js';
import type { Phase, Role } from '../model/vocabulary.js';
import { type Command, type CommandType, CommandSchema, describeIssues } from '../protocol/commands.js';
import { fail, type Result } from '../result.js';
import { allocate } from './commands/allocate.js';
import { back } from './commands/back.js';
import { answerAlly, answerGuarantee } from './commands/answers.js';
import type { Handler } from './commands/context.js';
import { advancePhase, extendTimer, pause, resume, setShowMath } from './commands/facilitator.js';
import { inject, injectCustom } from './commands/inject.js';
import { move } from './commands/move.js';
import { ready } from './commands/ready.js';
import { override, publishReview } from './commands/review.js';
import { statement } from './commands/statement.js';
import type { Outcome } from './flow.js';
import { seatById } from './seats.js';

const NATIONS: readonly Role[] = ['guarantor', 'ally', 'challenger'];
const WHITE_CELL: readonly Role[] = ['facilitator'];
const ANY_PHASE = null;

interface Rule<T extends CommandType> {
  roles: readonly Role[];
  /** Phases in which the command is accepted; null = any phase. */
  phases: readonly Phase[] | null;
  handle: Handler<T>;
}

/** Who may send each command, and when. */
const RULES: { [T in CommandType]: Rule<T> } = {
  ready: { roles: NATIONS, phases: ['briefing', 'diplomacy', 'results'], handle: ready },
  back: { roles: NATIONS, phases: ANY_PHASE, handle: back },
  statement: { roles: NATIONS, phases: ['diplomacy'], handle: statement },
  allocate: { roles: NATIONS, phases: ['allocation'], handle: allocate },
  move: { roles: ['challenger'], phases: ['challenger_move'], handle: move },
  answer_guarantee: { roles: ['guarantor'], phases: ['responses'], handle: answerGuarantee },
  answer_ally: { roles: ['ally'], phases: ['responses'], handle: answerAlly },
  advance_phase: { roles: WHITE_CELL, phases: ANY_PHASE, handle: advancePhase },
  pause: { roles: WHITE_CELL, phases: ANY_PHASE, handle: pause },
  resume: { roles: WHITE_CELL, phases: ANY_PHASE, handle: resume },
  extend_timer: { roles: WHITE_CELL, phases: ANY_PHASE, handle: extendTimer },
  inject: { roles: WHITE_CELL, phases: ANY_PHASE, handle: inject },
  inject_custom: { roles: WHITE_CELL, phases: ANY_PHASE, handle: injectCustom },
  override: { roles: WHITE_CELL, phases: ['adjudication'], handle: override },
  publish: { roles: WHITE_CELL, phases: ['adjudication'], handle: publishReview },
  set_show_math: { roles: WHITE_CELL, phases: ANY_PHASE, handle: setShowMath },
};

/** Parses an untrusted payload into a command; the error names each bad field. */
export const parseCommand = (input: unknown): Result<Command> => {
  const parsed = CommandSchema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : fail('ERR_MALFORMED', describeIssues(parsed.error));
};

export interface CommandOptions {
  /** A bot sent it for a seat in civil disorder: the seat stays in civil disorder until a human acts. */
  byBot?: boolean;
}

/** Applies an already-parsed command (bots and the simulator; everything else goes through applyCommand). */
export const applyParsed = (
  state: GameState,
  seatId: string,
  command: Command,
  options: CommandOptions = {},
): Result<Outcome> => {
  const seat = seatById(state, seatId);
  if (!seat) return fail('ERR_UNKNOWN_SEAT', `no seat "${seatId}" in this match`);
  if (state.ended) return fail('ERR_MATCH_OVER', 'the match has ended');
  const rule = RULES[command.type] as Rule<CommandType>;
  if (!rule.roles.includes(seat.role)) return fail('ERR_NOT_YOUR_ROLE', `a ${seat.role} cannot send "${command.type}"`);
  if (rule.phases !== null && !rule.phases.includes(state.phase))
    return fail(
      'ERR_NOT_YOUR_PHASE',
      `"${command.type}" is not accepted in the ${state.phase.replace('_', ' ')} phase`,
    );
  const result = rule.handle(state, seat, command as never);
  if (!result.ok || !options.byBot) return result;
  return { ok: true, value: { ...result.value, state: { ...result.value.state, missed: state.missed } } };
};

/** The engine's entry point: an untrusted payload from `seatId`, checked in a fixed order, then applied. */
export const applyCommand = (
  state: GameState,
  seatId: string,
  input: unknown,
  options: CommandOptions = {},
): Result<Outcome> => {
  const parsed = parseCommand(input);
  return parsed.ok ? applyParsed(state, seatId, parsed.value, options) : parsed;
};
