// The game screen: the header (phase, deadline, who we wait for, who you are), the map with its
// table view and the turn log on the left, and on the right the seat's panels (task, allocation,
// crisis decisions, the challenger's move, statements, chat), or the White Cell's console.
// It announces phase changes and turn events, and routes the server's refusals to the panel that acted.
import type { GameEvent } from '../../shared/model/events.js';
import type { GameView } from '../../shared/view/viewFor.js';
import type { Console } from '../facilitator/types.js';
import { allocationPanel } from '../game/allocationPanel.js';
import { chatPanel } from '../game/chatPanel.js';
import { gameHeader } from '../game/header.js';
import { logPanel } from '../game/logPanel.js';
import { mapPane } from '../game/mapPane.js';
import { movePanel } from '../game/movePanel.js';
import { Actions, type Panel, rescueFocus } from '../game/panel.js';
import { responsesPanel } from '../game/responsesPanel.js';
import { statementsPanel } from '../game/statementsPanel.js';
import { taskPanel } from '../game/taskPanel.js';
import type { StoreSnapshot } from '../net/store.js';
import { announce, h, replace } from '../ui/dom.js';
import { seatTask } from '../view/panels.js';
import { phaseLabel } from '../view/selectors.js';
import { eventText } from '../view/turnRecord.js';
import '../styles/game.css';
import type { Screen, ScreenContext } from './screen.js';

/** Events worth saying out loud; a seat's own "accepted" lines are confirmed by its panel instead. */
const SPOKEN: readonly GameEvent['kind'][] = [
  'card_fired',
  'crisis',
  'statement',
  'intel_reveal',
  'default_applied',
  'adjudicated',
  'override',
  'settings_changed',
  'match_ended',
];

export const mountGame = (root: HTMLElement, ctx: ScreenContext): Screen => {
  const actions = new Actions(ctx);
  const header = gameHeader(ctx);
  const map = mapPane();
  const log = logPanel();
  const chat = chatPanel(actions);
  const problem = h('p', { class: 'form-error', role: 'alert' });
  const waiting = h('p', { class: 'hint' }, 'Waiting for the match state…');
  const side = h('div', {
    class: 'game-side',
    id: 'game-side',
    tabindex: -1,
    role: 'region',
    'aria-label': 'Your panels',
  });
  replace(
    root,
    h(
      'section',
      { class: 'game', 'aria-labelledby': 'game-title' },
      header.el,
      problem,
      waiting,
      // Map, then the seat's panels, then the log: the order a keyboard or a narrow screen meets them.
      h('div', { class: 'game-body' }, map.el, side, log.el),
    ),
  );

  let panels: Panel[] = [];
  let whiteCell: Console | null = null;
  let mode: 'player' | 'facilitator' | null = null;
  let destroyed = false;
  let lastNotice = 0;
  let lastPhase = '';
  let lastEvent: GameEvent | undefined;
  let latest: StoreSnapshot | null = null;

  const setMode = (s: StoreSnapshot) => {
    const wanted = s.seat === 'facilitator' ? 'facilitator' : 'player';
    if (wanted === mode) return;
    mode = wanted;
    for (const p of panels) p.destroy?.();
    whiteCell?.destroy();
    whiteCell = null;
    if (wanted === 'player') {
      panels = [
        taskPanel(actions),
        allocationPanel(actions),
        responsesPanel(actions),
        movePanel(actions),
        statementsPanel(actions),
        chat,
      ];
      replace(
        side,
        panels.map((p) => p.el),
      );
      return;
    }
    panels = [chat];
    const consoleBox = h(
      'div',
      { class: 'console-box' },
      h('p', { class: 'hint', role: 'status' }, 'Loading the White Cell console…'),
    );
    replace(side, consoleBox, chat.el);
    import('../facilitator/console.js').then(
      ({ mountConsole }) => {
        if (destroyed || mode !== 'facilitator') return;
        whiteCell = mountConsole(consoleBox, ctx);
        if (latest) whiteCell.update(latest);
      },
      (e: unknown) =>
        replace(
          consoleBox,
          h(
            'p',
            { class: 'form-error' },
            `The White Cell console could not load: ${e instanceof Error ? e.message : String(e)}`,
          ),
        ),
    );
  };

  /** Phase changes and new public events, spoken through the live region (not on first load). */
  const speak = (s: StoreSnapshot, view: GameView) => {
    const phaseKey = `${view.turn}:${view.phase}`;
    if (lastPhase && phaseKey !== lastPhase) announce(`${phaseLabel(view)}. ${seatTask(view, s.seat).text}`);
    const from = lastPhase ? (lastEvent ? s.log.lastIndexOf(lastEvent) + 1 : 0) : s.log.length;
    for (const e of s.log.slice(from)) if (SPOKEN.includes(e.kind)) announce(eventText(view, e));
    lastPhase = phaseKey;
    lastEvent = s.log.at(-1);
  };

  const update = (s: StoreSnapshot) => {
    latest = s;
    if (s.notice && s.notice.serial !== lastNotice) {
      lastNotice = s.notice.serial;
      if (s.notice.kind === 'error') actions.refused(s.notice.text);
    }
    replace(problem, s.problem ? `The match state could not be read: ${s.problem}` : '');
    const view = s.view;
    if (!view) return;
    waiting.hidden = true;
    setMode(s);
    header.update(s, view);
    map.update(s, view);
    log.update(s, view);
    // A panel that hides or redraws under the focus (a submitted form as the phase moves on) must not
    // drop it to the top of the page.
    const focused = side.contains(document.activeElement);
    for (const p of panels) p.update(s, view);
    if (focused) rescueFocus();
    whiteCell?.update(s);
    speak(s, view);
  };

  return {
    update,
    destroy() {
      destroyed = true;
      header.destroy?.();
      map.destroy();
      for (const p of panels) p.destroy?.();
      whiteCell?.destroy();
      replace(root);
    },
  };
};
