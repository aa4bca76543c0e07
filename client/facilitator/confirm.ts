// A modal confirmation for destructive White Cell actions (kick, pushing a phase on while seats
// still owe). A native <dialog> opened with showModal(): focus moves into it, Escape cancels, and
// focus returns to the button that asked.
import { h, uid } from '../ui/dom.js';

export interface ConfirmOptions {
  title: string;
  message: string;
  /** The confirming button's words, saying what happens ("Remove Ann"). */
  confirm: string;
  cancel?: string;
  danger?: boolean;
}

export const confirmAction = (options: ConfirmOptions): Promise<boolean> =>
  new Promise((resolve) => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const titleId = uid('confirm-title');
    const messageId = `${titleId}-message`;
    const yes = h('button', { type: 'button', class: options.danger ? 'danger' : 'primary' }, options.confirm);
    const no = h('button', { type: 'button' }, options.cancel ?? 'Cancel');
    const dialog = h(
      'dialog',
      { class: 'confirm', 'aria-labelledby': titleId, 'aria-describedby': messageId },
      h('h2', { id: titleId }, options.title),
      h('p', { id: messageId }, options.message),
      h('div', { class: 'confirm-actions' }, no, yes),
    );
    let answered = false;
    const finish = (ok: boolean) => {
      if (answered) return;
      answered = true;
      dialog.close();
      dialog.remove();
      opener?.focus();
      resolve(ok);
    };
    yes.addEventListener('click', () => finish(true));
    no.addEventListener('click', () => finish(false));
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      finish(false);
    });
    document.body.append(dialog);
    dialog.showModal();
    // The safe choice has focus: Enter by reflex does not kick anyone.
    no.focus();
  });
