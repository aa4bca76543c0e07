// Pure selectors for the game screen's header and panels: who the seat is, what it owes now, whom
// the phase waits for, where it may chat. Derived from the view with the shared rules
// (legalCommands), so the screen never decides legality on its own. No DOM: tested headless.
import type { GameView } from '../../shared/view/viewFor.js';
import { legalCommands } from '../../shared/rules/legal.js';
import { submitters } from '../../shared/rules/flow.js';
import { inCivilDisorder, seatById } from '../../shared/rules/seats.js';
import { privateChatTargets, writableChannels } from '../../shared/protocol/chat.js';
import type { Command } from '../../shared/protocol/commands.js';
import type { ChatChannel } from '../../shared/protocol/roomMessages.js';
import { clockText, listText, nationName, seatName } from './matchText.js';

/** A number for people: whole above 100, one decimal above 10, two below; a real minus sign. */
export const fmt = (x: number): string => {
  const a = Math.abs(x);
  const digits = a >= 100 ? 0 : a >= 10 ? 1 : 2;
  const text = Number(Math.abs(x).toFixed(digits)).toLocaleString('en', { maximumFractionDigits: digits });
  // A real minus sign: screen readers say "minus", and it lines up with the signed deltas.
  return x < 0 && Number(text.replaceAll(',', '')) !== 0 ? `−${text}` : text;
};

/** $bn with its unit. */
export const money = (x: number): string => `${fmt(x)} bn`;

export interface SeatSummary {
  seat: string;
  role: string;
  /** "Aurelia (guarantor)", "White Cell", "Observer". */
  label: string;
  nation: string | null;
  /** A bot plays the seat after missed deadlines until a human sends `back`. */
  civilDisorder: boolean;
}

export const seatSummary = (view: GameView, seat: string): SeatSummary => {
  const s = seatById(view, seat);
  const role = s?.role ?? 'observer';
  const nation = s?.nation ?? null;
  const label =
    role === 'facilitator'
      ? 'White Cell'
      : nation
        ? `${nationName(view, nation)} (${role})`
        : 'Observer (watching only)';
  return { seat, role, label, nation, civilDisorder: nation !== null && inCivilDisorder(view, seat) };
};

export interface Waiting {
  /** Seat names that still owe a submission in this phase. */
  owed: string[];
  /** Seat names that are done. */
  done: string[];
  /** One line for the header. */
  text: string;
}

/**
 * Who the phase waits for. The room's seat rows carry `owes` from the engine's `owedBy` on the whole
 * state: a seat's own view cannot tell, since the others' submissions are secret until adjudication.
 */
export const waitingFor = (view: GameView, seats: readonly { id: string; owes: boolean }[]): Waiting => {
  if (view.ended) return { owed: [], done: [], text: 'The match is over.' };
  const owedIds = seats.filter((s) => s.owes).map((s) => s.id);
  const owed = owedIds.map((id) => seatName(view, id));
  // Nation seats with a submission in this phase (the engine's `submitters`) that no longer owe it.
  const submitting = submitters(view);
  const done = view.seats
    .filter((s) => s.nation !== null && submitting.includes(s.id) && !owedIds.includes(s.id))
    .map((s) => seatName(view, s.id));
  let text: string;
  if (view.phase === 'adjudication')
    text = owed.length > 0 ? 'Waiting for the White Cell to review and publish the results.' : 'Adjudicating…';
  else if (owed.length === 0) text = 'Everyone has submitted: the next phase is coming.';
  else text = `Waiting for ${listText(owed)}.`;
  return { owed, done, text };
};

/** What the seat can do in this phase: the panels shown and the one-line instruction. */
export type Task = 'ready' | 'statements' | 'allocate' | 'move' | 'answer' | 'wait' | 'watch' | 'over';

export interface SeatTask {
  task: Task;
  /** What the player should do now, in words. */
  text: string;
  /** The seat may send `ready` now. */
  canReady: boolean;
}

const has = (cmds: readonly Command[], type: Command['type']): boolean => cmds.some((c) => c.type === type);

/** The seat's task now, from the engine's `legalCommands` (the same list the bots choose from). */
export const seatTask = (view: GameView, seat: string): SeatTask => {
  if (view.ended) return { task: 'over', text: 'The match is over.', canReady: false };
  const role = seatById(view, seat)?.role;
  if (role === 'facilitator')
    return { task: 'watch', text: 'You run the match: the White Cell console is beside the map.', canReady: false };
  if (!role || role === 'observer')
    return {
      task: 'watch',
      text: 'You are watching the match. To play, ask the White Cell to seat you.',
      canReady: false,
    };
  const cmds = legalCommands(view, seat);
  const canReady = has(cmds, 'ready');
  switch (view.phase) {
    case 'briefing':
      return canReady
        ? { task: 'ready', text: 'Read your briefing, then say you are ready.', canReady }
        : { task: 'wait', text: 'You are ready. Waiting for the others.', canReady };
    case 'diplomacy':
      return canReady
        ? {
            task: 'statements',
            text: 'Talk in the chat, make public statements if you wish, then say you are ready.',
            canReady,
          }
        : { task: 'wait', text: 'You are ready. Waiting for the others to finish talking.', canReady };
    case 'allocation':
      return has(cmds, 'allocate')
        ? { task: 'allocate', text: 'Split your budget for this turn, secretly, and submit it.', canReady }
        : { task: 'wait', text: 'Your allocation is in. Waiting for the others.', canReady };
    case 'challenger_move':
      if (has(cmds, 'move')) return { task: 'move', text: 'Choose your secret move for this turn.', canReady };
      return {
        task: 'wait',
        text: role === 'challenger' ? 'Your move is chosen.' : 'The challenger is choosing its move.',
        canReady,
      };
    case 'responses':
      if (has(cmds, 'answer_guarantee') || has(cmds, 'answer_ally'))
        return { task: 'answer', text: 'A guarantee has been invoked: answer the crisis.', canReady };
      return { task: 'wait', text: 'Waiting for the answers to the crisis.', canReady };
    case 'adjudication':
      return { task: 'wait', text: 'The turn is being adjudicated.', canReady };
    case 'results':
      return canReady
        ? { task: 'ready', text: 'Read the results and their breakdowns, then say you are ready.', canReady }
        : { task: 'wait', text: 'You are ready for the next turn. Waiting for the others.', canReady };
  }
};

export interface Countdown {
  /** "2:05", "Paused", "No timer". */
  text: string;
  /** Screen-reader friendly. */
  label: string;
  urgent: boolean;
}

/** The deadline line: seconds left, paused, or no timer (the White Cell moves the phase on). */
export const countdown = (view: GameView, seconds: number | null): Countdown => {
  if (view.settings.paused) return { text: 'Paused', label: 'The White Cell paused the match', urgent: false };
  if (seconds === null)
    return { text: 'No timer', label: 'No timer: the phase ends when everyone is done', urgent: false };
  const clock = clockText(seconds);
  return { text: clock, label: `${clock} left in this phase`, urgent: seconds <= 15 };
};

export interface ChatTarget {
  id: string;
  name: string;
}

/** The seats a private line may go to, by the room's own rule (shared/protocol/chat.ts). */
export const privateTargets = (view: GameView, seat: string): ChatTarget[] =>
  privateChatTargets(
    view.seats.map((s) => s.id),
    seat,
  ).map((id) => ({ id, name: seatName(view, id) }));

/** Whom each channel reaches, in the seat's words (the White Cell reads every line; docs/PROTOCOL.md). */
const channelLabel = (view: GameView, seat: string, channel: ChatChannel): string => {
  const facilitator = seat === 'facilitator';
  switch (channel) {
    case 'public':
      return 'Public: everyone';
    case 'team':
      return facilitator
        ? 'Team: the White Cell only'
        : `Team: everyone playing ${seatName(view, seat)}, and the White Cell`;
    case 'private':
      return facilitator ? 'Private: one seat' : 'Private: one seat, and the White Cell';
    case 'broadcast':
      return 'Broadcast: everyone, as the White Cell';
  }
};

/** The channels the room lets the seat write in, each saying whom it reaches. */
export const chatChannels = (view: GameView, seat: string): { value: ChatChannel; label: string }[] =>
  writableChannels(seat).map((value) => ({ value, label: channelLabel(view, seat, value) }));

/** What a chat line's heading says: "Ann (Aurelia) · to Varkal · private". */
export const chatHeading = (
  view: GameView | null,
  line: { from: string; name: string; channel: string; to?: string },
): string => {
  const from = view ? seatName(view, line.from) : line.from;
  const to = line.channel === 'private' && line.to ? ` to ${view ? seatName(view, line.to) : line.to}` : '';
  const channel = line.channel === 'public' ? '' : ` · ${line.channel}`;
  return `${line.name} (${from})${to}${channel}`;
};
