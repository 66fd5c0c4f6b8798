import type { Arg, Frame } from './frame.js';

/*
 * The subject of a clause in a masked frame (see frame.ts): the argument a relation or an
 * event takes as its doer when the pattern names only the other side.
 */

const PREPOSITIONS = new Set(
  ('of in at from to with by for on into onto near against as than between across over under through including like among ' +
    'toward towards via within without about after before during since outside inside around throughout behind beyond upon ' +
    'alongside despite per amid amongst versus unlike besides beside').split(' '),
);
/** Words after which scanning for a subject stops: the subject of a reporting verb is not the subject of what is reported. */
const SUBJECT_STOP = /(?:\b(?:he|she|they|we|I|you|it)\b(?!['’]s)|\b(?:and|but|while)\s+(?:the|all|other|many|some|most|its|their|these|those|a|an|we|they|he|she|it|I|you)\b|\b(?:said|says|say|told|tells|according|added|adds|noted|notes|stated|states|announced|reported|reports|claimed|believes?|believed|thinks?|thought|warned|warns|that|because|if|whether|which|who|whom|whose)\b|[;:“”"()\[\]]|\s[–—]\s)/i;
/** Heads that make an organisation named before them the actor: "ISIS fighters arrived". */
export const PERSONNEL = /^\s*(?:[’']s?\s+)?(?:\w+\s+)?(?:fighters|militants|members|troops|forces|soldiers|jihadists|insurgents|rebels|recruits|operatives|gunmen|militias?|units?|cells?|supporters|loyalists|volunteers|commanders|police|officers|personnel|aircraft|jets|warplanes|drones)\b/i;

const OPENING_OF = /^\s*(?:(?:the|a|an|one|two|three|several|many|some|hundreds|thousands|dozens|a few)\s+)?(?:[a-z][\w-]*\s+){0,3}of\s+(?:the\s+)?$/i;

/** A noun after the modifier, not an auxiliary, adverb or verb: "an X gang leader", not "the X has attacked". */
const APPOSITION_HEAD = /^(?:[’']s)?\s+(?!(?:has|have|had|is|are|was|were|will|would|could|can|may|might|must|did|does|do|also|then|not|never|again|still|later|already)\b)[a-z][\w-]*(?<!ed|ly)\s+\S/;

const SUBORDINATOR_ONLY = /^\s*(?:before|after|because|although|though|while|whereas|until|when|once|since)\s+$/i;

function words(s: string): string[] {
  return s.split(/[\s]+/).filter(Boolean);
}

/** True when the placeholder at `a` is the object of a preposition (ignoring up to two modifiers). */
export function inPrepPhrase(f: Frame, a: Arg, prev: Arg | undefined): boolean {
  const gapStart = prev ? prev.mEnd : 0;
  let gap = f.masked.slice(gapStart, a.mStart);
  const comma = gap.lastIndexOf(',');
  if (comma >= 0) gap = gap.slice(comma + 1);
  const ws = words(gap.replace(/[“”"(]/g, ' '));
  const lower = ws.map((w) => w.toLowerCase());
  // "Syria and Iraq": a conjunct shares the status of the first one.
  if (prev && comma < 0 && (lower.length === 0 || (lower.length === 1 && /^(?:and|or|[’']s?)$/.test(lower[0]!)))) return inPrepPhrase(f, prev, f.args[f.args.indexOf(prev) - 1]);
  // The preposition may be followed by lower-case modifiers ("in northern"), not by a
  // complete object of its own ("In 2015 X joined").
  for (let i = ws.length - 1, k = 0; i >= 0 && k < 3; i--, k++) {
    const w = ws[i]!;
    if (PREPOSITIONS.has(w.toLowerCase())) return true;
    if (!/^[a-z][a-z’'-]*$/.test(w) || /^(?:and|or|but|has|have|had|is|are|was|were)$/.test(w)) return false;
  }
  return false;
}

/**
 * The subject of the clause that ends at masked offset `at`: the nearest argument on the
 * left that is not inside a prepositional phrase, of one of `classes`. Scanning stops at a
 * reporting verb, a relative pronoun, a bracket or quote mark, or the clause start, except
 * that "X, who/which ..." gives X.
 */
export function subjectBefore(f: Frame, at: number, classes: string, clauseStart = 0, nearest = false): Arg | undefined {
  const left = f.args.filter((a) => a.mEnd <= at && a.mStart >= clauseStart);
  if (nearest) {
    const a = left[left.length - 1];
    if (!a || words(f.masked.slice(a.mEnd, at)).length > 6 || SUBJECT_STOP.test(f.masked.slice(a.mEnd, at).replace(/^[’']s?/, ''))) return undefined;
    return classes.includes(a.cls) ? a : undefined;
  }
  for (let i = left.length - 1; i >= 0; i--) {
    const a = left[i]!;
    const between = f.masked.slice(a.mEnd, at);
    const rel = /^(?:[’']s?)?\s*,?\s*(?:who|which|that)\b/i.exec(between);
    if (!rel && SUBJECT_STOP.test(between.replace(/^[’']s?/, ''))) return undefined;
    if (rel && SUBJECT_STOP.test(between.slice(rel[0].length))) return undefined;
    // "A convoy of X was ambushed", "A first group of X fighters arrived": the owner in the
    // clause-opening noun phrase stands for the subject.
    // "X, an ISIL commander in Raqqa, was killed": ISIL only modifies the apposition's head.
    if (/,\s+(?:an?|the|one of the|another)\s+$/i.test(f.masked.slice(Math.max(0, a.mStart - 16), a.mStart)) && APPOSITION_HEAD.test(between)) continue;
    // "a commitment to combating X": the doer of a purpose clause is only taken when close.
    if (/\b(?:to|of|for|in order to)\s+(?:\w+\s+(?:and|or)\s+)?$/i.test(f.masked.slice(Math.max(0, at - 30), at)) && words(between).length > 5) return undefined;
    const lead = f.masked.slice(clauseStart, a.mStart);
    const opensClause = OPENING_OF.test(lead) || SUBORDINATOR_ONLY.test(lead);
    const personnelHead = !opensClause && PERSONNEL.test(between);
    if (!personnelHead && !opensClause && inPrepPhrase(f, a, left[i - 1] ?? f.args[f.args.indexOf(a) - 1])) continue;
    if (personnelHead && /\b(?:from|in|at|near|into|to)\s+(?:\w+\s+){0,2}$/i.test(f.masked.slice(Math.max(0, a.mStart - 30), a.mStart))) continue;
    return classes.includes(a.cls) ? a : undefined;
  }
  return undefined;
}
