// White Cell injects: a card from the scenario's deck, or one written on the spot.
import type { EventCard } from '../../model/scenario.js';
import type { GameState, Seat } from '../../model/state.js';
import { fail, ok, type Result } from '../../result.js';
import { applyCard } from '../cards.js';
import type { Outcome } from '../flow.js';
import { lookup } from '../seats.js';
import type { Handler } from './context.js';

/** Every nation, region and guarantee an effect names must exist. */
const unknownReference = (state: GameState, card: EventCard): string | null => {
  for (const e of card.effects) {
    if ('nation' in e && !lookup(state.nations, e.nation)) return `unknown nation "${e.nation}"`;
    if ('region' in e && !lookup(state.regions, e.region)) return `unknown region "${e.region}"`;
    if ('guarantee' in e && !lookup(state.guarantees, e.guarantee)) return `unknown guarantee "${e.guarantee}"`;
  }
  return null;
};

const fire = (state: GameState, seat: Seat, card: EventCard): Result<Outcome> => {
  const problem = unknownReference(state, card);
  if (problem) return fail('ERR_UNKNOWN_TARGET', `effects: ${problem}`);
  const applied = applyCard(state, card);
  return ok({
    state: applied.state,
    events: [
      {
        kind: 'card_fired',
        turn: state.turn,
        visibleTo: 'all',
        text: `${card.title}: ${card.text}`,
        data: { card: card.id, by: seat.id, changes: applied.changes },
      },
    ],
  });
};

export const inject: Handler<'inject'> = (state, seat, { card }) => {
  const found = state.config.deck.find((c) => c.id === card);
  if (!found) return fail('ERR_UNKNOWN_TARGET', `card: "${card}" is not in this scenario's deck`);
  return fire(state, seat, found);
};

export const injectCustom: Handler<'inject_custom'> = (state, seat, { title, text, effects }) =>
  fire(state, seat, { id: `inject-t${state.turn}`, title, text, effects });
