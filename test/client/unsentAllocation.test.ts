// The allocation a player is editing survives a reload in its tab, for that turn only.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearUnsent, loadUnsent, saveUnsent } from '../../client/game/unsentAllocation.js';
import type { Allocation } from '../../shared/model/commands.js';

const plan: Allocation = {
  readiness: 123,
  modernization: 224,
  extendedDeterrence: 0,
  forwardPosture: { northmarch: 96 },
  foreignAid: {},
  domestic: 960,
};

describe('the unsent allocation', () => {
  const items = new Map<string, string>();
  beforeEach(() => {
    // The tests run in Node: a Map stands in for the tab's sessionStorage.
    items.clear();
    vi.stubGlobal('sessionStorage', {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('comes back for the same match, seat and turn, and only then', () => {
    saveUnsent('ABCDEFGH', 'aurelia', 2, plan);
    expect(loadUnsent('ABCDEFGH', 'aurelia', 2)).toEqual(plan);
    expect(loadUnsent('ABCDEFGH', 'aurelia', 3)).toBeNull();
    expect(loadUnsent('ABCDEFGH', 'bosk', 2)).toBeNull();
    expect(loadUnsent('ZZZZZZZZ', 'aurelia', 2)).toBeNull();
    clearUnsent('ABCDEFGH', 'aurelia');
    expect(loadUnsent('ABCDEFGH', 'aurelia', 2)).toBeNull();
  });

  it('ignores what does not read as an allocation', () => {
    items.set('guarantor.allocation:ABCDEFGH:aurelia', '{"turn":2,"allocation":{"readiness":-1}}');
    expect(loadUnsent('ABCDEFGH', 'aurelia', 2)).toBeNull();
    items.set('guarantor.allocation:ABCDEFGH:aurelia', 'not json');
    expect(loadUnsent('ABCDEFGH', 'aurelia', 2)).toBeNull();
  });
});
