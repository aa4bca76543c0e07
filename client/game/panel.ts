// What every player panel of the game screen is, and the small pieces they share: sending a
// command with its refusal shown beside the control, busy buttons, and the before → after table
// every preview uses.
import type { Command } from '../../shared/protocol/commands.js';
import type { RoomMessageType, RoomMessages } from '../../shared/protocol/roomMessages.js';
import type { GameView } from '../../shared/view/viewFor.js';
import type { StoreSnapshot } from '../net/store.js';
import type { ScreenContext } from '../screens/screen.js';
import { type Child, h } from '../ui/dom.js';
import { tableHead } from '../ui/table.js';
import type { Projected } from '../view/budgetPlan.js';
import { signed } from '../view/matchText.js';
import { fmt } from '../view/panels.js';

export interface Panel {
  el: HTMLElement;
  /** A new snapshot with a view; the panel redraws only what changed. */
  update(s: StoreSnapshot, view: GameView): void;
  /** The server refused the command this panel sent: say so beside its controls. */
  refused?(text: string): void;
  destroy?(): void;
}

/** How long after sending a refusal still counts as the answer to it. */
const REPLY_WINDOW_MS = 10_000;

/** Sends commands and remembers which panel sent the last one, so a refusal shows where the user acted. */
export class Actions {
  private lastSender: Panel | null = null;
  private sentAt = 0;

  constructor(private readonly ctx: ScreenContext) {}

  command(from: Panel, command: Command): void {
    this.send(from, 'command', command);
  }

  /** Any other room message (chat, draft), typed by the shared message map and refused the same way. */
  send<T extends RoomMessageType>(from: Panel, type: T, payload: RoomMessages[T]): void {
    this.lastSender = from;
    this.sentAt = Date.now();
    this.ctx.conn.send(type, payload);
  }

  /**
   * The server's error for the last command goes to the panel that sent it, if it came soon after:
   * a later one belongs to something else (the White Cell's console sends its own messages).
   */
  refused(text: string): void {
    if (Date.now() - this.sentAt < REPLY_WINDOW_MS) this.lastSender?.refused?.(text);
    this.lastSender = null;
  }
}

/**
 * Marks a button busy while its command is in flight. aria-disabled, not disabled: a disabled
 * button drops the keyboard focus to the top of the page.
 */
export const setBusy = (button: HTMLButtonElement, busy: boolean): void => {
  button.setAttribute('aria-disabled', String(busy));
  button.classList.toggle('busy', busy);
};

export const isBusy = (button: HTMLButtonElement): boolean => button.classList.contains('busy');

/**
 * Where the focus goes when the control that had it is gone or hidden (a form submitted as the phase
 * moves on): the task's text, which says what happens now, as panels do on a phase change.
 */
export const rescueFocus = (): void => {
  const active = document.activeElement;
  const lost =
    !(active instanceof HTMLElement) ||
    active === document.body ||
    !active.isConnected ||
    active.closest('[hidden]') !== null;
  if (lost) document.getElementById('task-text')?.focus();
};

/** A panel's frame: a titled card region. */
export const panelFrame = (id: string, title: string, ...children: Child[]): HTMLElement =>
  h(
    'section',
    { class: 'card game-panel', id, 'aria-labelledby': `${id}-title`, tabindex: -1 },
    h('h2', { id: `${id}-title` }, title),
    ...children,
  );

/** A number's change: "62 → 66 (+4)", with the direction in words for screen readers. */
export const deltaText = (before: number, after: number): string => {
  const d = after - before;
  const digits = Math.abs(d) < 1 ? 2 : 1;
  return Math.abs(d) < 1e-9 ? `${fmt(after)} (no change)` : `${fmt(before)} → ${fmt(after)} (${signed(d, digits)})`;
};

/** A before → after table of projected numbers; a row's engine breakdown opens from its "why". */
export const projectionTable = (caption: string, rows: readonly Projected[], showMath: boolean): HTMLTableElement =>
  h(
    'table',
    { class: 'projection' },
    h('caption', {}, caption),
    tableHead(['Measure', 'Now', 'After']),
    h(
      'tbody',
      {},
      rows.map((r) => {
        const d = r.after - r.before;
        const trend = Math.abs(d) < 1e-9 ? 'same' : d > 0 ? 'up' : 'down';
        return h(
          'tr',
          {},
          h(
            'th',
            { scope: 'row' },
            r.label,
            showMath && r.why && r.why.terms.length > 0 ? whyDetails(r.why.terms, r.after, `${r.label}, after`) : null,
          ),
          h('td', {}, fmt(r.before)),
          h(
            'td',
            { class: `trend-${trend}` },
            fmt(r.after),
            trend === 'same' ? '' : ` (${signed(d, Math.abs(d) < 1 ? 2 : 1)})`,
          ),
        );
      }),
    ),
  );

/**
 * The engine's terms of a number, folded away under "why". Its name says which number it explains
 * ("Why 63.2? (Consensus after this turn)"): a page has many of them.
 */
export const whyDetails = (
  terms: readonly { label: string; value: number | string }[],
  value: number,
  about: string,
): HTMLDetailsElement =>
  h(
    'details',
    { class: 'why' },
    h(
      'summary',
      {},
      h('span', { 'aria-hidden': 'true' }, 'why'),
      h('span', { class: 'visually-hidden' }, `Why ${fmt(value)}? (${about})`),
    ),
    h(
      'ul',
      {},
      terms.map((t) =>
        h(
          'li',
          {},
          h('span', {}, t.label),
          h('span', { class: 'num' }, typeof t.value === 'number' ? fmt(t.value) : t.value),
        ),
      ),
    ),
  );

/** A percentage for odds: 0.423 → "42%". */
export const pct = (x: number): string => `${Math.round(x * 100)}%`;
