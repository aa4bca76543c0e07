// Public statements in diplomacy: this turn's statements so far, and a form for the ones the seat
// may make (red line, clarify, narrow its own guarantees; exit ramps for heated theaters) with a
// preview computed by the engine on a copy of the view.
import { FORM_LIMITS } from '../../shared/protocol/limits.js';
import type { GameView } from '../../shared/view/viewFor.js';
import type { StoreSnapshot } from '../net/store.js';
import { h, replace, uid } from '../ui/dom.js';
import { redraw } from '../ui/redraw.js';
import {
  STATEMENT_HELP,
  type StatementCommand,
  type StatementOption,
  statementLines,
  statementOptions,
  statementPreview,
} from '../view/statements.js';
import { type Actions, type Panel, isBusy, panelFrame, projectionTable, setBusy } from './panel.js';

export const statementsPanel = (actions: Actions): Panel => {
  const said = h('ul', { class: 'statements' });
  const body = h('div', {});
  const error = h('p', { class: 'form-error' });
  const el = panelFrame('statements-panel', 'Public statements', h('h3', {}, 'Said this turn'), said, body, error);
  el.hidden = true;
  let shownSaid = '';
  let shownForm = '';
  let latest: { seat: string; view: GameView } | null = null;
  const submit = h(
    'button',
    { type: 'submit', class: 'primary', 'data-focus': 'send-statement' },
    'Make this statement',
  );

  const form = (options: StatementOption[]): HTMLFormElement => {
    const selectId = uid('statement');
    const textId = uid('statement-text');
    const helpId = uid('statement-help');
    const select = h(
      'select',
      { id: selectId, 'aria-describedby': helpId, 'data-focus': 'statement-kind' },
      options.map((o) => h('option', { value: `${o.kind}|${o.subject}` }, o.label)),
    );
    const help = h('p', { class: 'hint', id: helpId });
    const text = h('textarea', {
      id: textId,
      maxlength: FORM_LIMITS.statementText,
      rows: 2,
      'data-focus': 'statement-text',
    });
    const count = h('span', { class: 'hint counter' }, `0 / ${FORM_LIMITS.statementText}`);
    const preview = h('div', { class: 'preview', 'aria-live': 'polite' });
    const chosen = (): StatementCommand | null => {
      const o = options.find((x) => `${x.kind}|${x.subject}` === select.value);
      return o ? { type: 'statement', kind: o.kind, subject: o.subject, text: text.value.trim() } : null;
    };
    const show = () => {
      const cmd = chosen();
      replace(help, cmd ? STATEMENT_HELP[cmd.kind] : '');
      if (!cmd || !latest) return replace(preview);
      const p = statementPreview(latest.view, latest.seat, cmd);
      replace(
        preview,
        p.refused
          ? h('p', { class: 'form-error' }, p.refused)
          : p.rows.length > 0
            ? projectionTable('What it would do now', p.rows, latest.view.settings.showMath)
            : null,
      );
    };
    select.addEventListener('change', show);
    text.addEventListener('input', () => replace(count, `${text.value.length} / ${FORM_LIMITS.statementText}`));
    const f = h(
      'form',
      { class: 'statement-form' },
      h('label', { for: selectId }, 'Statement to make'),
      select,
      help,
      h('label', { for: textId }, 'Your words (optional, public)'),
      text,
      count,
      preview,
      submit,
    );
    f.addEventListener('submit', (e) => {
      e.preventDefault();
      const cmd = chosen();
      if (!cmd || isBusy(submit)) return;
      replace(error);
      setBusy(submit, true);
      actions.command(panel, cmd);
    });
    show();
    return f;
  };

  const panel: Panel = {
    el,
    update(s: StoreSnapshot, view: GameView) {
      latest = { seat: s.seat, view };
      const nation = view.seats.find((x) => x.id === s.seat)?.nation;
      el.hidden = view.phase !== 'diplomacy' || !nation;
      if (el.hidden) return;
      const lines = statementLines(view);
      const saidKey = JSON.stringify(lines);
      if (saidKey !== shownSaid) {
        shownSaid = saidKey;
        replace(
          said,
          lines.length === 0 ? h('li', { class: 'hint' }, 'Nothing yet.') : lines.map((l) => h('li', {}, l)),
        );
      }
      const options = statementOptions(view, s.seat);
      const key = JSON.stringify([view.turn, options, view.settings.showMath]);
      if (key === shownForm) return;
      shownForm = key;
      setBusy(submit, false);
      redraw(body, () =>
        options.length > 0
          ? form(options)
          : h(
              'p',
              { class: 'hint', tabindex: -1, 'data-focus-home': true },
              'You have no public statement to make this turn.',
            ),
      );
    },
    refused(text: string) {
      setBusy(submit, false);
      replace(error, text);
    },
  };
  return panel;
};
