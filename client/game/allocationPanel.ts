// The secret budget split: a labelled slider and number box per spending line, the engine's plans
// as starting points, and a live preview (budget left, the seat's meters, credibility, burden)
// computed by the shared rules before anything is sent. Over budget, submitting is blocked.
import type { Allocation } from '../../shared/model/commands.js';
import { allocationTotal } from '../../shared/rules/economy.js';
import type { GameView } from '../../shared/view/viewFor.js';
import type { StoreSnapshot } from '../net/store.js';
import { h, replace, uid } from '../ui/dom.js';
import { redraw } from '../ui/redraw.js';
import {
  type AllocationField,
  allocationFields,
  allocationLines,
  allocationPresets,
  allocationProjection,
  balanceWithDomestic,
  fieldValue,
  startingAllocation,
  withField,
} from '../view/budgetPlan.js';
import { possessive, sentenceCase } from '../view/matchText.js';
import { money } from '../view/panels.js';
import { allocationPreview } from '../view/selectors.js';
import { readUnsent, unsentEntry, unsentKey } from '../view/unsentAllocation.js';
import { type Actions, type Panel, isBusy, panelFrame, projectionTable, setBusy } from './panel.js';

/** The team's shared draft, when it is an allocation (docs/PROTOCOL.md §3.7). */
const draftAllocation = (draft: unknown): { by: string; allocation: Allocation } | null => {
  const d = draft as { command?: { type?: string; allocation?: Allocation }; by?: string } | null;
  return d?.command?.type === 'allocate' && d.command.allocation
    ? { by: d.by ?? 'a teammate', allocation: d.command.allocation }
    : null;
};

/** sessionStorage, which may be full or blocked: then the form still works, only a reload loses it. */
const tab = {
  get: (key: string): string | null => {
    try {
      return sessionStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set: (key: string, value: string | null): void => {
    try {
      if (value === null) sessionStorage.removeItem(key);
      else sessionStorage.setItem(key, value);
    } catch {
      // Nothing kept: see above.
    }
  },
};

export const allocationPanel = (actions: Actions): Panel => {
  const body = h('div', { class: 'allocation-body' });
  const error = h('p', { class: 'form-error' });
  const el = panelFrame('allocation-panel', 'Budget allocation', body, error);
  el.hidden = true;
  let shown = '';
  let planTurn = -1;
  let plan: Allocation | null = null;
  let latest: { s: StoreSnapshot; view: GameView } | null = null;
  let restored = false;
  const inputs = new Map<string, { range: HTMLInputElement; box: HTMLInputElement }>();
  const budgetLine = h('p', { class: 'budget-line', 'aria-live': 'polite', id: uid('budget') });
  const preview = h('div', { class: 'preview' });
  const submit = h(
    'button',
    { type: 'submit', class: 'primary', 'data-focus': 'submit-allocation' },
    'Submit allocation',
  );

  /** The player changed the plan: keep it for this tab (a reload restores it), then redraw the form. */
  const edit = (next: Allocation, except?: HTMLInputElement) => {
    plan = next;
    if (latest) tab.set(unsentKey(latest.s.code, latest.s.seat), unsentEntry(latest.view.turn, next));
    refresh(except);
  };

  /** Sets the form's controls and preview from the plan (after a preset, a draft or a typed value). */
  const refresh = (except?: HTMLInputElement) => {
    if (!latest || !plan) return;
    const { s, view } = latest;
    for (const [key, c] of inputs) {
      const v = fieldValue(plan, key);
      if (c.range !== except) c.range.value = String(v);
      if (c.box !== except) c.box.value = String(Math.round(v * 100) / 100);
    }
    const p = allocationPreview(view, s.seat, plan);
    if (!p) return;
    const over = p.overBudget;
    budgetLine.className = `budget-line${over ? ' over' : ''}`;
    replace(
      budgetLine,
      `Budget ${money(p.budget)} · allocated ${money(p.spent)} · `,
      h('strong', {}, over ? `over budget by ${money(-p.left)}` : `left ${money(p.left)}`),
      over ? ': lower a line before submitting.' : p.left > 0.005 ? ' (unspent money pays down debt)' : '',
      h('br'),
      `Defense ${p.defenseShare.toFixed(1)}% of GDP; the economy bears ${p.sustainableShare.toFixed(1)}% without strain.`,
    );
    submit.setAttribute('aria-disabled', String(over || isBusy(submit)));
    submit.classList.toggle('blocked', over);
    const proj = allocationProjection(view, s.seat, plan);
    const math = view.settings.showMath;
    replace(
      preview,
      proj && [
        projectionTable('Your country after this turn’s spending (crises aside)', proj.meters, math),
        proj.credibility.length > 0
          ? projectionTable('Credibility to the challenger (others’ spending unknown)', proj.credibility, math)
          : null,
        proj.burden.length > 0
          ? projectionTable('Burden your spending leaves on your guarantor', proj.burden, math)
          : null,
      ],
    );
  };

  const fieldRow = (f: AllocationField) => {
    const boxId = uid('alloc');
    const hintId = uid('alloc-hint');
    const range = h('input', {
      type: 'range',
      min: 0,
      max: f.max,
      step: f.step,
      'aria-label': `${f.label} ($bn), slider`,
      'aria-describedby': hintId,
      'data-focus': `range-${f.key}`,
    });
    const box = h('input', {
      id: boxId,
      type: 'number',
      min: 0,
      step: 'any',
      inputmode: 'decimal',
      'aria-describedby': hintId,
      'data-focus': `box-${f.key}`,
    });
    const fieldError = h('span', { class: 'field-error', role: 'alert' });
    range.addEventListener('input', () => {
      if (!plan) return;
      edit(withField(plan, f.key, Number(range.value)), range);
    });
    box.addEventListener('input', () => {
      if (!plan) return;
      const v = box.value.trim() === '' ? NaN : Number(box.value);
      const bad = !Number.isFinite(v) || v < 0;
      box.setAttribute('aria-invalid', String(bad));
      replace(fieldError, bad ? 'Enter an amount of 0 or more.' : '');
      if (bad) return;
      edit(withField(plan, f.key, v), box);
    });
    inputs.set(f.key, { range, box });
    return h(
      'div',
      { class: 'alloc-row' },
      h('label', { for: boxId }, `${f.label} ($bn)`),
      range,
      box,
      h('span', { class: 'hint', id: hintId }, f.hint),
      fieldError,
    );
  };

  const form = (view: GameView, s: StoreSnapshot): HTMLFormElement => {
    inputs.clear();
    const presets = allocationPresets(view, s.seat).map((p) => {
      const b = h('button', { type: 'button', 'data-focus': `preset-${p.name}` }, sentenceCase(p.name));
      b.addEventListener('click', () => edit(p.allocation));
      return b;
    });
    const draft = draftAllocation(s.draft);
    const loadDraft =
      draft && h('button', { type: 'button', 'data-focus': 'load-draft' }, `Load ${possessive(draft.by)} draft`);
    loadDraft?.addEventListener('click', () => draft && edit(draft.allocation));
    const balance = h('button', { type: 'button', 'data-focus': 'balance' }, 'Put what is left into domestic spending');
    balance.addEventListener('click', () => {
      if (!plan || !latest) return;
      edit(balanceWithDomestic(latest.view, latest.s.seat, plan));
    });
    const share = h('button', { type: 'button', class: 'quiet', 'data-focus': 'share' }, 'Share as my team’s draft');
    share.addEventListener('click', () => plan && actions.send(panel, 'draft', { type: 'allocate', allocation: plan }));
    submit.setAttribute('aria-describedby', budgetLine.id);
    const f = h(
      'form',
      { class: 'allocation-form', 'aria-label': 'Budget allocation' },
      restored ? h('p', { class: 'hint' }, 'Your unsent allocation is back as you left it.') : null,
      h(
        'div',
        { class: 'presets', role: 'group', 'aria-label': 'Start from a plan' },
        h('span', {}, 'Start from: '),
        presets,
        loadDraft,
      ),
      // The rows scroll in a box of their own, the budget line just under it (game.css).
      h('div', { class: 'alloc-rows' }, allocationFields(view, s.seat).map(fieldRow)),
      budgetLine,
      h('div', { class: 'form-actions' }, balance, submit, share),
      preview,
    );
    f.addEventListener('submit', (e) => {
      e.preventDefault();
      if (!plan || isBusy(submit)) return;
      if (submit.classList.contains('blocked')) {
        replace(error, 'Over budget: lower a line (or use a plan) before submitting.');
        return;
      }
      replace(error);
      setBusy(submit, true);
      actions.command(panel, { type: 'allocate', allocation: plan });
    });
    return f;
  };

  const submitted = (view: GameView, seat: string, a: Allocation) => {
    const proj = allocationProjection(view, seat, a);
    return [
      h(
        'p',
        { 'data-focus-home': true, tabindex: -1 },
        `Submitted: ${money(allocationTotal(a))}. It stays secret until adjudication.`,
      ),
      h(
        'table',
        { class: 'projection' },
        h('caption', {}, 'Your allocation this turn'),
        h(
          'tbody',
          {},
          allocationLines(view, a).map((l) =>
            h('tr', {}, h('th', { scope: 'row' }, l.label), h('td', {}, money(l.value))),
          ),
        ),
      ),
      proj &&
        projectionTable('Your country after this turn’s spending (crises aside)', proj.meters, view.settings.showMath),
    ];
  };

  const panel: Panel = {
    el,
    update(s: StoreSnapshot, view: GameView) {
      latest = { s, view };
      const mine = view.nations[view.seats.find((x) => x.id === s.seat)?.nation ?? ''];
      el.hidden = view.phase !== 'allocation' || !mine;
      if (el.hidden) return;
      const done = view.allocations[s.seat] ?? null;
      const fields = allocationFields(view, s.seat);
      const draft = draftAllocation(s.draft)?.by ?? '';
      const key = JSON.stringify([view.turn, done, fields, draft, view.settings.showMath]);
      if (key === shown) return;
      shown = key;
      if (planTurn !== view.turn) {
        planTurn = view.turn;
        // A reload in the middle of editing comes back to the unsent plan; a new turn starts afresh.
        const kept = done ? null : readUnsent(tab.get(unsentKey(s.code, s.seat)), view.turn);
        if (!kept) tab.set(unsentKey(s.code, s.seat), null);
        restored = kept !== null;
        plan = kept ?? startingAllocation(view, s.seat);
      }
      if (done) tab.set(unsentKey(s.code, s.seat), null);
      replace(error);
      setBusy(submit, false);
      redraw(body, () => (done ? submitted(view, s.seat, done) : form(view, s)));
      if (!done) refresh();
    },
    refused(text: string) {
      setBusy(submit, false);
      replace(error, text);
    },
  };
  return panel;
};
