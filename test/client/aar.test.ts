// The after-action review's pure parts on a real record: a whole classroom match played by bots,
// journaled as the server journals it (with one White Cell override), read back with the server's
// own buildRecord and replay. Charts, their geometry, the decision timeline and the replay steps.
import { describe, expect, it } from 'vitest';
import { viewFor } from '../../shared/index.js';
import { MemoryJournal } from '../../server/journal/MatchJournal.js';
import { MatchSession } from '../../server/match/MatchSession.js';
import { buildRecord, replayMatch } from '../../server/record/matchRecord.js';
import {
  FRAME,
  MARKERS,
  type ReplayJson,
  branchTurns,
  chartGeometry,
  chartSpecs,
  formatValue,
  linePath,
  markerPath,
  namesOf,
  niceTicks,
  readRecord,
  replaySteps,
  seriesStyle,
} from '../../client/view/aar.js';
import { DEFAULT_HIDDEN, categoryCounts, timelineTurns } from '../../client/aar/timelineModel.js';
import { classroom } from './fixtures.js';

const REASON = 'The class argued the ally would hold the line';

/** A classroom match to its end; the White Cell overrides the first adjudication a crisis invokes a guarantee in. */
const recorded = () => {
  const scenario = classroom();
  const journal = new MemoryJournal();
  const setup = { matchId: 'm1', scenario, seed: 9, showMath: true, facilitatorReview: true, timers: {}, bots: {} };
  journal.begin({
    id: 'm1',
    code: 'ABCDEFGH',
    setup: { ...setup, scenarioId: 'classroom' },
    room: { facilitatorKey: 'key', reconnectSeconds: 120, reclaimKeys: {} },
    createdAt: 0,
  });
  const session = MatchSession.create(setup, journal, 0);
  session.start(new Set(), 0);
  let now = 0;
  let overridden = 0;
  for (let i = 0; i < 500 && session.status === 'playing'; i++) {
    if (session.state.pending) {
      if (overridden === 0 && session.state.crises.some((c) => c.invoked.length > 0)) {
        const rungs = Object.fromEntries(Object.keys(session.state.regions).map((r) => [r, 1]));
        // Every forceful challenge's outcome turned round, so the record has one the rules did not give.
        const drawn = session.state.pending.engine.success;
        const success = Object.fromEntries(
          session.state.crises
            .filter((c) => c.move.target !== null)
            .map((c) => [c.challengerSeat, !drawn[c.challengerSeat]]),
        );
        const r = session.command('facilitator', { type: 'override', reason: REASON, rungs, success }, now);
        if (!r.ok) throw new Error(r.error.message);
        overridden = session.state.turn;
      }
      const p = session.command('facilitator', { type: 'publish' }, now);
      if (!p.ok) throw new Error(p.error.message);
      continue;
    }
    session.tick((now = session.deadline ?? now + 1000));
  }
  expect(session.status).toBe('ended');
  expect(overridden).toBeGreaterThan(0);
  const record = readRecord(JSON.parse(JSON.stringify(buildRecord(journal, 'm1'))));
  const initial = journal.firstSnapshot('m1');
  if (!initial) throw new Error('no snapshot');
  const replayed = replayMatch(journal.match('m1')!.setup, 'm1', initial, journal.entries('m1', initial.seq - 1));
  const replay: ReplayJson = JSON.parse(
    JSON.stringify({
      id: 'm1',
      code: 'ABCDEFGH',
      scenarioId: 'classroom',
      status: 'ended',
      turns: replayed.turns.map((t) => ({ turn: t.turn, seq: t.seq, view: viewFor(t.state, 'facilitator') })),
      final: viewFor(replayed.final, 'facilitator'),
    }),
  );
  return { record, replay, overridden, turns: scenario.turns };
};

const { record, replay, overridden, turns } = recorded();
const names = namesOf(record);
const specs = chartSpecs(record.series, names);
const spec = (id: string) => {
  const found = specs.find((s) => s.id === id);
  if (!found) throw new Error(`no chart ${id}`);
  return found;
};

describe('reading the record', () => {
  it('accepts a record and refuses anything else with a sentence', () => {
    expect(record.match.code).toBe('ABCDEFGH');
    expect(() => readRecord({ format: 'something else' })).toThrow(/not a match record/);
    expect(() => readRecord({ format: 'guarantor-match-record', version: 1, initial: {} })).toThrow(/incomplete/);
  });
});

describe('chart specs', () => {
  it('charts credibility, commitment, escalation, spending, consensus and scores over every turn', () => {
    expect(specs.map((s) => s.id)).toEqual([
      'credibility',
      'commitment',
      'escalation',
      'defense',
      'consensus',
      'scores',
    ]);
    for (const s of specs) {
      expect(s.turns).toEqual([...Array(turns + 1).keys()]);
      for (const x of s.series) expect(x.values).toHaveLength(turns + 1);
    }
  });

  it('names each series and carries the record’s own numbers', () => {
    const credibility = spec('credibility');
    expect(credibility.series.map((x) => x.label)).toEqual(['Aurelia → Bosk', 'Aurelia → Corvin', 'Aurelia → Dunmere']);
    expect(credibility.series[1]?.values).toEqual(
      record.series.map((p) => p.guarantees['aurelia-corvin']?.credibility),
    );
    expect(spec('escalation').series.map((x) => x.label)).toContain('Northern March');
    expect(spec('defense').series.map((x) => x.label)).toEqual(['Aurelia', 'Bosk', 'Corvin', 'Dunmere', 'Varkal']);
    expect(spec('scores').series.map((x) => x.label)).toContain('Varkal (challenger)');
    expect(spec('consensus').series[0]?.values[0]).toBe(record.series[0]?.nations['aurelia']?.consensus);
  });

  it('fits the axes to the data: spending up to a round tick above its peak, the ladder one rung above its peak', () => {
    const defense = spec('defense');
    const peak = Math.max(...record.series.flatMap((p) => Object.values(p.nations).map((n) => n.defenseShare)));
    expect(defense.domain[1]).toBeGreaterThanOrEqual(peak);
    expect(defense.ticks.at(-1)).toBe(defense.domain[1]);
    const escalation = spec('escalation');
    const highest = Math.max(...record.series.map((p) => p.overall));
    expect(escalation.domain).toEqual([0, Math.min(8, Math.max(3, highest + 1))]);
    expect(escalation.tickLabels?.slice(0, 3)).toEqual(['0 peace', '1 gray zone', '2 crisis']);
    expect(formatValue(escalation, 2)).toBe('2 (crisis)');
    expect(formatValue(spec('defense'), 3.25)).toBe('3.3');
    expect(formatValue(spec('scores'), null)).toBe('—');
  });

  it.each([
    [7.3, [0, 2, 4, 6, 8]],
    [10.2, [0, 2.5, 5, 7.5, 10, 12.5]],
    [100, [0, 20, 40, 60, 80, 100]],
    [0, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    [3.2, [0, 1, 2, 3, 4]],
  ])('round ticks up to %s: %j', (max, expected) => {
    expect(niceTicks(max)).toEqual(expected);
  });
});

describe('chart geometry', () => {
  it('puts the first turn on the left edge, the last on the right, 0 at the bottom and the top of the scale at the top', () => {
    const g = chartGeometry(spec('credibility'));
    expect(g.xTicks[0]).toMatchObject({ value: 0, at: g.plot.x0, label: 'Start' });
    expect(g.xTicks.at(-1)).toMatchObject({ value: turns, at: g.plot.x1, label: String(turns) });
    expect(g.yTicks[0]).toMatchObject({ value: 0, at: g.plot.y0 });
    expect(g.yTicks.at(-1)).toMatchObject({ value: 100, at: g.plot.y1 });
  });

  it('draws every series as a path through one point per turn, inside the plot', () => {
    for (const s of specs) {
      const g = chartGeometry(s);
      for (const line of g.lines) {
        expect(line.points).toHaveLength(turns + 1);
        expect(line.d).toMatch(/^M[\d.]+ [\d.]+/);
        expect(line.d.match(s.steps ? /H/g : /L/g)).toHaveLength(turns);
        for (const p of line.points) {
          expect(p.x).toBeGreaterThanOrEqual(g.plot.x0);
          expect(p.x).toBeLessThanOrEqual(g.plot.x1);
          expect(p.y).toBeGreaterThanOrEqual(g.plot.y1 - 8);
          expect(p.y).toBeLessThanOrEqual(g.plot.y0 + 8);
        }
      }
    }
  });

  it('a higher value is drawn higher', () => {
    const g = chartGeometry(spec('credibility'));
    const line = g.lines[1];
    const values = spec('credibility').series[1]?.values ?? [];
    const [a, b] = [0, turns].map((i) => ({ v: values[i] ?? 0, y: line?.points[i]?.y ?? 0 }));
    if (!a || !b) throw new Error('no points');
    expect(Math.sign(b.y - a.y)).toBe(-Math.sign(b.v - a.v));
  });

  it('keeps a running match’s whole length on the x axis, its lines ending where the match stands', () => {
    const running = chartSpecs(record.series.slice(0, 3), names, turns);
    const g = chartGeometry(running[0] ?? spec('credibility'));
    expect(g.xTicks.map((t) => t.value)).toEqual([...Array(turns + 1).keys()]);
    const line = g.lines[0];
    expect(line?.points.map((p) => p.turn)).toEqual([0, 1, 2]);
    expect(line?.points.at(-1)?.x).toBeCloseTo(g.plot.x0 + (2 / turns) * (g.plot.x1 - g.plot.x0));
  });

  it('sets equal rungs apart so that no theater hides another, and makes room for the rungs’ names', () => {
    const g = chartGeometry(spec('escalation'));
    const starts = g.lines.map((l) => l.points[0]?.y);
    expect(new Set(starts).size).toBe(starts.length);
    expect(g.frame.left).toBeGreaterThan(FRAME.left);
    expect(g.lines.every((l) => /^M[\d.]+ [\d.]+(H[\d.]+V[\d.]+)+$/.test(l.d))).toBe(true);
  });

  it('straight or stepped paths, and none for a single point', () => {
    const pts = [
      { x: 0, y: 0 },
      { x: 10, y: 5 },
    ];
    expect(linePath(pts, false)).toBe('M0 0L10 5');
    expect(linePath(pts, true)).toBe('M0 0H10V5');
    expect(linePath(pts.slice(0, 1), false)).toBe('');
  });

  it('gives each of sixteen series its own colour, dash and marker together, and every marker a closed or stroked shape', () => {
    const styles = Array.from({ length: 16 }, (_, i) => seriesStyle(i));
    expect(new Set(styles.slice(0, 8).map((s) => s.color)).size).toBe(8);
    expect(new Set(styles.slice(0, 8).map((s) => s.dash)).size).toBe(8);
    expect(new Set(styles.map((s) => `${s.color}${s.dash}${s.marker}`)).size).toBe(16);
    const paths = MARKERS.map((m) => markerPath(m, 50, 50, 4));
    expect(new Set(paths).size).toBe(MARKERS.length);
    for (const d of paths) {
      expect(d).toMatch(/^M/);
      expect(d).not.toMatch(/NaN/);
    }
  });
});

describe('decision timeline', () => {
  const timeline = timelineTurns(record.timeline, {
    names: replay.final,
    series: record.series,
    reports: replaySteps(replay).map((s) => s.view),
  });
  const rows = timeline.flatMap((t) => t.rows);

  it('lists every turn in order, each with its adjudication and the report behind it', () => {
    expect(timeline.map((t) => t.turn)).toEqual([...Array(turns).keys()].map((i) => i + 1));
    for (const t of timeline) {
      const adjudication = t.rows.find((r) => r.category === 'adjudication');
      expect(adjudication?.text, `turn ${t.turn}`).toMatch(new RegExp(`^Turn ${t.turn} adjudicated`));
      expect(adjudication?.why.length, `turn ${t.turn}`).toBeGreaterThan(0);
    }
  });

  it('flags the White Cell’s override with its reason, on the override and on the adjudication it changed', () => {
    const turn = timeline.find((t) => t.turn === overridden);
    const override = turn?.rows.find((r) => r.category === 'override');
    expect(override?.override).toBe(REASON);
    const set = override?.why[0]?.entries.map((e) => e.text) ?? [];
    expect(set.some((e) => /— the White Cell set: rung 1, .+ \(the rules gave: rung \d, .+\)$/.test(e))).toBe(true);
    expect(
      set.some((e) =>
        /^Varkal’s .+ on .+ — the White Cell set: (fails|succeeds) \(the rules gave: (succeeds|fails)\)$/.test(e),
      ),
    ).toBe(true);
    const adjudication = turn?.rows.find((r) => r.category === 'adjudication');
    expect(adjudication?.override).toBe(REASON);
    // Under the override, the outcome that stands, marked overruled, with what the dice gave.
    expect(adjudication?.note).toMatch(
      /rolled \d+ \(under \d+ succeeds\) → (succeeds|fails) — overruled by the White Cell \(the rules gave: (fails|succeeds)\)\./,
    );
    expect(adjudication?.note).not.toMatch(/\.\./);
    const others = rows.filter((r) => r.category === 'adjudication' && r.turn !== overridden);
    expect(others.every((r) => r.override === null)).toBe(true);
  });

  it('explains decisions: what a move invokes, what an answer does and how credibility moved', () => {
    const invoking = rows.find((r) => r.category === 'decision' && r.note?.startsWith('Invokes '));
    expect(invoking?.text).toMatch(/^Varkal .* (Bosk|Corvin|Dunmere)\.$/);
    const answer = rows.find((r) => /^Aurelia (honors|partly honors|abandons) its guarantee to/.test(r.text));
    expect(answer?.note).toMatch(/Credibility to the challenger: [\d.]+ before the turn, [\d.]+ after it\./);
    expect(rows.filter((r) => r.category === 'decision' && r.who === 'Varkal').length).toBe(turns);
  });

  it('explains a rule once per turn, not on every row that follows it', () => {
    for (const t of timeline) {
      const notes = t.rows.map((r) => r.note).filter((n): n is string => n !== null);
      expect(new Set(notes).size, `turn ${t.turn}`).toBe(notes.length);
    }
    const allies = rows.filter((r) => / contributes forces\.$/.test(r.text));
    expect(allies.length).toBeGreaterThan(1);
    expect(allies.filter((r) => r.note !== null).length).toBe(new Set(allies.map((r) => r.turn)).size);
  });

  it('speaks in names, never in ids', () => {
    const ids = /\b(aurelia|bosk|corvin|dunmere|varkal|northmarch|southcoast)\b/;
    for (const r of rows) {
      expect(r.text).not.toMatch(ids);
      expect(r.note ?? '').not.toMatch(ids);
    }
  });

  it('without the replay, says where the adjudication’s details are', () => {
    const bare = timelineTurns(record.timeline, { names, series: record.series });
    const adjudications = bare.flatMap((t) => t.rows).filter((r) => r.category === 'adjudication');
    expect(adjudications).toHaveLength(turns);
    expect(adjudications.every((r) => r.why.length === 0 && /could not be loaded/.test(r.note ?? ''))).toBe(true);
  });

  it('counts each kind for the filter, and hides each seat’s intelligence reports at first', () => {
    const counts = categoryCounts(timeline);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(rows.length);
    expect(counts.intelligence).toBeGreaterThan(0);
    expect(counts.override).toBe(1);
    expect(DEFAULT_HIDDEN).toEqual(['intelligence']);
  });
});

describe('replay steps', () => {
  it('steps through the start of every turn, then the end; a what-if may start from any of those turns', () => {
    const steps = replaySteps(replay);
    expect(steps.map((s) => s.label)).toEqual([
      ...[...Array(turns).keys()].map((i) => `Start of turn ${i + 1}`),
      `End of the match (after turn ${turns})`,
    ]);
    expect(steps.every((s, i) => s.final === (i === turns))).toBe(true);
    expect(steps[3]?.view.report?.turn).toBe(3);
    expect(branchTurns(replay)).toEqual([...Array(turns).keys()].map((i) => i + 1));
  });

  it('calls a running match’s last step "now"', () => {
    const running: ReplayJson = {
      ...replay,
      status: 'open',
      final: { ...replay.final, ended: null, phase: 'allocation' },
    };
    expect(replaySteps(running).at(-1)?.label).toBe(`Now: turn ${replay.final.turn}, allocation`);
  });
});
