// A White Cell override as the players read it: the outcome that stands, the dice's line marked as
// overruled, and each changed outcome against what the rules gave. Real engine states, real views.
import { describe, expect, it } from 'vitest';
import { type GameState, advance, applyCommand, viewFor } from '../../shared/index.js';
import { noteText } from '../../client/view/outcomes.js';
import { changeText, turnRecord } from '../../client/view/turnRecord.js';
import { possessive, quoted, sentence } from '../../client/view/matchText.js';
import { classroomAt, must } from './fixtures.js';

const REASON = 'The river flooded the crossings at the border.';

const step = (state: GameState, seat: string, command: unknown): GameState =>
  must(applyCommand(state, seat, command)).state;

/** Varkal's limited attack on Bosk, answered, adjudicated and waiting for the White Cell's review. */
const underReview = (): GameState => {
  const start = classroomAt('challenger_move');
  const reviewed = { ...start, settings: { ...start.settings, facilitatorReview: true } };
  let state = step(reviewed, 'varkal', { type: 'move', move: { type: 'limited_attack', target: 'bosk' } });
  while (!state.pending) state = must(advance(state, { timedOut: true })).state;
  return state;
};

/** The review with the attack's outcome turned round and every theater put at `rungs`, published. */
const overridden = (rungs: (state: GameState) => Record<string, number> = () => ({})): GameState => {
  const state = underReview();
  const drawn = state.pending?.engine.success['varkal'] === true;
  const set = step(state, 'facilitator', {
    type: 'override',
    reason: REASON,
    success: { varkal: !drawn },
    rungs: rungs(state),
  });
  return step(set, 'facilitator', { type: 'publish' });
};

const reportOf = (state: GameState, seat: string) =>
  turnRecord(viewFor(state, seat)).find((s) => s.key.startsWith('report-'));

describe('a White Cell override in the turn log', () => {
  it('shows the reason and the outcome that stands, and marks the dice’s line overruled', () => {
    const state = overridden();
    const drawn = state.report?.override?.engine.success['varkal'] === true;
    const [won, lost] = drawn ? ['succeeds', 'fails'] : ['fails', 'succeeds'];
    for (const showMath of [true, false]) {
      const shown = { ...state, settings: { ...state.settings, showMath } };
      const report = reportOf(shown, 'bosk');
      expect(report?.groups[0]?.title).toBe('White Cell override');
      expect(report?.groups[0]?.entries.map((e) => e.text)).toContain(
        `Varkal’s limited attack on Bosk — the White Cell set: ${lost} (the rules gave: ${won})`,
      );
      expect(report?.groups[0]?.entries[0]?.text).toBe(`Reason: “${REASON}”`);
      const happened = report?.groups.find((g) => g.title === 'What happened')?.entries.map((e) => e.text) ?? [];
      expect(happened).toEqual([
        expect.stringMatching(
          new RegExp(
            `^Limited attack on Bosk: \\d+% chance of success; rolled \\d+ \\(under \\d+ succeeds\\) → ${won} — overruled: the White Cell set it to ${drawn ? 'fail' : 'succeed'}$`,
          ),
        ),
      ]);
    }
  });

  it('lists the rungs the White Cell set, in the results and still in the next turn', () => {
    // The attacked theater kept where it stood (so the report has no change for it), another two rungs up.
    const state = overridden((s) =>
      Object.fromEntries(Object.values(s.regions).map((r) => [r.id, r.id === 'west' ? r.rung + 2 : r.rung])),
    );
    expect(state.report?.changes.some((c) => c.subject === 'northmarch' && c.metric === 'rung')).toBe(false);
    const engine = state.report?.override?.engine.rungs ?? {};
    const expected = Object.values(state.regions)
      .filter((r) => engine[r.id] !== r.rung)
      .map((r) => expect.stringMatching(new RegExp(`^${r.name} — the White Cell set: rung ${r.rung}, `)));
    expect(expected).toHaveLength(2);
    const nextTurn = must(advance(state, { timedOut: true })).state;
    expect(nextTurn.turn).toBe(state.turn + 1);
    for (const s of [state, nextTurn]) {
      const set = reportOf(s, 'aurelia')?.groups[0]?.entries.map((e) => e.text) ?? [];
      expect(set.filter((t) => t.includes(' rung '))).toEqual(expected);
    }
  });

  it('adds nothing when the White Cell published the engine’s outcome as it was', () => {
    const state = step(underReview(), 'facilitator', { type: 'publish' });
    const report = reportOf(state, 'bosk');
    expect(report?.groups.map((g) => g.title)).not.toContain('White Cell override');
    expect(report?.groups.find((g) => g.title === 'What happened')?.entries[0]?.text).not.toMatch(/overruled/);
  });
});

describe('words', () => {
  it('says the dice in plain words', () => {
    const view = viewFor(classroomAt('results'), 'bosk');
    expect(noteText(view, 'limited attack on bosk: chance of success 25%, draw 14 → succeeds')).toBe(
      'Limited attack on Bosk: 25% chance of success; rolled 14 (under 25 succeeds) → succeeds',
    );
    expect(noteText(view, 'coerce on dunmere: chance of success 80%, draw 68 → succeeds')).toMatch(
      /^Coercion of Dunmere: 80% chance/,
    );
    expect(noteText(view, 'bosk provokes an incident, counting on its guarantor')).toBe(
      'Bosk provokes an incident, counting on its guarantor',
    );
  });

  it('shows readiness in percent, like the map and its tables', () => {
    const view = viewFor(classroomAt('results'), 'bosk');
    const change = { subject: 'bosk', metric: 'readiness', before: 0.6, after: 0.71, why: { value: 0.71, terms: [] } };
    expect(changeText(view, change)).toBe('readiness 60% → 71% (+11 points)');
    expect(changeText(view, { ...change, after: 0.61 })).toBe('readiness 60% → 61% (+1 point)');
  });

  it.each([
    ['Varkal', 'Varkal’s'],
    ['United States', 'the United States’'],
    ['Baltic states', 'the Baltic states’'],
    ['White Cell', 'the White Cell’s'],
    ['Ann', 'Ann’s'],
  ])('possessive of %s is %s', (name, said) => expect(possessive(name)).toBe(said));

  it('quotes words as written, and ends a sentence with one full stop', () => {
    expect(quoted(' Hold the border. ')).toBe('“Hold the border.”');
    expect(quoted('Hold the border')).toBe('“Hold the border”');
    expect(sentence('It said “hold the border.”')).toBe('It said “hold the border.”');
    expect(sentence('Turn 1 results published')).toBe('Turn 1 results published.');
  });
});
