// SVG elements made the same way as h() makes HTML: attributes set one by one, text as text nodes,
// never markup from strings (the page's CSP and ESLint both rule that out).
const SVG_NS = 'http://www.w3.org/2000/svg';

export type SvgChild = SVGElement | string | null | false | undefined | readonly SvgChild[];

export const s = <K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | undefined> = {},
  ...children: SvgChild[]
): SVGElementTagNameMap[K] => {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) el.setAttribute(name, String(value));
  const add = (list: readonly SvgChild[]) => {
    for (const child of list) {
      if (child === null || child === false || child === undefined) continue;
      if (Array.isArray(child)) add(child);
      else el.append(typeof child === 'string' ? document.createTextNode(child) : (child as SVGElement));
    }
  };
  add(children);
  return el;
};
