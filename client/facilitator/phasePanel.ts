// Pacing: the phase and its clock, who still owes a submission, and the White Cell's levers
// (advance, pause or resume, add time, show the math).
import { FORM_LIMITS } from '../../shared/protocol/limits.js';
import type { GameView } from '../../shared/view/viewFor.js';
import type { StoreSnapshot } from '../net/store.js';
import type { ScreenContext } from '../screens/screen.js';
import { h, replace, uid } from '../ui/dom.js';
import { clockLabel, extendCommand, phaseStatus } from '../view/facilitator.js';
import { confirmAction } from './confirm.js';
import type { Panel } from './panel.js';

export const phasePanel = (ctx: ScreenContext): Panel => {
  const phase = h('p', { class: 'console-phase' });
  const clock = h('p', { class: 'console-clock', 'aria-label': 'Time left in this phase' });
  const owed = h('p', { class: 'console-owed' });
  const advance = h('button', { type: 'button', class: 'primary' }, 'Advance');
  const pauseWhyId = uid('pause-why');
  const pause = h('button', { type: 'button', 'aria-describedby': pauseWhyId }, 'Pause the clock');
  const pauseWhy = h('p', { class: 'hint', id: pauseWhyId });
  const secondsId = uid('extend');
  const seconds = h('input', {
    id: secondsId,
    type: 'number',
    min: FORM_LIMITS.extendSeconds.min,
    max: FORM_LIMITS.extendSeconds.max,
    step: 1,
    value: 60,
    inputmode: 'numeric',
    class: 'seconds',
  });
  const extend = h('button', { type: 'submit' }, 'Add time');
  const extendError = h('p', { class: 'form-error', role: 'alert' });
  const extendForm = h(
    'form',
    { class: 'extend', novalidate: true },
    h('label', { for: secondsId }, 'Seconds to add to this phase'),
    h('div', { class: 'inline' }, seconds, extend),
    extendError,
  );
  const showMath = h('input', { type: 'checkbox' });
  const review = h('p', { class: 'hint' });

  let view: GameView | null = null;
  let deadline: number | null = null;
  const tick = () => {
    if (!view) return;
    replace(clock, clockLabel(view, deadline, Date.now()));
    clock.classList.toggle('idle', deadline === null && !view.settings.paused);
  };
  const timer = setInterval(tick, 500);

  advance.addEventListener('click', async () => {
    const status = view && phaseStatus(view);
    if (
      status?.advanceWarning &&
      !(await confirmAction({
        title: status.advanceTitle,
        message: status.advanceWarning,
        confirm: 'Advance anyway',
        cancel: 'Keep waiting',
        danger: true,
      }))
    )
      return;
    ctx.conn.command({ type: 'advance_phase' });
  });
  pause.addEventListener('click', () => ctx.conn.command({ type: view?.settings.paused ? 'resume' : 'pause' }));
  extendForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const built = extendCommand(seconds.value);
    if ('error' in built) {
      replace(extendError, built.error);
      seconds.focus();
      return;
    }
    replace(extendError);
    ctx.conn.command(built.command);
  });
  showMath.addEventListener('change', () => ctx.conn.command({ type: 'set_show_math', on: showMath.checked }));

  const el = h(
    'section',
    { class: 'card console-panel console-phase-panel', 'aria-labelledby': 'console-phase-title' },
    h('h3', { id: 'console-phase-title' }, 'Phase and clock'),
    phase,
    clock,
    owed,
    h('div', { class: 'console-actions' }, advance, pause),
    pauseWhy,
    extendForm,
    h('label', { class: 'check' }, showMath, ' Show the math to players (every number’s breakdown)'),
    review,
  );

  return {
    el,
    update: (s: StoreSnapshot, v: GameView) => {
      view = v;
      deadline = s.deadline;
      const status = phaseStatus(v);
      replace(phase, status.label);
      replace(
        owed,
        status.reviewOwed
          ? 'The adjudication is waiting for your review (below).'
          : status.owed.length > 0
            ? `Waiting for: ${status.owed.join(', ')}`
            : 'Every seat has submitted.',
      );
      owed.classList.toggle('waiting', status.owed.length > 0 || status.reviewOwed);
      replace(advance, status.advanceLabel);
      advance.disabled = v.ended !== null;
      replace(pause, status.paused ? 'Resume the clock' : 'Pause the clock');
      pause.disabled = v.ended !== null || status.pauseUnavailable !== null;
      replace(pauseWhy, status.pauseUnavailable ?? '');
      pauseWhy.hidden = status.pauseUnavailable === null;
      seconds.disabled = extend.disabled = !status.timed || v.ended !== null;
      extend.title = status.timed ? '' : 'This phase has no timer';
      showMath.checked = status.showMath;
      replace(
        review,
        v.settings.facilitatorReview
          ? 'You review every adjudication before players see it.'
          : 'Adjudications publish at once (review is off for this match).',
      );
      tick();
    },
    destroy: () => clearInterval(timer),
  };
};
