// Panels rebuild their rows when the room changes; a keyboard user must not lose their place.
// Controls carry a stable `data-focus` key, and a rebuild puts focus back on the control with the
// same key.
import { type Child, replace } from '../ui/dom.js';

export const rebuild = (container: Element, ...children: Child[]): void => {
  const active = document.activeElement;
  const key = active instanceof HTMLElement && container.contains(active) ? active.dataset['focus'] : undefined;
  replace(container, ...children);
  if (!key) return;
  const again = container.querySelector<HTMLElement>(`[data-focus="${CSS.escape(key)}"]`);
  again?.focus();
};
