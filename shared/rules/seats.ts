// Small lookups between seats and nations, shared by the flow, the commands and the views.
import type { GameState, Seat } from '../model/state.js';

export const FACILITATOR_SEAT = 'facilitator';
export const OBSERVER_SEAT = 'observer';

export const seatById = (state: Pick<GameState, 'seats'>, id: string): Seat | undefined =>
  state.seats.find((s) => s.id === id);

/** The nation a seat plays, or '' for the White Cell, observers and unknown seats. */
export const nationOf = (state: Pick<GameState, 'seats'>, id: string): string => seatById(state, id)?.nation ?? '';

export const seatOfNation = (state: Pick<GameState, 'seats'>, nation: string): Seat | undefined =>
  state.seats.find((s) => s.nation === nation);

/** Seats that play a nation, in scenario order. */
export const nationSeats = (state: Pick<GameState, 'seats'>): Seat[] => state.seats.filter((s) => s.nation !== null);

/** A seat that missed this many deadlines in a row is played by a bot until a human acts again. */
export const inCivilDisorder = (state: Pick<GameState, 'missed' | 'settings'>, seat: string): boolean =>
  (state.missed[seat] ?? 0) >= state.settings.civilDisorderAfter;

/**
 * Who must answer the current crises: each invoked guarantee's guarantor seat (once per guarantee),
 * and every ally of those guarantors (once).
 */
export const respondents = (
  state: Pick<GameState, 'seats' | 'crises' | 'guarantees'>,
): { guarantees: Map<string, string[]>; allies: string[] } => {
  const guarantees = new Map<string, string[]>();
  const guarantors = new Set<string>();
  for (const c of state.crises)
    for (const gid of c.invoked) {
      const g = state.guarantees[gid];
      const seat = g && seatOfNation(state, g.guarantor);
      if (!g || !seat) continue;
      guarantors.add(g.guarantor);
      const list = guarantees.get(seat.id) ?? [];
      if (!list.includes(gid)) list.push(gid);
      guarantees.set(seat.id, list);
    }
  const allies: string[] = [];
  for (const g of Object.values(state.guarantees)) {
    if (!guarantors.has(g.guarantor)) continue;
    const seat = seatOfNation(state, g.ally);
    if (seat && !allies.includes(seat.id)) allies.push(seat.id);
  }
  return { guarantees, allies };
};

/**
 * Looks an id from a client up in a record of the state. Own keys only: "constructor" or
 * "__proto__" must never pass for a nation, region or guarantee.
 */
export const lookup = <T>(record: Readonly<Record<string, T>>, id: string | null | undefined): T | undefined =>
  id !== null && id !== undefined && Object.hasOwn(record, id) ? record[id] : undefined;
