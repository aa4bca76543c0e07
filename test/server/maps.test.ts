// GET /maps/<scenario>.json: real borders for the Baltic, the scenario's own shapes for the
// classroom, each in a fixed frame the client draws without any projection of its own.
import { describe, expect, it } from 'vitest';
import { type MapData, MapDataSchema, type MapNation } from '../../shared/map/mapData.js';
import { SCENARIOS } from '../../shared/index.js';
import { testPort, useTestServer } from './helpers.js';

useTestServer();

const url = (path: string) => `http://localhost:${testPort()}${path}`;

const fetchMap = async (id: string): Promise<MapData> => {
  const res = await fetch(url(`/maps/${id}.json`));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  return MapDataSchema.parse(await res.json());
};

const points = (n: MapNation): [number, number][] =>
  n.rings.flatMap((r) => r.flatMap((v, i) => (i % 2 === 0 ? [[v, r[i + 1] ?? NaN] as [number, number]] : [])));

/** The box a nation's shape occupies, to compare where nations ended up. */
const box = (n: MapNation) => {
  const ps = points(n);
  const xs = ps.map((p) => p[0]);
  const ys = ps.map((p) => p[1]);
  return { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
};

const nationOf = (map: MapData, id: string): MapNation => {
  const n = map.nations.find((x) => x.id === id);
  if (!n) throw new Error(`no ${id} on the map`);
  return n;
};

describe('the Baltic map (real borders)', () => {
  it('has all seven nations, each with a shape and a label inside the frame', async () => {
    const map = await fetchMap('baltic');
    expect(map.kind).toBe('iso');
    expect(map.nations.map((n) => n.id)).toEqual(['usa', 'deu', 'pol', 'est', 'lva', 'ltu', 'rus']);
    for (const n of map.nations) {
      expect(n.rings.length, n.id).toBeGreaterThan(0);
      for (const [x, y] of [...points(n), n.label]) {
        expect(x, n.id).toBeGreaterThanOrEqual(0);
        expect(x, n.id).toBeLessThanOrEqual(map.width);
        expect(y, n.id).toBeGreaterThanOrEqual(0);
        expect(y, n.id).toBeLessThanOrEqual(map.height);
      }
    }
    expect(map.credit).toMatch(/Natural Earth/);
  });

  it('projects north up and east right: Estonia east of Germany and north of Lithuania', async () => {
    const map = await fetchMap('baltic');
    const est = box(nationOf(map, 'est'));
    const deu = box(nationOf(map, 'deu'));
    const ltu = box(nationOf(map, 'ltu'));
    expect(est.left).toBeGreaterThan(deu.right);
    expect(est.bottom).toBeLessThan(ltu.top + 1);
    // Small Estonia is still drawn large enough to point at (tens of frame units across).
    expect(est.right - est.left).toBeGreaterThan(40);
  });

  it('puts the United States in an inset box and keeps the others in the main frame', async () => {
    const map = await fetchMap('baltic');
    const usa = nationOf(map, 'usa');
    expect(usa.inset).toBe(0);
    const [x, y, w, h] = map.insets[0]?.box ?? [0, 0, 0, 0];
    for (const [px, py] of points(usa)) {
      expect(px).toBeGreaterThanOrEqual(x);
      expect(px).toBeLessThanOrEqual(x + w);
      expect(py).toBeGreaterThanOrEqual(y);
      expect(py).toBeLessThanOrEqual(y + h);
    }
    for (const id of ['deu', 'pol', 'est', 'lva', 'ltu', 'rus']) expect(nationOf(map, id).inset).toBeNull();
    // Grey neighbours give context, the larger ones named: Belarus lies east of Poland.
    expect(map.background.length).toBeGreaterThan(20);
    const belarus = map.places.find((p) => p.name === 'Belarus');
    expect(belarus?.at[0]).toBeGreaterThan(box(nationOf(map, 'pol')).right - 20);
    expect(map.places.map((p) => p.name)).toEqual(expect.arrayContaining(['Sweden', 'Finland', 'Ukraine']));
    expect(map.places.map((p) => p.name)).not.toContain('Russia');
  });

  it('anchors every theater, the Baltic one among the three Baltic states', async () => {
    const map = await fetchMap('baltic');
    expect(map.regions.map((r) => r.id).sort()).toEqual((SCENARIOS['baltic']?.regions.map((r) => r.id) ?? []).sort());
    const baltic = map.regions.find((r) => r.id === 'baltic');
    const states = ['est', 'lva', 'ltu'].map((id) => box(nationOf(map, id)));
    expect(baltic?.anchor[0]).toBeGreaterThan(Math.min(...states.map((b) => b.left)));
    expect(baltic?.anchor[0]).toBeLessThan(Math.max(...states.map((b) => b.right)));
    expect(baltic?.anchor[1]).toBeGreaterThan(Math.min(...states.map((b) => b.top)));
    expect(baltic?.anchor[1]).toBeLessThan(Math.max(...states.map((b) => b.bottom)));
  });

  it('stays small enough to load with the game screen', async () => {
    const res = await fetch(url('/maps/baltic.json'));
    expect((await res.text()).length).toBeLessThan(80_000);
  });
});

describe('the classroom map (scenario polygons)', () => {
  it("returns the scenario's own polygons and anchors unchanged", async () => {
    const map = await fetchMap('classroom');
    const scenario = SCENARIOS['classroom'];
    expect(map.kind).toBe('polygons');
    expect(map.background).toEqual([]);
    expect(map.places).toEqual([]);
    for (const n of scenario?.nations ?? []) {
      const drawn = nationOf(map, n.id);
      expect(drawn.rings).toEqual((n.polygon ?? []).map((ring) => ring.flat()));
    }
    expect(map.regions.find((r) => r.id === 'west')?.anchor).toEqual([150, 300]);
    expect(map.height).toBeGreaterThanOrEqual(570);
  });
});

it('answers 404 naming an unknown scenario', async () => {
  const res = await fetch(url('/maps/atlantis.json'));
  expect(res.status).toBe(404);
  expect(await res.json()).toEqual({ error: 'unknown scenario "atlantis"' });
});
