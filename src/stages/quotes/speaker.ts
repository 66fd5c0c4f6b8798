import { DETERMINERS, NP_BREAKERS, VERB_PREMODIFIERS } from './lexicon.js';
import type { TokenView } from './view.js';
import { SUBJECT_PRONOUNS } from '../../text/pronouns.js';
import { REPORTING_VERBS } from '../../text/reporting-verbs.js';
import { WEEKDAY_NAMES } from '../../text/weekdays.js';

/** A speaker phrase as token indices [first, last] inclusive. */
export interface Phrase {
  readonly first: number;
  readonly last: number;
}

const QUOTE_MARKS = new Set(['"', '“', '”', '„', '«', '»']);
const INNER_PUNCT = new Set(['’s', "'s", '’', "'", '-', '&', '.', '%']);
/** Days named between a subject and its verb ("Reid on Saturday said", "said Monday"). */
const DAYS = new Set([...WEEKDAY_NAMES, 'today', 'yesterday', 'tonight']);
const ADVERBIAL_LEAD = new Set(['on', 'in', 'at', 'during', 'after', 'before', 'when', 'while', 'however', 'though', 'meanwhile', 'too', 'also', 'speaking', 'for', 'with', 'by', 'last', 'this', 'in']);
const PREPOSITIONS = new Set(['of', 'in', 'with', 'for', 'from', 'at', 'and', 'on', 'to', 'near']);
/** Words opening the clause a subject sits in ("But Cox said", "As the Post reported"): not the source. */
const CLAUSE_LEADS = new Set(['but', 'and', 'as', 'while', 'when', 'after', 'before', 'if', 'so', 'though', 'although', 'because', 'since', 'yet', 'once']);
/** Prepositions that may sit inside a speaker phrase ("a spokesman for the ministry"). */
const NP_PREPS = new Set(['of', 'for', 'with', 'at', 'from', 'in', 'and']);

/** A reporting word right before the verb is a noun: "the report said", "his statement read". */
function isNounish(v: TokenView, i: number): boolean {
  const l = v.lower[i]!;
  return REPORTING_VERBS.has(l) && !/(ed|ing)$/.test(l) && l !== 'said' && l !== 'told' && l !== 'wrote' && i > 0 && !v.isPunct(i - 1);
}

/** Can token i be part of a speaker noun phrase? */
function npToken(v: TokenView, i: number): boolean {
  const t = v.tokens[i]!.text;
  const l = v.lower[i]!;
  if (QUOTE_MARKS.has(t)) return false;
  if (v.isPunct(i)) return INNER_PUNCT.has(t);
  if (INNER_PUNCT.has(l)) return true;
  if (NP_BREAKERS.has(l) && !v.isCapitalized(i)) return false;
  if (REPORTING_VERBS.has(l) && !v.isCapitalized(i)) return false;
  return true;
}

/** Trims prepositions and conjunctions hanging at either edge of a phrase. */
function trim(v: TokenView, first: number, last: number): Phrase | null {
  while (first <= last && (PREPOSITIONS.has(v.lower[first]!) || CLAUSE_LEADS.has(v.lower[first]!) || v.isPunct(first))) first++;
  while (last >= first && (PREPOSITIONS.has(v.lower[last]!) || DETERMINERS.has(v.lower[last]!) || (v.isPunct(last) && v.lower[last] !== '.' && v.lower[last] !== '%'))) last--;
  return first <= last ? { first, last } : null;
}

/**
 * The noun phrase that ends right before token `end` (exclusive), not reaching below `lo`.
 * "Colin Clarke, an analyst with RAND, said" gives the name before the apposition.
 */
export function phraseBefore(v: TokenView, end: number, lo: number): Phrase | null {
  let j = end - 1;
  for (;;) {
    while (j >= lo && !v.isCapitalized(j) && (VERB_PREMODIFIERS.has(v.lower[j]!) || /^\w+ly$/.test(v.lower[j]!))) j--;
    // A day between subject and verb: "Beck on Wednesday called", "Reid Saturday said".
    if (j >= lo && DAYS.has(v.lower[j]!)) {
      j--;
      if (j >= lo && v.lower[j] === 'on') j--;
      continue;
    }
    break;
  }
  if (j < lo) return null;
  // A bracketed aside after the name: "Rep. Ana Ruiz (D-Wis.) said".
  if (v.tokens[j]!.text === ')') {
    let o = j - 1;
    while (o >= lo && o > j - 8 && v.tokens[o]!.text !== '(') o--;
    if (o < lo || v.tokens[o]!.text !== '(') return null;
    j = o - 1;
    if (j < lo) return null;
  }
  // A relative pronoun is the subject as written: "Smith, who said ...".
  if (v.lower[j] === 'who') return { first: j, last: j };
  if (v.tokens[j]!.text === ',') {
    // Apposition between subject and verb: "NAME, DESCRIPTION, said".
    let k = j - 1;
    while (k >= lo && v.tokens[k]!.text !== ',' && !QUOTE_MARKS.has(v.tokens[k]!.text) && k > j - 16) k--;
    if (k < lo || v.tokens[k]!.text !== ',') return null;
    // "who, on a call Friday, said": an adverbial between commas is not an apposition.
    const adverbial = ADVERBIAL_LEAD.has(v.lower[k + 1] ?? '');
    const inner = adverbial ? null : trim(v, k + 1, j - 1);
    const outer = phraseBefore(v, k, lo);
    if (outer && v.isCapitalized(outer.first) && !DETERMINERS.has(v.lower[outer.first]!)) return outer;
    if (inner && v.isCapitalized(inner.first) && !DETERMINERS.has(v.lower[inner.first]!)) return inner;
    return outer ?? inner;
  }
  if (SUBJECT_PRONOUNS.has(v.lower[j]!)) return { first: j, last: j };
  const last = j;
  // "the report said": a reporting word used as a noun heads the phrase.
  if (REPORTING_VERBS.has(v.lower[j]!) && isNounish(v, j)) j--;
  let first = j + 1;
  while (j >= lo && last - j < 10 && npToken(v, j) && (j === last || !v.breakAfter(j))) {
    if (SUBJECT_PRONOUNS.has(v.lower[j]!) && j < last) break;
    first = j;
    j--;
  }
  // A phrase cannot start with a preposition it swallowed from a clause before it.
  let p = trim(v, first, last);
  while (p && p.first < p.last && !v.isCapitalized(p.first) && !DETERMINERS.has(v.lower[p.first]!) && NP_PREPS.has(v.lower[p.first]!)) {
    p = trim(v, p.first + 1, p.last);
  }
  return p;
}

/**
 * The noun phrase starting at token `start` ("said Colin Clarke, an analyst ..."), not reaching
 * `hi` (exclusive). Stops at the first comma: what follows is an apposition.
 */
export function phraseAfter(v: TokenView, start: number, hi: number): Phrase | null {
  let i = start;
  // "said on Tuesday", "said Monday": skip the day.
  if (i < hi && v.lower[i] === 'on' && DAYS.has(v.lower[i + 1] ?? '')) i += 2;
  if (i < hi && DAYS.has(v.lower[i]!)) i++;
  if (i < hi && v.tokens[i]!.text === ',') i++;
  if (i >= hi) return null;
  if (SUBJECT_PRONOUNS.has(v.lower[i]!)) return { first: i, last: i };
  let last = i - 1;
  for (let k = i; k < hi && k - i < 10 && (npToken(v, k) || (k > i && (NP_PREPS.has(v.lower[k]!) || isNounish(v, k)))); k++) {
    if (v.lower[k] === 'in' && last >= i) break;
    last = k;
    if (v.breakAfter(k)) break;
  }
  return last >= i ? trim(v, i, last) : null;
}

/** The part of a phrase before its first preposition: "officials" in "officials in Europe". */
export function phraseCore(v: TokenView, p: Phrase): Phrase {
  for (let k = p.first + 1; k <= p.last; k++) {
    if (NP_PREPS.has(v.lower[k]!) && !v.isCapitalized(k)) return { first: p.first, last: k - 1 };
  }
  return p;
}
