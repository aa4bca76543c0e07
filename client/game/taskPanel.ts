// "Your move": what the seat should do now, the Ready button where the phase asks for one, and
// taking the seat back from the bot after missed deadlines (civil disorder).
import type { GameView } from '../../shared/view/viewFor.js';
import type { Snapshot } from '../net/store.js';
import { h, replace } from '../ui/dom.js';
import { redraw } from '../ui/redraw.js';
import { fmt, seatSummary, seatTask } from '../view/panels.js';
import { type Actions, type Panel, isBusy, panelFrame, setBusy, whyDetails } from './panel.js';

const READY_LABEL: Readonly<Record<string, string>> = {
  briefing: 'Ready: I have read the briefing',
  diplomacy: 'Ready: done talking',
  results: 'Ready for the next turn',
};

export const taskPanel = (actions: Actions): Panel => {
  const body = h('div', { class: 'task-body' });
  const error = h('p', { class: 'form-error' });
  const el = panelFrame('task-panel', 'Your task', body, error);
  let shown = '';

  const panel: Panel = {
    el,
    update(s: Snapshot, view: GameView) {
      const task = seatTask(view, s.seat);
      const me = seatSummary(view, s.seat);
      const score = view.scores[s.seat];
      const key = JSON.stringify([view.turn, view.phase, task, me.civilDisorder, view.missed[s.seat] ?? 0, score]);
      if (key === shown) return;
      shown = key;
      replace(error);
      redraw(body, () => [
        h('p', { class: 'task-text', id: 'task-text', tabindex: -1, 'data-focus-home': true }, task.text),
        me.civilDisorder
          ? h(
              'div',
              { class: 'disorder', role: 'group', 'aria-labelledby': 'disorder-text' },
              h(
                'p',
                { id: 'disorder-text' },
                `A bot is playing ${me.label} because your seat missed ${view.missed[s.seat] ?? 0} deadlines in a row.`,
              ),
              button('Take my seat back from the bot', 'back', () => actions.command(panel, { type: 'back' })),
            )
          : null,
        task.canReady
          ? button(READY_LABEL[view.phase] ?? 'Ready', 'ready', () => actions.command(panel, { type: 'ready' }), true)
          : null,
        score
          ? h(
              'div',
              { class: 'score' },
              `Your score so far: ${fmt(score.value)} of 100`,
              score.terms.length > 0 ? whyDetails(score.terms) : null,
            )
          : null,
      ]);
    },
    refused(text: string) {
      for (const b of body.querySelectorAll('button')) setBusy(b, false);
      replace(error, text);
    },
  };

  const button = (label: string, focusKey: string, send: () => void, primary = false) => {
    const b = h(
      'button',
      { type: 'button', class: primary ? 'primary' : '', 'data-focus': focusKey, 'aria-describedby': 'task-text' },
      label,
    );
    b.addEventListener('click', () => {
      if (isBusy(b)) return;
      setBusy(b, true);
      replace(error);
      send();
    });
    return b;
  };
  return panel;
};
