/**
 * Pathologically deep markup (a page of 100,000 nested divs) makes the DOM and Readability slow
 * beyond any budget: their walks up and down the tree cost the depth at every node. Elements
 * nested deeper than `maxDepth` lose their tags and keep their content, so the text (and an
 * article inside) survives. News pages nest a few dozen levels; those are returned unchanged.
 */
export const MAX_HTML_DEPTH = 100;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'command', 'basefont', 'frame', 'isindex']);

// A comment, a raw-text element whole (its content is not markup), a doctype or processing
// instruction, or a start or end tag with its attributes (quoted values may hold '>'). No part
// scans past a '<' it does not own, so a malformed page costs one pass, not one per '<'.
const ATTRS = `(?:[^>"'<]|"[^"<]{0,4096}"|'[^'<]{0,4096}')*`;
const TOKEN = new RegExp(
  `<!--[\\s\\S]*?(?:-->|$)|<(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext)\\b${ATTRS}>[\\s\\S]*?(?:<\\/\\1\\s*>|$)` +
    `|<[!?][^><]*>|<(\\/?)([a-zA-Z][^\\s/><]*)(${ATTRS})>`,
  'gi',
);

/**
 * The open elements: an end tag closes the nearest open element of its name and all inside it;
 * one that names no open element is ignored. Counts by name make both checks amortised O(1).
 */
class OpenElements {
  readonly stack: { name: string; dropped: boolean }[] = [];
  private readonly open = new Map<string, number>();

  push(name: string, dropped: boolean): void {
    this.stack.push({ name, dropped });
    this.open.set(name, (this.open.get(name) ?? 0) + 1);
  }

  /** Closes the nearest open `name`; returns it, or undefined when none is open. */
  close(name: string): { name: string; dropped: boolean } | undefined {
    if (!this.open.get(name)) return undefined;
    for (;;) {
      const e = this.stack.pop()!;
      this.open.set(e.name, this.open.get(e.name)! - 1);
      if (e.name === name) return e;
    }
  }
}

/** Walks the tags of the markup: `onTag` sees each start or end tag, and whether its element lies deeper than `maxDepth`. */
function walkTags(html: string, maxDepth: number, onTag: (m: RegExpExecArray, deeper: boolean) => void): void {
  const open = new OpenElements();
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    const [, , close, rawName, attrs] = m;
    if (!rawName) continue;
    const name = rawName.toLowerCase();
    if (close) {
      const e = open.close(name);
      if (e) onTag(m, e.dropped);
    } else if (!VOID.has(name) && !attrs?.trimEnd().endsWith('/')) {
      const deeper = open.stack.length >= maxDepth;
      open.push(name, deeper);
      onTag(m, deeper);
    }
  }
}

export function flattenDeepNesting(html: string, maxDepth = MAX_HTML_DEPTH): string {
  // One pass to see whether anything needs doing, so an ordinary page is not rewritten.
  let deep = false;
  walkTags(html, maxDepth, (_, deeper) => { deep ||= deeper; });
  if (!deep) return html;
  const out: string[] = [];
  let last = 0;
  walkTags(html, maxDepth, (m, deeper) => {
    if (!deeper) return;
    out.push(html.slice(last, m.index));
    last = m.index + m[0].length;
  });
  out.push(html.slice(last));
  return out.join('');
}
