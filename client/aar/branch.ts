// "What if…": the White Cell starts a new match from the start of a recorded turn, with the same
// seats and bots and a new code, and goes to its lobby to invite the players again.
import { MatchConnection } from '../net/connection.js';
import { h, replace, uid } from '../ui/dom.js';
import type { MatchRecordJson } from '../view/aar.js';
import { TIMER_PRESETS, timersFor } from '../view/route.js';

export interface BranchForm {
  el: HTMLElement;
  /** Follows the replay: the turn it shows becomes the proposed starting point. */
  propose(turn: number): void;
}

export const branchForm = (
  record: MatchRecordJson,
  turns: readonly number[],
  facilitatorKey: string,
  onConnected: (conn: MatchConnection) => void,
): BranchForm => {
  const turnId = uid('branch-turn');
  const nameId = uid('branch-name');
  const timersId = uid('branch-timers');
  const turn = h(
    'select',
    { id: turnId, name: 'turn' },
    turns.map((t) => h('option', { value: t }, `Turn ${t}, as it began`)),
  );
  const name = h('input', { id: nameId, name: 'name', required: true, maxlength: 40, value: 'White Cell' });
  const timers = h(
    'select',
    { id: timersId, name: 'timers' },
    TIMER_PRESETS.map((p) => h('option', { value: p.id }, p.label)),
  );
  const submit = h('button', { type: 'submit', class: 'primary' });
  const error = h('p', { class: 'form-error', role: 'alert' });
  const label = () => replace(submit, `Start a new match from turn ${turn.value}`);
  turn.addEventListener('change', label);
  label();

  const form = h(
    'form',
    { class: 'aar-branch card', 'aria-labelledby': 'aar-branch-title' },
    h('h2', { id: 'aar-branch-title' }, 'What if…'),
    h(
      'p',
      { class: 'hint' },
      'Start a new match from any recorded turn, with the same seats and bots and a new code: what if the guarantor had honored? You run it as the White Cell and invite the players again.',
    ),
    h(
      'div',
      { class: 'aar-branch-fields' },
      h('div', {}, h('label', { for: turnId }, 'Start from'), turn),
      h('div', {}, h('label', { for: nameId }, 'Your name'), name),
      h('div', {}, h('label', { for: timersId }, 'Phase timers'), timers),
    ),
    submit,
    error,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    replace(error);
    const from = Number(turn.value);
    submit.disabled = true;
    form.setAttribute('aria-busy', 'true');
    MatchConnection.create({
      scenario: record.setup.scenarioId,
      name: name.value.trim(),
      showMath: record.setup.showMath,
      facilitatorReview: record.setup.facilitatorReview,
      timers: timersFor(timers.value),
      bots: {},
      branch: { matchId: record.match.id, turn: from, facilitatorKey },
    })
      .then(onConnected)
      .catch((err: unknown) => {
        replace(error, `The new match could not start: ${err instanceof Error ? err.message : String(err)}`);
        submit.disabled = false;
        form.removeAttribute('aria-busy');
      });
  });

  return {
    el: form,
    propose(t: number) {
      if (!turns.includes(t) || document.activeElement === turn) return;
      turn.value = String(t);
      label();
    },
  };
};
