// One bot decision: given a seat's view and its legal commands, pick one. Bots see only
// viewFor(state, seat) and only ever return a command from legalCommands.
import type { Command } from '../protocol/commands.js';
import type { GameView } from '../view/viewFor.js';
import { legalCommands } from '../rules/legal.js';
import type { RngCursor } from '../rng.js';
import { chooseAllocation } from './allocation.js';
import { chooseMove } from './challenger.js';
import { chooseStatement } from './diplomacy.js';
import { answerAsAlly, answerAsGuarantor } from './responses.js';
import { type PolicyName, dispositionOf } from './policies.js';

/** The command a bot with `policy` sends for `seat` now, or null when it owes nothing. */
export const botCommand = (policy: PolicyName, view: GameView, seat: string, rng: RngCursor): Command | null => {
  const legal = legalCommands(view, seat);
  if (legal.length === 0) return null;
  if (policy === 'random') return legal[rng.int(legal.length)] ?? null;
  const disposition = dispositionOf(policy);
  const ready = legal.find((c) => c.type === 'ready') ?? null;
  switch (view.phase) {
    case 'briefing':
    case 'results':
      return ready;
    case 'diplomacy':
      return chooseStatement(view, seat, legal, disposition) ?? ready;
    case 'allocation':
      return chooseAllocation(view, seat, policy, disposition);
    case 'challenger_move':
      return chooseMove(view, seat, legal, disposition, rng);
    case 'responses':
      return (
        answerAsGuarantor(view, seat, legal, policy, disposition, rng) ??
        answerAsAlly(view, seat, legal, disposition, rng)
      );
    case 'adjudication':
      return null;
  }
};
