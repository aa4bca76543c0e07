// The match session without a network: bots fill seats, the room clock closes phases at their
// deadlines, civil disorder hands a silent seat to a bot, pausing stops the clock, and the journal
// records every step with the hash of the state it produced.
import { describe, expect, it } from 'vitest';
import { SCENARIOS, legalCommands } from '../../shared/index.js';
import { MemoryJournal, reproduces, stateHash } from '../../server/journal/MatchJournal.js';
import { MatchSession } from '../../server/match/MatchSession.js';

const classroom = SCENARIOS['classroom'];
if (!classroom) throw new Error('classroom missing');

const session = (bots: Record<string, 'calculating'> = {}) => {
  const journal = new MemoryJournal();
  const s = MatchSession.create(
    { matchId: 'm1', scenario: classroom, seed: 3, showMath: true, facilitatorReview: false, timers: {}, bots },
    journal,
    0,
  );
  return { s, journal };
};

describe('a match session', () => {
  it('plays a whole match when bots hold every seat, phase by phase at the deadlines, journaling each step', () => {
    const { s, journal } = session();
    expect(s.start(new Set(), 0).ok).toBe(true);
    // Bots answer at once, but with no human the phases wait for their deadlines.
    expect(s.state.phase).toBe('briefing');
    let now = 0;
    for (let i = 0; i < 200 && s.status === 'playing'; i++) s.tick((now = s.deadline ?? now));
    expect(s.status).toBe('ended');
    expect(s.state.turn).toBe(classroom.turns);
    const entries = journal.entries('m1');
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(reproduces(entries.at(-1)!.hash, s.state)).toBe(true);
    // The whole state is hashed where a snapshot is taken (once a turn); the other entries carry a cheap check.
    const snapshots = journal.snapshots('m1');
    expect(snapshots.length).toBeGreaterThanOrEqual(classroom.turns);
    for (const snap of snapshots) expect(entries[snap.seq - 1]?.hash).toBe(stateHash(snap.state));
    expect(entries.filter((e) => e.hash.startsWith('c:')).length).toBeGreaterThan(entries.length / 2);
    expect(entries.filter((e) => e.kind === 'bot').length).toBeGreaterThan(100);
  });

  it('waits for a human seat, then closes the phase when its timer runs out', () => {
    const { s } = session();
    s.start(new Set(['aurelia']), 0);
    expect([s.state.phase, s.deadline]).toEqual(['briefing', 60_000]); // classroom: 60 s briefing
    s.tick(59_999);
    expect(s.state.phase).toBe('briefing');
    s.tick(60_000);
    expect(s.state.phase).toBe('diplomacy');
    expect(s.deadline).toBe(60_000 + 180_000);
  });

  it('hands a seat that keeps missing deadlines to a bot, whose own moves do not end civil disorder', () => {
    const { s } = session();
    s.start(new Set(['aurelia']), 0);
    let now = 0;
    // Let every deadline pass until Aurelia has missed two decisions (civil disorder after 2).
    for (let i = 0; i < 40 && !s.botPlays('aurelia'); i++) {
      now = s.deadline ?? now;
      s.tick(now);
    }
    expect(s.state.missed['aurelia']).toBe(2);
    expect(s.botPlays('aurelia')).toBe(true);
    // The bot now plays Aurelia; its commands do not end civil disorder.
    const turn = s.state.turn;
    for (let i = 0; i < 10 && s.state.turn === turn; i++) s.tick((now = s.deadline ?? now));
    expect(s.botPlays('aurelia')).toBe(true);
  });

  it('a human ends civil disorder with back, and the seat plays on', () => {
    const { s } = session();
    // Two humans: Bosk keeps playing (first legal command each time), Aurelia goes silent.
    s.start(new Set(['aurelia', 'bosk']), 0);
    let now = 0;
    const boskPlays = () => {
      for (let i = 0; i < 20; i++) {
        const [command] = legalCommands(s.state, 'bosk');
        if (!command || !s.command('bosk', command, now).ok) return;
      }
    };
    for (let i = 0; i < 60 && !s.botPlays('aurelia'); i++) {
      boskPlays();
      s.tick((now = s.deadline ?? now));
    }
    expect(s.botPlays('aurelia')).toBe(true);
    expect(s.status).toBe('playing');
    // A refused command changes nothing: the seat stays with its bot.
    const before = JSON.stringify(s.state);
    expect(s.command('aurelia', { type: 'move', move: { type: 'hold', target: null } }, now).ok).toBe(false);
    expect(JSON.stringify(s.state)).toBe(before);
    // `back` hands the seat to the human again.
    expect(s.command('aurelia', { type: 'back' }, now).ok).toBe(true);
    expect(s.state.missed['aurelia']).toBe(0);
    expect(s.botPlays('aurelia')).toBe(false);
  });

  it('pausing stops the clock and resuming extends the deadline by the pause', () => {
    const { s } = session();
    s.start(new Set(['aurelia']), 0);
    expect(s.command('facilitator', { type: 'pause' }, 10_000).ok).toBe(true);
    expect(s.deadline).toBeNull();
    s.tick(1_000_000);
    expect(s.state.phase).toBe('briefing');
    s.command('facilitator', { type: 'resume' }, 40_000);
    expect(s.deadline).toBe(60_000 + 30_000);
  });

  it('refuses commands before the start without changing anything', () => {
    const { s, journal } = session();
    const before = JSON.stringify(s.state);
    const result = s.command('aurelia', { type: 'ready' }, 0);
    expect(result.ok ? null : result.error.code).toBe('ERR_NOT_YOUR_PHASE');
    expect(JSON.stringify(s.state)).toBe(before);
    expect(journal.entries('m1')).toHaveLength(1); // only the creation
  });
});
