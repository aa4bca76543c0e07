// The debrief and the projector's public timeline, headless, from matches played to the end by
// the real engine: scores with their terms, decisions, challenges, peaks, and what the room may see.
import { describe, expect, it } from 'vitest';
import {
  challenges,
  decisions,
  endingOf,
  finalScores,
  guaranteeRecords,
  highlights,
  nationOutcomes,
  theaterPeaks,
} from '../../client/view/debrief.js';
import { ladders, publicTimeline } from '../../client/view/projector.js';
import {
  type Command,
  type GameEvent,
  type GameState,
  advance,
  applyCommand,
  eventsFor,
  playBotMatch,
  startMatch,
  viewFor,
} from '../../shared/index.js';
import { classroom, must } from './fixtures.js';

/**
 * A scripted classroom match played to the end, keeping the events an observer (the projector)
 * receives: Aurelia draws a red line, Varkal coerces Bosk in turn 1 (Aurelia honors) and probes
 * Corvin in turn 2 (Aurelia abandons); then nothing but defaults.
 */
const scripted = (options: { showMath?: boolean } = {}): { state: GameState; log: GameEvent[] } => {
  let state = must(startMatch(classroom(), 11, options)).state;
  const log: GameEvent[] = [];
  const step = (outcome: { state: GameState; events: GameEvent[] }) => {
    state = outcome.state;
    log.push(...eventsFor(outcome.events, 'observer', false));
  };
  const send = (seat: string, command: Command) => step(must(applyCommand(state, seat, command)));
  while (!state.ended) {
    if (state.turn === 1 && state.phase === 'diplomacy' && state.statements.length === 0)
      send('aurelia', { type: 'statement', kind: 'red_line', subject: 'aurelia-bosk', text: 'Bosk is not alone' });
    if (state.phase === 'challenger_move' && state.turn <= 2 && !state.moves['varkal'])
      send('varkal', {
        type: 'move',
        move: state.turn === 1 ? { type: 'coerce', target: 'bosk' } : { type: 'limited_attack', target: 'corvin' },
      });
    if (state.phase === 'responses' && state.turn <= 2) {
      const guarantee = state.turn === 1 ? 'aurelia-bosk' : 'aurelia-corvin';
      if (!state.guarantorAnswers['aurelia']?.[guarantee])
        send('aurelia', { type: 'answer_guarantee', guarantee, choice: state.turn === 1 ? 'honor' : 'abandon' });
    }
    step(must(advance(state, { timedOut: true })));
  }
  return { state, log };
};

describe('final scores', () => {
  const { state } = scripted();
  const view = viewFor(state, 'facilitator');

  it('lists every nation by role, best first, each score the sum of its named terms', () => {
    const rows = finalScores(view);
    expect(rows.map((r) => r.role)).toEqual(['guarantor', 'ally', 'ally', 'ally', 'challenger']);
    const allies = rows.filter((r) => r.role === 'ally').map((r) => r.score);
    expect(allies).toEqual([...allies].sort((a, b) => b - a));
    for (const r of rows) {
      expect(r.score).toBeCloseTo(state.scores[r.seat]?.value ?? NaN, 9);
      expect(r.terms.reduce((sum, t) => sum + t.points, 0)).toBeCloseTo(r.score, 6);
      expect(r.hidden).toBe(false);
    }
  });

  it('names each term and shows the measured metric and its weight, which multiply to the points', () => {
    const aurelia = finalScores(view).find((r) => r.seat === 'aurelia');
    expect(aurelia?.terms.map((t) => t.label)).toEqual([
      'Allies intact',
      'Deterrence',
      'Fiscal health',
      'Consensus',
      'Peace',
      'Reliability',
    ]);
    for (const t of aurelia?.terms ?? []) {
      expect(t.hint).not.toBe('');
      expect(((t.metric ?? NaN) * (t.weight ?? NaN)) / 100).toBeCloseTo(t.points, 9);
    }
    const weights = (aurelia?.terms ?? []).reduce((sum, t) => sum + (t.weight ?? 0), 0);
    expect(weights).toBeCloseTo(100, 9);
  });

  it("hides other seats' breakdowns when show-the-math is off, but not one's own", () => {
    const quiet = viewFor(scripted({ showMath: false }).state, 'bosk');
    const rows = finalScores(quiet);
    expect(rows.find((r) => r.seat === 'bosk')?.hidden).toBe(false);
    expect(rows.find((r) => r.seat === 'aurelia')).toMatchObject({ hidden: true, terms: [] });
  });
});

describe('how it ended and what was decided', () => {
  const { state, log } = scripted();
  const view = viewFor(state, 'observer');

  it('says how the match ended', () => {
    expect(endingOf(view).headline).toBe('All 10 turns played');
    const war = { ...view, ended: { reason: 'general_nuclear_war' as const, turn: 6 } };
    expect(endingOf(war)).toEqual({
      headline: 'General nuclear war in turn 6',
      detail: 'Escalation reached the top of the ladder: the match ended at once, and every side scores 0.',
    });
  });

  it("lists the guarantors' decisions and each guarantee's record", () => {
    expect(decisions(view)).toEqual([
      { turn: 1, choice: 'honor', text: 'Aurelia honored its guarantee to Bosk against Varkal (Northern March)' },
      {
        turn: 2,
        choice: 'abandon',
        text: expect.stringMatching(/^Aurelia abandoned its guarantee to Corvin against Varkal/),
      },
    ]);
    const records = guaranteeRecords(view);
    expect(records.find((g) => g.id === 'aurelia-bosk')).toMatchObject({
      name: 'Aurelia → Bosk',
      honored: 1,
      abandoned: 0,
    });
    expect(records.find((g) => g.id === 'aurelia-corvin')).toMatchObject({ honored: 0, abandoned: 1 });
    for (const g of records) {
      expect(g.credibility).toBeGreaterThanOrEqual(0);
      expect(g.credibility).toBeLessThanOrEqual(100);
    }
  });

  it("lists the challenger's forceful moves from the public events, or from the decisions when it missed them", () => {
    expect(challenges(view, log)).toEqual([
      { turn: 1, text: 'Varkal coerces Bosk' },
      { turn: 2, text: 'Varkal launches a limited attack on Corvin' },
    ]);
    expect(challenges(view, [])).toEqual([
      { turn: 1, text: 'Varkal challenges Bosk' },
      { turn: 2, text: 'Varkal challenges Corvin' },
    ]);
  });

  it('orders theaters by the peak they reached and tells the story at a glance', () => {
    const peaks = theaterPeaks(view);
    expect(peaks.map((p) => p.peak)).toEqual([...peaks.map((p) => p.peak)].sort((a, b) => b - a));
    expect(peaks[0]?.peak).toBe(state.precedent);
    const lines = highlights(view, log);
    expect(lines).toContain('Guarantees were invoked 2 times: honored 1, partly honored 0, abandoned 1.');
    expect(lines).toContain('The challengers made 2 forceful moves.');
    expect(lines.some((l) => l.startsWith('Best ally: '))).toBe(true);
  });

  it('reports where each nation ended against its start', () => {
    const rows = nationOutcomes(view);
    expect(rows.map((r) => r.name)).toEqual(['Aurelia', 'Bosk', 'Corvin', 'Dunmere', 'Varkal']);
    const varkal = state.nations['varkal'];
    const row = rows.find((r) => r.id === 'varkal');
    expect(row?.forces).toBeCloseTo((100 * (varkal?.capability ?? 0)) / (varkal?.capability0 ?? 1), 9);
  });

  it('works for a match played by bots alone', () => {
    // The bots' play changes with their policies: the debrief is checked against the record it reads.
    const bots = viewFor(playBotMatch(classroom(), 1, { varkal: 'random' }).state, 'facilitator');
    expect(bots.history.length).toBeGreaterThan(0);
    expect(decisions(bots).map((d) => `${d.turn}${d.choice}`)).toEqual(bots.history.map((d) => `${d.turn}${d.choice}`));
    const count = (c: string) => bots.history.filter((d) => d.choice === c).length;
    expect(highlights(bots, [])).toContain(
      `Guarantees were invoked ${bots.history.length} times: honored ${count('honor')}, partly honored ${count('partial')}, abandoned ${count('abandon')}.`,
    );
  });
});

describe('the public timeline', () => {
  const { state, log } = scripted();
  const view = viewFor(state, 'observer');

  it('tells each turn in order: statement, crisis, decision, results; without phase ticks', () => {
    const turn1 = publicTimeline(view, log).filter((e) => e.turn === 1);
    expect(turn1.map((e) => e.kind)).toEqual(['statement', 'crisis', 'decision', 'adjudicated']);
    expect(turn1[0]?.text).toBe('Aurelia draws a red line over Aurelia → Bosk: “Bosk is not alone”');
    expect(turn1[1]?.text).toBe('Varkal coerces Bosk — invokes Aurelia → Bosk');
    expect(turn1[2]?.text).toMatch(/^Aurelia honored its guarantee to Bosk/);
    const all = publicTimeline(view, log);
    expect(all.at(-1)?.kind).toBe('ended');
    expect(new Set(all.map((e) => e.key)).size).toBe(all.length);
  });

  it('never shows what only one seat may see', () => {
    const facilitatorLog: GameEvent[] = [
      { kind: 'override', turn: 1, visibleTo: ['facilitator'], text: 'secret override' },
      { kind: 'intel_reveal', turn: 1, visibleTo: ['bosk'], text: 'secret reveal' },
      { kind: 'card_fired', turn: 1, visibleTo: 'all', text: 'Snap exercise: drills' },
    ];
    const texts = publicTimeline(view, facilitatorLog).map((e) => e.text);
    expect(texts).toContain('Snap exercise: drills');
    expect(texts.join(' ')).not.toMatch(/secret/);
  });

  it("fills in this turn's statements and crises for a screen that joined late", () => {
    let live = must(startMatch(classroom(), 11)).state;
    while (live.phase !== 'diplomacy') live = must(advance(live, { timedOut: true })).state;
    live = must(
      applyCommand(live, 'aurelia', { type: 'statement', kind: 'red_line', subject: 'aurelia-corvin', text: '' }),
    ).state;
    while (live.phase !== 'challenger_move') live = must(advance(live, { timedOut: true })).state;
    live = must(applyCommand(live, 'varkal', { type: 'move', move: { type: 'coerce', target: 'bosk' } })).state;
    live = must(advance(live, { timedOut: true })).state;
    const entries = publicTimeline(viewFor(live, 'observer'), []);
    expect(entries.map((e) => e.text)).toEqual([
      'Aurelia draws a red line over Aurelia → Corvin',
      'Varkal coerces Bosk — invokes Aurelia → Bosk',
    ]);
  });

  it('puts what happened before a late joiner arrived ahead of what it saw live', () => {
    let live = must(startMatch(classroom(), 11)).state;
    while (live.phase !== 'diplomacy') live = must(advance(live, { timedOut: true })).state;
    live = must(applyCommand(live, 'facilitator', { type: 'inject', card: 'trade-deal' })).state;
    // The projector joins here, then a statement arrives live; the pause is not the room's news.
    const said = must(
      applyCommand(live, 'aurelia', { type: 'statement', kind: 'exit_ramp', subject: 'northmarch', text: '' }),
    );
    const paused = must(applyCommand(said.state, 'facilitator', { type: 'pause' }));
    const log = eventsFor([...said.events, ...paused.events], 'observer', false);
    const entries = publicTimeline(viewFor(paused.state, 'observer'), log);
    expect(entries.map((e) => [e.kind, e.text])).toEqual([
      ['card', 'Trade deal with Dunmere: Aurelia and Dunmere sign a broad trade agreement.'],
      ['statement', 'Aurelia offers an exit ramp in Northern March'],
    ]);
  });

  it('orders the ladders hottest first', () => {
    const rows = ladders(view);
    expect(rows.map((r) => r.rung)).toEqual([...rows.map((r) => r.rung)].sort((a, b) => b - a));
    expect(rows.every((r) => r.peak >= r.rung)).toBe(true);
  });
});
