// The allocation a player is editing survives a reload in its tab, for that turn only.
import { describe, expect, it } from 'vitest';
import { readUnsent, unsentEntry, unsentKey } from '../../client/view/unsentAllocation.js';
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
  it('is kept per match and seat, and comes back for its own turn only', () => {
    expect(unsentKey('ABCDEFGH', 'aurelia')).not.toBe(unsentKey('ABCDEFGH', 'bosk'));
    expect(unsentKey('ABCDEFGH', 'aurelia')).not.toBe(unsentKey('ZZZZZZZZ', 'aurelia'));
    const stored = unsentEntry(2, plan);
    expect(readUnsent(stored, 2)).toEqual(plan);
    expect(readUnsent(stored, 3)).toBeNull();
    expect(readUnsent(null, 2)).toBeNull();
  });

  it('ignores what does not read as an allocation', () => {
    expect(readUnsent('{"turn":2,"allocation":{"readiness":-1}}', 2)).toBeNull();
    expect(readUnsent('not json', 2)).toBeNull();
  });
});
