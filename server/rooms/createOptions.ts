// Reads a create request into a match setup, or throws a refusal whose message names the problem
// (Colyseus turns it into the creating client's error).
import {
  type Scenario,
  SCENARIOS,
  cleanClientValue,
  describeIssues,
  policyProblem,
  quoted,
  scenarioById,
} from '../../shared/index.js';
import { type CreateOptions, CreateOptionsSchema } from '../../shared/protocol/roomMessages.js';
import { creationRefusal as refuse } from './refusal.js';

export const readCreateOptions = (
  raw: unknown,
  requiredPassword: string | undefined,
): { options: CreateOptions; scenario: Scenario } => {
  const clean = cleanClientValue(raw, 'options');
  if (!clean.ok) throw refuse(`invalid match options: ${clean.error.message}`);
  const parsed = CreateOptionsSchema.safeParse(clean.value);
  if (!parsed.success) throw refuse(`invalid match options: ${describeIssues(parsed.error, 'options')}`);
  const options = parsed.data;
  if (requiredPassword && options.password !== requiredPassword)
    throw refuse('creating a match needs the server password');
  const scenario = scenarioById(options.scenario);
  if (!scenario)
    throw refuse(`unknown scenario ${quoted(options.scenario)} (known: ${Object.keys(SCENARIOS).join(', ')})`);
  for (const [seat, policy] of Object.entries(options.bots)) {
    const spec = scenario.seats.find((s) => s.id === seat);
    if (!spec) throw refuse(`bots: unknown seat ${quoted(seat)}`);
    const problem = policyProblem(policy, spec.role);
    if (problem) throw refuse(`bots.${seat}: ${problem}`);
  }
  return { options, scenario };
};
