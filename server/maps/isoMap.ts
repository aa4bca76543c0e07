// Real borders for scenarios with ISO codes: the scenario's nations from Natural Earth, projected
// with a conic projection fitted to the theater (the allies and what lies near them), grey
// neighbours for context, and far-away nations (the United States beside Europe) in an inset box.
import {
  type GeoProjection,
  geoArea,
  geoBounds,
  geoCentroid,
  geoConicConformal,
  geoConicEqualArea,
  geoDistance,
  geoPath,
} from 'd3-geo';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { MapData, MapInset, MapNation, MapPlace, Point, Ring } from '../../shared/map/mapData.js';
import type { Scenario } from '../../shared/model/scenario.js';
import { ATLAS_CREDIT, type AtlasCountry, atlasCountries } from './atlas.js';
import { ISO_NUMERIC } from './isoCodes.js';
import { regionAnchors } from './regions.js';
import { RingRecorder, labelPoint, signedArea2, simplifyRing } from './rings.js';

const WIDTH = 1000;
const MIN_HEIGHT = 560;
const MAX_HEIGHT = 700;
const PAD = 40;
/** A nation with land within this angle (~25°) of the theater is drawn in the main frame. */
const NEAR_EDGE = 0.44;
/** Parts whose centre is within this angle (~14°) decide the main frame's extent. */
const NEAR_CENTRE = 0.25;
const INSET_WIDTH = 230;
/** A grey neighbour is named when its largest visible part covers this much of the frame (units²). */
const PLACE_MIN_AREA = 2500;
const INSET_MARGIN = 12;
/** Simplification in frame units: scenario nations finer than the grey background. */
interface Detail {
  tolerance: number;
  minArea: number;
  step: number;
}
const NATION_DETAIL: Detail = { tolerance: 0.3, minArea: 0.5, step: 0.1 };
const BACKGROUND_DETAIL: Detail = { tolerance: 0.9, minArea: 3, step: 1 };

type Rect = [number, number, number, number];
type GeoBox = [number, number, number, number];

const multi = (parts: Polygon[]): MultiPolygon => ({
  type: 'MultiPolygon',
  coordinates: parts.map((p) => p.coordinates),
});

/** Projects polygons into flat rings, simplified; holes (rings wound against exteriors) are dropped. */
const projectParts = (projection: GeoProjection, parts: Polygon[], detail: Detail): Ring[] => {
  const recorder = new RingRecorder();
  const path = geoPath(projection, recorder);
  for (const part of parts) path(part);
  const rings: Ring[] = [];
  for (const raw of recorder.rings) {
    const ring = simplifyRing(raw, detail.tolerance, detail.minArea, detail.step);
    // d3 winds exterior rings clockwise on screen (positive here); a negative ring is a hole.
    if (ring && signedArea2(ring) > 0) rings.push(ring);
  }
  return rings;
};

/** The longitude/latitude box a screen rectangle shows, from samples along its edges. */
const visibleBox = (projection: GeoProjection, [x, y, w, h]: Rect): GeoBox => {
  let [lon0, lat0, lon1, lat1] = [180, 90, -180, -90];
  const steps = 24;
  for (let i = 0; i <= steps; i++)
    for (const [px, py] of [
      [x + (w * i) / steps, y],
      [x + (w * i) / steps, y + h],
      [x, y + (h * i) / steps],
      [x + w, y + (h * i) / steps],
    ] as const) {
      const p = projection.invert?.([px, py]);
      if (!p) continue;
      [lon0, lat0, lon1, lat1] = [
        Math.min(lon0, p[0]),
        Math.min(lat0, p[1]),
        Math.max(lon1, p[0]),
        Math.max(lat1, p[1]),
      ];
    }
  return [lon0 - 2, lat0 - 2, lon1 + 2, lat1 + 2];
};

const intersects = (part: Polygon, [lon0, lat0, lon1, lat1]: GeoBox): boolean => {
  const [[w, s], [e, n]] = geoBounds(part);
  // A part across the antimeridian has w > e: treat it as spanning every longitude.
  const [west, east] = w > e ? [-180, 180] : [w, e];
  return west <= lon1 && east >= lon0 && s <= lat1 && n >= lat0;
};

/** Grey neighbours inside `rect`, clipped to it, each with its name. */
const backgroundIn = (projection: GeoProjection, rect: Rect, skip: Set<AtlasCountry>) => {
  const box = visibleBox(projection, rect);
  return atlasCountries()
    .filter((c) => !skip.has(c))
    .map((c) => ({
      name: c.name,
      rings: projectParts(
        projection,
        c.parts.filter((p) => intersects(p, box)),
        BACKGROUND_DETAIL,
      ),
    }))
    .filter((c) => c.rings.length > 0);
};

/** Names for the larger grey neighbours (Belarus, Sweden…), so the map can be read without the legend. */
const placesOf = (countries: { name: string; rings: Ring[] }[]): MapPlace[] =>
  countries
    .filter((c) => c.name !== '' && Math.max(...c.rings.map((r) => Math.abs(signedArea2(r)) / 2)) >= PLACE_MIN_AREA)
    .map((c) => ({ name: c.name, at: labelPoint(c.rings) }));

/** Smallest angle between `centre` and any vertex of the parts (sampled). */
const nearestAngle = (parts: Polygon[], centre: Position): number => {
  let best = Infinity;
  for (const part of parts)
    for (const ring of part.coordinates)
      for (let i = 0; i < ring.length; i += 4) {
        const p = ring[i];
        if (p) best = Math.min(best, geoDistance([p[0] ?? 0, p[1] ?? 0], [centre[0] ?? 0, centre[1] ?? 0]));
      }
  return best;
};

const centreOf = (parts: Polygon[]): [number, number] => {
  const c = geoCentroid(multi(parts));
  return [c[0], c[1]];
};

/** A conic projection with standard parallels around the area's latitude, rotated to its centre. */
const conicFor = (make: () => GeoProjection & { parallels(p: [number, number]): GeoProjection }, parts: Polygon[]) => {
  const [[, south], [, north]] = geoBounds(multi(parts));
  const [lon] = centreOf(parts);
  const span = north - south;
  return make()
    .parallels([south + span / 6, north - span / 6])
    .rotate([-lon, 0]);
};

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/** How many of the rings' vertices fall inside a rectangle: the cost of covering it with an inset. */
const covered = (rings: readonly Ring[], [x, y, w, h]: Rect): number => {
  let n = 0;
  for (const ring of rings)
    for (let i = 0; i < ring.length; i += 2) {
      const px = ring[i] ?? 0;
      const py = ring[i + 1] ?? 0;
      if (px >= x && px <= x + w && py >= y && py <= y + h) n++;
    }
  return n;
};

interface Shape {
  nation: Scenario['nations'][number];
  country: AtlasCountry;
}

const shapesOf = (scenario: Scenario): Shape[] => {
  const byNumeric = new Map(atlasCountries().map((c) => [c.id, c]));
  return scenario.nations.map((nation) => {
    const numeric = nation.iso ? ISO_NUMERIC.get(nation.iso) : undefined;
    const country = numeric === undefined ? undefined : byNumeric.get(numeric);
    if (!country) throw new Error(`no Natural Earth shape for nation "${nation.id}" (iso ${nation.iso ?? 'missing'})`);
    return { nation, country };
  });
};

/** The map of a scenario drawn from ISO codes. */
export const isoMap = (scenario: Scenario): MapData => {
  const shapes = shapesOf(scenario);
  const allyNations = new Set(scenario.seats.filter((s) => s.role === 'ally').map((s) => s.nation));
  const focus = shapes.filter((s) => allyNations.has(s.nation.id));
  const centre = centreOf((focus.length > 0 ? focus : shapes).flatMap((s) => s.country.parts));
  const main = shapes.filter((s) => nearestAngle(s.country.parts, centre) < NEAR_EDGE);
  const far = shapes.filter((s) => !main.includes(s));
  const fitParts = main.flatMap((s) =>
    s.country.parts.filter((p) => geoDistance(geoCentroid(p), centre) < NEAR_CENTRE),
  );

  const projection = conicFor(geoConicConformal, fitParts);
  projection.fitWidth(WIDTH - 2 * PAD, multi(fitParts));
  const [[, y0], [, y1]] = geoPath(projection).bounds(multi(fitParts));
  const height = Math.round(clamp(y1 - y0 + 2 * PAD, MIN_HEIGHT, MAX_HEIGHT));
  projection
    .fitExtent(
      [
        [PAD, PAD],
        [WIDTH - PAD, height - PAD],
      ],
      multi(fitParts),
    )
    .clipExtent([
      [0, 0],
      [WIDTH, height],
    ]);
  const frame: Rect = [0, 0, WIDTH, height];
  const nations: MapNation[] = main.map(({ nation, country }) => {
    const box = visibleBox(projection, frame);
    const rings = projectParts(
      projection,
      country.parts.filter((p) => intersects(p, box)),
      NATION_DETAIL,
    );
    return {
      id: nation.id,
      name: nation.name,
      code: nation.iso ?? nation.id,
      rings,
      label: labelPoint(rings),
      inset: null,
    };
  });
  const skip = new Set(shapes.map((s) => s.country));
  const neighbours = backgroundIn(projection, frame, skip);

  const insets: MapInset[] = [];
  const occupied: Ring[] = nations.flatMap((n) => n.rings);
  for (const { nation, country } of far) {
    const largest = [...country.parts].sort((a, b) => geoArea(b) - geoArea(a))[0];
    if (!largest) continue;
    const core = country.parts.filter((p) => geoDistance(geoCentroid(p), geoCentroid(largest)) < NEAR_CENTRE);
    const insetProjection = conicFor(geoConicEqualArea, core);
    insetProjection.fitWidth(INSET_WIDTH - 16, multi(core));
    const [[, b0], [, b1]] = geoPath(insetProjection).bounds(multi(core));
    const h = Math.round(clamp(b1 - b0 + 36, 100, 220));
    const west = geoCentroid(largest)[0] < centre[0];
    const corners: Rect[] = [
      [INSET_MARGIN, INSET_MARGIN, INSET_WIDTH, h],
      [INSET_MARGIN, height - INSET_MARGIN - h, INSET_WIDTH, h],
      [WIDTH - INSET_MARGIN - INSET_WIDTH, INSET_MARGIN, INSET_WIDTH, h],
      [WIDTH - INSET_MARGIN - INSET_WIDTH, height - INSET_MARGIN - h, INSET_WIDTH, h],
    ];
    const order = west ? corners : [corners[2], corners[3], corners[0], corners[1]];
    const taken = (r: Rect) => insets.some((i) => overlaps(i.box, r));
    const box = order
      .filter((r): r is Rect => r !== undefined && !taken(r))
      .sort((a, b) => covered(occupied, a) - covered(occupied, b))[0];
    if (!box) continue;
    const [x, y, w] = box;
    insetProjection
      .fitExtent(
        [
          [x + 8, y + 26],
          [x + w - 8, y + h - 8],
        ],
        multi(core),
      )
      .clipExtent([
        [x, y],
        [x + w, y + h],
      ]);
    const rings = projectParts(insetProjection, core, NATION_DETAIL);
    nations.push({
      id: nation.id,
      name: nation.name,
      code: nation.iso ?? nation.id,
      rings,
      label: labelPoint(rings),
      inset: insets.length,
    });
    const background = backgroundIn(insetProjection, box, skip).flatMap((c) => c.rings);
    insets.push({ box, title: 'Not to scale', background });
  }
  const order = new Map(scenario.nations.map((n, i) => [n.id, i]));
  nations.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const project = (p: Point): Point => {
    const xy = projection(p);
    return xy ? [Math.round(xy[0] * 10) / 10, Math.round(xy[1] * 10) / 10] : p;
  };
  return {
    scenarioId: scenario.id,
    kind: 'iso',
    width: WIDTH,
    height,
    nations,
    regions: regionAnchors(scenario, nations, project, [WIDTH / 2, height / 2]),
    background: neighbours.flatMap((c) => c.rings),
    places: placesOf(neighbours),
    insets,
    credit: ATLAS_CREDIT,
  };
};

const overlaps = (a: Rect, b: Rect): boolean =>
  a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
