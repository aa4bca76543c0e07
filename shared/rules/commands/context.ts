// What every command handler receives once the engine has checked seat, role and phase.
import type { GameEvent } from '../../model/events.js';
import type { GameState, Seat } from '../../model/state.js';
import type { Command, CommandType } from '../../protocol/commands.js';
import type { Result } from '../../result.js';
import type { Outcome } from '../flow.js';

export type Handler<T extends CommandType> = (
  state: GameState,
  seat: Seat,
  command: Extract<Command, { type: T }>,
) => Result<Outcome>;

/** The event every accepted command leaves: visible to its own seat (and the facilitator). */
export const accepted = (state: GameState, seat: Seat, text: string, data?: Record<string, unknown>): GameEvent => ({
  kind: 'command_accepted',
  turn: state.turn,
  visibleTo: [seat.id],
  text,
  ...(data ? { data } : {}),
});

/** A submission resets the seat's missed-deadline count: a human acting again ends civil disorder. */
export const clearMissed = (state: GameState, seat: Seat): GameState['missed'] =>
  state.missed[seat.id] ? { ...state.missed, [seat.id]: 0 } : state.missed;
