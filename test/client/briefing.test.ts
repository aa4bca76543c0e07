// The briefing a seat reads in the briefing phase, and its score so far in the debrief's words:
// real classroom views, one per role.
import { describe, expect, it } from 'vitest';
import { advance, viewFor } from '../../shared/index.js';
import { briefing, briefingTitle } from '../../client/view/briefing.js';
import { finalScores } from '../../client/view/debrief.js';
import { classroomAt, must } from './fixtures.js';

describe('the briefing', () => {
  const state = classroomAt('briefing');

  it('tells the guarantor whom it protects and what it is scored on, weights first', () => {
    const view = viewFor(state, 'aurelia');
    const b = briefing(view, 'aurelia');
    expect(briefingTitle(view, 'aurelia')).toBe('Aurelia’s briefing, turn 1 of 10');
    expect(b?.role).toBe('You play Aurelia, the guarantor.');
    expect(b?.objectives.map((o) => [o.label, Math.round(o.weight)])).toEqual([
      ['Allies intact', 27],
      ['Deterrence', 18],
      ['Peace', 18],
      ['Reliability', 18],
      ['Fiscal health', 9],
      ['Consensus', 9],
    ]);
    expect(b?.guarantees).toEqual([
      'You guarantee Bosk: a defense treaty, covering coercion, armed attack and nuclear threat.',
      'You guarantee Corvin: an extended-deterrence pledge (its nuclear umbrella), covering armed attack and nuclear threat.',
      'You guarantee Dunmere: a vague assurance, covering armed attack.',
    ]);
    expect(b?.figures.find((f) => f.label === 'Forces')?.value).toMatch(/^[\d,]+ FP, \d+% ready$/);
  });

  it('tells an ally who guarantees it, and the challenger which guarantees stand in its way', () => {
    expect(briefing(viewFor(state, 'bosk'), 'bosk')?.guarantees).toEqual([
      'Aurelia guarantees you: a defense treaty, covering coercion, armed attack and nuclear threat.',
    ]);
    const varkal = briefing(viewFor(state, 'varkal'), 'varkal');
    expect(varkal?.role).toBe('You play Varkal, the challenger.');
    expect(varkal?.guarantees).toHaveLength(3);
    expect(varkal?.guarantees[0]).toMatch(
      /^Aurelia guarantees Bosk: .* It may fight for Bosk if you move against it\.$/,
    );
    expect(briefing(viewFor(state, 'facilitator'), 'facilitator')).toBeNull();
  });

  it('lists the events fired this turn', () => {
    let s = state;
    while (s.turn < 3) s = must(advance(s, { timedOut: true })).state;
    expect(s.phase).toBe('briefing');
    expect(briefing(viewFor(s, 'bosk'), 'bosk')?.events.map((e) => e.title)).toContain('Border incident');
    expect(briefing(viewFor(state, 'bosk'), 'bosk')?.events).toEqual([]);
  });

  it('explains the score so far with the debrief’s labels, never the engine’s keys', () => {
    const mine = finalScores(viewFor(state, 'aurelia')).find((r) => r.seat === 'aurelia');
    expect(mine?.terms.map((t) => t.label)).toEqual(expect.arrayContaining(['Allies intact', 'Peace']));
    expect(mine?.terms.some((t) => /^[a-z]+[A-Z]/.test(t.label))).toBe(false);
  });
});
