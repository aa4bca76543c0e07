// Bots: ordinary users of the engine. Each sees only its seat's view and picks a legal command.
export { policyProblem, DISPOSITIONS } from './policies.js';
export { botCommand } from './decide.js';
export { randomCommand } from './random.js';
