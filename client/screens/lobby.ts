// Lobby: the code and a copyable invite link, every seat with who holds it (and whether they are
// connected) or its bot, the observers, and for the White Cell the bots and the start button.
import { POLICY_NAMES, POLICY_ROLE } from '../../shared/model/vocabulary.js';
import type { SeatRow, StoreSnapshot } from '../net/store.js';
import { copyLink } from '../ui/copyLink.js';
import { h, replace, uid } from '../ui/dom.js';
import { inviteUrl, projectorUrl } from '../view/route.js';
import type { Screen, ScreenContext } from './screen.js';

const ROLE_ORDER = ['guarantor', 'ally', 'challenger'];
const ROLE_TEAMS: Record<string, string> = {
  guarantor: 'Guarantors',
  ally: 'Allies',
  challenger: 'Challengers',
};

export const mountLobby = (root: HTMLElement, ctx: ScreenContext): Screen => {
  const { conn } = ctx;
  const codeText = h('strong', { class: 'code', 'aria-label': 'match code' });
  const invite = copyLink('Copy invite link', { class: 'invite', 'aria-label': 'Invite link' });
  const seatsBody = h('div', { class: 'teams' });
  const observers = h('ul', { class: 'observers' });
  const facilitators = h('ul', { class: 'observers' });
  const you = h('p', { class: 'you' });
  const controls = h('div', { class: 'lobby-controls' });
  const leave = h('button', { type: 'button', class: 'quiet' }, 'Leave match');
  leave.addEventListener('click', ctx.leave);

  replace(
    root,
    h(
      'section',
      { class: 'lobby', 'aria-labelledby': 'lobby-title' },
      h('h1', { id: 'lobby-title' }, 'Lobby'),
      h('div', { class: 'invite-row' }, h('span', {}, 'Code '), codeText, invite.field, invite.button, invite.status),
      you,
      seatsBody,
      h('h2', {}, 'White Cell'),
      facilitators,
      h('h2', {}, 'Observers'),
      observers,
      controls,
      leave,
    ),
  );

  // Re-render only when what the lobby shows changed, so focus and open selects survive patches.
  let shown = '';
  const update = (s: StoreSnapshot) => {
    const key = JSON.stringify([s.code, s.seat, s.seats, s.members]);
    if (key === shown) return;
    shown = key;
    const facilitator = s.seat === 'facilitator';
    replace(codeText, s.code);
    invite.show(inviteUrl(location.origin, s.code));
    const mine = s.seats.find((seat) => seat.id === s.seat && ROLE_ORDER.includes(seat.role));
    replace(
      you,
      facilitator
        ? 'You are the White Cell: seat bots where you want them, then start. Empty seats get their bot at the start.'
        : mine
          ? `You play ${mine.name} (${mine.role}).`
          : 'You are watching. Take a seat to play.',
    );
    const nationSeats = s.seats.filter((seat) => ROLE_ORDER.includes(seat.role));
    replace(
      seatsBody,
      ROLE_ORDER.filter((role) => nationSeats.some((seat) => seat.role === role)).map((role) =>
        h(
          'section',
          { class: `team team-${role}`, 'aria-label': ROLE_TEAMS[role] ?? role },
          h('h2', {}, ROLE_TEAMS[role] ?? role),
          h(
            'ul',
            {},
            nationSeats.filter((seat) => seat.role === role).map((seat) => seatItem(seat, s, ctx)),
          ),
        ),
      ),
    );
    /** The people in `seat` as list items, or a line saying there are none. */
    const peopleIn = (seat: string, nobody: string) => {
      const here = s.members.filter((m) => m.seat === seat);
      return here.length === 0
        ? h('li', { class: 'hint' }, nobody)
        : here.map((m) => h('li', {}, m.name, m.connected ? '' : ' (reconnecting)'));
    };
    replace(facilitators, peopleIn('facilitator', 'Nobody is running the match right now.'));
    replace(observers, peopleIn('observer', 'Nobody is only watching.'));
    replace(controls);
    if (facilitator) {
      const start = h('button', { type: 'button', class: 'primary' }, 'Start the match');
      start.addEventListener('click', () => conn.send('start'));
      const projector = h(
        'a',
        { href: projectorUrl(location.origin, s.code), target: '_blank', rel: 'noopener' },
        'Open the projector view',
      );
      replace(controls, start, ' ', projector);
    }
  };
  return { update, destroy: () => replace(root) };
};

const seatItem = (seat: SeatRow, s: StoreSnapshot, ctx: ScreenContext): HTMLLIElement => {
  const people = s.members.filter((m) => m.seat === seat.id);
  const facilitator = s.seat === 'facilitator';
  const who =
    people.length > 0
      ? people.map((m) => `${m.name}${m.connected ? '' : ' (reconnecting)'}`).join(', ')
      : seat.bot
        ? `Bot: ${seat.bot}`
        : 'Open (a bot plays it if nobody takes it)';
  const item = h(
    'li',
    { class: 'seat', 'data-seat': seat.id },
    h('span', { class: 'seat-name' }, seat.name),
    h('span', { class: 'seat-who' }, who),
  );
  if (facilitator) {
    const id = uid('seat-bot');
    const select = h(
      'select',
      { id },
      h('option', { value: '' }, 'A player (bot if empty)'),
      POLICY_NAMES.filter((p) => POLICY_ROLE[p] === undefined || POLICY_ROLE[p] === seat.role).map((p) =>
        h('option', { value: p, selected: seat.bot === p }, `Bot: ${p}`),
      ),
    );
    select.addEventListener('change', () =>
      ctx.conn.send('set_bot', { seat: seat.id, policy: POLICY_NAMES.find((p) => p === select.value) ?? null }),
    );
    item.append(h('label', { for: id, class: 'visually-hidden' }, `Who plays ${seat.name}`), select);
  } else if (s.seat === seat.id) {
    const back = h('button', { type: 'button', class: 'quiet' }, 'Watch instead');
    back.addEventListener('click', () => ctx.conn.send('take_seat', { seat: 'observer' }));
    item.append(h('span', { class: 'badge' }, 'You'), back);
  } else {
    const take = h('button', { type: 'button' }, `Take ${seat.name}`);
    take.addEventListener('click', () => ctx.conn.send('take_seat', { seat: seat.id }));
    item.append(take);
  }
  return item;
};
