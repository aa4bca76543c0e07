// The client store, without Phaser or a network: snapshots from decoded room states, the seat's
// own secrets merged in, a bounded turn log, and a clear problem instead of a broken picture.
import { describe, expect, it } from 'vitest';
import { LOG_LIMIT, MatchStore } from '../../client/net/store.js';
import { wireFrom, withAureliaAllocation } from './fixtures.js';

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
    store.applyState({ ...good, world: '{"nations": 42}' });
    expect(store.current.problem).toMatch(/invalid view: .*nations: Invalid input: expected record, received number/);
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
