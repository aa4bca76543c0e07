// The new choices offered exactly when the engine's legalCommands allows them: the challenger's
// nuclear moves, a guarantor's honor backed by a nuclear step (with the warning), and sanctions.
import { describe, expect, it } from 'vitest';
import { answerId, guarantorCards, guarantorWords, moveChoices } from '../../client/view/crisisCards.js';
import { statementOptions } from '../../client/view/statements.js';
import { type GameState, advance, applyCommand, legalCommands, viewFor } from '../../shared/index.js';
import { classroomAt, must } from './fixtures.js';

const step = (state: GameState, seat: string, command: unknown): GameState =>
  must(applyCommand(state, seat, command)).state;

/** The state with one nation's nuclear arsenal set, or one theater at a rung. */
const nuclear = (state: GameState, nation: string, armed: boolean): GameState => {
  const n = state.nations[nation];
  if (!n) throw new Error(`no ${nation}`);
  return { ...state, nations: { ...state.nations, [nation]: { ...n, nuclear: armed } } };
};
const atRung = (state: GameState, region: string, rung: number): GameState => {
  const r = state.regions[region];
  if (!r) throw new Error(`no ${region}`);
  return { ...state, regions: { ...state.regions, [region]: { ...r, rung } } };
};

/** The engine's legal moves of a type, by target. */
const legalMoves = (state: GameState, type: string): string[] =>
  legalCommands(viewFor(state, 'varkal'), 'varkal').flatMap((c) =>
    c.type === 'move' && c.move.type === type ? [c.move.target ?? ''] : [],
  );

describe("the challenger's nuclear moves", () => {
  it('offers nuclear signaling to a nuclear-armed challenger, and limited use only once a theater is at rung 6', () => {
    const start = classroomAt('challenger_move');
    const at = (s: GameState) => moveChoices(viewFor(s, 'varkal'), 'varkal');
    const signal = at(start).find((c) => c.type === 'nuclear_signal');
    expect(signal).toMatchObject({ nuclear: true, targets: legalMoves(start, 'nuclear_signal') });
    expect(signal?.targets.length).toBeGreaterThan(0);
    expect(at(start).some((c) => c.type === 'nuclear_use')).toBe(false);
    const hot = atRung(start, 'northmarch', 6);
    const use = at(hot).find((c) => c.type === 'nuclear_use');
    expect(use?.targets).toEqual(legalMoves(hot, 'nuclear_use'));
    expect(use?.targets).toContain('bosk');
    expect(at(hot).find((c) => c.type === 'limited_attack')?.nuclear).toBe(false);
    // Without the bomb, no nuclear move at all, whatever the rung.
    const unarmed = nuclear(hot, 'varkal', false);
    expect(at(unarmed).filter((c) => c.nuclear)).toEqual([]);
    expect(legalMoves(unarmed, 'nuclear_signal')).toEqual([]);
  });
});

describe("a guarantor's nuclear step", () => {
  /** Varkal's `move` on Bosk, in responses. */
  const crisis = (move: string, from: GameState = classroomAt('challenger_move')): GameState =>
    must(advance(step(from, 'varkal', { type: 'move', move: { type: move, target: 'bosk' } }))).state;
  const card = (state: GameState) => guarantorCards(viewFor(state, 'aurelia'), 'aurelia')[0];
  const legalAnswers = (state: GameState): string[] =>
    legalCommands(viewFor(state, 'aurelia'), 'aurelia').flatMap((c) =>
      c.type === 'answer_guarantee' ? [answerId({ choice: c.choice, nuclear: c.nuclear ?? null })] : [],
    );

  it('offers honor with a nuclear signal below rung 6, and limited use too from there, as legalCommands lists them', () => {
    const limited = crisis('limited_attack');
    expect(card(limited)?.options.map(answerId)).toEqual(['honor', 'honor-signal', 'partial', 'abandon']);
    // Limited use is not on offer, so its price is not in the warning.
    expect(card(limited)?.nuclearWarning).not.toMatch(/Limited nuclear use/);
    expect(new Set(card(limited)?.options.map(answerId))).toEqual(new Set(legalAnswers(limited)));
    const signalled = crisis('nuclear_signal');
    expect(card(signalled)?.options.map(answerId)).toEqual([
      'honor',
      'honor-signal',
      'honor-use',
      'partial',
      'abandon',
    ]);
    expect(new Set(card(signalled)?.options.map(answerId))).toEqual(new Set(legalAnswers(signalled)));
    expect(card(signalled)?.options.map((o) => guarantorWords(o).name)).toEqual([
      'Honor',
      'Honor + nuclear signal',
      'Honor + limited nuclear use',
      'Partial',
      'Abandon',
    ]);
  });

  it('warns that each nuclear step adds to the risk of general nuclear war, which ends the match for everyone', () => {
    const c = card(crisis('nuclear_signal'));
    expect(c?.nuclearWarning).toMatch(
      /each nuclear step adds 3 percentage points .*general nuclear war, ends the match as a loss for everyone\. Limited nuclear use also costs its user 25 consensus\.$/,
    );
    const use = c?.options.find((o) => o.nuclear === 'use');
    expect(use?.nuclearCost).toBeGreaterThan(0);
    expect(c?.options.find((o) => o.nuclear === 'signal')?.nuclearCost).toBe(0);
    // The step strengthens the defense: the challenger's odds fall against honor alone.
    const honor = c?.options.find((o) => o.choice === 'honor' && !o.nuclear);
    expect(use?.success).toBeLessThan(honor?.success ?? 0);
  });

  it('offers no nuclear step to a guarantor without the bomb, and says no warning', () => {
    const unarmed = crisis('limited_attack', nuclear(classroomAt('challenger_move'), 'aurelia', false));
    expect(card(unarmed)?.options.map(answerId)).toEqual(['honor', 'partial', 'abandon']);
    expect(legalAnswers(unarmed)).toEqual(['honor', 'partial', 'abandon']);
    expect(card(unarmed)?.nuclearWarning).toBeNull();
  });

  it('shows the answer with its nuclear step once given, and the engine accepts the command the card sends', () => {
    const state = crisis('limited_attack');
    const answered = step(state, 'aurelia', {
      type: 'answer_guarantee',
      guarantee: 'aurelia-bosk',
      choice: 'honor',
      nuclear: 'signal',
    });
    expect(card(answered)?.answered).toEqual({ choice: 'honor', nuclear: 'signal' });
    expect(card(answered)?.options.map(answerId)).toEqual(['honor', 'partial', 'abandon', 'honor-signal']);
  });
});

describe('sanctions in diplomacy', () => {
  const labels = (state: GameState, seat: string) => statementOptions(viewFor(state, seat), seat).map((o) => o.label);
  const legalSanctions = (state: GameState, seat: string) =>
    legalCommands(viewFor(state, seat), seat).flatMap((c) =>
      c.type === 'statement' && (c.kind === 'sanction' || c.kind === 'lift_sanctions')
        ? [`${c.kind}|${c.subject}`]
        : [],
    );
  const offered = (state: GameState, seat: string) =>
    statementOptions(viewFor(state, seat), seat)
      .filter((o) => o.kind === 'sanction' || o.kind === 'lift_sanctions')
      .map((o) => `${o.kind}|${o.subject}`);

  it('offers sanctions against the other side as legalCommands lists them, then lifting them', () => {
    const talking = classroomAt('diplomacy');
    for (const seat of ['aurelia', 'bosk', 'varkal'])
      expect(offered(talking, seat)).toEqual(legalSanctions(talking, seat));
    expect(labels(talking, 'aurelia')).toContain('Sanction Varkal');
    expect(labels(talking, 'varkal')).toContain('Sanction Aurelia');
    expect(labels(talking, 'varkal')).not.toContain('Sanction Bosk');
    const sanctioned = step(talking, 'aurelia', { type: 'statement', kind: 'sanction', subject: 'varkal', text: '' });
    expect(labels(sanctioned, 'aurelia')).not.toContain('Sanction Varkal');
    expect(labels(sanctioned, 'aurelia')).toContain('Lift sanctions on Varkal');
    expect(offered(sanctioned, 'aurelia')).toEqual(legalSanctions(sanctioned, 'aurelia'));
    // Outside diplomacy nothing is offered.
    expect(offered(classroomAt('allocation'), 'aurelia')).toEqual([]);
  });
});
