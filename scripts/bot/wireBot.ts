// A bot over the real protocol: it rebuilds its seat's view from the room state after every patch
// and, when its seat owes a move, asks the shared bot for one and sends it as any player would.
import type { Room } from 'colyseus.js';
import { type GameView, type PolicyName, decideBot, owedBy, readView } from '../../shared/index.js';

/** The decoded room state, read through the fields the bot needs. */
interface WireState {
  status: string;
  view?: unknown;
  secrets?: Map<string, unknown>;
}

/** What the bot decides from: the turn's submissions, words and crises, its own included. */
const decisionKey = (v: GameView): string =>
  JSON.stringify([v.turn, v.phase, v.ended, v.ready, v.statements, v.crises, v.cards, v.missed, v.settings]) +
  JSON.stringify([v.allocations, v.moves, v.guarantorAnswers, v.nuclearSteps, v.allyAnswers, v.reveals, v.pending]);

/** How long a refused bot waits before it looks at the state again. */
const RETRY_MS = 300;
/** The least time between two commands from one bot. */
const MIN_GAP_MS = 150;

export interface WireBot {
  /** Commands sent so far. */
  sent: number;
  stop(): void;
}

/** Plays `seat` in `room` with `policy` until stopped or the match ends. */
export const runWireBot = (room: Room, seat: string, policy: PolicyName, seed: number): WireBot => {
  const bot: WireBot = { sent: 0, stop: () => undefined };
  // The last state text the bot acted on: it sends once per change, never twice for one view.
  let actedOn = '';
  let lastSent = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const act = () => {
    const s = room.state as WireState;
    if (s.status !== 'playing' || !s.view) return;
    const view = readView(s, seat);
    const key = decisionKey(view);
    if (key === actedOn) return;
    if (!owedBy(view).includes(seat)) return;
    // Stay well inside the room's allowance (10 a second): a patch often shows a view that is
    // already one command behind, so look again after a short pause instead of firing at once.
    const wait = lastSent + MIN_GAP_MS - Date.now();
    if (wait > 0) {
      clearTimeout(timer);
      timer = setTimeout(act, wait);
      return;
    }
    const command = decideBot(policy, view, seat, seed);
    if (!command) return;
    actedOn = key;
    lastSent = Date.now();
    bot.sent++;
    room.send('command', command);
  };
  // A refusal usually means the bot acted on a view one patch old: forget it, and look again at
  // the next patch or, if none comes, shortly (never at once, which would flood the room).
  const retry = () => {
    actedOn = '';
    clearTimeout(timer);
    timer = setTimeout(act, RETRY_MS);
  };
  room.onStateChange(act);
  const offError = room.onMessage('error', retry);
  bot.stop = () => {
    room.onStateChange.remove(act);
    offError();
    clearTimeout(timer);
  };
  return bot;
};
