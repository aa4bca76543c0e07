// Injects: fire a card from the scenario's deck (which only the White Cell sees), or write one on
// the spot with a title, a text and up to ten effects.
import { FORM_LIMITS } from '../../shared/protocol/limits.js';
import type { GameView } from '../../shared/view/viewFor.js';
import type { ScreenContext } from '../screens/screen.js';
import { announce, h, replace, uid } from '../ui/dom.js';
import { redraw } from '../ui/redraw.js';
import {
  EFFECT_SPECS,
  type EffectDraft,
  customInjectCommand,
  deckCards,
  effectSpec,
  effectTargets,
  upcomingScripted,
} from '../view/facilitator.js';
import { type Panel, onChange } from './panel.js';

export const injectPanel = (ctx: ScreenContext): Panel => {
  const deck = h('ul', { class: 'deck' });
  const scripted = h('p', { class: 'hint' });
  let view: GameView | null = null;

  const renderDeck = onChange<GameView>((v) => {
    const cards = deckCards(v);
    redraw(deck, () =>
      cards.length === 0
        ? h('li', { class: 'hint' }, 'This scenario has no deck: write an inject below.')
        : cards.map((c) => {
            const fire = h(
              'button',
              { type: 'button', 'aria-label': `Inject ${c.title}`, 'data-focus': `inject-${c.id}` },
              'Inject',
            );
            fire.addEventListener('click', () => {
              ctx.conn.command({ type: 'inject', card: c.id });
              announce(`Injected: ${c.title}`);
            });
            return h(
              'li',
              { class: 'deck-card' },
              h(
                'div',
                {},
                h('strong', {}, c.title),
                c.firedThisTurn ? h('span', { class: 'badge' }, 'fired this turn') : null,
              ),
              h('p', {}, c.text),
              h('p', { class: 'hint' }, c.effects.join(' · ')),
              fire,
            );
          }),
    );
    const coming = upcomingScripted(v);
    replace(
      scripted,
      coming.length === 0 ? '' : `Scripted to come: ${coming.map((c) => `${c.title} (turn ${c.turn})`).join(', ')}.`,
    );
  });

  // The custom inject form: built once, so what the White Cell types survives every patch.
  const titleId = uid('inject-title');
  const textId = uid('inject-text');
  const title = h('input', { id: titleId, maxlength: FORM_LIMITS.injectTitle, autocomplete: 'off' });
  const text = h('textarea', { id: textId, rows: 3, maxlength: FORM_LIMITS.injectText });
  const effectRows = h('div', { class: 'effects' });
  const errors = h('div', { class: 'form-error', role: 'alert' });
  const addEffect = h('button', { type: 'button', class: 'quiet' }, '+ Add an effect');
  const rows: { kind: HTMLSelectElement; target: HTMLSelectElement; amount: HTMLInputElement; el: HTMLElement }[] = [];

  const renumber = () => {
    rows.forEach((r, i) => {
      const n = i + 1;
      r.el.querySelector('legend')?.replaceChildren(`Effect ${n}`);
      r.el
        .querySelectorAll<HTMLButtonElement>('button.remove')
        .forEach((b) => b.setAttribute('aria-label', `Remove effect ${n}`));
    });
    addEffect.disabled = rows.length >= FORM_LIMITS.injectEffects;
  };
  const fillTargets = (
    kind: HTMLSelectElement,
    target: HTMLSelectElement,
    unit: HTMLElement,
    amount: HTMLInputElement,
  ) => {
    const spec = effectSpec(kind.value);
    if (!spec || !view) return;
    replace(
      target,
      h('option', { value: '' }, `Choose a ${spec.target}`),
      effectTargets(view, spec.target).map((t) => h('option', { value: t.id }, t.name)),
    );
    replace(unit, `${spec.unit} (${spec.min} to ${spec.max})`);
    amount.min = String(spec.min);
    amount.max = String(spec.max);
    amount.step = String(spec.step);
  };
  const addRow = () => {
    if (rows.length >= FORM_LIMITS.injectEffects) return;
    const [kindId, targetId, amountId, unitId] = [
      uid('effect-kind'),
      uid('effect-target'),
      uid('effect-amount'),
      uid('effect-unit'),
    ];
    const kind = h(
      'select',
      { id: kindId },
      EFFECT_SPECS.map((s) => h('option', { value: s.kind }, s.label)),
    );
    const target = h('select', { id: targetId });
    const unit = h('span', { id: unitId, class: 'hint' });
    const amount = h('input', { id: amountId, type: 'number', 'aria-describedby': unitId, class: 'amount' });
    const remove = h('button', { type: 'button', class: 'quiet remove' }, 'Remove');
    const el = h(
      'fieldset',
      { class: 'effect-row' },
      h('legend', {}, 'Effect'),
      h('div', {}, h('label', { for: kindId }, 'Changes'), kind),
      h('div', {}, h('label', { for: targetId }, 'Of'), target),
      h('div', {}, h('label', { for: amountId }, 'By'), amount, ' ', unit),
      remove,
    );
    const row = { kind, target, amount, el };
    kind.addEventListener('change', () => fillTargets(kind, target, unit, amount));
    remove.addEventListener('click', () => {
      rows.splice(rows.indexOf(row), 1);
      el.remove();
      renumber();
      addEffect.focus();
    });
    rows.push(row);
    effectRows.append(el);
    fillTargets(kind, target, unit, amount);
    renumber();
  };
  addEffect.addEventListener('click', () => {
    addRow();
    rows.at(-1)?.kind.focus();
  });

  const form = h(
    'form',
    { class: 'custom-inject', novalidate: true, 'aria-label': 'Write an inject' },
    h('label', { for: titleId }, 'Title'),
    title,
    h('label', { for: textId }, 'What happens (players read this)'),
    text,
    effectRows,
    addEffect,
    errors,
    h('button', { type: 'submit', class: 'primary' }, 'Fire the inject'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const drafts: EffectDraft[] = rows.map((r) => ({
      kind: r.kind.value,
      target: r.target.value,
      amount: r.amount.value,
    }));
    const built = customInjectCommand(title.value, text.value, drafts);
    if ('errors' in built) {
      replace(
        errors,
        h(
          'ul',
          {},
          built.errors.map((m) => h('li', {}, m)),
        ),
      );
      return;
    }
    replace(errors);
    ctx.conn.command(built.command);
    announce(`Injected: ${title.value.trim()}`);
    title.value = '';
    text.value = '';
    for (const r of rows.splice(0)) r.el.remove();
    renumber();
  });

  const el = h(
    'section',
    { class: 'card console-panel console-injects', 'aria-labelledby': 'console-injects-title' },
    h('h3', { id: 'console-injects-title' }, 'Injects'),
    h('p', { class: 'hint' }, 'An inject fires at once: its effects apply and every player sees it in the turn log.'),
    deck,
    scripted,
    // Folded by default: in a narrow column the deck is what the White Cell reaches for first.
    h('details', { class: 'custom-inject-box' }, h('summary', {}, 'Write an inject'), form),
  );

  return {
    el,
    update: (_s, v) => {
      const first = view === null;
      view = v;
      renderDeck(JSON.stringify([v.config.deck.length, v.cards.map((c) => c.id), v.turn]), v);
      if (first) renumber();
    },
  };
};
