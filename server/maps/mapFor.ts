// One map per scenario, computed on first request and kept: the geometry never changes while the
// server runs (it is derived from shipped data, not match state).
import type { MapData } from '../../shared/map/mapData.js';
import { SCENARIOS, scenarioById } from '../../shared/scenarios/index.js';
import { isoMap } from './isoMap.js';
import { polygonMap } from './polygonMap.js';

const cache = new Map<string, string>();

/** The scenario's map as JSON text, or null for an unknown scenario. */
export const mapJsonFor = (scenarioId: string): string | null => {
  const hit = cache.get(scenarioId);
  if (hit !== undefined) return hit;
  const scenario = scenarioById(scenarioId);
  if (!scenario) return null;
  const data: MapData = scenario.map === 'iso' ? isoMap(scenario) : polygonMap(scenario);
  const json = JSON.stringify(data);
  cache.set(scenarioId, json);
  return json;
};

/**
 * Computes every shipped scenario's map in the background, one per turn of the event loop, so the
 * first game screen does not wait for the projection (about half a second for real borders).
 */
export const warmMaps = (ids: readonly string[] = Object.keys(SCENARIOS)): void => {
  const [first, ...rest] = ids;
  if (first === undefined) return;
  setImmediate(() => {
    try {
      mapJsonFor(first);
    } catch (error) {
      console.error(`map for scenario "${first}" failed:`, error);
    }
    warmMaps(rest);
  });
};
