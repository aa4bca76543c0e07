// Natural Earth's countries (world-atlas, 1:50m: fine enough for Estonia, 0.75 MB), read once on the
// first real-map request and kept as GeoJSON polygons by ISO numeric code.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoCentroid } from 'd3-geo';
import type { Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';

export interface AtlasCountry {
  /** ISO 3166-1 numeric code, or null for shapes without one (Kosovo, Somaliland, N. Cyprus…). */
  id: string | null;
  name: string;
  /** Each separate landmass of the country. */
  parts: Polygon[];
}

/**
 * Natural Earth draws de facto control; the map follows the borders the UN recognises where they
 * differ: a part of `from` whose centre lies in `box` (lon/lat) is drawn as part of `to`.
 */
const RECOGNISED: readonly { from: string; to: string; box: [number, number, number, number]; what: string }[] = [
  { from: '643', to: '804', box: [32, 44, 37, 46.3], what: 'Crimea is Ukraine' },
];

const centreIn = (part: Polygon, [lon0, lat0, lon1, lat1]: [number, number, number, number]): boolean => {
  const [lon, lat] = geoCentroid(part);
  return lon >= lon0 && lon <= lon1 && lat >= lat0 && lat <= lat1;
};

export const ATLAS_CREDIT = 'Borders: Natural Earth (public domain)';

let cached: AtlasCountry[] | null = null;

/** Every country in the atlas, loaded on first use. */
export const atlasCountries = (): AtlasCountry[] => {
  if (cached) return cached;
  const file = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
  const topology: Topology = JSON.parse(readFileSync(file, 'utf8'));
  const object = topology.objects['countries'];
  if (object?.type !== 'GeometryCollection') throw new Error('world-atlas: no countries collection');
  const countries = feature(topology, object).features.map((f): AtlasCountry => {
    const g = f.geometry;
    const parts: Polygon[] =
      g?.type === 'Polygon'
        ? [g]
        : g?.type === 'MultiPolygon'
          ? g.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }))
          : [];
    const name = f.properties?.['name'];
    return { id: f.id === undefined ? null : String(f.id), name: typeof name === 'string' ? name : '', parts };
  });
  for (const rule of RECOGNISED) {
    const from = countries.find((c) => c.id === rule.from);
    const to = countries.find((c) => c.id === rule.to);
    if (!from || !to) continue;
    to.parts.push(...from.parts.filter((p) => centreIn(p, rule.box)));
    from.parts = from.parts.filter((p) => !centreIn(p, rule.box));
  }
  cached = countries;
  return countries;
};
