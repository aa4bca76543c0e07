// The game screen's header: the phase, the deadline ticking each second (or paused, or no timer),
// whom the phase waits for, and who you are. The clock speaks at one minute and at 15 seconds.
import type { GameView } from '../../shared/view/viewFor.js';
import type { StoreSnapshot } from '../net/store.js';
import type { ScreenContext } from '../screens/screen.js';
import { announce, h, replace } from '../ui/dom.js';
import { countdown, seatSummary, seatTask, waitingFor } from '../view/panels.js';
import { phaseLabel, secondsLeft } from '../view/selectors.js';
import type { Panel } from './panel.js';

export const gameHeader = (ctx: ScreenContext): Panel => {
  const title = h('h1', { id: 'game-title', class: 'phase-title' });
  const task = h('p', { class: 'task-line' });
  const clock = h('span', { class: 'clock', role: 'timer' });
  const clockLabel = h('span', { class: 'clock-label' }, 'Time left');
  const waiting = h('p', { class: 'waiting' });
  const you = h('p', { class: 'you' });
  const leave = h('button', { type: 'button', class: 'quiet' }, 'Leave match');
  leave.addEventListener('click', ctx.leave);
  // Keyboard users jump past the map and the log to what they came to do.
  const jump = (href: string, text: string) => h('a', { href }, text);
  const skips = h(
    'nav',
    { class: 'jump-links', 'aria-label': 'Jump to' },
    jump('#game-side', 'Your panels'),
    jump('#chat-panel', 'Chat'),
    jump('#log-panel', 'Turn log'),
    jump('#map-pane', 'Map'),
  );
  const el = h(
    'header',
    { class: 'game-header' },
    h('div', { class: 'phase-block' }, title, task, skips),
    h('div', { class: 'clock-block' }, clockLabel, clock),
    h('div', { class: 'status-block' }, waiting, h('div', { class: 'you-row' }, you, leave)),
  );

  let current: { view: GameView; deadline: number | null } | null = null;
  let shown = '';
  let spoken = -1;
  const tick = () => {
    if (!current) return;
    const seconds = secondsLeft(current.deadline, Date.now());
    const c = countdown(current.view, seconds);
    if (clock.textContent !== c.text) replace(clock, c.text);
    clock.setAttribute('aria-label', c.label);
    clock.classList.toggle('urgent', c.urgent);
    clock.classList.toggle('idle', seconds === null || current.view.settings.paused);
    // Speak the deadline twice, not every second: a live timer would drown everything else.
    if (seconds !== null && (seconds === 60 || seconds === 15) && spoken !== seconds) {
      spoken = seconds;
      announce(`${seconds === 60 ? 'One minute' : '15 seconds'} left in this phase.`);
    }
  };
  const timer = window.setInterval(tick, 1000);

  return {
    el,
    update(s: StoreSnapshot, view: GameView) {
      current = { view, deadline: s.deadline };
      tick();
      const me = seatSummary(view, s.seat);
      const members = s.members.filter((m) => m.seat === s.seat).map((m) => m.name);
      const w = waitingFor(view, s.seats);
      const key = JSON.stringify([view.turn, view.phase, view.ended, w, me, members, seatTask(view, s.seat).text]);
      if (key === shown) return;
      shown = key;
      replace(title, phaseLabel(view));
      replace(task, seatTask(view, s.seat).text);
      replace(waiting, w.text, w.done.length > 0 ? h('span', { class: 'done' }, ` Done: ${w.done.join(', ')}.`) : null);
      replace(
        you,
        h('span', { class: `role-dot role-${me.role}`, 'aria-hidden': 'true' }),
        'You: ',
        h('strong', {}, me.label),
        members.length > 1 ? ` · team: ${members.join(', ')}` : '',
      );
    },
    destroy() {
      window.clearInterval(timer);
    },
  };
};
