// Seats and people: who plays each nation (humans, a bot, civil disorder), everyone in the room,
// and the White Cell's hand on them: give a seat to a bot, move a person, remove a person.
import type { StoreSnapshot } from '../net/store.js';
import type { ScreenContext } from '../screens/screen.js';
import { h, uid } from '../ui/dom.js';
import { redraw } from '../ui/redraw.js';
import { tableHead } from '../ui/table.js';
import { type Person, moveTargets, people, seatLines } from '../view/facilitator.js';
import { confirmAction } from './confirm.js';
import { type Panel, onChange, sendMessage } from './panel.js';

export const seatsPanel = (ctx: ScreenContext): Panel => {
  const seats = h('tbody');
  const persons = h('tbody');

  const renderSeats = onChange<StoreSnapshot>((s) =>
    redraw(seats, () =>
      seatLines(s).map((line) => {
        const id = uid('bot');
        const select = h(
          'select',
          { id, 'data-focus': `bot-${line.id}` },
          h('option', { value: '' }, 'A player (bot if empty)'),
          line.policies.map((p) => h('option', { value: p, selected: line.bot === p }, `Bot: ${p}`)),
        );
        select.addEventListener('change', () =>
          sendMessage(ctx, 'set_bot', { seat: line.id, policy: line.policies.find((p) => p === select.value) ?? null }),
        );
        const owes = line.status === 'Still to submit' ? 'owes' : '';
        // Who plays goes under the nation's name, so the bot picker gets the width its longest
        // choice needs; in a narrow console the phase's status goes there too (facilitator.css).
        return h(
          'tr',
          { 'data-seat': line.id },
          h(
            'th',
            { scope: 'row' },
            line.name,
            h('span', { class: `role-label role-label-${line.role}` }, line.role),
            h(
              'span',
              { class: 'seat-people' },
              line.people.length > 0 ? line.people.join(', ') : h('span', { class: 'hint' }, 'nobody'),
            ),
            h('span', { class: `seat-status ${owes}` }, line.status),
          ),
          h('td', {}, h('label', { for: id, class: 'visually-hidden' }, `Bot for ${line.name}`), select),
          h('td', { class: `seat-status-cell ${owes}` }, line.status),
        );
      }),
    ),
  );

  const renderPeople = onChange<StoreSnapshot>((s) => {
    const list = people(s);
    const targets = moveTargets(s);
    redraw(persons, () =>
      list.length === 0
        ? h('tr', {}, h('td', { colspan: 3, class: 'hint' }, 'Nobody is connected.'))
        : list.map((p) => personRow(ctx, p, targets)),
    );
  });

  const el = h(
    'section',
    { class: 'card console-panel console-seats', 'aria-labelledby': 'console-seats-title' },
    h('h3', { id: 'console-seats-title' }, 'Seats and people'),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'console-table console-seat-table' },
        h('caption', {}, 'Seats'),
        tableHead(['Nation, played by', 'Bot', 'This phase']),
        seats,
      ),
    ),
    h(
      'table',
      { class: 'console-table' },
      h('caption', {}, 'People in the room'),
      tableHead(['Name', 'Seat', { title: 'Remove', spoken: true }]),
      persons,
    ),
  );

  return {
    el,
    update: (s) => {
      renderSeats(JSON.stringify([s.status, s.seats, s.members]), s);
      renderPeople(JSON.stringify([s.seats.map((x) => [x.id, x.name]), s.members]), s);
    },
  };
};

const personRow = (ctx: ScreenContext, p: Person, targets: { id: string; name: string }[]): HTMLTableRowElement => {
  const id = uid('move');
  const select = h(
    'select',
    { id, 'data-focus': `move-select-${p.id}` },
    targets.map((t) => h('option', { value: t.id, selected: t.id === p.seat }, t.name)),
  );
  // Visible words stay short; the accessible name says whom (and starts with the visible words).
  const move = h('button', { type: 'button', 'aria-label': `Move ${p.name}`, 'data-focus': `move-${p.id}` }, 'Move');
  move.addEventListener('click', () => {
    if (select.value !== p.seat) sendMessage(ctx, 'move_client', { client: p.id, seat: select.value });
  });
  const kick = h(
    'button',
    { type: 'button', class: 'quiet danger-text', 'aria-label': `Remove ${p.name}`, 'data-focus': `kick-${p.id}` },
    'Remove',
  );
  kick.addEventListener('click', async () => {
    const ok = await confirmAction({
      title: `Remove ${p.name} from the match?`,
      message: `${p.name} is disconnected at once and cannot rejoin their seat with their key; they may join again with the code, as an observer.`,
      confirm: `Remove ${p.name}`,
      danger: true,
    });
    if (ok) sendMessage(ctx, 'kick', { client: p.id });
  });
  const white = p.seat === 'facilitator';
  // The picker shows the current seat; choosing another and pressing Move moves the person.
  return h(
    'tr',
    {},
    h('th', { scope: 'row' }, p.name, p.connected ? '' : h('span', { class: 'hint' }, ' (reconnecting)')),
    h(
      'td',
      {},
      white
        ? h('span', { class: 'hint' }, 'White Cell: runs the match')
        : h(
            'div',
            { class: 'inline' },
            h('label', { for: id, class: 'visually-hidden' }, `Seat for ${p.name}`),
            select,
            move,
          ),
    ),
    h('td', {}, white ? '' : kick),
  );
};
