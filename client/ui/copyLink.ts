// A link in a read-only field with a button that copies it: the invite link (lobby and the White
// Cell's console) and the review's share link. Where the browser refuses the clipboard (or has
// none), the field is left selected and the status line says to copy it by hand.
import { type Attrs, h, replace } from './dom.js';

export interface CopyLink {
  field: HTMLInputElement;
  button: HTMLButtonElement;
  /** Says whether the last copy worked (a live region). */
  status: HTMLElement;
  show(url: string): void;
}

/** `field` labels the input: an `id` for a visible <label for>, or an `aria-label`. */
export const copyLink = (buttonText: string, field: Attrs): CopyLink => {
  const input = h('input', { type: 'text', readonly: true, ...field });
  const status = h('span', { class: 'hint', role: 'status' });
  const button = h('button', { type: 'button' }, buttonText);
  button.addEventListener('click', () => {
    input.select();
    const byHand = () => replace(status, 'Select the link and copy it.');
    // Pages served over plain http on a classroom network have no clipboard API at all.
    if (!navigator.clipboard) return byHand();
    navigator.clipboard.writeText(input.value).then(() => replace(status, 'Copied.'), byHand);
  });
  return {
    field: input,
    button,
    status,
    show: (url) => {
      input.value = url;
    },
  };
};
