// The scenarios that ship with the game, and the loader for scenario files written by authors.
import { type Scenario, ScenarioSchema } from '../model/scenario.js';
import { describeIssues } from '../protocol/commands.js';
import { fail, ok, type Result } from '../result.js';
import baltic from './baltic.json' with { type: 'json' };
import classroom from './classroom.json' with { type: 'json' };

/** Validates raw scenario data; the error names each bad field path and the reason. */
export const loadScenario = (input: unknown): Result<Scenario> => {
  const parsed = ScenarioSchema.safeParse(input);
  return parsed.success ? ok(parsed.data) : fail('ERR_INVALID_SCENARIO', describeIssues(parsed.error));
};

const bundled = (raw: unknown): Scenario => {
  const loaded = loadScenario(raw);
  // A shipped scenario that fails its own schema is a build error, caught by the test suite.
  if (!loaded.ok) throw new Error(`bundled scenario is invalid: ${loaded.error.message}`);
  return loaded.value;
};

/** Shipped scenarios by id, in the order the scenario picker lists them. */
export const SCENARIOS: Readonly<Record<string, Scenario>> = {
  classroom: bundled(classroom),
  baltic: bundled(baltic),
};

export const scenarioById = (id: string): Scenario | undefined =>
  Object.hasOwn(SCENARIOS, id) ? SCENARIOS[id] : undefined;
