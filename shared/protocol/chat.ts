// Who receives a chat message. Public: everyone. Team: the sender's seat. Private: the sender's
// seat and the addressed seat. Broadcast: everyone, White Cell only. The White Cell reads all.
import { quoted } from './clientValue.js';
import type { Chat } from './roomMessages.js';

export interface ChatMember {
  id: string;
  seat: string;
}

export type ChatCheck =
  { ok: true; recipients: string[] } | { ok: false; code: 'ERR_NOT_YOUR_ROLE' | 'ERR_UNKNOWN_SEAT'; message: string };

export const chatRecipients = (
  members: readonly ChatMember[],
  from: string,
  chat: Chat,
  seats: readonly string[],
): ChatCheck => {
  if (from === 'observer')
    return { ok: false, code: 'ERR_NOT_YOUR_ROLE', message: 'observers read the chat but cannot write in it' };
  if (chat.channel === 'broadcast' && from !== 'facilitator')
    return { ok: false, code: 'ERR_NOT_YOUR_ROLE', message: 'only the White Cell broadcasts' };
  if (chat.channel === 'private') {
    if (!chat.to || !seats.includes(chat.to) || chat.to === 'observer' || chat.to === from)
      return { ok: false, code: 'ERR_UNKNOWN_SEAT', message: `to: ${quoted(chat.to ?? '')} is not another seat` };
  }
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
