// Chat: public, team and private (to a seat) lines, plus the White Cell's broadcast. Lines are
// text nodes only (never HTML), appended as they arrive so reading and typing are never disturbed.
import { FORM_LIMITS } from '../../shared/protocol/limits.js';
import type { Chat } from '../../shared/protocol/roomMessages.js';
import type { GameView } from '../../shared/view/viewFor.js';
import type { ChatLine, StoreSnapshot } from '../net/store.js';
import { h, replace, uid } from '../ui/dom.js';
import { chatChannels, chatHeading, privateTargets } from '../view/panels.js';
import { type Actions, type Panel, panelFrame } from './panel.js';

const time = (at: number): string => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

export const chatPanel = (actions: Actions): Panel => {
  const list = h('ol', { class: 'chat-lines', role: 'log', 'aria-label': 'Chat history', tabindex: 0 });
  const empty = h('p', { class: 'hint' }, 'No messages yet.');
  const channelId = uid('channel');
  const toId = uid('to');
  const textId = uid('chat-text');
  const countId = uid('chat-count');
  const channel = h('select', { id: channelId });
  const to = h('select', { id: toId });
  const toRow = h('div', { class: 'chat-to' }, h('label', { for: toId }, 'Recipient'), to);
  const text = h('textarea', {
    id: textId,
    rows: 2,
    maxlength: FORM_LIMITS.chatText,
    'aria-describedby': countId,
    placeholder: 'Enter sends; Shift+Enter starts a new line',
  });
  const count = h('span', { id: countId, class: 'hint counter' }, `0 / ${FORM_LIMITS.chatText}`);
  const error = h('p', { class: 'form-error' });
  const send = h('button', { type: 'submit', class: 'primary' }, 'Send');
  const form = h(
    'form',
    { class: 'chat-form' },
    h('div', { class: 'chat-controls' }, h('div', {}, h('label', { for: channelId }, 'Channel'), channel), toRow),
    h('label', { for: textId }, 'Message'),
    text,
    h('div', { class: 'chat-send' }, count, send),
    error,
  );
  const readOnly = h('p', { class: 'hint' }, 'Observers read the public chat but cannot write in it.');
  const el = panelFrame('chat-panel', 'Chat', list, empty, form, readOnly);
  let shownLines: readonly ChatLine[] = [];
  let shownSeats = '';
  let view: GameView | null = null;
  let pending = '';
  /** The channels offered now: the select's value is read back through this list, not cast. */
  let channels: Chat['channel'][] = [];

  const showTo = () => {
    toRow.hidden = channel.value !== 'private';
  };
  channel.addEventListener('change', showTo);
  text.addEventListener('input', () => {
    replace(count, `${text.value.length} / ${FORM_LIMITS.chatText}`);
    count.classList.toggle('over', text.value.length >= FORM_LIMITS.chatText);
  });
  text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const body = text.value.trim();
    if (body === '') {
      replace(error, 'Write a message first.');
      return;
    }
    if (body.length > FORM_LIMITS.chatText) {
      replace(error, `A message holds at most ${FORM_LIMITS.chatText} characters.`);
      return;
    }
    replace(error);
    const chosen = channels.find((c) => c === channel.value);
    if (!chosen) return;
    const payload: Chat =
      chosen === 'private' ? { channel: chosen, to: to.value, text: body } : { channel: chosen, text: body };
    actions.send(panel, 'chat', payload);
    pending = body;
    text.value = '';
    replace(count, `0 / ${FORM_LIMITS.chatText}`);
  });

  const lineItem = (line: ChatLine) =>
    h(
      'li',
      { class: `chat-line chat-${line.channel}` },
      h(
        'span',
        { class: 'chat-meta' },
        chatHeading(view, line),
        ' · ',
        h('time', { datetime: new Date(line.at).toISOString() }, time(line.at)),
      ),
      h('span', { class: 'chat-text' }, line.text),
    );

  const panel: Panel = {
    el,
    update(s: StoreSnapshot, v: GameView) {
      view = v;
      const seatsKey = JSON.stringify([s.seat, v.seats.map((x) => x.id)]);
      if (seatsKey !== shownSeats) {
        shownSeats = seatsKey;
        const writer = s.seat !== 'observer';
        form.hidden = !writer;
        readOnly.hidden = writer;
        const kept = channel.value;
        const offered = chatChannels(v, s.seat);
        channels = offered.map((c) => c.value);
        replace(
          channel,
          offered.map(({ value, label }) => h('option', { value, selected: value === kept }, label)),
        );
        replace(
          to,
          privateTargets(v, s.seat).map((t) => h('option', { value: t.id }, t.name)),
        );
        showTo();
      }
      if (s.chat === shownLines) return;
      // The store keeps line objects; append those after the last one shown, or redraw if it was trimmed away.
      const last = shownLines.at(-1);
      const from = last ? s.chat.lastIndexOf(last) + 1 : 0;
      const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 24;
      if (last && from === 0) replace(list, s.chat.map(lineItem));
      else list.append(...s.chat.slice(from).map(lineItem));
      shownLines = s.chat;
      empty.hidden = s.chat.length > 0;
      if (atBottom) list.scrollTop = list.scrollHeight;
    },
    refused(problem: string) {
      replace(error, problem);
      // Give the refused message back so nothing typed is lost.
      if (text.value === '' && pending) text.value = pending;
      pending = '';
    },
  };
  return panel;
};
