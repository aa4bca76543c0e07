// A turn's results as the players read them, from the report's outcome fields: the crisis with its
// odds and roll as it stood, the White Cell's override against what the rules gave, who honored,
// ground seized, sanctions in force and ground held. Real engine states, real views.
import { describe, expect, it } from 'vitest';
import { type GameState, advance, applyCommand, viewFor } from '../../shared/index.js';
import { crisisText, outcomeGroups } from '../../client/view/outcomes.js';
import { standing } from '../../client/view/standing.js';
import { changeText, turnRecord } from '../../client/view/turnRecord.js';
import { possessive, quoted, sentence } from '../../client/view/matchText.js';
import { classroomAt, must } from './fixtures.js';

const REASON = 'The river flooded the crossings at the border.';

const step = (state: GameState, seat: string, command: unknown): GameState =>
  must(applyCommand(state, seat, command)).state;

const until = (state: GameState, done: (s: GameState) => boolean): GameState => {
  let s = state;
  while (!done(s)) s = must(advance(s, { timedOut: true })).state;
  return s;
};

/** Varkal's limited attack on Bosk, answered (by the defaults), adjudicated and waiting for the White Cell. */
const underReview = (from: GameState = classroomAt('challenger_move')): GameState => {
  const reviewed = { ...from, settings: { ...from.settings, facilitatorReview: true } };
  const moving = until(reviewed, (s) => s.phase === 'challenger_move');
  const state = step(moving, 'varkal', { type: 'move', move: { type: 'limited_attack', target: 'bosk' } });
  return until(state, (s) => s.pending !== null);
};

/** The review with the attack's outcome set to `success` (or turned round) and the rungs at `rungs`, published. */
const overridden = (
  options: { success?: boolean; rungs?: (s: GameState) => Record<string, number>; from?: GameState } = {},
): GameState => {
  const state = underReview(options.from);
  const drawn = state.pending?.engine.success['varkal'] === true;
  const set = step(state, 'facilitator', {
    type: 'override',
    reason: REASON,
    success: { varkal: options.success ?? !drawn },
    rungs: options.rungs?.(state) ?? {},
  });
  return step(set, 'facilitator', { type: 'publish' });
};

const reportOf = (state: GameState, seat: string) =>
  turnRecord(viewFor(state, seat)).find((s) => s.key.startsWith('report-'));

const texts = (state: GameState, seat: string, title: string): string[] =>
  reportOf(state, seat)
    ?.groups.find((g) => g.title === title)
    ?.entries.map((e) => e.text) ?? [];

describe('a White Cell override in the results', () => {
  it('shows players the outcome that stood, marked overruled, with what the rules gave', () => {
    const state = overridden();
    const crisis = state.report?.outcomes.crises[0];
    if (!crisis) throw new Error('no crisis outcome');
    expect(crisis.success).toBe(!crisis.drawn);
    const [stood, gave] = crisis.success ? ['succeeds', 'fails'] : ['fails', 'succeeds'];
    for (const showMath of [true, false])
      for (const seat of ['bosk', 'varkal', 'observer']) {
        const shown = { ...state, settings: { ...state.settings, showMath } };
        const report = reportOf(shown, seat);
        expect(report?.groups[0]?.title).toBe('White Cell override');
        expect(report?.groups[0]?.entries.map((e) => e.text)).toEqual([
          `Reason: “${REASON}”`,
          `Varkal’s limited attack on Bosk — the White Cell set: ${stood} (the rules gave: ${gave})`,
        ]);
        const chance = Math.round((crisis.chance ?? 0) * 100);
        expect(texts(shown, seat, 'What happened')[0]).toBe(
          `Varkal’s limited attack on Bosk: ${chance}% chance of success; rolled ${Math.floor((crisis.draw ?? 0) * 100)} (under ${chance} succeeds) → ${stood} — overruled by the White Cell (the rules gave: ${gave})`,
        );
      }
    // With the math shown, the crisis line opens onto the defense it met (the engine's note on Varkal).
    const line = reportOf(state, 'bosk')?.groups.find((g) => g.title === 'What happened')?.entries[0];
    expect(line?.why?.terms.length).toBeGreaterThan(0);
  });

  it('lists the rungs the White Cell set, in the results and still in the next turn', () => {
    // The attacked theater kept where it stood, another two rungs up.
    const state = overridden({
      rungs: (s) =>
        Object.fromEntries(Object.values(s.regions).map((r) => [r.id, r.id === 'west' ? r.rung + 2 : r.rung])),
    });
    const engine = state.report?.override?.engine.rungs ?? {};
    const expected = Object.values(state.regions)
      .filter((r) => engine[r.id] !== r.rung)
      .map((r) => expect.stringMatching(new RegExp(`^${r.name} — the White Cell set: rung ${r.rung}, `)));
    expect(expected).toHaveLength(2);
    const nextTurn = must(advance(state, { timedOut: true })).state;
    expect(nextTurn.turn).toBe(state.turn + 1);
    for (const s of [state, nextTurn]) {
      const set = texts(s, 'aurelia', 'White Cell override');
      expect(set.filter((t) => t.includes(' rung '))).toEqual(expected);
      // The theaters' lines say where each stood, and what the rules had given.
      const theaters = texts(s, 'aurelia', 'Theaters');
      expect(theaters.filter((t) => t.includes('set by the White Cell'))).toHaveLength(2);
    }
  });

  it('adds nothing when the White Cell published the engine’s outcome as it was', () => {
    const state = step(underReview(), 'facilitator', { type: 'publish' });
    const report = reportOf(state, 'bosk');
    expect(report?.groups.map((g) => g.title)).not.toContain('White Cell override');
    expect(texts(state, 'bosk', 'What happened').join('\n')).not.toMatch(/overruled|White Cell/);
  });
});

describe('what was seized, who answered, and what is in force', () => {
  /** Aurelia sanctions Varkal in diplomacy; Varkal's attack on Bosk is set to succeed; Aurelia's answer defaults to partial. */
  const seized = (): GameState => {
    const talking = step(classroomAt('diplomacy'), 'aurelia', {
      type: 'statement',
      kind: 'sanction',
      subject: 'varkal',
      text: '',
    });
    return overridden({ success: true, from: talking });
  };

  it('lists the seized objective, each invoked guarantee’s answer, sanctions in force and ground held', () => {
    const state = seized();
    const o = state.report?.outcomes;
    expect(o?.crises[0]?.seized).toBe(true);
    expect(o?.crises[0]?.answers).toEqual({ 'aurelia-bosk': 'partial' });
    const happened = texts(state, 'corvin', 'What happened');
    expect(happened).toContain('Aurelia partly honored its guarantee to Bosk');
    expect(happened).toContain('Varkal seized ground in Bosk: it holds it until it is retaken or handed back');
    const pressure = o?.sanctions.find((s) => s.target === 'varkal')?.pressure ?? 0;
    expect(pressure).toBeGreaterThan(0);
    expect(texts(state, 'corvin', 'Sanctions in force')).toEqual([
      `Varkal under sanctions from Aurelia (pressure ${Math.round(pressure * 100)}%)`,
    ]);
    expect(texts(state, 'corvin', 'Ground held')).toEqual([
      `Varkal holds ground in Bosk (Northern March) since turn ${state.turn}`,
    ]);
  });

  it('keeps sanctions and occupations in sight during the next turn', () => {
    const next = must(advance(seized(), { timedOut: true })).state;
    const now = standing(viewFor(next, 'varkal'));
    expect(now.sanctions).toEqual([expect.stringMatching(/^Varkal under sanctions from Aurelia \(pressure \d+%\)$/)]);
    expect(now.occupations).toEqual([`Varkal holds ground in Bosk (Northern March) since turn ${next.turn - 1}`]);
    expect(standing(viewFor(classroomAt('briefing'), 'bosk'))).toEqual({ sanctions: [], occupations: [] });
  });

  it('says a nuclear step with the answer it backed', () => {
    const view = viewFor(seized(), 'bosk');
    const report = view.report;
    const c = report?.outcomes.crises[0];
    if (!report || !c) throw new Error('no report');
    const signalled = {
      ...report,
      outcomes: {
        ...report.outcomes,
        crises: [
          { ...c, answers: { 'aurelia-bosk': 'honor' as const }, nuclear: { 'aurelia-bosk': 'signal' as const } },
        ],
      },
    };
    const lines = outcomeGroups(view, signalled)[0]?.lines.map((l) => l.text) ?? [];
    expect(lines).toContain('Aurelia honored its guarantee to Bosk, with a nuclear signal');
  });
});

describe('words', () => {
  it('says the dice in plain words, and a move without odds as a sentence', () => {
    const view = viewFor(classroomAt('results'), 'bosk');
    const base = {
      challengerSeat: 'varkal',
      challenger: 'varkal',
      target: 'bosk',
      region: 'northmarch',
      threat: 'armed_attack' as const,
      answers: {},
      nuclear: {},
      seized: false,
    };
    const attack = { ...base, move: 'limited_attack' as const, chance: 0.25, draw: 0.149, drawn: true, success: true };
    expect(crisisText(view, attack)).toBe(
      'Varkal’s limited attack on Bosk: 25% chance of success; rolled 14 (under 25 succeeds) → succeeds',
    );
    expect(crisisText(view, { ...attack, move: 'coerce', target: 'dunmere' })).toMatch(
      /^Varkal’s coercion of Dunmere: 25% chance/,
    );
    expect(crisisText(view, { ...attack, move: 'nuclear_use' })).toMatch(
      /^Varkal’s limited nuclear use against Bosk: /,
    );
    expect(
      crisisText(view, { ...base, move: 'hold', target: null, chance: null, draw: null, drawn: false, success: false }),
    ).toBe('Varkal holds.');
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
