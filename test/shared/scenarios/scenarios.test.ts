// Scenarios are data: the shipped ones validate, and a bad file gets errors that name the field path
// and the reason, never a crash.
import { describe, expect, it } from 'vitest';
import { SCENARIOS, createMatch, loadScenario } from '../../../shared/index.js';

const classroom = SCENARIOS['classroom'];
const baltic = SCENARIOS['baltic'];
if (!classroom || !baltic) throw new Error('shipped scenarios missing');

// Tests edit raw JSON freely, exactly as a careless author would.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Raw = Record<string, any>;

/** A deep copy of the classroom scenario with one change applied. */
const mutated = (change: (s: Raw) => void): unknown => {
  const copy = JSON.parse(JSON.stringify(classroom)) as Raw;
  change(copy);
  return copy;
};

const errorOf = (input: unknown): string => {
  const loaded = loadScenario(input);
  if (loaded.ok) throw new Error('expected the scenario to be refused');
  expect(loaded.error.code).toBe('ERR_INVALID_SCENARIO');
  return loaded.error.message;
};

describe('shipped scenarios', () => {
  it.each(Object.entries(SCENARIOS))('%s validates and starts a match', (_id, scenario) => {
    expect(loadScenario(JSON.parse(JSON.stringify(scenario))).ok).toBe(true);
    expect(createMatch(scenario, 1).ok).toBe(true);
  });

  it('the classroom scenario is fictional: 1 guarantor, 2–3 allies, 1 challenger, 8–10 turns, inline polygons', () => {
    const roles = classroom.seats.map((s) => s.role);
    expect(roles.filter((r) => r === 'guarantor')).toHaveLength(1);
    expect(roles.filter((r) => r === 'ally').length).toBeGreaterThanOrEqual(2);
    expect(roles.filter((r) => r === 'ally').length).toBeLessThanOrEqual(3);
    expect(roles.filter((r) => r === 'challenger')).toHaveLength(1);
    expect(classroom.turns).toBeGreaterThanOrEqual(8);
    expect(classroom.turns).toBeLessThanOrEqual(10);
    expect(classroom.map).toBe('polygons');
    for (const n of classroom.nations) expect(n.polygon, n.id).toBeDefined();
  });

  it('the Baltic scenario uses ISO codes and NATO 2024 defense shares, and cites its sources', () => {
    expect(baltic.map).toBe('iso');
    const share = Object.fromEntries(baltic.nations.map((n) => [n.iso, n.defenseShare]));
    expect(share).toMatchObject({ POL: 4.12, EST: 3.43, USA: 3.38, LVA: 3.15, LTU: 2.85, DEU: 2.12 });
    expect(baltic.sources.join(' ')).toMatch(/NATO/);
    expect(baltic.sources.join(' ')).toMatch(/SIPRI/);
    expect(baltic.guarantees.every((g) => g.type === 'treaty')).toBe(true);
  });
});

describe('scenario errors name the field and the reason', () => {
  it.each([
    ['a missing title', (s: Raw) => delete s.title, /title/],
    ['a negative GDP', (s: Raw) => (s.nations[1].gdp = -5), /nations\.1\.gdp/],
    ['consensus above 100', (s: Raw) => (s.nations[0].consensus = 140), /nations\.0\.consensus/],
    ['a bad ISO code', (s: Raw) => (s.nations[0].iso = 'usa'), /nations\.0\.iso: must be an ISO 3166-1 alpha-3/],
    [
      'a nation in an unknown region',
      (s: Raw) => (s.nations[2].region = 'atlantis'),
      /nations\.2\.region: unknown region "atlantis"/,
    ],
    [
      'a guarantee to an unknown ally',
      (s: Raw) => (s.guarantees[0].ally = 'nowhere'),
      /guarantees\.0\.ally: unknown nation "nowhere"/,
    ],
    [
      'a challenger as guarantor',
      (s: Raw) => (s.guarantees[0].guarantor = 'varkal'),
      /guarantees\.0\.guarantor: "varkal" is not seated as a guarantor/,
    ],
    ['an unknown guarantee type', (s: Raw) => (s.guarantees[1].type = 'pinky_promise'), /guarantees\.1\.type/],
    ['clarity above 1', (s: Raw) => (s.guarantees[0].clarity = 1.5), /guarantees\.0\.clarity/],
    [
      'a duplicate nation id',
      (s: Raw) => (s.nations[1].id = 'aurelia'),
      /nations\.1\.id: duplicate nation id "aurelia"/,
    ],
    [
      'no challenger seat',
      (s: Raw) => (s.seats = s.seats.filter((x: { role: string }) => x.role !== 'challenger')),
      /seats: needs at least one challenger seat/,
    ],
    [
      'a scripted event after the last turn',
      (s: Raw) => (s.events.scripted[0].turn = 99),
      /events\.scripted\.0\.turn: turn 99 is after the last turn/,
    ],
    [
      'an event naming an unknown region',
      (s: Raw) => (s.events.deck[1].effects[0].region = 'moon'),
      /events\.deck\.1\.effects\.0: unknown region "moon"/,
    ],
    ['no sources', (s: Raw) => (s.sources = []), /sources/],
    ['an unknown bot policy', (s: Raw) => (s.seats[0].bot = 'kamikaze'), /seats\.0\.bot/],
    [
      'a guarantor-only policy on an ally',
      (s: Raw) => (s.seats[1].bot = 'honor'),
      /seats\.1\.bot: policy "honor" plays only guarantor seats/,
    ],
    ['a misspelled field', (s: Raw) => (s.nations[1].sustainableshare = 3), /nations\.1.*sustainableshare/],
    ['a bad parameter override', (s: Raw) => (s.params = { contestExponent: -1 }), /params\.contestExponent/],
  ])('%s', (_what, change, expected) => {
    expect(errorOf(mutated(change))).toMatch(expected);
  });

  it.each([null, 42, 'baltic', [], {}])('refuses %j without throwing', (input) => {
    expect(() => errorOf(input)).not.toThrow();
  });

  it('createMatch refuses an invalid scenario with the same message', () => {
    const bad = mutated((s) => (s.turns = 0));
    const created = createMatch(bad, 1);
    expect(created.ok).toBe(false);
    if (!created.ok) expect(created.error.message).toMatch(/turns/);
  });
});
