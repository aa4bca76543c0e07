// The client store, without Phaser or a network: snapshots from decoded room states, the seat's
// own secrets merged in, a bounded turn log, and a clear problem instead of a broken picture.
import { describe, expect, it } from 'vitest';
import { LOG_LIMIT, MatchStore } from '../../client/net/store.js';
import { type GameState, advance, viewFor } from '../../shared/index.js';
import { breakdownsOf, withoutBreakdowns } from '../../shared/protocol/breakdown.js';
import { classroomAt, must, wireFrom, withAureliaAllocation } from './fixtures.js';

/** The classroom just after turn 1's results are published: a report with breakdowns. */
const afterTurnOne = (showMath = true): GameState => {
  let state = classroomAt('briefing');
  state = { ...state, settings: { ...state.settings, showMath } };
  while (state.phase !== 'results') state = must(advance(state, { timedOut: true })).state;
  return state;
};

describe('MatchStore', () => {
  it("rebuilds the seat's view with its own secrets, and an observer's without", () => {
    const state = withAureliaAllocation();
    const wire = wireFrom(state, ['aurelia']);
    const aurelia = new MatchStore('aurelia');
    aurelia.applyState(wire);
    expect(aurelia.current.view?.allocations['aurelia']).toEqual(state.allocations['aurelia']);
    expect(aurelia.current.view?.phase).toBe('allocation');
    const observer = new MatchStore();
    observer.applyState(wire);
    expect(observer.current.view?.allocations).toEqual({});
    expect(observer.current.view?.nations).toEqual(state.nations);
  });

  it.each(['observer', 'aurelia', 'varkal', 'facilitator'])(
    '%s rebuilds exactly the view viewFor gives it on the server, breakdowns aside',
    (seat) => {
      for (const state of [withAureliaAllocation(), afterTurnOne(), afterTurnOne(false)]) {
        const store = new MatchStore(seat);
        store.applyState(wireFrom(state, seat === 'observer' ? [] : [seat]));
        expect(store.current.problem).toBeNull();
        expect(store.current.view).toEqual(withoutBreakdowns(viewFor(state, seat)));
      }
    },
  );

  it("asks once per report for the seat's breakdowns and fills them in when they arrive", () => {
    const state = afterTurnOne();
    const store = new MatchStore('aurelia');
    const asked: number[] = [];
    store.requestBreakdowns = (turn) => asked.push(turn);
    const wire = wireFrom(state, ['aurelia']);
    store.applyState(wire);
    store.applyState(wire);
    expect(asked).toEqual([state.report?.turn]);
    const full = viewFor(state, 'aurelia');
    expect(full.report?.changes.some((c) => c.why.terms.length > 0)).toBe(true);
    expect(store.current.view?.report?.changes.some((c) => c.why.terms.length > 0)).toBe(false);
    // A reply for another seat (never sent by the server, but checked) is ignored.
    store.applyBreakdowns(breakdownsOf(viewFor(state, 'varkal')));
    expect(store.current.view?.scores['aurelia']?.terms).toEqual([]);
    store.applyBreakdowns(breakdownsOf(full));
    expect(store.current.view).toEqual(full);
    // Later patches keep them while the report is the same.
    store.applyState(wire);
    expect(store.current.view).toEqual(full);
  });

  it('asks for nothing when the view has no breakdown to show (observers with the math off)', () => {
    const store = new MatchStore('observer');
    const asked: number[] = [];
    store.requestBreakdowns = (turn) => asked.push(turn);
    store.applyState(wireFrom(afterTurnOne(false), []));
    expect(asked).toEqual([]);
  });

  it('tells subscribers, keeps the log bounded, and follows a change of seat', () => {
    const store = new MatchStore();
    const seen: number[] = [];
    const off = store.subscribe((s) => seen.push(s.log.length));
    const event = { kind: 'statement' as const, turn: 1, visibleTo: 'all' as const, text: 'x' };
    store.applyEvents(Array.from({ length: LOG_LIMIT + 20 }, () => event));
    expect(store.current.log).toHaveLength(LOG_LIMIT);
    off();
    store.applyEvents([event]);
    expect(seen).toEqual([LOG_LIMIT]);
    store.seatAs('varkal');
    expect(store.current.seat).toBe('varkal');
  });

  it('reports a malformed state as a problem and keeps the last good view', () => {
    const store = new MatchStore('aurelia');
    const good = wireFrom(withAureliaAllocation(), ['aurelia']);
    store.applyState(good);
    const before = store.current.view;
    const broken = new Proxy(good.view as object, {
      get: (target, key) => (key === 'nations' ? 42 : (Reflect.get(target, key) as unknown)),
    });
    store.applyState({ ...good, view: broken });
    expect(store.current.problem).toMatch(/invalid view: view\.nations is not a map/);
    expect(store.current.view).toBe(before);
  });

  it('keeps chat lines in order, capped, and numbers each notice so a repeated refusal shows again', () => {
    const store = new MatchStore('aurelia');
    for (let i = 0; i < LOG_LIMIT + 3; i++)
      store.applyChat({ from: 'bosk', name: 'B', channel: 'public', text: `line ${i}`, at: i });
    expect(store.current.chat).toHaveLength(LOG_LIMIT);
    expect(store.current.chat.at(-1)?.text).toBe(`line ${LOG_LIMIT + 2}`);
    store.notify('error', 'over budget');
    const first = store.current.notice;
    store.notify('error', 'over budget');
    expect(store.current.notice?.text).toBe('over budget');
    expect(store.current.notice?.serial).not.toBe(first?.serial);
  });

  it('tells listeners when the link drops and comes back, once per change', () => {
    const store = new MatchStore();
    const links: string[] = [];
    store.subscribe((s) => links.push(s.link));
    store.setLink('connected');
    store.setLink('connected');
    store.setLink('reconnecting');
    store.setLink('connected');
    expect(links).toEqual(['connected', 'reconnecting', 'connected']);
  });
});
