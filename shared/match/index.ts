// The one match loop: inputs, one step, one settle, one replay, one bot decider.
export * from './match.js';
export * from './input.js';
export * from './step.js';
export * from './bots.js';
export * from './settle.js';
export * from './play.js';
