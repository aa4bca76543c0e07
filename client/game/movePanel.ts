// The challenger's secret move: a move type and a target among the engine's legal moves, with a
// preview of what it would set off (guarantees invoked and their deterrence, the odds, the
// expected value, the rung the theater reaches) before it is sent.
import type { ChallengerMove } from '../../shared/model/commands.js';
import type { GameView } from '../../shared/view/viewFor.js';
import type { StoreSnapshot } from '../net/store.js';
import { h, replace, uid } from '../ui/dom.js';
import { redraw } from '../ui/redraw.js';
import { MOVE_WORDS, type MoveChoice, moveChoices, movePreview, nuclearWarning } from '../view/crisisCards.js';
import { moveSentence, nationName } from '../view/matchText.js';
import { fmt } from '../view/panels.js';
import { type Actions, type Panel, isBusy, panelFrame, pct, setBusy, whyDetails } from './panel.js';

export const movePanel = (actions: Actions): Panel => {
  const body = h('div', {});
  const error = h('p', { class: 'form-error' });
  const el = panelFrame('move-panel', 'Your move', body, error);
  el.hidden = true;
  let shown = '';
  let picked: ChallengerMove = { type: 'hold', target: null };
  let latest: { seat: string; view: GameView; choices: MoveChoice[] } | null = null;
  const preview = h('div', { class: 'preview', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'primary', 'data-focus': 'send-move' }, 'Send my move');

  const showPreview = () => {
    if (!latest) return;
    const p = movePreview(latest.view, latest.seat, picked);
    const math = latest.view.settings.showMath;
    const nuclear = latest.choices.find((c) => c.type === picked.type)?.nuclear === true;
    replace(
      preview,
      p && [
        h('p', {}, h('strong', {}, p.sentence), `: the theater goes to rung ${p.rung} (${p.rungName}) at least.`),
        nuclear
          ? h(
              'p',
              { class: 'nuclear-warning', role: 'note' },
              nuclearWarning(latest.view, picked.type === 'nuclear_use'),
            )
          : null,
        p.invoked.length > 0
          ? h(
              'ul',
              { class: 'invoked' },
              p.invoked.map((g) =>
                h(
                  'li',
                  {},
                  `Invokes ${g.name}: immediate deterrence ${fmt(g.deterrence.value)} of 100`,
                  math ? whyDetails(g.deterrence.terms, g.deterrence.value, `immediate deterrence of ${g.name}`) : null,
                ),
              ),
            )
          : h('p', {}, picked.type === 'hold' ? 'Nothing happens.' : 'No guarantee covers this move.'),
        p.successAlone !== null
          ? h(
              'p',
              {},
              `Chance of success: ${pct(p.successAlone)} if nobody helps the target`,
              p.invoked.length > 0 ? `, ${pct(p.successIfHonored ?? 0)} if its guarantor fights.` : '.',
            )
          : null,
        p.expectedValue
          ? h(
              'p',
              {},
              `Your expected value: ${fmt(p.expectedValue.value)} points (hold = 0).`,
              math ? whyDetails(p.expectedValue.terms, p.expectedValue.value, 'your expected value') : null,
            )
          : null,
      ],
    );
  };

  const form = (choices: MoveChoice[], view: GameView): HTMLFormElement => {
    if (!choices.some((c) => c.type === picked.type)) picked = { type: 'hold', target: null };
    const group = uid('move');
    const targetId = uid('target');
    const target = h('select', { id: targetId, 'data-focus': 'move-target' });
    const setTargets = () => {
      const c = choices.find((x) => x.type === picked.type);
      const targets = c?.targets ?? [];
      replace(
        target,
        targets.length === 0
          ? h('option', { value: '' }, 'No target')
          : targets.map((t) => h('option', { value: t, selected: t === picked.target }, nationName(view, t))),
      );
      target.disabled = targets.length === 0;
      picked = {
        type: picked.type,
        target:
          targets.length === 0 ? null : targets.includes(picked.target ?? '') ? picked.target : (targets[0] ?? null),
      };
      target.value = picked.target ?? '';
      showPreview();
    };
    target.addEventListener('change', () => {
      picked = { ...picked, target: target.value || null };
      showPreview();
    });
    const f = h(
      'form',
      { class: 'move-form' },
      h(
        'fieldset',
        {},
        h('legend', {}, 'Move'),
        choices.map((c) => {
          const id = uid('move-type');
          const radio = h('input', {
            type: 'radio',
            name: group,
            id,
            value: c.type,
            checked: c.type === picked.type,
            'data-focus': `move-${c.type}`,
          });
          radio.addEventListener('change', () => {
            picked = { type: c.type, target: picked.target };
            setTargets();
          });
          const { name, help } = MOVE_WORDS[c.type];
          return h(
            'div',
            { class: 'choice' },
            radio,
            h('label', { for: id }, h('strong', {}, name), h('span', { class: 'hint' }, ` — ${help}`)),
          );
        }),
      ),
      h('label', { for: targetId }, 'Target nation'),
      target,
      preview,
      submit,
    );
    f.addEventListener('submit', (e) => {
      e.preventDefault();
      if (isBusy(submit)) return;
      replace(error);
      setBusy(submit, true);
      actions.command(panel, { type: 'move', move: picked });
    });
    setTargets();
    return f;
  };

  const panel: Panel = {
    el,
    update(s: StoreSnapshot, view: GameView) {
      const role = view.seats.find((x) => x.id === s.seat)?.role;
      el.hidden = view.phase !== 'challenger_move' || role !== 'challenger';
      if (el.hidden) return;
      const chosen = view.moves[s.seat] ?? null;
      const choices = moveChoices(view, s.seat);
      latest = { seat: s.seat, view, choices };
      const key = JSON.stringify([view.turn, chosen, choices, view.settings.showMath]);
      if (key === shown) return;
      shown = key;
      setBusy(submit, false);
      const nation = view.seats.find((x) => x.id === s.seat)?.nation ?? '';
      redraw(body, () =>
        chosen
          ? h(
              'p',
              { tabindex: -1, 'data-focus-home': true },
              `Your move is in: ${moveSentence(view, nation, chosen)}. It stays secret until the responses phase.`,
            )
          : form(choices, view),
      );
    },
    refused(text: string) {
      setBusy(submit, false);
      replace(error, text);
    },
  };
  return panel;
};
