// Escalation and audience costs: DESIGN.md direction 3 (honoring can escalate) and direction 11.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audienceCost, DEFAULT_PARAMS, type GameState, seedRng } from '../../../shared/index.js';
import { crisisRung } from '../../../shared/rules/escalation.js';
import { arbCrisis, budgeted, type CrisisCase, newMatch } from './arbitraries.js';
import { answerAll, resolve, toResponses, withGuarantee, withNation, withParams } from './drive.js';

const RUNS = 40;
/** Dice per crisis: the same crisis adjudicated with this many different generator states. */
const DICE = 16;

/** The crisis theater's rung after answering every invoked guarantee of `g`'s guarantor with `choice`. */
const rungAfter = ({ responses, g }: CrisisCase, choice: 'honor' | 'abandon', rng: number): number => {
  const after = resolve({ ...responses, rng }, answerAll(responses, g.guarantor, choice));
  return after.regions[responses.crises[0]?.region ?? '']?.rung ?? NaN;
};

const arbCommitment = fc.double({ min: 0.01, max: 1, noNaN: true });
const arbRung = fc.integer({ min: 0, max: 8 });
/** A rung a theater can stand at before adjudication without the match having ended. */
const arbOpenRung = fc.integer({ min: 0, max: 7 });

describe('escalation (DESIGN.md directions 3 and 11)', () => {
  // Direction 3: over the same dice, honoring never leaves the crisis theater lower on the ladder than abandoning.
  it('honoring never lowers the expected rung of the crisis theater', () => {
    fc.assert(
      fc.property(arbCrisis(), fc.nat({ max: 1e6 }), (crisis, salt) => {
        let honored = 0;
        let abandoned = 0;
        for (let k = 0; k < DICE; k++) {
          const rng = seedRng(salt * DICE + k);
          honored += rungAfter(crisis, 'honor', rng);
          abandoned += rungAfter(crisis, 'abandon', rng);
        }
        expect(honored / DICE).toBeGreaterThanOrEqual(abandoned / DICE);
      }),
      budgeted(RUNS),
    );
  });

  // Direction 3: honoring can raise escalation: some dice spiral the theater above where abandoning leaves it.
  it('honoring an attack sometimes escalates beyond abandoning (classroom, Bosk)', () => {
    const responses = toResponses(newMatch('classroom', 6), { type: 'limited_attack', target: 'bosk' });
    const g = responses.guarantees['aurelia-bosk'];
    if (!g) throw new Error('classroom has no aurelia-bosk');
    const crisis = { responses, g, move: 'limited_attack' as const };
    const higher = [...Array(100).keys()].filter(
      (k) => rungAfter(crisis, 'honor', seedRng(k)) > rungAfter(crisis, 'abandon', seedRng(k)),
    );
    expect(higher.length).toBeGreaterThan(0);
  });

  // Direction 11: backing down costs more after a larger public commitment, and honoring costs nothing.
  it('a public commitment raises the cost of backing down', () => {
    fc.assert(
      fc.property(arbCommitment, arbCommitment, arbRung, (c, extra, rung) => {
        const more = Math.min(1, c + extra);
        for (const choice of ['partial', 'abandon'] as const) {
          const cost = (commitment: number) => audienceCost(commitment, rung, choice, DEFAULT_PARAMS).value;
          if (more > c) expect(cost(more)).toBeGreaterThan(cost(c));
          expect(cost(c)).toBeGreaterThan(cost(0));
          expect(cost(0)).toBe(0);
        }
        expect(audienceCost(more, rung, 'honor', DEFAULT_PARAMS).value).toBe(0);
        expect(audienceCost(c, rung, 'abandon', DEFAULT_PARAMS).value).toBeGreaterThan(
          audienceCost(c, rung, 'partial', DEFAULT_PARAMS).value,
        );
      }),
      { numRuns: 200 },
    );
  });

  // Direction 11: a commitment's cost of backing down grows with the rung at which the guarantor backs down.
  it('the cost of backing down grows with escalation', () => {
    fc.assert(
      fc.property(arbCommitment, arbRung, arbRung, (c, r1, r2) => {
        const [low, high] = [Math.min(r1, r2), Math.max(r1, r2)];
        const cost = (r: number) => audienceCost(c, r, 'abandon', DEFAULT_PARAMS).value;
        if (high > low) expect(cost(high)).toBeGreaterThan(cost(low));
        else expect(cost(high)).toBe(cost(low));
      }),
      { numRuns: 200 },
    );
  });

  // Direction 11, through the engine: abandoning after a red line costs the guarantor consensus, more at a higher rung.
  // A type's legal obligation is a commitment of its own (a treaty's text binds without any words), so
  // the red line is drawn above it: only words beyond what the type already binds add to the cost.
  it('in adjudication, abandoning after a red line costs consensus, more the higher the theater', () => {
    fc.assert(
      fc.property(arbCrisis(), arbCommitment, arbOpenRung, arbOpenRung, (crisis, u, r1, r2) => {
        const { responses, g } = crisis;
        const legal = responses.params.legalCommitment[g.type];
        const c = legal + (1 - legal) * u;
        const region = responses.crises[0]?.region ?? '';
        const [low, high] = [Math.min(r1, r2), Math.max(r1, r2)];
        /** Guarantor consensus after abandoning at `rung` with commitment `commitment` (provocations silenced). */
        const consensus = (commitment: number, rung: number): number => {
          let s: GameState = withParams(responses, { provocationBase: 0 });
          s = withNation(withGuarantee(s, g.id, { commitment }), g.guarantor, { consensus: 80 });
          const r = s.regions[region];
          if (r) s = { ...s, regions: { ...s.regions, [region]: { ...r, rung } } };
          return resolve(s, answerAll(s, g.guarantor, 'abandon')).nations[g.guarantor]?.consensus ?? NaN;
        };
        const costAt = (rung: number) => consensus(legal, rung) - consensus(c, rung);
        expect(costAt(low)).toBeGreaterThan(0);
        // The public judges the crisis rung: the theater's rung raised to the move's floor.
        const move = responses.crises[0]?.move.type ?? 'hold';
        if (crisisRung(high, move) > crisisRung(low, move)) expect(costAt(high)).toBeGreaterThan(costAt(low));
        else expect(costAt(high)).toBeCloseTo(costAt(low), 9);
      }),
      budgeted(RUNS),
    );
  });
});
