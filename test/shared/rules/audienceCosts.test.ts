// Audience costs: backing down from a public commitment costs consensus, more the higher the rung
// (cost = 10 × commitment × share backed away from × (1 + 0.25 × rung)).
import { describe, expect, test } from 'vitest';
import type { GuarantorResponse } from '../../../shared/model/vocabulary.js';
import { audienceCost, narrowingCost } from '../../../shared/rules/audienceCosts.js';
import { DEFAULT_PARAMS as P } from '../../../shared/model/params.js';
import { termsSum } from './world.js';

describe('audienceCost', () => {
  test.each<[number, number, GuarantorResponse, number]>([
    [1, 0, 'abandon', 10],
    [1, 0, 'partial', 5],
    [1, 0, 'honor', 0],
    [0, 4, 'abandon', 0],
    [1, 4, 'abandon', 20],
    [0.5, 2, 'partial', 3.75],
    [1, 8, 'abandon', 30],
    [0.5, 5, 'abandon', 11.25],
  ])('commitment %f at rung %i, %s → %f', (commitment, rung, choice, expected) => {
    const c = audienceCost(commitment, rung, choice, P);
    expect(c.value).toBeCloseTo(expected, 12);
    expect(termsSum(c)).toBeCloseTo(c.value, 12);
    expect(c.terms[0]?.label).toContain(`(${choice})`);
  });

  test('the cost of backing down grows with every rung (direction 11)', () => {
    for (let rung = 0; rung < 8; rung++)
      expect(audienceCost(1, rung + 1, 'abandon', P).value).toBeGreaterThan(audienceCost(1, rung, 'abandon', P).value);
  });
});

describe('narrowingCost: taking back a commitment is a full climb-down of what is removed', () => {
  test.each([
    [0.5, 0, 5],
    [0.5, 2, 7.5],
    [0, 3, 0],
  ])('removing %f at rung %i → %f', (removed, rung, expected) => {
    expect(narrowingCost(removed, rung, P).value).toBeCloseTo(expected, 12);
  });
});
