/// <reference lib="dom.iterable" />
/**
 * DOM building without markup strings: every piece of data becomes a text node, so article
 * text and anything else from the store can never be parsed as HTML.
 */
export type Child = Node | string | number | null | undefined | false;
export type Attrs = Record<string, string | number | boolean | null | undefined | ((ev: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el: Element, attrs: Attrs): void {
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (k === 'style') throw new Error('inline styles are not allowed by the content security policy');
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

export function append(el: Node, children: (Child | Child[])[]): void {
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

export function clear(el: Node): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** A link inside the app (hash route). */
export function link(route: string, ...children: (Child | Child[])[]): HTMLAnchorElement {
  return h('a', { href: '#' + route }, ...children);
}

export function qs(params: Record<string, string | number | undefined | null | readonly string[]>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v == null || v === '') continue;
    if (Array.isArray(v)) for (const x of v) p.append(k, x);
    else p.set(k, String(v));
  }
  const str = p.toString();
  return str ? '?' + str : '';
}

export function fmtDate(iso: string | undefined): string {
  return iso ? iso.slice(0, 10) : 'undated';
}

/** A snippet with matched words marked: offsets come from the API, text stays text. */
export function marked(text: string, marks: readonly (readonly [number, number])[]): DocumentFragment {
  const f = document.createDocumentFragment();
  let at = 0;
  for (const [a, b] of marks) {
    if (a < at) continue;
    f.append(text.slice(at, a), h('mark', {}, text.slice(a, b)));
    at = b;
  }
  f.append(text.slice(at));
  return f;
}

export function message(kind: 'error' | 'info', text: string): HTMLElement {
  return h('p', { class: `msg msg-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}
