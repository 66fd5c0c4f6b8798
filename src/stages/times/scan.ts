import type { Rule } from './resolve.js';

/*
 * A rule's matches without running its regex over the whole text. Most rules open with optional
 * words ("in", "the beginning of", "last"), so a plain scan tries the whole pattern at every
 * position. A rule with a trigger (words or a cheap pattern every match holds near its start: a
 * month name, a unit, a weekday) is tried only from a little before each trigger, with a sticky
 * copy of its regex that may skip up to WINDOW characters: the same matches, in the same order,
 * as the plain scan.
 */

const WINDOW = 64;
const windowed = new WeakMap<RegExp, RegExp>();

/** `re` tried at each of the next WINDOW + 1 positions; the match itself is group 1 (rules read named groups only). */
function windowRe(re: RegExp): RegExp {
  let w = windowed.get(re);
  if (!w) {
    w = new RegExp(`[\\s\\S]{0,${WINDOW}}?(${re.source})`, re.flags.replace('g', '') + 'y');
    windowed.set(re, w);
  }
  return w;
}

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || (c > 0x1000 && /\s/.test(String.fromCharCode(c)));
const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/** Where a match holding a trigger at `at` may start: `reach` characters back, spaces not counted. */
function reachBack(text: string, at: number, reach: number): number {
  let i = at;
  while (i > 0 && reach > 0) if (!isSpace(text.charCodeAt(--i))) reach--;
  return i;
}

interface WordTable {
  /** Every trigger word at the start of a word, with the rest of that word. */
  readonly re: RegExp;
  /** By first letter: each word and the rules it triggers. */
  readonly byLetter: Map<string, { word: string; rules: Rule[] }[]>;
}
const tables = new WeakMap<readonly Rule[], WordTable>();

function wordTable(rules: readonly Rule[]): WordTable {
  let table = tables.get(rules);
  if (!table) {
    const byWord = new Map<string, Rule[]>();
    for (const r of rules) for (const w of r.words ?? []) byWord.set(w, [...(byWord.get(w) ?? []), r]);
    const words = [...byWord.keys()].sort((a, b) => b.length - a.length);
    const byLetter = new Map<string, { word: string; rules: Rule[] }[]>();
    for (const word of words) byLetter.set(word[0]!, [...(byLetter.get(word[0]!) ?? []), { word, rules: byWord.get(word)! }]);
    table = { re: new RegExp(`\\b(?:${words.join('|')})[a-z]*`, 'gi'), byLetter };
    tables.set(rules, table);
  }
  return table;
}

/** Where each rule's trigger words stand in one text, found in a single pass. */
export class Triggers {
  private readonly byRule = new Map<Rule, number[]>();

  constructor(text: string, rules: readonly Rule[]) {
    const { re, byLetter } = wordTable(rules);
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const token = m[0].toLowerCase(), after = m.index + token.length;
      const whole = after >= text.length || !isWordChar(text.charCodeAt(after));
      for (const { word, rules: triggered } of byLetter.get(token[0]!) ?? []) {
        if (!token.startsWith(word)) continue;
        for (const r of triggered) {
          if (r.wholeWords && !(whole && token.length === word.length)) continue;
          const hits = this.byRule.get(r);
          if (!hits) this.byRule.set(r, [m.index]);
          else if (hits[hits.length - 1] !== m.index) hits.push(m.index);
        }
      }
    }
  }

  /** Sorted positions of the rule's trigger words; undefined when the rule has none. */
  hits(rule: Rule): readonly number[] | undefined {
    return rule.words ? this.byRule.get(rule) ?? [] : undefined;
  }
}

/** The first trigger at or after `pos`, or -1. */
function nextHit(rule: Rule, text: string, triggers: Triggers, pos: number): number {
  const hits = triggers.hits(rule);
  if (hits) {
    let lo = 0, hi = hits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (hits[mid]! < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo < hits.length ? hits[lo]! : -1;
  }
  const trigger = rule.trigger!;
  trigger.lastIndex = pos;
  return trigger.exec(text)?.index ?? -1;
}

/** The non-empty matches of `rule.re` over `text`, in order, as `re.exec` in a loop would find them. */
export function* ruleMatches(rule: Rule, text: string, triggers: Triggers): Generator<RegExpExecArray> {
  const { re } = rule;
  if (!rule.trigger && !triggers.hits(rule)) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) re.lastIndex++;
      else yield m;
    }
    return;
  }
  const w = windowRe(re);
  let pos = 0;
  while (pos <= text.length) {
    const hit = nextHit(rule, text, triggers, pos);
    if (hit < 0) return;
    const from = Math.max(pos, reachBack(text, hit, rule.reach ?? 0));
    w.lastIndex = from;
    const wm = w.exec(text);
    if (!wm) {
      pos = from + WINDOW + 1;
      continue;
    }
    const found = wm[1]!;
    const index = from + wm[0].length - found.length;
    if (!found.length) {
      pos = index + 1;
      continue;
    }
    // The window's match becomes the rule's own: its text and where it starts.
    wm[0] = found;
    wm.index = index;
    yield wm;
    pos = index + found.length;
  }
}
