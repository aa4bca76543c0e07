// Adjudication review (matches created with "review each adjudication"): the engine's proposed
// outcome per crisis, theater and ally; the White Cell may flip them with a required reason, or
// publish as it is.
import { FORM_LIMITS } from '../../shared/protocol/limits.js';
import type { GameView } from '../../shared/view/viewFor.js';
import type { ScreenContext } from '../screens/screen.js';
import { announce, h, replace, uid } from '../ui/dom.js';
import { tableHead } from '../ui/table.js';
import { type Review, overrideCommand, reviewOf, rungOptions } from '../view/facilitator.js';
import { quoted, signed } from '../view/matchText.js';
import { type Panel, onChange } from './panel.js';

const yesNo = (b: boolean) => (b ? 'succeeds' : 'fails');

export const reviewPanel = (ctx: ScreenContext): Panel => {
  const body = h('div', { class: 'review-body' });
  const el = h(
    'section',
    { class: 'card console-panel console-review', 'aria-labelledby': 'console-review-title' },
    h('h3', { id: 'console-review-title' }, 'Adjudication review'),
    body,
  );

  const render = onChange<GameView>((view) => {
    const review = reviewOf(view);
    el.classList.toggle('urgent', review !== null);
    // Without review the phase panel says adjudications publish at once: no empty panel needed.
    el.hidden = !view.settings.facilitatorReview;
    if (!review) {
      replace(
        body,
        h(
          'p',
          { class: 'hint' },
          view.settings.facilitatorReview
            ? 'Nothing is waiting. When the responses close, the engine’s proposed outcome appears here for you to publish or override.'
            : 'Review is off for this match: each adjudication publishes as soon as the responses close.',
        ),
      );
      return;
    }
    announce('The adjudication is ready for your review');
    replace(body, reviewForm(ctx, review));
  });

  return { el, update: (_s, view) => render(JSON.stringify([view.pending, view.settings.facilitatorReview]), view) };
};

const reviewForm = (ctx: ScreenContext, review: Review): HTMLFormElement => {
  const successSelects = new Map<string, HTMLSelectElement>();
  const rungSelects = new Map<string, HTMLSelectElement>();
  const provokes = new Map<string, HTMLInputElement>();
  const reasonId = uid('reason');
  const errorId = uid('reason-error');
  const reason = h('textarea', {
    id: reasonId,
    rows: 2,
    maxlength: FORM_LIMITS.overrideReason,
    'aria-describedby': errorId,
    placeholder: 'e.g. The defenders were reinforced by sea overnight.',
  });
  const error = h('p', { id: errorId, class: 'form-error', role: 'alert' });

  const crises = review.crises.map((c) => {
    let decision: HTMLElement | string = 'No outcome to decide';
    if (c.decidable) {
      const id = uid('success');
      const select = h(
        'select',
        { id, 'data-focus': `success-${c.seat}` },
        h('option', { value: 'yes', selected: c.current }, 'Succeeds'),
        h('option', { value: 'no', selected: !c.current }, 'Fails'),
      );
      successSelects.set(c.seat, select);
      decision = h('span', {}, h('label', { for: id, class: 'visually-hidden' }, `Outcome: ${c.sentence}`), select);
    }
    return h(
      'tr',
      { class: c.decidable && c.current !== c.engine ? 'changed' : '' },
      h('th', { scope: 'row' }, c.sentence),
      h('td', {}, c.decidable ? yesNo(c.engine) : '—'),
      h('td', {}, decision),
    );
  });

  const theaters = review.theaters.map((t) => {
    const id = uid('rung');
    const select = h(
      'select',
      { id, 'data-focus': `rung-${t.id}` },
      rungOptions().map((o) => h('option', { value: o.value, selected: o.value === t.current }, o.label)),
    );
    rungSelects.set(t.id, select);
    const change = t.engine - t.now;
    return h(
      'tr',
      { class: t.current !== t.engine ? 'changed' : '' },
      h('th', { scope: 'row' }, t.name),
      h('td', {}, String(t.now)),
      h('td', {}, `${t.engine}${change !== 0 ? ` (${signed(change)})` : ''}`),
      h('td', {}, h('label', { for: id, class: 'visually-hidden' }, `Rung after this turn in ${t.name}`), select),
    );
  });

  const allies = review.allies.map((a) => {
    const box = h('input', { type: 'checkbox', checked: a.current, 'data-focus': `provokes-${a.nation}` });
    provokes.set(a.nation, box);
    return h(
      'label',
      { class: 'check' },
      box,
      ` ${a.name} provokes an incident`,
      h('span', { class: 'hint' }, a.engine ? ' (the engine drew a provocation)' : ''),
    );
  });

  const notes =
    review.notes.length === 0
      ? null
      : h(
          'details',
          { class: 'review-notes' },
          h('summary', {}, 'How the engine decided'),
          h(
            'ul',
            {},
            review.notes.map((n) =>
              h(
                'li',
                {},
                h('strong', {}, n.subject),
                ': ',
                n.text,
                n.why.length > 0
                  ? h(
                      'ul',
                      { class: 'terms' },
                      n.why.map((t) => h('li', {}, `${t.label}: ${signed(t.value, 3)}`)),
                    )
                  : null,
              ),
            ),
          ),
        );

  const apply = h('button', { type: 'submit', class: 'primary' }, 'Apply override');
  const publish = h(
    'button',
    { type: 'button' },
    review.overrideReason ? 'Publish with the override' : 'Publish as it is',
  );
  publish.addEventListener('click', () => ctx.conn.command({ type: 'publish' }));

  const form = h(
    'form',
    { class: 'review', novalidate: true },
    review.overrideReason
      ? h(
          'div',
          { class: 'override-note' },
          h('p', {}, 'Your override is in place: publish to release it to the players.'),
          h('p', {}, `Your reason: ${quoted(review.overrideReason)}`),
        )
      : h(
          'p',
          { class: 'hint' },
          'The engine’s proposal is below. Change what you must, say why, and apply; or publish it as it is.',
        ),
    h(
      'table',
      { class: 'review-table' },
      h('caption', {}, 'Crises'),
      tableHead(['Move', 'Engine', 'Your decision']),
      h(
        'tbody',
        {},
        crises.length > 0 ? crises : h('tr', {}, h('td', { colspan: 3 }, 'No challenger moved this turn.')),
      ),
    ),
    h(
      'table',
      { class: 'review-table' },
      h('caption', {}, 'Escalation by theater'),
      tableHead(['Theater', 'Now', 'Engine', 'Your decision']),
      h('tbody', {}, theaters),
    ),
    allies.length > 0 ? h('fieldset', {}, h('legend', {}, 'Provocations (entrapment)'), allies) : null,
    notes,
    h('label', { for: reasonId }, 'Reason for the override (players read it with the results)'),
    reason,
    error,
    h('div', { class: 'console-actions' }, apply, publish),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const built = overrideCommand(review, {
      reason: reason.value,
      success: Object.fromEntries([...successSelects].map(([seat, s]) => [seat, s.value === 'yes'])),
      rungs: Object.fromEntries([...rungSelects].map(([id, s]) => [id, Number(s.value)])),
      provocations: [...provokes].filter(([, box]) => box.checked).map(([nation]) => nation),
    });
    if ('error' in built) {
      replace(error, built.error);
      reason.setAttribute('aria-invalid', String(reason.value.trim() === ''));
      if (reason.value.trim() === '') reason.focus();
      return;
    }
    replace(error);
    reason.removeAttribute('aria-invalid');
    ctx.conn.command(built.command);
  });
  return form;
};
