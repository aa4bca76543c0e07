// Decision cards when a guarantee is invoked: the guarantor's honor / partial / abandon (and, where
// the engine allows, honor backed by a nuclear step) with each answer's projected consequences side
// by side, and the allies' contribute / hedge / accommodate with the odds each answer gives the
// challenger. Answers are final, so each card picks, then sends.
import { ALLY_RESPONSES, GUARANTOR_RESPONSES, type GuarantorResponse } from '../../shared/model/vocabulary.js';
import type { GameView } from '../../shared/view/viewFor.js';
import type { StoreSnapshot } from '../net/store.js';
import { type Child, h, replace, uid } from '../ui/dom.js';
import { redraw } from '../ui/redraw.js';
import { tableHead } from '../ui/table.js';
import {
  type AllyCard,
  type AnswerWords,
  type GuarantorCard,
  allyCard,
  answerId,
  guarantorCards,
  guarantorWords,
} from '../view/crisisCards.js';
import { money } from '../view/panels.js';
import { type Actions, type Panel, deltaText, isBusy, panelFrame, pct, setBusy } from './panel.js';

/** The columns of an ally's odds table: what its guarantor answers. */
const GUARANTOR_DOES: Readonly<Record<GuarantorResponse, string>> = {
  honor: 'and it honors',
  partial: 'and it half-honors',
  abandon: 'and it abandons',
};

/** One answer in a form: its value, its words, and a warning to read before picking it. */
interface Choice<C> {
  value: string;
  answer: C;
  words: AnswerWords;
}

/** A radio group of answers with their help text, and the send button; the choice is final. */
const answerForm = <C>(
  name: string,
  choices: readonly Choice<C>[],
  sendLabel: string,
  send: (choice: C, button: HTMLButtonElement) => void,
  warning: string | null = null,
): HTMLFormElement => {
  const group = uid('answer');
  const button = h('button', { type: 'submit', class: 'primary', 'data-focus': `send-${name}` }, sendLabel);
  const problem = h('p', { class: 'form-error' });
  const form = h(
    'form',
    { class: 'answer-form' },
    h(
      'fieldset',
      {},
      h('legend', {}, 'Your answer'),
      choices.map((c) => {
        const id = uid('choice');
        return h(
          'div',
          { class: 'choice' },
          h('input', { type: 'radio', name: group, id, value: c.value, 'data-focus': `${name}-${c.value}` }),
          h('label', { for: id }, h('strong', {}, c.words.name), h('span', { class: 'hint' }, ` — ${c.words.help}`)),
        );
      }),
    ),
    warning ? h('p', { class: 'nuclear-warning', role: 'note' }, warning) : null,
    problem,
    button,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (isBusy(button)) return;
    const checked = form.querySelector<HTMLInputElement>('input[type=radio]:checked');
    const picked = choices.find((c) => c.value === checked?.value);
    if (!picked) {
      replace(problem, 'Pick an answer first.');
      return;
    }
    replace(problem);
    setBusy(button, true);
    send(picked.answer, button);
  });
  return form;
};

/**
 * A wide table in its own scrolling box: on a phone five answers side by side scroll there, not the
 * page. The box takes the focus, so the keyboard can scroll it too.
 */
const scrollBox = (label: string, table: HTMLTableElement): HTMLElement =>
  h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': label }, table);

const consequenceTable = (card: GuarantorCard): HTMLElement => {
  const row = (label: string, cells: Child[]) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, label),
      cells.map((c) => h('td', {}, c)),
    );
  const o = card.options;
  const table = h(
    'table',
    { class: 'projection consequences' },
    h('caption', {}, 'What each answer would do'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('td'),
        o.map((x) => h('th', { scope: 'col' }, guarantorWords(x).name)),
      ),
    ),
    h(
      'tbody',
      {},
      row(
        'Chance the challenger succeeds',
        o.map((x) => pct(x.success)),
      ),
      row(
        'Cost from next turn’s budget',
        o.map((x) => (x.honorCost > 0 ? money(x.honorCost) : 'none')),
      ),
      row(
        'Consensus lost (audience cost)',
        o.map((x) => (x.audienceCost.value > 0.005 ? `−${x.audienceCost.value.toFixed(1)}` : 'none')),
      ),
      o.some((x) => x.nuclearCost > 0)
        ? row(
            'Consensus lost for using nuclear weapons',
            o.map((x) => (x.nuclearCost > 0 ? `−${x.nuclearCost.toFixed(0)}` : 'none')),
          )
        : null,
      (o[0]?.credibility ?? []).map((c, i) =>
        row(
          `Credibility of ${c.label}`,
          o.map((x) => deltaText(x.credibility[i]?.before ?? 0, x.credibility[i]?.after ?? 0)),
        ),
      ),
      (o[0]?.hedging ?? []).map((c, i) =>
        row(
          `${c.label} hedging`,
          o.map((x) => deltaText(x.hedging[i]?.before ?? 0, x.hedging[i]?.after ?? 0)),
        ),
      ),
    ),
  );
  return scrollBox('What each answer would do', table);
};

/** The answer sent, where the form was: the panel's focus lands here once it is taken. */
const answered = (name: string): HTMLElement =>
  h('p', { class: 'answered', tabindex: -1, 'data-focus-home': true }, `You answered: ${name}.`);

export const responsesPanel = (actions: Actions): Panel => {
  const body = h('div', {});
  const el = panelFrame('responses-panel', 'Crisis: your decision', body);
  el.hidden = true;
  let shown = '';
  let lastButton: HTMLButtonElement | null = null;

  const guarantor = (card: GuarantorCard) =>
    h(
      'article',
      { class: 'decision' },
      h('h3', {}, card.title),
      h('p', {}, `${card.crisis}. ${card.stakes}`),
      consequenceTable(card),
      card.answered
        ? answered(guarantorWords(card.answered).name)
        : answerForm(
            card.guarantee,
            card.options.map((o) => ({ value: answerId(o), answer: o, words: guarantorWords(o) })),
            `Send my answer on ${card.ally}`,
            ({ choice, nuclear }, b) => {
              lastButton = b;
              actions.command(panel, {
                type: 'answer_guarantee',
                guarantee: card.guarantee,
                choice,
                ...(nuclear ? { nuclear } : {}),
              });
            },
            card.nuclearWarning,
          ),
    );

  const ally = (card: AllyCard) =>
    h(
      'article',
      { class: 'decision' },
      h('h3', {}, card.title),
      h('p', {}, card.intro),
      card.crises.map((c) =>
        scrollBox(
          c.crisis,
          h(
            'table',
            { class: 'projection consequences' },
            h('caption', {}, c.crisis),
            tableHead(['If you…', ...GUARANTOR_RESPONSES.map((g) => GUARANTOR_DOES[g])]),
            h(
              'tbody',
              {},
              ALLY_RESPONSES.map((a) =>
                h(
                  'tr',
                  {},
                  h('th', { scope: 'row' }, card.answers[a].name),
                  GUARANTOR_RESPONSES.map((g) => h('td', {}, pct(c.odds[a][g]))),
                ),
              ),
            ),
          ),
        ),
      ),
      card.answered
        ? answered(card.answers[card.answered].name)
        : answerForm(
            'ally',
            ALLY_RESPONSES.map((a) => ({ value: a, answer: a, words: card.answers[a] })),
            'Send my answer',
            (choice, b) => {
              lastButton = b;
              actions.command(panel, { type: 'answer_ally', choice });
            },
          ),
    );

  const panel: Panel = {
    el,
    update(s: StoreSnapshot, view: GameView) {
      const cards = view.phase === 'responses' ? guarantorCards(view, s.seat) : [];
      const mine = view.phase === 'responses' ? allyCard(view, s.seat) : null;
      el.hidden = cards.length === 0 && !mine;
      const key = JSON.stringify([
        view.turn,
        view.phase,
        cards.map((c) => [c.guarantee, c.answered, c.options.map(answerId)]),
        mine?.answered,
        view.settings.showMath,
      ]);
      if (el.hidden || key === shown) return;
      shown = key;
      redraw(body, () => [...cards.map((c) => guarantor(c)), mine ? ally(mine) : null]);
    },
    refused(text: string) {
      if (!lastButton) return;
      setBusy(lastButton, false);
      const problem = lastButton.previousElementSibling;
      if (problem instanceof HTMLElement) replace(problem, text);
    },
  };
  return panel;
};
