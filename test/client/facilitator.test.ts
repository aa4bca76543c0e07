// The White Cell's console, headless: what it shows is read from real views, and every command it
// builds is accepted by the engine and does what the White Cell meant.
import { describe, expect, it } from 'vitest';
import {
  EFFECT_SPECS,
  clockLabel,
  customInjectCommand,
  deckCards,
  describeEffect,
  extendCommand,
  moveTargets,
  overrideCommand,
  people,
  phaseStatus,
  reviewOf,
  seatLines,
  upcomingScripted,
} from '../../client/view/facilitator.js';
import type { StoreSnapshot } from '../../client/net/store.js';
import {
  type Command,
  type GameState,
  advance,
  applyCommand,
  startMatch,
  statusQuoAllocation,
  viewFor,
} from '../../shared/index.js';
import { classroom, classroomAt, must } from './fixtures.js';

const run = (state: GameState, seat: string, command: Command): GameState =>
  must(applyCommand(state, seat, command)).state;

/** A classroom match under White Cell review, stopped in adjudication after Varkal coerced Bosk. */
const underReview = (): GameState => {
  let state = must(startMatch(classroom(), 7, { facilitatorReview: true })).state;
  while (state.phase !== 'challenger_move') state = must(advance(state, { timedOut: true })).state;
  state = run(state, 'varkal', { type: 'move', move: { type: 'coerce', target: 'bosk' } });
  while (state.phase !== 'adjudication') state = must(advance(state, { timedOut: true })).state;
  return state;
};

describe('phase controls', () => {
  it('names the seats that still owe and warns before imposing their defaults', () => {
    let state = classroomAt('allocation');
    const aurelia = state.nations['aurelia'];
    if (!aurelia) throw new Error('no aurelia');
    state = run(state, 'aurelia', { type: 'allocate', allocation: statusQuoAllocation(aurelia, 1) });
    const status = phaseStatus(viewFor(state, 'facilitator'));
    expect(status.label).toBe('Turn 1 of 10 — Allocation');
    expect(status.owed).toEqual(['Bosk', 'Corvin', 'Dunmere', 'Varkal']);
    expect(status.advanceLabel).toBe('Advance to challenger move');
    expect(status.advanceWarning).toBe(
      "Bosk, Corvin, Dunmere and Varkal have not submitted yet. If you advance now, they keep last turn's allocation (or the status quo).",
    );
    expect(status.advanceTitle).toBe('Advance while seats still owe a submission?');
  });

  it('asks about readiness, not submissions, where a phase asks only for a ready', () => {
    const state = run(classroomAt('briefing'), 'aurelia', { type: 'ready' });
    const status = phaseStatus(viewFor(state, 'facilitator'));
    expect(status.advanceTitle).toBe('Advance before everyone is ready?');
    expect(status.advanceWarning).toBe(
      'Bosk, Corvin, Dunmere and Varkal have not said they are ready yet. If you advance now, they are marked ready.',
    );
  });

  it('advances without a warning once every seat has submitted, and says when the last turn ends', () => {
    let state = classroomAt('briefing');
    for (const seat of ['aurelia', 'bosk', 'corvin', 'dunmere', 'varkal']) state = run(state, seat, { type: 'ready' });
    const ready = phaseStatus(viewFor(state, 'facilitator'));
    expect(ready.owed).toEqual([]);
    expect(ready.advanceWarning).toBeNull();
    let last = must(startMatch(classroom(), 7)).state;
    while (!(last.turn === 10 && last.phase === 'results')) last = must(advance(last, { timedOut: true })).state;
    expect(phaseStatus(viewFor(last, 'facilitator')).advanceLabel).toBe('End the match');
  });

  it('shows the clock, a pause and a phase without a timer', () => {
    const view = viewFor(classroomAt('allocation'), 'facilitator');
    expect(clockLabel(view, 65_000, 0)).toBe('1:05 left');
    expect(clockLabel(view, 1_000, 5_000)).toBe('Time is up');
    const paused = viewFor(run(classroomAt('allocation'), 'facilitator', { type: 'pause' }), 'facilitator');
    expect(clockLabel(paused, null, 0)).toBe('Paused');
    const untimed = { ...view, settings: { ...view.settings, timers: { ...view.settings.timers, allocation: null } } };
    expect(clockLabel(untimed, null, 0)).toBe('No timer');
    // Nothing to pause without a timer, and the console says why; a paused match can always resume.
    expect(phaseStatus(view).pauseUnavailable).toBeNull();
    expect(phaseStatus(untimed).pauseUnavailable).toBe('No timer runs in this phase: there is no clock to pause.');
    expect(phaseStatus({ ...untimed, settings: { ...untimed.settings, paused: true } }).pauseUnavailable).toBeNull();
  });

  it('adds time only in whole seconds from 1 to 3600', () => {
    expect(extendCommand('90')).toEqual({ command: { type: 'extend_timer', seconds: 90 } });
    for (const bad of ['', '0', '-5', '2.5', 'soon', '3601'])
      expect(extendCommand(bad)).toEqual({ error: 'Add a whole number of seconds from 1 to 3600.' });
    const state = run(classroomAt('allocation'), 'facilitator', {
      type: 'extend_timer',
      seconds: 90,
    });
    expect(state.settings.extensionSeconds).toBe(90);
  });
});

describe('adjudication review', () => {
  it("shows the engine's proposal per crisis, theater and ally", () => {
    const state = underReview();
    const review = reviewOf(viewFor(state, 'facilitator'));
    if (!review) throw new Error('nothing to review');
    expect(review.crises).toHaveLength(1);
    expect(review.crises[0]).toMatchObject({ seat: 'varkal', sentence: 'Varkal coerces Bosk', decidable: true });
    expect(review.crises[0]?.current).toBe(state.pending?.engine.success['varkal']);
    expect(review.theaters.map((t) => t.name)).toContain('Northern March');
    expect(review.allies.map((a) => a.name)).toEqual(['Bosk', 'Corvin', 'Dunmere']);
    expect(review.overrideReason).toBeNull();
    // The engine's note on the crisis, told from its decision: the breakdown is the defense it met.
    const drawn = state.pending?.engine.success['varkal'] ? 'succeeds' : 'fails';
    expect(review.notes[0]).toMatchObject({
      subject: 'Varkal',
      text: `coercion of Bosk, the rules give: ${drawn}. The defense it met:`,
    });
    expect(review.notes[0]?.why.length).toBeGreaterThan(0);
    // Players never see the pending review.
    expect(reviewOf(viewFor(state, 'aurelia'))).toBeNull();
  });

  it('tells the White Cell the review is its to do, and that advancing publishes it', () => {
    const status = phaseStatus(viewFor(underReview(), 'facilitator'));
    expect(status.reviewOwed).toBe(true);
    expect(status.owed).toEqual([]);
    expect(status.advanceWarning).toBeNull();
    expect(status.advanceLabel).toBe('Publish and show the results');
  });

  it('refuses an override without a reason or without a change, before anything is sent', () => {
    const review = reviewOf(viewFor(underReview(), 'facilitator'));
    if (!review) throw new Error('nothing to review');
    const flip = { varkal: !review.crises[0]?.current };
    expect(overrideCommand(review, { reason: '   ', success: flip, rungs: {}, provocations: [] })).toEqual({
      error: 'Give a reason for the override: players will read it with the results.',
    });
    const same = review.allies.filter((a) => a.current).map((a) => a.nation);
    expect(overrideCommand(review, { reason: 'because', success: {}, rungs: {}, provocations: same })).toEqual({
      error: 'Nothing is changed: flip an outcome, or publish as it is.',
    });
  });

  it('builds an override the engine accepts, which then shows as the outcome to publish', () => {
    let state = underReview();
    const review = reviewOf(viewFor(state, 'facilitator'));
    if (!review) throw new Error('nothing to review');
    const flipped = !review.crises[0]?.current;
    const built = overrideCommand(review, {
      reason: "Bosk's reserves were mobilised overnight",
      success: { varkal: flipped },
      rungs: { northmarch: 3 },
      provocations: [],
    });
    if (!('command' in built)) throw new Error(built.error);
    state = run(state, 'facilitator', built.command);
    const after = reviewOf(viewFor(state, 'facilitator'));
    expect(after?.crises[0]?.current).toBe(flipped);
    expect(after?.crises[0]?.engine).toBe(review.crises[0]?.engine);
    expect(after?.theaters.find((t) => t.id === 'northmarch')?.current).toBe(3);
    expect(after?.overrideReason).toBe("Bosk's reserves were mobilised overnight");
    state = run(state, 'facilitator', { type: 'publish' });
    expect(state.phase).toBe('results');
    expect(state.regions['northmarch']?.rung).toBe(3);
    expect(state.report?.override?.reason).toBe("Bosk's reserves were mobilised overnight");
  });
});

describe('injects', () => {
  it("lists the deck (the White Cell's secret) in people's words", () => {
    const state = classroomAt('diplomacy');
    const cards = deckCards(viewFor(state, 'facilitator'));
    expect(cards.map((c) => c.id)).toEqual([
      'aurelia-election',
      'pipeline-sabotage',
      'trade-deal',
      'varkal-recession',
      'snap-exercise',
    ]);
    expect(cards[0]?.effects).toEqual(['Aurelia: consensus −8 points']);
    expect(cards[2]?.effects).toEqual(['Aurelia → Dunmere: alliance ties +10 points']);
    expect(cards[3]?.effects).toEqual(['Varkal: trend growth −1.5 % a year', 'Varkal: consensus −5 points']);
    expect(deckCards(viewFor(state, 'aurelia'))).toEqual([]);
    expect(upcomingScripted(viewFor(state, 'facilitator'))).toEqual([{ turn: 3, title: 'Border incident' }]);
  });

  it('marks a card fired this turn once injected', () => {
    const state = run(classroomAt('diplomacy'), 'facilitator', { type: 'inject', card: 'trade-deal' });
    const card = deckCards(viewFor(state, 'facilitator')).find((c) => c.id === 'trade-deal');
    expect(card?.firedThisTurn).toBe(true);
  });

  it('explains every problem with a custom inject in words', () => {
    const built = customInjectCommand(' ', '', [
      { kind: 'consensus', target: '', amount: '5' },
      { kind: 'escalation', target: 'northmarch', amount: '1.5' },
      { kind: 'capability', target: 'varkal', amount: '-150' },
      { kind: 'growth', target: 'bosk', amount: '0' },
    ]);
    expect(built).toEqual({
      errors: [
        'Give the inject a title.',
        'Write what happens: players read this text.',
        'Effect 1: choose the nation it affects.',
        'Effect 2: escalation moves by whole rungs.',
        'Effect 3: the change must be a number from -100 to 100 %.',
        'Effect 4: a change of 0 does nothing.',
      ],
    });
  });

  it('fires a custom inject whose effects land in the units the form shows', () => {
    const before = classroomAt('diplomacy');
    const built = customInjectCommand('Strike at the port', 'Dockworkers walk out in Bosk.', [
      { kind: 'consensus', target: 'bosk', amount: '-6' },
      { kind: 'readiness', target: 'bosk', amount: '-10' },
      { kind: 'escalation', target: 'northmarch', amount: '1' },
    ]);
    if (!('command' in built)) throw new Error(built.errors.join('; '));
    const after = run(before, 'facilitator', built.command);
    const [b0, b1] = [before.nations['bosk'], after.nations['bosk']];
    expect((b1?.consensus ?? 0) - (b0?.consensus ?? 0)).toBeCloseTo(-6, 9);
    expect((b1?.readiness ?? 0) - (b0?.readiness ?? 0)).toBeCloseTo(-0.1, 9);
    expect(after.regions['northmarch']?.rung).toBe((before.regions['northmarch']?.rung ?? 0) + 1);
    expect(after.cards.at(-1)?.title).toBe('Strike at the port');
    const view = viewFor(after, 'facilitator');
    const capability = EFFECT_SPECS.find((s) => s.kind === 'capability');
    expect(capability?.scale).toBe(0.01);
    expect(describeEffect(view, { kind: 'capability', nation: 'varkal', delta: -0.25 })).toBe(
      'Varkal: capability −25 %',
    );
  });
});

describe('seats, people and links', () => {
  const snapshot = (): StoreSnapshot => ({
    code: 'ABCD2345',
    status: 'playing',
    deadline: null,
    seat: 'facilitator',
    view: null,
    seats: [
      { id: 'varkal', role: 'challenger', name: 'Varkal', bot: 'hawk', humans: 0, owes: false, civilDisorder: false },
      { id: 'aurelia', role: 'guarantor', name: 'Aurelia', bot: '', humans: 1, owes: true, civilDisorder: false },
      { id: 'bosk', role: 'ally', name: 'Bosk', bot: '', humans: 0, owes: false, civilDisorder: true },
      {
        id: 'facilitator',
        role: 'facilitator',
        name: 'White Cell',
        bot: '',
        humans: 1,
        owes: false,
        civilDisorder: false,
      },
      { id: 'observer', role: 'observer', name: 'Observers', bot: '', humans: 1, owes: false, civilDisorder: false },
    ],
    members: [
      { id: 's3', name: 'Projector', seat: 'observer', connected: true },
      { id: 's2', name: 'Ann', seat: 'aurelia', connected: false },
      { id: 's1', name: 'Ms Ortiz', seat: 'facilitator', connected: true },
    ],
    draft: null,
    log: [],
    problem: null,
    chat: [],
    link: 'connected',
    notice: null,
  });

  it('lists nation seats by role with who plays them, their bot choices and their state', () => {
    const lines = seatLines(snapshot());
    expect(lines.map((l) => [l.name, l.people, l.status])).toEqual([
      ['Aurelia', ['Ann (reconnecting)'], 'Still to submit'],
      ['Bosk', [], 'Civil disorder: a bot plays it'],
      ['Varkal', [], 'Done'],
    ]);
    expect(lines[0]?.policies).toContain('honor');
    expect(lines[1]?.policies).toContain('free-rider');
    expect(lines[2]?.policies).not.toContain('honor');
  });

  it('lists people White Cell first, and offers nation seats or the observers as moves', () => {
    const s = snapshot();
    expect(people(s).map((p) => [p.name, p.seatName])).toEqual([
      ['Ms Ortiz', 'White Cell'],
      ['Ann', 'Aurelia'],
      ['Projector', 'Observers'],
    ]);
    expect(moveTargets(s).map((t) => t.id)).toEqual(['varkal', 'aurelia', 'bosk', 'observer']);
  });
});
