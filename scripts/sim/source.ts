// Where a simulation's scenario comes from: a shipped id or an author's JSON file. The main thread
// reads and validates the file once; workers get the same raw JSON and load it again themselves,
// because a Scenario cannot be trusted across a thread boundary without parsing.
import { readFileSync } from 'node:fs';
import { SCENARIOS, type Scenario, loadScenario } from '../../shared/index.js';

/** What a worker needs to rebuild the scenario: plain data, safe to structured-clone. */
export type ScenarioSource = { kind: 'id'; id: string } | { kind: 'data'; data: unknown };

export type Loaded = { ok: true; scenario: Scenario; source: ScenarioSource } | { ok: false; error: string };

/** Rebuilds a scenario from its source; the error names the field paths that are wrong. */
export const scenarioFrom = (
  source: ScenarioSource,
): { ok: true; scenario: Scenario } | { ok: false; error: string } => {
  if (source.kind === 'id') {
    // Own keys only: "constructor" or "__proto__" must not find Object's prototype.
    const scenario = Object.hasOwn(SCENARIOS, source.id) ? SCENARIOS[source.id] : undefined;
    return scenario
      ? { ok: true, scenario }
      : { ok: false, error: `unknown scenario "${source.id}" (shipped: ${Object.keys(SCENARIOS).join(', ')})` };
  }
  const loaded = loadScenario(source.data);
  return loaded.ok ? { ok: true, scenario: loaded.value } : { ok: false, error: loaded.error.message };
};

/** A name that is not a shipped id and does not look like a file is treated as a mistyped id. */
const looksLikePath = (arg: string): boolean => arg.endsWith('.json') || arg.includes('/') || arg.includes('\\');

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Resolves the --scenario argument: a shipped id, or the path of a JSON scenario file. */
export const resolveScenario = (arg: string): Loaded => {
  if (Object.hasOwn(SCENARIOS, arg) || !looksLikePath(arg)) {
    const found = scenarioFrom({ kind: 'id', id: arg });
    return found.ok
      ? { ...found, source: { kind: 'id', id: arg } }
      : { ok: false, error: `${found.error}; or give a path to a .json file` };
  }
  let text: string;
  try {
    text = readFileSync(arg, 'utf8');
  } catch (e) {
    const code = e instanceof Error && 'code' in e && e.code === 'ENOENT' ? 'no such file' : errorText(e);
    return { ok: false, error: `cannot read scenario file ${arg}: ${code}` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `scenario file ${arg} is not valid JSON: ${errorText(e)}` };
  }
  const found = scenarioFrom({ kind: 'data', data });
  return found.ok
    ? { ...found, source: { kind: 'data', data } }
    : { ok: false, error: `invalid scenario file ${arg}: ${found.error}` };
};
