// Event cards: scripted, drawn at random from the scenario's deck, or injected by the White Cell.
import type { EventCard } from '../model/scenario.js';
import type { Change, GameState } from '../model/state.js';
import { TOP_RUNG } from '../model/vocabulary.js';
import type { RngCursor } from '../rng.js';
import { Ledger } from './ledger.js';
import { allScores } from './scoring.js';

/** Applies a card's effects; every delta is clamped to its meter's bounds and explained. */
export const applyCard = (state: GameState, card: EventCard): { state: GameState; changes: Change[] } => {
  const ledger = new Ledger(state);
  const label = `event: ${card.title}`;
  for (const e of card.effects) {
    switch (e.kind) {
      case 'consensus':
        ledger.nation(e.nation, 'consensus', label, e.delta);
        break;
      case 'growth':
        ledger.nation(e.nation, 'trendGrowth', label, e.delta);
        break;
      case 'capability':
        ledger.nation(e.nation, 'capability', label, e.delta * (ledger.nations[e.nation]?.capability ?? 0));
        break;
      case 'readiness':
        ledger.nation(e.nation, 'readiness', label, e.delta);
        break;
      case 'escalation':
        ledger.rung(e.region, label, e.delta);
        break;
      case 'ties':
        ledger.guarantee(e.guarantee, 'ties', label, e.delta);
        break;
    }
  }
  ledger.settlePeaks();
  const precedent = Math.max(state.precedent, ...Object.values(ledger.regions).map((r) => r.rung));
  // A card that reaches general nuclear war ends the match at once, like any other path there.
  const nuclearWar = Object.values(ledger.regions).some((r) => r.rung >= TOP_RUNG);
  const ended = nuclearWar && !state.ended ? { reason: 'general_nuclear_war' as const, turn: state.turn } : state.ended;
  const next: GameState = {
    ...state,
    nations: ledger.nations,
    guarantees: ledger.guarantees,
    regions: ledger.regions,
    precedent,
    cards: [...state.cards, card],
    ended,
  };
  // Scores move with the world, and drop to 0 if this card ended it in nuclear war.
  return { state: { ...next, scores: allScores(next) }, changes: ledger.changes() };
};

/** The cards that fire at the start of a turn: the scripted ones, then maybe one from the deck. */
export const cardsForTurn = (state: GameState, rng: RngCursor): EventCard[] => {
  const cards = state.config.scripted.filter((s) => s.turn === state.turn).map((s) => s.card);
  const deck = state.config.deck;
  if (deck.length > 0 && rng.chance(state.params.randomEventChance)) {
    const card = deck[rng.int(deck.length)];
    if (card) cards.push(card);
  }
  return cards;
};
