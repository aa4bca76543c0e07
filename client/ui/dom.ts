// The one way the client makes DOM: elements with attributes and children, where every string is a
// text node. Nothing here (or anywhere in client/) writes HTML from strings, so a player's name or
// chat line can never become markup (ESLint bans innerHTML and friends).
export type Child = Node | string | number | null | undefined | false | readonly Child[];

type Handler = (event: Event) => void;

export interface Attrs {
  [name: string]: string | number | boolean | null | undefined | Handler | Record<string, Handler>;
}

/** An element: `on` takes event handlers, booleans toggle attributes, everything else is an attribute. */
export const h = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] => {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'on' && typeof value === 'object' && value !== null) {
      for (const [type, handler] of Object.entries(value)) el.addEventListener(type, handler);
    } else if (typeof value === 'boolean') {
      el.toggleAttribute(name, value);
    } else if (value !== null && value !== undefined && typeof value !== 'function') {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
};

export const append = (parent: Node, children: readonly Child[]): void => {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
};

/** Replaces an element's children. */
export const replace = (parent: Element, ...children: Child[]): void => {
  parent.replaceChildren();
  append(parent, children);
};

let idCounter = 0;
/** A document-unique id for label/description links. */
export const uid = (prefix: string): string => `${prefix}-${++idCounter}`;

/** Says `text` through the page's ARIA live region (screen readers read it; nothing shows). */
export const announce = (text: string): void => {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.append(h('p', {}, text));
  // Keep the region short: screen readers read additions, not the whole history.
  while (region.childElementCount > 5) region.firstElementChild?.remove();
};
