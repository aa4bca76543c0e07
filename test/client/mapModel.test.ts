// What the map draws, from real views of the classroom match: role colours, credibility arcs,
// forward forces, theaters and ladders, what pulses after results, and what the pointer is over.
import { describe, expect, it } from 'vitest';
import {
  NEUTRAL_COLOR,
  ROLE_COLORS,
  RUNG_COLORS,
  buildMapModel,
  describeTarget,
  focusOrder,
  hitTest,
  ladderCells,
  type MapModel,
} from '../../client/view/mapModel.js';
import {
  type GameEvent,
  type GameState,
  SCENARIOS,
  advance,
  applyCommand,
  credibility,
  startMatch,
  viewFor,
} from '../../shared/index.js';
import { isoMap } from '../../server/maps/isoMap.js';
import { polygonMap } from '../../server/maps/polygonMap.js';
import { classroom, classroomAt, must } from './fixtures.js';

const scenario = classroom();
const data = polygonMap(scenario);

/** Varkal attacks Corvin; the match runs on through the responses to the results. */
const attackOnCorvin = () => {
  const before = classroomAt('challenger_move');
  const moved = must(
    applyCommand(before, 'varkal', { type: 'move', move: { type: 'limited_attack', target: 'corvin' } }),
  ).state;
  const crisis = must(advance(moved));
  let state: GameState = crisis.state;
  const events: GameEvent[] = [];
  while (state.phase !== 'results') {
    const next = must(advance(state, { timedOut: true }));
    state = next.state;
    events.push(...next.events);
  }
  return { before, crisis: crisis.state, crisisEvents: crisis.events, results: state, resultEvents: events };
};

const luminance = (hex: string): number => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
};

const nation = (model: MapModel, id: string) => {
  const n = model.nations.find((x) => x.id === id);
  if (!n) throw new Error(`no ${id}`);
  return n;
};

describe('the map model', () => {
  const view = viewFor(classroomAt('allocation'), 'aurelia');
  const model = buildMapModel(data, view);

  it('colours nations by role, and everything neutral before the first view', () => {
    expect(nation(model, 'aurelia').color).toBe(ROLE_COLORS.guarantor);
    for (const id of ['bosk', 'corvin', 'dunmere']) expect(nation(model, id).color).toBe(ROLE_COLORS.ally);
    expect(nation(model, 'varkal').color).toBe(ROLE_COLORS.challenger);
    const blank = buildMapModel(data, null);
    expect(new Set(blank.nations.map((n) => n.color))).toEqual(new Set([NEUTRAL_COLOR]));
    expect(blank.links).toEqual([]);
    expect(model.summary).toMatch(/Guarantors: Aurelia; allies: Bosk, Corvin and Dunmere; challenger: Varkal/);
  });

  it("draws each guarantee from the guarantor's label to the ally's, stronger arcs darker and wider", () => {
    expect(model.links.map((l) => l.id).sort()).toEqual(['aurelia-bosk', 'aurelia-corvin', 'aurelia-dunmere']);
    const aurelia = nation(model, 'aurelia');
    for (const l of model.links) {
      const ally = nation(model, l.to);
      expect(l.curve.slice(0, 2)).toEqual(aurelia.label);
      expect(l.curve.slice(-2).map((v) => Math.round(v * 1e6) / 1e6)).toEqual(ally.label);
      expect(l.credibility).toBeCloseTo(credibility(view, l.id, 'challenger').value, 9);
      // The breakdown's named terms add up to the value shown.
      expect(l.terms.reduce((s, t) => s + t.value, 0)).toBeCloseTo(l.credibility, 6);
      expect(l.terms.map((t) => t.label)).toContain('reputation');
      expect(l.committed).toBe(false);
    }
    const [weak, strong] = [...model.links]
      .sort((a, b) => a.credibility - b.credibility)
      .filter((_, i, a) => i === 0 || i === a.length - 1);
    expect(strong && weak && strong.credibility > weak.credibility).toBe(true);
    expect(luminance(strong?.color ?? '')).toBeLessThan(luminance(weak?.color ?? ''));
    expect(strong?.width ?? 0).toBeGreaterThanOrEqual(weak?.width ?? 0);
  });

  it('draws an arc solid once a red line makes the commitment public', () => {
    const state = classroomAt('diplomacy');
    const said = must(
      applyCommand(state, 'aurelia', { type: 'statement', kind: 'red_line', subject: 'aurelia-corvin', text: '' }),
    ).state;
    const links = buildMapModel(data, viewFor(said, 'bosk')).links;
    expect(links.find((l) => l.id === 'aurelia-corvin')?.committed).toBe(true);
    expect(links.find((l) => l.id === 'aurelia-bosk')?.committed).toBe(false);
  });

  it('hides the breakdown when the White Cell turns the math off', () => {
    const state = classroomAt('allocation');
    const hidden = buildMapModel(data, viewFor({ ...state, settings: { ...state.settings, showMath: false } }, 'bosk'));
    expect(hidden.links.every((l) => l.terms.length === 0)).toBe(true);
    const text = describeTarget(hidden, null, { kind: 'link', id: 'aurelia-bosk' });
    expect(text.title).toBe('Aurelia → Bosk');
    expect(text.lines.join('\n')).toMatch(/show the math" off/);
  });

  it("shows Aurelia's forward forces as a chip at the Northern March", () => {
    expect(model.forces).toEqual([
      {
        nation: 'aurelia',
        code: 'AUR',
        region: 'northmarch',
        count: 8,
        color: ROLE_COLORS.guarantor,
        at: [525, 220],
        slot: 0,
      },
    ]);
    const text = describeTarget(model, view, { kind: 'nation', id: 'aurelia' });
    expect(text.title).toBe('Aurelia — guarantor (you)');
    expect(model.nations.filter((n) => n.mine).map((n) => n.id)).toEqual(['aurelia']);
    expect(text.lines).toContain('Forward: 8 FP in Northern March');
  });

  it('gives every theater a nine-step ladder with its rung highlighted', () => {
    expect(model.theaters.map((t) => t.id)).toEqual(['west', 'northmarch', 'southcoast', 'east']);
    const cells = ladderCells({ rung: 2, peak: 3 });
    expect(cells.map((c) => c.color)).toEqual([...RUNG_COLORS]);
    expect(cells.filter((c) => c.current).map((c) => c.rung)).toEqual([2]);
    expect(cells.filter((c) => c.reached).map((c) => c.rung)).toEqual([0, 1, 2]);
    expect(cells.find((c) => c.peak)?.rung).toBe(3);
    expect(model.theaters.every((t) => !t.hot)).toBe(true);
  });
});

describe('animations after results', () => {
  const run = attackOnCorvin();

  it('pulses the attacked ally when the crisis arrives, and marks its theater a hotspot', () => {
    const before = viewFor(run.before, 'corvin');
    const after = viewFor(run.crisis, 'corvin');
    const model = buildMapModel(data, after, before, run.crisisEvents);
    expect(model.pulses).toContain('corvin');
    expect(nation(model, 'corvin').targeted).toBe(true);
    const march = model.theaters.find((t) => t.id === 'northmarch');
    expect(march?.hot).toBe(true);
    expect(march?.crises).toEqual(['Varkal launches a limited attack on Corvin']);
    // Without fresh events (a redraw of the same view) nothing pulses.
    expect(buildMapModel(data, after, after, []).pulses).toEqual([]);
  });

  it('shows the rung a move in progress takes its theater to, as the crisis cards do, until the results set it', () => {
    const during = buildMapModel(data, viewFor(run.crisis, 'corvin')).theaters.find((t) => t.id === 'northmarch');
    // The theater stands at peace until adjudication; the attack lands it at limited war at least.
    expect(during?.rung).toBe(0);
    expect(during?.pending).toBe(4);
    const after = viewFor(run.results, 'corvin');
    const settled = buildMapModel(data, after).theaters.find((t) => t.id === 'northmarch');
    expect(settled?.rung).toBe(after.regions['northmarch']?.rung);
    expect(settled?.rung).toBeGreaterThanOrEqual(4);
    expect(settled?.pending).toBeNull();
    // Quiet theaters have nothing in progress.
    expect(buildMapModel(data, viewFor(run.before, 'corvin')).theaters.every((t) => t.pending === null)).toBe(true);
  });

  it('puts every move in the words the rest of the client uses, never a raw move name', () => {
    const view = viewFor(run.crisis, 'observer');
    const [crisis] = view.crises;
    if (!crisis) throw new Error('no crisis');
    const calmer = { ...view, crises: [{ ...crisis, move: { type: 'de_escalate' as const, target: 'corvin' } }] };
    const march = buildMapModel(data, calmer).theaters.find((t) => t.id === 'northmarch');
    expect(march?.crises).toEqual(['Varkal de-escalates toward Corvin']);
    // Backing down raises nothing.
    expect(march?.pending).toBeNull();
  });

  it('marks arcs whose credibility moved with the value they had before', () => {
    const before = viewFor(run.crisis, 'observer');
    const after = viewFor(run.results, 'observer');
    const model = buildMapModel(data, after, before, run.resultEvents);
    const moved = model.links.filter((l) => l.before !== null);
    expect(moved.length).toBeGreaterThan(0);
    for (const l of moved) expect(l.before).toBeCloseTo(credibility(before, l.id, 'challenger').value, 9);
    // The attack succeeded: Corvin lost territory, and only Corvin pulses.
    expect(after.nations['corvin']?.integrity).toBeLessThan(100);
    expect(model.pulses).toEqual(['corvin']);
    expect(model.theaters.find((t) => t.id === 'northmarch')?.rung).toBe(after.regions['northmarch']?.rung);
    for (const n of model.nations) {
      const lost = (after.nations[n.id]?.integrity ?? 0) < (before.nations[n.id]?.integrity ?? 0);
      expect(model.pulses.includes(n.id), n.id).toBe(lost);
    }
  });
});

describe('pointing at the map', () => {
  const view = viewFor(classroomAt('allocation'), 'observer');
  const model = buildMapModel(data, view);

  it('finds the arc under the pointer before the nation beneath it, and nothing at sea', () => {
    const link = model.links.find((l) => l.id === 'aurelia-dunmere');
    const mid = (link?.curve.length ?? 0) / 2;
    const [x, y] = [link?.curve[mid - 1] ?? 0, link?.curve[mid] ?? 0];
    expect(hitTest(model, x, y, 4)).toEqual({ kind: 'link', id: 'aurelia-dunmere' });
    const varkal = nation(model, 'varkal');
    expect(hitTest(model, varkal.label[0], varkal.label[1], 4)).toEqual({ kind: 'nation', id: 'varkal' });
    expect(hitTest(model, 990, 600, 4)).toBeNull();
  });

  it('finds the United States in its inset, and nothing the inset box covers', () => {
    const baltic = SCENARIOS['baltic'];
    if (!baltic) throw new Error('baltic missing');
    const state = must(startMatch(baltic, 3)).state;
    const real = buildMapModel(isoMap(baltic), viewFor(state, 'observer'));
    const usa = nation(real, 'usa');
    // Arcs start at the label itself: point a little south of it.
    expect(hitTest(real, usa.label[0], usa.label[1] + 15, 1)).toEqual({ kind: 'nation', id: 'usa' });
    // Whatever the inset box covers in the main frame cannot be pointed at through it.
    const covered = buildMapModel(
      { ...data, insets: [{ box: [100, 250, 120, 120], title: 'Not to scale', background: [] }] },
      viewFor(classroomAt('allocation'), 'observer'),
    );
    expect(hitTest(covered, 120, 360, 0)).toBeNull();
    expect(hitTest(covered, 120, 450, 0)).toEqual({ kind: 'nation', id: 'aurelia' });
    const est = nation(real, 'est');
    expect(hitTest(real, est.label[0], est.label[1] + 8, 0)).toEqual({ kind: 'nation', id: 'est' });
  });

  it('walks nations first, then guarantees, with Tab', () => {
    expect(focusOrder(model)).toEqual([
      ...['aurelia', 'bosk', 'corvin', 'dunmere', 'varkal'].map((id) => ({ kind: 'nation', id })),
      ...model.links.map((l) => ({ kind: 'link', id: l.id })),
    ]);
  });
});
