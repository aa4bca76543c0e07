// Migrating stored states: a state the format-1 code wrote (test/fixtures/journal-v1) comes out a
// valid format-2 state, with its report's outcomes rebuilt as far as the old report shows them; a
// format-2 state passes through as the same object; anything else is refused with a clear error.
import { readFileSync } from 'node:fs';
import { describe, expect, it, test } from 'vitest';
import { DEFAULT_PARAMS, GameStateSchema, STATE_FORMAT, SCENARIOS, startMatch } from '../../../shared/index.js';
import { migrateState, stateFormatOf } from '../../../shared/record/migrate.js';
import { decisionWeight } from '../../../shared/rules/reputation.js';

type Loose = Record<string, unknown>;

/** A fresh copy of the format-1 state in turn 3's results phase (a successful escalation, honored). */
const v1Results = (): Loose =>
  JSON.parse(readFileSync(new URL('../../fixtures/journal-v1/state-results.json', import.meta.url), 'utf8')) as Loose;

const today = () => {
  const classroom = SCENARIOS['classroom'];
  if (!classroom) throw new Error('classroom missing');
  const started = startMatch(classroom, 1);
  if (!started.ok) throw new Error(started.error.message);
  return started.value.state;
};

describe('stateFormatOf', () => {
  test.each([
    [{ format: 2 }, 2],
    [{ format: 1 }, 1],
    [{ turn: 1 }, 1],
    [{ format: 0 }, 0],
    [{ format: 'two' }, 0],
    [{ format: 1.5 }, 0],
    [null, 0],
    [[], 0],
    ['state', 0],
  ])('%j → %i', (raw, format) => {
    expect(stateFormatOf(raw)).toBe(format);
  });
});

describe('a format-1 state', () => {
  it('comes out a valid format-2 state, every new field at its default, everything else as it was', () => {
    const old = v1Results();
    expect(stateFormatOf(old)).toBe(1);
    const raw = JSON.stringify(old);
    const state = migrateState(old);
    expect(JSON.stringify(old)).toBe(raw);
    expect(GameStateSchema.safeParse(state).success).toBe(true);
    expect(state.format).toBe(STATE_FORMAT);
    expect([state.sanctions, state.occupations, state.nuclearSteps]).toEqual([[], [], {}]);
    for (const [id, n] of Object.entries(state.nations)) {
      const before = (old.nations as Record<string, Loose>)[id] ?? {};
      expect(n).toEqual({
        ...before,
        defenseShare0: before.defenseShare,
        postureOrdered: {},
        reinforcementTurns: {},
        arrived: {},
        resilience: 0,
        resilience0: 0,
        aidInbound: 0,
        revenueLost: 0,
      });
    }
    // Parameters the old state lacks take today's defaults; the ones it had keep its values.
    expect(state.params).toEqual({ ...DEFAULT_PARAMS, ...(old.params as Loose) });
    for (const [key, value] of Object.entries(old.params as Loose)) expect(state.params).toHaveProperty(key, value);
    for (const key of ['turn', 'phase', 'rng', 'seats', 'guarantees', 'regions', 'crises', 'scores'])
      expect(state[key as keyof typeof state]).toEqual(old[key]);
  });

  it("weighs each past decision by its guarantee's type and commitment under today's rules", () => {
    const state = migrateState(v1Results());
    expect(state.history.length).toBeGreaterThan(0);
    for (const h of state.history) {
      const g = state.guarantees[h.guarantee];
      expect(g).toBeDefined();
      if (g) expect(h.weight).toBe(decisionWeight(g, state.params));
    }
    const orphan = v1Results();
    orphan.history = [{ ...(orphan.history as Loose[])[0], guarantee: 'gone' }];
    expect(migrateState(orphan).history[0]?.weight).toBe(1);
  });

  it("rebuilds the report's outcomes from the turn's crises, answers and rung changes", () => {
    const outcomes = migrateState(v1Results()).report?.outcomes;
    expect(outcomes).toEqual({
      crises: [
        {
          challengerSeat: 'varkal',
          challenger: 'varkal',
          move: 'escalate',
          target: 'corvin',
          region: 'northmarch',
          threat: 'nuclear_threat',
          // The old report kept the odds only in its prose notes.
          chance: null,
          draw: null,
          drawn: true,
          success: true,
          answers: { 'aurelia-corvin': 'honor' },
          nuclear: {},
          seized: false,
        },
      ],
      allies: { bosk: 'contribute', corvin: 'contribute', dunmere: 'hedge' },
      provocations: [],
      rungs: { northmarch: { from: 1, drawn: 4, stood: 4 }, southcoast: { from: 1, drawn: 0, stood: 0 } },
      retakes: [],
      exitRamps: [],
      sanctions: [],
      overridden: [],
    });
  });

  it("keeps the engine's outcomes beside an override's, where the old report shows what stood", () => {
    const old = v1Results();
    const report = old.report as Loose;
    const engine = { success: { varkal: false }, rungs: { northmarch: 3, southcoast: 0 }, provocations: [], notes: [] };
    report.override = { reason: 'the class ruled it', engine };
    const outcomes = migrateState(old).report?.outcomes;
    expect(outcomes?.crises[0]).toMatchObject({ drawn: false, success: true });
    expect(outcomes?.rungs['northmarch']).toEqual({ from: 1, drawn: 3, stood: 4 });
    expect(outcomes?.overridden).toEqual([
      { kind: 'success', subject: 'varkal', engine: false, stood: true },
      { kind: 'rung', subject: 'northmarch', engine: 3, stood: 4 },
    ]);
  });

  it('leaves out what a new turn cleared: the last turn’s crises and ally answers', () => {
    const old = v1Results();
    Object.assign(old, { turn: 4, phase: 'briefing', crises: [], allyAnswers: {}, guarantorAnswers: {} });
    const outcomes = migrateState(old).report?.outcomes;
    expect([outcomes?.crises, outcomes?.allies]).toEqual([[], {}]);
    expect(Object.keys(outcomes?.rungs ?? {})).toEqual(['northmarch', 'southcoast']);
  });

  it('names an ally whose provocation the notes record (with no override, it stood)', () => {
    const old = v1Results();
    const report = old.report as { notes: Loose[] };
    report.notes.push({ subject: 'bosk', text: 'bosk provokes an incident', why: null });
    expect(migrateState(old).report?.outcomes.provocations).toEqual(['bosk']);
  });

  it('keeps a missing report missing', () => {
    const old = v1Results();
    old.report = null;
    expect(migrateState(old).report).toBeNull();
  });
});

describe('a format-2 state', () => {
  it('passes through as the same object', () => {
    const state = today();
    expect(migrateState(state)).toBe(state);
  });
});

describe('anything else', () => {
  const broken = (): Loose => {
    const { sanctions: _s, ...rest } = today();
    return rest;
  };
  test.each([
    ['null', null, /not a game state/],
    ['a number', 42, /not a game state/],
    ['a list', [], /not a game state/],
    ['a bad format', { format: 'two' }, /not a game state/],
    ['a newer format', { ...today(), format: 3 }, /state format 3 is newer than this code reads \(2\)/],
    ['an empty object (format 1)', {}, /not a valid state \(format 1\): scenarioId: .*; and \d+ more/],
    ['a format-2 state without sanctions', broken(), /not a valid state \(format 2\): sanctions/],
    ['a format-1 state with a broken nation', { ...v1Results(), nations: { x: 5 } }, /format 1.*nations\.x/],
  ])('%s is refused, naming the problem', (_name, raw, message) => {
    expect(() => migrateState(raw)).toThrow(message);
  });
});
