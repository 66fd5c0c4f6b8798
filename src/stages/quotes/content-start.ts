import { DETERMINERS } from './lexicon.js';
import type { TokenView } from './view.js';
import { SUBJECT_PRONOUNS } from '../../text/pronouns.js';
import { WEEKDAY_NAMES } from '../../text/weekdays.js';

/*
 * Where the content of "X said (that) CONTENT" starts, past an addressee ("told reporters
 * that", "told a rally in Reno she …") and a time or place ("said on Tuesday that").
 */

/** Words opening the content clause of "told X that", "asked X whether". */
const CLAUSE_STARTS = new Set(['that', 'whether', 'if', 'why', 'how', 'what', 'when', 'where', 'who', 'to']);
export const TELL = new Set(['told', 'tells', 'tell', 'asked', 'assured', 'warned', 'informed', 'reminded']);
const TIME_OR_PLACE_LEAD = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'last', 'this', 'earlier', 'later', ...WEEKDAY_NAMES, 'yesterday', 'today', 'recently', ',']);
/** Words that may separate a reporting verb from its content clause: "told reporters that". */
const OBJECT_REACH = 6;
/** How far "that" may follow "told" past a long addressee. */
const LONG_OBJECT_REACH = 12;
/** Common nouns in an addressee before a name ("told host Ana Cruz"). */
const ADDRESSEE_NOUNS = new Set(['host', 'anchor', 'reporters', 'reporter', 'interviewer', 'moderator', 'viewers', 'supporters', 'audience', 'crowd']);

/** A comma inside an addressee or a place: "told a rally in Salem, Ohio, that". */
const innerComma = (v: TokenView, u: number) => v.tokens[u]!.text === ',' && v.isCapitalized(u + 1);

/** The first token of the content of the reporting verb at k, in a sentence ending before b. */
export function reportContentStart(v: TokenView, k: number, b: number): number {
  let c = k + 1;
  if (TELL.has(v.lower[k]!)) {
    // Skip the addressee up to "that" or a comma.
    let t = c;
    while (t < b && t < c + OBJECT_REACH && !CLAUSE_STARTS.has(v.lower[t]!) && (v.tokens[t]!.text !== ',' || innerComma(v, t))) t++;
    if (t < b && (CLAUSE_STARTS.has(v.lower[t]!) || v.tokens[t]!.text === ',')) c = t;
    else {
      // "told The Daily Ledger of Arden on Monday that ...", "told host Ana Cruz she ...".
      let u = c;
      while (u < b && u < c + LONG_OBJECT_REACH && v.lower[u] !== 'that' && (!v.isPunct(u) || innerComma(v, u))) u++;
      if (u < b && v.lower[u] === 'that') c = u;
      else {
        u = c;
        while (u < b && u < c + OBJECT_REACH && (v.isCapitalized(u) || DETERMINERS.has(v.lower[u]!) || ADDRESSEE_NOUNS.has(v.lower[u]!))) u++;
        if (u > c && u < b && SUBJECT_PRONOUNS.has(v.lower[u]!) && v.lower[u] !== 'it') c = u;
      }
    }
  }
  // "said in a statement that", "said on Tuesday that": content starts at "that".
  if (v.lower[c] !== 'that' && TIME_OR_PLACE_LEAD.has(v.lower[c] ?? '')) {
    for (let t = c; t < b && t < c + OBJECT_REACH; t++) {
      if (v.lower[t] === 'that') { c = t; break; }
      if (v.tokens[t]!.text === ',') break;
    }
  }
  return c;
}
