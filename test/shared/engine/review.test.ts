// White Cell review: with facilitatorReview on, adjudication waits; an override needs a reason,
// replaces outcomes (never the dice), and both the engine's result and the override are recorded.
import { describe, expect, test } from 'vitest';
import { advance, applyCommand, type GameState, owedBy } from '../../../shared/index.js';
import { afterMove, next, send, start } from './drive.js';

const SEED = 1;

/** Varkal's limited attack on Bosk, honored by Aurelia, Bosk contributing; under review or not. */
const crisis = (review: boolean): GameState => {
  let s = afterMove(start('classroom', SEED, { facilitatorReview: review }), {
    type: 'limited_attack',
    target: 'bosk',
  });
  s = send(s, 'aurelia', { type: 'answer_guarantee', guarantee: 'aurelia-bosk', choice: 'honor' });
  for (const ally of ['bosk', 'corvin', 'dunmere'])
    s = send(s, ally, { type: 'answer_ally', choice: ally === 'bosk' ? 'contribute' : 'hedge' });
  return s;
};

const pending = (): GameState => next(crisis(true));
const publish = (s: GameState) => send(s, 'facilitator', { type: 'publish' });
const override = (s: GameState, fields: Record<string, unknown>) =>
  send(s, 'facilitator', { type: 'override', ...fields });

describe('adjudication under review', () => {
  test('waits for the facilitator, who alone is told it is ready', () => {
    const r = advance(crisis(true));
    if (!r.ok) throw new Error(r.error.code);
    const s = r.value.state;
    expect([s.phase, s.pending?.override, owedBy(s)]).toEqual(['adjudication', null, ['facilitator']]);
    expect(r.value.events.filter((e) => e.kind === 'adjudication_ready').map((e) => e.visibleTo)).toEqual([
      ['facilitator'],
    ]);
    expect(advance(s).ok).toBe(false);
  });

  test('publishing without an override gives exactly the unreviewed result', () => {
    const reviewed = publish(pending());
    const direct = next(crisis(false));
    for (const key of ['nations', 'regions', 'guarantees', 'history', 'report', 'scores', 'rng'] as const)
      expect([key, reviewed[key]]).toEqual([key, direct[key]]);
    expect(reviewed.report?.override).toBeNull();
  });

  test('a timeout publishes the engine result and is not a missed deadline for anyone', () => {
    const s = next(pending(), { timedOut: true });
    expect([s.phase, s.report?.override, s.missed]).toEqual(['results', null, {}]);
  });
});

describe('override', () => {
  test.each([true, false])(
    'forcing success = %s sets Bosk’s integrity accordingly, and both versions are kept',
    (won) => {
      const s = pending();
      const engine = s.pending!.engine;
      const out = publish(override(s, { reason: 'the attack stalls in the mud', success: { varkal: won } }));
      // A limited attack that succeeds takes 15 integrity.
      expect(out.nations.bosk?.integrity).toBe(won ? 85 : 100);
      expect(out.nations.varkal?.gains).toBe(won ? 15 : 0);
      expect(out.report?.override).toEqual({ reason: 'the attack stalls in the mud', engine });
      expect(typeof engine.success.varkal).toBe('boolean');
    },
  );

  test('the override differs from the engine where it says so, and only there', () => {
    const s = pending();
    const won = s.pending!.engine.success.varkal === true;
    const plain = publish(s);
    const flipped = publish(override(s, { reason: 'flip it', success: { varkal: !won } }));
    expect(flipped.nations.bosk?.integrity).not.toBe(plain.nations.bosk?.integrity);
    expect(flipped.rng).toBe(plain.rng); // same dice
  });

  test('a rung override is applied and explained with its reason', () => {
    const out = publish(override(pending(), { reason: 'talks open', rungs: { northmarch: 1 } }));
    expect(out.regions.northmarch?.rung).toBe(1);
    const change = out.report?.changes.find((c) => c.subject === 'northmarch' && c.metric === 'rung');
    expect(change?.why.terms.map((t) => t.label)).toContain('White Cell override: talks open');
    expect(change?.why.terms.reduce((a, t) => a + t.value, 0)).toBe(1);
  });

  test('a second override builds on the first, and the last reason is kept', () => {
    let s = override(pending(), { reason: 'first', success: { varkal: true } });
    s = override(s, { reason: 'second', rungs: { northmarch: 2 } });
    expect(s.pending?.override).toMatchObject({
      reason: 'second',
      decisions: { success: { varkal: true }, rungs: { northmarch: 2 } },
    });
    const out = publish(s);
    expect([out.nations.bosk?.integrity, out.regions.northmarch?.rung, out.report?.override?.reason]).toEqual([
      85,
      2,
      'second',
    ]);
  });

  test('a forced provocation costs the guarantor 2 consensus (entrapment)', () => {
    const s = pending();
    const plain = publish(override(s, { reason: 'calm', provocations: [] }));
    const provoked = publish(override(s, { reason: 'Corvin fires first', provocations: ['corvin'] }));
    expect(provoked.nations.aurelia!.consensus).toBeCloseTo(plain.nations.aurelia!.consensus - 2, 9);
  });

  test("the override stays the White Cell's while under review; the published report carries its reason", () => {
    const r = applyCommand(pending(), 'facilitator', {
      type: 'override',
      reason: 'a ceasefire',
      rungs: { northmarch: 3 },
    });
    if (!r.ok) throw new Error(r.error.code);
    const events = r.value.events;
    expect(events.map((e) => [e.kind, e.visibleTo])).toEqual([['override', ['facilitator']]]);
    expect(events[0]?.text).toContain('a ceasefire');
    const published = applyCommand(r.value.state, 'facilitator', { type: 'publish' });
    if (!published.ok) throw new Error(published.error.code);
    expect(published.value.state.report?.override?.reason).toBe('a ceasefire');
    expect(published.value.events.find((e) => e.kind === 'adjudicated')?.visibleTo).toBe('all');
  });
});
