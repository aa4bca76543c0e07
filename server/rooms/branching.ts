// What-if: a new match that starts from a turn of a recorded one. Only the recorded match's White
// Cell may branch it (its facilitator key), and only into the same scenario.
import { quoted } from '../../shared/index.js';
import type { CreateOptions } from '../../shared/protocol/roomMessages.js';
import { sameSecret } from '../access/sameSecret.js';
import { journal } from '../journal/journalStore.js';
import { creationRefusal } from './refusal.js';

/** The recorded turn a branch starts from; throws a refusal naming what is wrong. */
export const branchPoint = (request: NonNullable<CreateOptions['branch']>, scenarioId: string) => {
  const source = journal().match(request.matchId);
  if (!source || !sameSecret(request.facilitatorKey, source.room.facilitatorKey))
    throw creationRefusal(`branch: no recorded match ${quoted(request.matchId)} with that facilitator key`);
  if (source.setup.scenarioId !== scenarioId)
    throw creationRefusal(`branch: match ${quoted(request.matchId)} plays scenario "${source.setup.scenarioId}"`);
  const snapshot = journal().turnSnapshot(request.matchId, request.turn);
  if (!snapshot) throw creationRefusal(`branch: match ${quoted(request.matchId)} never reached turn ${request.turn}`);
  return { snapshot, origin: { matchId: request.matchId, turn: request.turn } };
};
