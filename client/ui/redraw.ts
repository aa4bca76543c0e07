// Panels rebuild their contents when a patch arrives; a keyboard user must not lose their place.
import { type Child, replace } from './dom.js';

/**
 * Redraws `container` with `render()` and puts the focus back on the element with the same
 * `data-focus` key, so a patch arriving while the user tabs through a panel does not throw them out.
 * When that control is gone (a submitted form), focus goes to the panel's `data-focus-home`
 * element (or the panel), never to the top of the page.
 */
export const redraw = (container: HTMLElement, render: () => Child): void => {
  const active = document.activeElement;
  const inside = active instanceof HTMLElement && container.contains(active);
  const key = inside ? active.dataset['focus'] : undefined;
  replace(container, render());
  if (!inside) return;
  const again = key ? container.querySelector<HTMLElement>(`[data-focus="${CSS.escape(key)}"]`) : null;
  const home = container.querySelector<HTMLElement>('[data-focus-home]') ?? container.closest<HTMLElement>('section');
  (again ?? home)?.focus();
};
