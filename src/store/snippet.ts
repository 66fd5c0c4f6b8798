import { stemmer } from 'stemmer';
import type { ParsedQuery } from './query-terms.js';

/**
 * Snippets cut in JavaScript from a hit's text, as SQLite FTS5's snippet() cuts them (a window of
 * tokens around the most query terms, '…' where the text goes on, each match marked), without
 * FTS5's cost: snippet() tokenises and stems every word of every hit, where this stems only the
 * words that start like a query word. Words are the tokens of FTS5's unicode61 tokenizer, folded
 * (lower case, no diacritics) and Porter-stemmed as its porter tokenizer does; the `stemmer`
 * package gives the same stems on news vocabulary. Where a text holds no match (the hit matched
 * on its title, or a word this reading misses) the caller falls back to FTS5's own snippet.
 */

// FTS5's porter tokenizer leaves tokens under 3 or over 64 characters as they are.
const stem = (w: string) => (w.length < 3 || w.length > 64 ? w : stemmer(w));
const fold = (w: string) => (/^[\x00-\x7f]*$/.test(w) ? w.toLowerCase() : w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());

interface TermWord {
  readonly stem: string;
  readonly prefix: boolean;
}

interface Term {
  readonly words: readonly TermWord[];
  /** Finds the text words that start like the term's first word, the only ones worth stemming. */
  readonly lead: RegExp;
}

/** The query's wanted terms (excluded ones are never marked), ready to match text. */
export interface SnippetTerms {
  readonly terms: readonly Term[];
}

export function snippetTerms(q: ParsedQuery): SnippetTerms {
  const terms = q.groups.flat().map((t): Term => {
    const words = t.words.map((w, i): TermWord => {
      const prefix = t.prefix && i === t.words.length - 1;
      return { stem: prefix ? fold(w) : stem(fold(w)), prefix };
    });
    // A Porter stem keeps the word's first letters save for a changed last one or two (y -> i,
    // an added e, "biliti" -> "ble"), so its first letters, short of the last, lead every form.
    const s = words[0]!.stem;
    const lead = words[0]!.prefix ? s : s.slice(0, Math.max(1, Math.min(3, s.length - 1)));
    return { words, lead: new RegExp(`${[...lead].map(anyCase).join('')}${WORD_CLASS}*`, 'g') };
  });
  return { terms };
}

// Every form of a folded letter in text: both cases, and the accented Latin letters that fold to
// it. Explicit classes scan faster than a case-insensitive pattern over a folded copy of the text.
const FORMS = new Map<string, string>();
for (let c = 0xc0; c <= 0x24f; c++) {
  const ch = String.fromCharCode(c);
  const base = ch.normalize('NFD')[0]!.toLowerCase();
  if (base !== ch.toLowerCase()) FORMS.set(base, (FORMS.get(base) ?? '') + ch);
}
// Letters, digits and marks as one class without Unicode property escapes, which V8 compiles
// and runs several times slower; outside Latin it also takes in other scripts' punctuation, a
// difference that only shifts where a snippet's window ends.
const WORD_CLASS = '[0-9A-Za-z\\u00aa\\u00b5\\u00ba\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u1fff\\u2c00-\\u2dff\\u2e80-\\u2fff\\u3005-\\ud7ff\\uf900-\\ufdff\\ufe70-\\ufefe\\uff10-\\uff19\\uff21-\\uff3a\\uff41-\\uff5a\\uff66-\\uffdc]';
const anyCase = (c: string) => {
  const forms = new Set([c, c.toUpperCase(), ...(FORMS.get(c) ?? '')]);
  return forms.size === 1 ? c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&') : `[${[...forms].join('')}]`;
};

const wordMatches = (word: string, w: TermWord) => {
  const folded = fold(word);
  return w.prefix ? folded.startsWith(w.stem) || stem(folded).startsWith(w.stem) : stem(folded) === w.stem;
};

// The next word after a position, for the rest of a phrase.
const NEXT = new RegExp(`[^${WORD_CLASS.slice(1, -1)}]*(${WORD_CLASS}+)`, 'y');
const WORDY = new RegExp(WORD_CLASS);
const WORDS = new RegExp(`${WORD_CLASS}+`, 'g');
// A window of `tokens` words is about this many characters of news text per word.
const CHARS_PER_WORD = 6.5;

interface Match { readonly term: number; readonly start: number; readonly end: number }

/** Every place a term matches: its first word from the lead, the rest word after word. */
function matches(text: string, q: SnippetTerms): Match[] {
  const found: Match[] = [];
  q.terms.forEach((t, term) => {
    for (const m of text.matchAll(t.lead)) {
      // A word's start: nothing word-like just before (a lookbehind in the pattern would be tried at every position).
      if ((m.index > 0 && WORDY.test(text[m.index - 1]!)) || !wordMatches(m[0], t.words[0]!)) continue;
      let end = m.index + m[0].length;
      let ok = true;
      for (let j = 1; ok && j < t.words.length; j++) {
        NEXT.lastIndex = end;
        const n = NEXT.exec(text);
        ok = !!n && wordMatches(n[1]!, t.words[j]!);
        if (ok) end = NEXT.lastIndex;
      }
      if (ok) found.push({ term, start: m.index, end });
    }
  });
  return found.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * A snippet of `text`: `tokens` words around the matches of `q`, each match (a whole phrase)
 * between `mark`, '…' where the text goes on before or after. Undefined when nothing matches.
 */
export function cutSnippet(text: string, q: SnippetTerms, mark: readonly [string, string], tokens = 24): string | undefined {
  const found = matches(text, q);
  if (!found.length) return undefined;
  // The window with the most distinct terms (then the most matches), earliest first.
  const span = tokens * CHARS_PER_WORD;
  let best = { score: -1, start: 0, end: 0 };
  for (const f of found) {
    const seen = new Set<number>();
    let score = 0, end = f.end;
    for (const g of found) {
      if (g.start < f.start) continue;
      if (g.end > f.start + span) break;
      score += seen.has(g.term) ? 1 : 1000;
      seen.add(g.term);
      end = Math.max(end, g.end);
    }
    if (score > best.score) best = { score, start: f.start, end };
  }
  // The words around it, centred on its matches, read from a stretch of text about it.
  let from = Math.max(0, best.start - span);
  while (from > 0 && WORDY.test(text[from - 1]!)) from--;
  const until = Math.min(text.length, best.end + span);
  const words: [number, number][] = [];
  WORDS.lastIndex = from;
  for (let m = WORDS.exec(text); m && m.index < until; m = WORDS.exec(text)) words.push([m.index, WORDS.lastIndex]);
  const first = words.findIndex(([, e]) => e > best.start);
  const last = words.findIndex(([, e]) => e >= best.end);
  // (Words run longer than the estimate at times: the window then starts just before the first match.)
  let lo = Math.max(0, first - Math.floor(Math.max(tokens / 6, tokens - (last - first + 1)) / 2));
  const hi = Math.min(words.length, lo + tokens);
  lo = Math.max(0, hi - tokens);
  const start = words[lo]![0];
  const end = words[hi - 1]![1];
  let out = WORDY.test(text.slice(0, start)) ? '…' : '';
  let at = start;
  for (const f of found) {
    if (f.start < at || f.end > end) continue;
    out += text.slice(at, f.start) + mark[0] + text.slice(f.start, f.end) + mark[1];
    at = f.end;
  }
  out += text.slice(at, end);
  const rest = text.slice(end);
  return WORDY.test(rest) ? out + '…' : out + rest;
}
