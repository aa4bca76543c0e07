// How a seat's view travels: the public picture in four JSON chunks grouped by how often they
// change, plus the seat's secrets (the SECRET_KEYS parts of its own view that differ). The server
// splits with publicChunks; clients and network bots rebuild the view with assembleView.
import { z } from 'zod';
import { GameStateSchema } from '../model/state.js';
import type { GameView } from '../view/viewFor.js';
import { describeIssues } from './commands.js';

/** What a client may trust about a view it rebuilt: the state's schema, without the generator. */
export const GameViewSchema = GameStateSchema.omit({ rng: true }).extend({ viewer: z.string() });

export const CHUNKS = {
  /** Rarely changes: scenario settings, parameters, seats (scripted cards appear as their turn comes). */
  setup: ['format', 'scenarioId', 'seed', 'config', 'params', 'seats'],
  /** A few times a turn: the world's state and the decision record. */
  world: ['nations', 'guarantees', 'regions', 'precedent', 'history', 'adjudicated', 'sanctions', 'occupations'],
  /** With every command: the turn's submissions, words, crises and settings. */
  turnInfo: [
    'turn',
    'phase',
    'ended',
    'ready',
    'statements',
    'crises',
    'cards',
    'missed',
    'settings',
    'allocations',
    'lastAllocations',
    'moves',
    'guarantorAnswers',
    'nuclearSteps',
    'allyAnswers',
    'reveals',
    'pending',
  ],
  /** Once a turn: the report and the scores. */
  results: ['report', 'scores'],
} as const satisfies Record<string, readonly (keyof GameView)[]>;

export type ChunkName = keyof typeof CHUNKS;

/** Splits a (public) view into its chunks, each ready to stringify. */
export const publicChunks = (view: GameView): Record<ChunkName, Record<string, unknown>> => {
  const pick = (keys: readonly (keyof GameView)[]) => Object.fromEntries(keys.map((k) => [k, view[k]]));
  return {
    setup: pick(CHUNKS.setup),
    world: pick(CHUNKS.world),
    turnInfo: pick(CHUNKS.turnInfo),
    results: pick(CHUNKS.results),
  };
};

/**
 * Rebuilds a seat's view from the chunk texts and its secret text. Fields the secrets carry
 * replace the public ones. Throws on text that is not JSON or not a view (naming the bad field):
 * the caller treats that as a broken link.
 */
export const assembleView = (
  chunks: Readonly<Record<ChunkName, string>>,
  secret: string | undefined,
  viewer: string,
): GameView => {
  const parts: unknown[] = (Object.keys(CHUNKS) as ChunkName[]).map((name) => JSON.parse(chunks[name] || '{}'));
  const merged: unknown = Object.assign({}, ...parts, secret ? JSON.parse(secret) : {}, { viewer });
  const parsed = GameViewSchema.safeParse(merged);
  if (!parsed.success) throw new Error(`the server sent an invalid view: ${describeIssues(parsed.error)}`);
  return parsed.data;
};
