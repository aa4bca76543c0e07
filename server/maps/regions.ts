// Where each theater's marker and escalation ladder go on the map.
import type { MapNation, MapRegion, Point } from '../../shared/map/mapData.js';
import type { Scenario } from '../../shared/model/scenario.js';

const round1 = (v: number): number => Math.round(v * 10) / 10;

/**
 * Each region's anchor: the scenario's own (through `place`, which projects it on real maps), else
 * the mean of its home nations' label points, else `fallback` (a region nobody calls home).
 */
export const regionAnchors = (
  scenario: Scenario,
  nations: readonly MapNation[],
  place: (p: Point) => Point,
  fallback: Point,
): MapRegion[] =>
  scenario.regions.map((r) => {
    if (r.anchor) return { id: r.id, name: r.name, anchor: place(r.anchor) };
    const homes = scenario.nations.filter((n) => n.region === r.id).map((n) => n.id);
    const labels = nations.filter((n) => homes.includes(n.id)).map((n) => n.label);
    const mean = (axis: 0 | 1) => labels.reduce((sum, p) => sum + p[axis], 0) / labels.length;
    return { id: r.id, name: r.name, anchor: labels.length > 0 ? [round1(mean(0)), round1(mean(1))] : fallback };
  });
