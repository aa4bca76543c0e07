// Who receives a chat message. Public: everyone. Team: the sender's seat. Private: the sender's
// seat and the addressed seat. Broadcast: everyone, White Cell only. The White Cell reads all.
import { quoted } from './clientValue.js';
import { CHAT_CHANNELS, type Chat, type ChatChannel } from './roomMessages.js';

export interface ChatMember {
  id: string;
  seat: string;
}

export type ChatCheck =
  { ok: true; recipients: string[] } | { ok: false; code: 'ERR_NOT_YOUR_ROLE' | 'ERR_UNKNOWN_SEAT'; message: string };

/** The channels a seat may write in: none for the observers, broadcast for the White Cell only. */
export const writableChannels = (from: string): ChatChannel[] =>
  from === 'observer' ? [] : CHAT_CHANNELS.filter((c) => c !== 'broadcast' || from === 'facilitator');

/** The seats a private line from `from` may go to: every other seat but the observers. */
export const privateChatTargets = (seats: readonly string[], from: string): string[] =>
  seats.filter((s) => s !== 'observer' && s !== from);

/** Whom a line reaches, or why it is refused; the room delivers it to exactly these members. */
export const chatRecipients = (
  members: readonly ChatMember[],
  from: string,
  chat: Chat,
  seats: readonly string[],
): ChatCheck => {
  if (!writableChannels(from).includes(chat.channel))
    return {
      ok: false,
      code: 'ERR_NOT_YOUR_ROLE',
      message:
        from === 'observer' ? 'observers read the chat but cannot write in it' : 'only the White Cell broadcasts',
    };
  if (chat.channel === 'private' && !privateChatTargets(seats, from).includes(chat.to ?? ''))
    return { ok: false, code: 'ERR_UNKNOWN_SEAT', message: `to: ${quoted(chat.to ?? '')} is not another seat` };
  const reaches = (seat: string): boolean => {
    if (seat === 'facilitator') return true;
    switch (chat.channel) {
      case 'public':
      case 'broadcast':
        return true;
      case 'team':
        return seat === from;
      case 'private':
        return seat === from || seat === chat.to;
    }
  };
  return { ok: true, recipients: members.filter((m) => reaches(m.seat)).map((m) => m.id) };
};
