// One map per scenario, computed on first request and kept: the geometry never changes while the
// server runs (it is derived from shipped data, not match state).
import type { MapData } from '../../client/map/mapData.js';
import { scenarioById } from '../../shared/scenarios/index.js';
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
