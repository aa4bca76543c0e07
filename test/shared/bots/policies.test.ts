// The fixed policies behave as named, and they move the challenger the way DESIGN.md predicts:
// a guarantor that always honors is attacked less than one that always abandons.
import { beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../../shared/index.js';
import { policyProblem } from '../../../shared/bots/policies.js';
import { simulateMatch } from '../../../shared/sim/botMatch.js';
import { deriveSeed } from '../../../shared/rng.js';

const classroom = SCENARIOS['classroom'];
if (!classroom) throw new Error('classroom missing');
const GAMES = 300;

/** Armed attacks per match and the honor share, with the guarantor on a fixed policy. */
const run = (policy: 'honor' | 'abandon') => {
  let attacks = 0;
  let honored = 0;
  let decisions = 0;
  for (let i = 0; i < GAMES; i++) {
    const r = simulateMatch(classroom, deriveSeed(9, i), { aurelia: policy });
    attacks += (r.moves['limited_attack'] ?? 0) + (r.moves['major_attack'] ?? 0);
    honored += r.honored;
    decisions += r.honored + r.partial + r.abandoned;
  }
  return { attacksPerMatch: attacks / GAMES, honorShare: honored / Math.max(1, decisions), decisions };
};

describe('fixed policies', () => {
  let honor: ReturnType<typeof run>;
  let abandon: ReturnType<typeof run>;
  beforeAll(() => {
    honor = run('honor');
    abandon = run('abandon');
  });

  it('honor always honors and abandon always abandons', () => {
    expect(honor.decisions).toBeGreaterThan(50);
    expect(honor.honorShare).toBe(1);
    expect(abandon.honorShare).toBe(0);
  });

  it('a guarantor that always honors deters more attacks than one that always abandons', () => {
    // Reputation (DESIGN directions 2 and 3) feeds credibility, which the calculating challenger weighs.
    expect(abandon.attacksPerMatch).toBeGreaterThan(honor.attacksPerMatch * 1.2);
  });

  it.each([
    ['honor', 'ally', /plays only guarantor seats/],
    ['free-rider', 'challenger', /plays only ally seats/],
    ['kamikaze', 'guarantor', /unknown policy "kamikaze"/],
    ['calculating', 'facilitator', /never played by a bot/],
  ] as const)('%s on a %s seat is refused', (policy, role, message) => {
    expect(policyProblem(policy, role)).toMatch(message);
  });

  it.each([
    ['honor', 'guarantor'],
    ['free-rider', 'ally'],
    ['hawk', 'challenger'],
  ] as const)('%s may play a %s seat', (policy, role) => {
    expect(policyProblem(policy, role)).toBeNull();
  });
});
