import { ARTICLE_SURNAME } from '../../text/names.js';
import { catBit, gazLookup, gazRoot } from './gazetteer.js';
import type { TokenMention } from './model.js';

/*
 * Person names with lowercase particles ("Osama bin Laden", "Abu Mohammad al-Adnani",
 * "Ursula von der Leyen") are rare in the training data, so the tagger tends to stop at
 * the particle. A person name followed by particles and a capitalised word, or by an
 * Arabic "al-X" surname, is extended over them.
 */

const PARTICLE = /^(?:bin|ibn|bint|ben|abu|abou|al|el|de|da|di|du|del|della|dos|das|van|von|der|den|ter|la|le)$/;
const CAPITALISED = /^\p{Lu}[\p{L}'’-]*$/u;
const ORG = catBit('org');

export function extendPersonNames(mentions: TokenMention[], words: readonly string[], sentenceEnd: (i: number) => number): TokenMention[] {
  const byStart = new Map(mentions.map((m) => [m.start, m]));
  const dropped = new Set<TokenMention>();
  for (const m of mentions) {
    if (m.cls !== 'PER' || dropped.has(m)) continue;
    const limit = sentenceEnd(m.start);
    for (;;) {
      let k = m.end;
      while (k < limit && PARTICLE.test(words[k]!)) k++;
      if (k >= limit) break;
      const w = words[k]!;
      const surname = ARTICLE_SURNAME.test(w) && !(gazLookup(w) & ORG);
      if (!(surname || (k > m.end && CAPITALISED.test(w)))) break;
      const next = byStart.get(k);
      if (next && next !== m) {
        if (next.cls === 'ORG' && !surname) break;
        dropped.add(next);
        m.end = next.end;
      } else m.end = k + 1;
    }
  }
  return mentions.filter((m) => !dropped.has(m));
}

const GAZ_CLASS: [number, TokenMention['cls']][] = [
  [catBit('org'), 'ORG'], [catBit('country'), 'LOC'], [catBit('city'), 'LOC'], [catBit('state'), 'LOC'], [catBit('fac'), 'LOC'],
];

function gazClass(cats: number): TokenMention['cls'] | undefined {
  for (const [bit, cls] of GAZ_CLASS) if (cats & bit) return cls;
  return undefined;
}

/**
 * A multi-word name from the gazetteers wins over a mention found strictly inside it: the
 * model, unsure at the edges of a long foreign name ("Hay’at Tahrir al-Sham"), may keep only
 * its familiar-looking part.
 */
export function widenToGazetteer(mentions: TokenMention[], words: readonly string[], lowers: readonly string[], sentenceEnd: (i: number) => number): TokenMention[] {
  const out: TokenMention[] = [];
  let skipUntil = -1;
  for (let mi = 0; mi < mentions.length; mi++) {
    const m = mentions[mi]!;
    if (m.start < skipUntil) continue;
    let best: TokenMention | undefined;
    // Look for a gazetteer name of 2-6 tokens that strictly contains this mention (a trie walk per start).
    const root = gazRoot();
    for (let st = Math.max(0, m.start - 5); st <= m.start && !best; st++) {
      if (sentenceEnd(st) !== sentenceEnd(m.start) || !CAPITALISED.test(words[st]!)) continue;
      const lim = Math.min(sentenceEnd(st), st + 6);
      let node = root.next.get(lowers[st]!);
      for (let e = st + 1; node && e <= lim; e++) {
        if (e >= m.end && e - st >= 2 && e - st !== m.end - m.start && node.cats) {
          const cls = gazClass(node.cats);
          if (cls) best = { start: st, end: e, cls };
        }
        node = e < lim ? node.next.get(lowers[e]!) : undefined;
      }
    }
    if (best && !out.some((o) => o.end > best.start)) {
      out.push(best);
      skipUntil = best.end;
    } else out.push(m);
  }
  return out;
}

/** bin, ibn, bint: string tests, as this runs on every token. */
const isPatronymic = (w: string) => w.length <= 4 && (w === 'bin' || w === 'ibn' || w === 'bint');

/**
 * "X bin Y" / "X ibn Y" between capitalised words is a person's name whatever the model
 * made of its parts ("Osama" can look like a place to a newswire model).
 */
export function joinPatronymics(mentions: TokenMention[], words: readonly string[], sentenceEnd: (i: number) => number): TokenMention[] {
  let out = mentions;
  for (let i = 1; i + 1 < words.length; i++) {
    if (!isPatronymic(words[i]!) || !CAPITALISED.test(words[i - 1]!) || !CAPITALISED.test(words[i + 1]!)) continue;
    if (sentenceEnd(i - 1) !== sentenceEnd(i + 1)) continue;
    out = joinAround(out, i);
  }
  return out;
}

/** The mentions with one person's name over "X bin Y" around token i (apart: a closure over i would cost every loop step). */
function joinAround(mentions: TokenMention[], i: number): TokenMention[] {
  const left = mentions.find((m) => m.start <= i - 1 && i - 1 < m.end);
  const right = mentions.find((m) => m.start <= i + 1 && i + 1 < m.end);
  const span: TokenMention = { start: left ? left.start : i - 1, end: right ? right.end : i + 2, cls: 'PER' };
  const out = mentions.filter((m) => m.end <= span.start || m.start >= span.end);
  out.push(span);
  return out.sort((a, b) => a.start - b.start);
}
