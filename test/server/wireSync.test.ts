// The sync and the client's reader over whole matches of both scenarios, without a network: after
// every phase, each seat's client (a StateView holding only its own entry, decoded by reflection as
// colyseus.js does, patch after patch) rebuilds exactly viewFor's view, breakdowns aside, and holds
// no other seat's entry.
import { Encoder, Reflection, StateView } from '@colyseus/schema';
import { describe, expect, it } from 'vitest';
import { type GameState, SCENARIOS, playBotMatch, readView, viewFor } from '../../shared/index.js';
import { withoutBreakdowns } from '../../shared/protocol/breakdown.js';
import { newCrisisState } from '../../server/rooms/schema/CrisisState.js';
import { showGained, syncState } from '../../server/rooms/sync.js';

interface FakeClient {
  seat: string;
  view: StateView;
  decoder: ReturnType<typeof Reflection.decode>;
}

describe.each(['classroom', 'baltic'])('the %s wire, phase after phase', (id) => {
  it("every seat's client rebuilds its own view and no one else's", () => {
    const scenario = SCENARIOS[id];
    if (!scenario) throw new Error(`no ${id}`);
    const states: GameState[] = [];
    playBotMatch(scenario, 11, {}, (s) => states.push(s));
    expect(states.length).toBeGreaterThan(40);
    const target = newCrisisState();
    const encoder = new Encoder(target);
    const sync = (state: GameState) =>
      syncState(target, { state, status: 'playing', deadline: null, bots: {} }, { members: [], drafts: new Map() });
    sync(states[0]!);
    const seats = ['observer', ...states[0]!.seats.filter((s) => s.role !== 'observer').map((s) => s.id)];
    const handshake = Reflection.encode(encoder);
    const clients: FakeClient[] = seats.map((seat) => {
      const view = new StateView();
      const entry = target.secrets.get(seat);
      if (entry) view.add(entry);
      const decoder = Reflection.decode(handshake);
      const it = { offset: 0 };
      encoder.encodeAll(it);
      decoder.decode(encoder.encodeAllView(view, it.offset, it));
      return { seat, view, decoder };
    });
    encoder.discardChanges();
    for (const state of states.slice(1)) {
      const gained = sync(state);
      // The room's own step: what an entry gained joins the views holding it.
      showGained(gained, clients as never, (c) => (c as unknown as FakeClient).seat);
      const it = { offset: 0 };
      encoder.encode(it);
      for (const c of clients) c.decoder.decode(encoder.encodeView(c.view, it.offset, { ...it }));
      encoder.discardChanges();
      for (const c of clients) {
        const decoded = c.decoder.state as unknown as { secrets?: Map<string, unknown> };
        expect([...(decoded.secrets?.keys() ?? [])]).toEqual(c.seat === 'observer' ? [] : [c.seat]);
        expect(readView(decoded, c.seat)).toEqual(withoutBreakdowns(viewFor(state, c.seat)));
      }
    }
  }, 60_000);
});
