import { parseHTML } from 'linkedom';

// Elements that end a paragraph; everything else flows inline.
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'BUTTON', 'SELECT', 'HEAD']);

interface NodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<NodeLike>;
}

/**
 * Text of a DOM subtree with paragraph structure kept: blocks are separated by a blank line,
 * <br> is a line break, runs of whitespace inside a paragraph collapse to one space.
 */
export function nodeToText(root: NodeLike): string {
  const paras: string[] = [];
  let cur = '';
  const flush = () => {
    const p = cur
      .split('\n')
      .map((l) => l.replace(/[ \t\f\r]+/g, ' ').trim())
      .join('\n')
      .trim();
    if (p) paras.push(p);
    cur = '';
  };
  const walk = (n: NodeLike, pre: boolean) => {
    if (n.nodeType === 3) {
      const t = n.textContent ?? '';
      cur += pre ? t : t.replace(/\s+/g, ' ');
      return;
    }
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) return;
    const name = n.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    if (name === 'BR') {
      cur += '\n';
      return;
    }
    const block = BLOCK.has(name);
    if (block) flush();
    const kids = n.childNodes;
    for (let i = 0; i < kids.length; i++) walk(kids[i]!, pre || name === 'PRE');
    if (block) flush();
  };
  walk(root, false);
  flush();
  return paras.join('\n\n');
}

/** Plain text of an HTML fragment (feed descriptions, readability output). Text without tags is returned tidied. */
export function htmlToText(html: string): string {
  if (!/<[a-z!\/]/i.test(html)) {
    return html.replace(/\r\n?/g, '\n').replace(/[ \t]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim();
  }
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  return nodeToText(document.body as unknown as NodeLike);
}
