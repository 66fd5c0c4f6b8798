import { DETERMINERS } from './lexicon.js';
import { phraseAfter, phraseBefore, type Phrase } from './speaker.js';
import type { TokenView } from './view.js';
import { SPEAKER_PRONOUNS } from '../../text/pronouns.js';
import { BELIEF_VERBS, REPORTING_VERBS, SPEECH_VERBS } from '../../text/reporting-verbs.js';
import { WEEKDAY_NAMES } from '../../text/weekdays.js';

/** A reporting cue and the phrase naming its source. */
export interface Attribution {
  /** Cue tokens [cueFirst, cueLast]. */
  readonly cueFirst: number;
  readonly cueLast: number;
  readonly speaker: Phrase;
  /** Where the cue sits relative to the content. */
  readonly position: 'before' | 'after';
  /** 'according' for "according to X", 'inverted' for "said X", 'subject' for "X said". */
  readonly form: 'according' | 'inverted' | 'subject';
}

export function isReportingVerb(v: TokenView, i: number, speechOnly = false): boolean {
  const l = v.lower[i];
  // The word lists first: most tokens are in none, and that test is cheaper than the case test.
  if (l === undefined || !(speechOnly ? SPEECH_VERBS.has(l) || BELIEF_VERBS.has(l) : REPORTING_VERBS.has(l))) return false;
  if (v.isCapitalized(i)) return false;
  return !isNounUse(v, i) && !isPassive(v, i);
}

const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", '’s']);
/** "are feared to", "was told": the subject is not the source. */
function isPassive(v: TokenView, i: number): boolean {
  const l = v.lower[i]!;
  if (!/ed$/.test(l) && !PAST_FORMS.has(l)) return false;
  let k = i - 1;
  while (k >= 0 && /ly$/.test(v.lower[k]!)) k--;
  return k >= 0 && BE_FORMS.has(v.lower[k]!);
}

/**
 * "the report said", "his claims were": a present-tense form after a determiner, or right
 * before another reporting verb, is a noun naming the source or the content.
 */
export function isNounUse(v: TokenView, i: number): boolean {
  const l = v.lower[i]!;
  if (/(ed|ing)$/.test(l) || PAST_FORMS.has(l)) return false;
  const prev = v.lower[i - 1];
  if (prev !== undefined && (DETERMINERS.has(prev) || prev === '’s' || prev === "'s" || prev === 'this' || prev === 'that' || prev === 'new')) return true;
  const next = v.lower[i + 1];
  return next !== undefined && REPORTING_VERBS.has(next) && !v.isCapitalized(i + 1);
}

const PAST_FORMS = new Set(['said', 'told', 'wrote', 'written', 'thought', 'found', 'knew', 'known', 'felt', 'understood', 'shown', 'learnt', 'read']);

/** "according to X" starting at token i. */
export function accordingAt(v: TokenView, i: number, hi: number): Attribution | null {
  if (v.lower[i] !== 'according' || v.lower[i + 1] !== 'to') return null;
  const sp = phraseAfter(v, i + 2, hi);
  return sp ? { cueFirst: i, cueLast: i + 1, speaker: sp, position: 'before', form: 'according' } : null;
}

/**
 * Attribution in the stretch right after some content: ", said X", ", X said", ", according to X".
 * `from` is the first token after the content, `hi` the end of the sentence (exclusive).
 */
export function attributionAfter(v: TokenView, from: number, hi: number, speechOnly: boolean): Attribution | null {
  let i = from;
  // “...” ― Ana Ruiz: a dash and a bare name sign the quote (reader comments, epigraphs).
  if (i + 1 < hi && /^[―—–-]$/.test(v.tokens[i]!.text) && v.isCapitalized(i + 1)) {
    const sp = phraseAfter(v, i + 1, hi);
    if (sp && sp.first === i + 1 && (sp.last + 1 >= hi || /^[.,;]$/.test(v.tokens[sp.last + 1]!.text) || v.breakAfter(sp.last))) {
      return { cueFirst: i, cueLast: i, speaker: sp, position: 'after', form: 'inverted' };
    }
  }
  // Closing marks too: some archives write quotes with doubled apostrophes (''...,'' he said).
  while (i < hi && /^(?:[,—–]|''?|’’?)$/.test(v.tokens[i]!.text)) i++;
  if (i >= hi) return null;
  const acc = accordingAt(v, i, hi);
  if (acc) return { ...acc, position: 'after' };
  if (isReportingVerb(v, i, speechOnly) && !/ing$/.test(v.lower[i]!)) {
    const sp = phraseAfter(v, i + 1, hi);
    return sp ? { cueFirst: i, cueLast: i, speaker: sp, position: 'after', form: 'inverted' } : null;
  }
  // "X said", "X, the head of Y, said", "he told reporters": the verb within a short reach.
  for (let k = i + 1; k < hi && k < i + 18; k++) {
    const t = v.tokens[k]!.text;
    // A period glued to a capitalised word ends an abbreviation ("R-Ky."), not the sentence.
    const abbreviation = t === '.' && v.tokens[k - 1]!.end === v.tokens[k]!.start && v.isCapitalized(k - 1);
    if (t === '“' || t === '"' || (t === '.' && !abbreviation) || t === ';' || t === ':') break;
    if (!isReportingVerb(v, k, speechOnly)) continue;
    const sp = phraseBefore(v, k, i);
    if (sp && sp.first === i && closesClause(v, k, hi)) return { cueFirst: k, cueLast: k, speaker: sp, position: 'after', form: 'subject' };
    break;
  }
  return null;
}

/** Words that may follow a closing cue without opening a new clause ("she said on Tuesday"). */
const TRAILERS = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'when', 'while', 'as', 'last', 'this', 'earlier', 'later', 'to',
  'of', 'about', 'from', 'with', 'reporters', 'journalists', 'again', 'then', 'yesterday', 'today', 'tonight', ...WEEKDAY_NAMES,
  'recently', 'adding', 'noting', 'citing', 'according', 'via', 'through', 'for', 'by', 'in', 'late',
  'early', 'afterward', 'afterwards', 'because', 'but', 'and', 'referring', 'pointing', 'speaking', 'told', 'said', 'wrote', 'of', 'without', 'than']);
const OBJECT_PRONOUNS = new Set(['them', 'him', 'us', 'me']);
const TELL = new Set(['told', 'tells', 'tell', 'telling', 'asked', 'asks', 'assured', 'warned', 'informed', 'reminded']);

/** "X said" ends its clause: nothing, punctuation, a trailer, or the addressee of "told". */
function closesClause(v: TokenView, cue: number, hi: number): boolean {
  const k = cue + 1;
  if (k >= hi || v.isPunct(k)) return true;
  // "he urged them", "she told us": an object pronoun is the addressee.
  return TRAILERS.has(v.lower[k]!) || TELL.has(v.lower[cue]!) || v.isCapitalized(k) || /ly$/.test(v.lower[k]!) || OBJECT_PRONOUNS.has(v.lower[k]!);
}

const PAST_VERBS = /^(?:\p{Ll}+ed|stood|said|told|went|came|gave|took|made|got|left|ran|saw|spoke|wrote|began|kept|held|sat|shook|put|set|felt|knew|thought|brought|sent|won|lost|met|paid|read|led|fell|rose|struck|stuck|threw|drew|grew|hit|cut|let|quit)$/u;
const NAME_LINKS = new Set(['al', 'bin', 'ibn', 'de', 'da', 'van', 'von', 'der', 'la', 'le', 'del', 'of', "'s", '’s']);

/**
 * The noun phrase opening a clause at `i`: a pronoun, a run of capitalised words ("Marta
 * Sousa", "U.N. Secretary-General Ban"), or a determiner with up to three words before a verb.
 */
function subjectPhrase(v: TokenView, i: number, hi: number): Phrase | null {
  const l = v.lower[i]!;
  if (SPEAKER_PRONOUNS.has(l)) return { first: i, last: i };
  if (/^(the|a|an|another|some|many|several|his|her|their|its|our|one|two|three)$/.test(l)) {
    for (let k = i + 1; k < hi && k <= i + 4; k++) {
      const next = v.tokens[k + 1];
      if (!next || v.isPunct(k)) return null;
      if (PAST_VERBS.test(next.text) || v.lower[k + 1] === ',' || /^(has|have|had|is|was|are|were|will|would|also|later|then)$/.test(v.lower[k + 1]!)) return { first: i, last: k };
    }
    return null;
  }
  if (!v.isCapitalized(i)) return null;
  let last = i;
  for (let k = i + 1; k < hi && k < i + 8; k++) {
    if (v.isCapitalized(k) || (NAME_LINKS.has(v.lower[k]!) && v.isCapitalized(k + 1))) last = k;
    else break;
  }
  return { first: i, last };
}

const INTRO = new Set(['in', 'on', 'at', 'after', 'before', 'when', 'while', 'although', 'though', 'as', 'during', 'for', 'with', 'since',
  'asked', 'speaking', 'meanwhile', 'still', 'yet', 'however', 'later', 'earlier', 'instead', 'if', 'once', 'by', 'from', 'under', 'despite', 'like']);
const LEAD_CONJ = new Set(['but', 'and', 'so', 'then', 'now', 'also', 'still', 'yet']);

/**
 * The subject opening a sentence, past an introductory phrase ("In July, Smith ...") and a
 * leading conjunction; null when the sentence does not open with a noun phrase and a verb.
 */
export function sentenceSubject(v: TokenView, a: number, hi: number): { speaker: Phrase; verb: number } | null {
  let i = a;
  if (i < hi && LEAD_CONJ.has(v.lower[i]!)) i++;
  // "In July, ...", "Reached by phone, ...", "Asked about it, ...": an opening phrase before a comma.
  if (i < hi && (INTRO.has(v.lower[i]!) || (/^\p{Lu}\p{Ll}+(?:ed|ing)$/u.test(v.tokens[i]!.text) && v.lower[i] !== 'during'))) {
    let c = i;
    while (c < hi && c < i + 15 && v.tokens[c]!.text !== ',') c++;
    if (c >= hi || v.tokens[c]!.text !== ',') return null;
    i = c + 1;
  }
  if (i >= hi) return null;
  const sp = subjectPhrase(v, i, hi);
  if (!sp) return null;
  let k = sp.last + 1;
  // Skip appositions: "Smith, a lawyer, said", "Smith, a lawyer at Acme, a bank, said".
  if (v.tokens[k]?.text === ',') {
    for (let n = 0; n < 3; n++) {
      let c = k + 1;
      while (c < hi && c < k + 25 && v.tokens[c]!.text !== ',') c++;
      if (c >= hi || v.tokens[c]!.text !== ',') return null;
      k = c + 1;
      // Another apposition follows when a determiner opens the next stretch.
      if (!/^(a|an|the)$/.test(v.lower[k] ?? '')) break;
      k--;
    }
  }
  while (k < hi && (/ly$/.test(v.lower[k]!) || ['has', 'had', 'have', 'then', 'also', 'later', 'once', 'again', 'would', 'will', 'did', 'finally'].includes(v.lower[k]!))) k++;
  if (k >= hi || !/^\p{Ll}+$/u.test(v.tokens[k]!.text)) return null;
  if (!v.isCapitalized(sp.first) && !SPEAKER_PRONOUNS.has(v.lower[sp.first]!) && !/^(the|a|an)$/.test(v.lower[sp.first]!)) return null;
  return { speaker: sp, verb: k };
}

/** A reporting verb with another common sense ("will continue to grow"). */
const PUNCT_ONLY = new Set(['continue', 'continues', 'continued']);
const COORDINATED_LEADS = new Set(['then', 'also', 'later', 'quickly', 'finally', 'again']);

/** The subject of the sentence (and its verb) when the verb at k follows "and"/"but" after a clause of its own. */
function coordinatedSubject(v: TokenView, k: number): { speaker: Phrase; verb: number } | null {
  let j = k - 1;
  while (j > 0 && COORDINATED_LEADS.has(v.lower[j]!)) j--;
  if (v.lower[j] !== 'and' && v.lower[j] !== 'but') return null;
  const sent = v.sentences[v.sentenceOf[k]!]!;
  const subj = sentenceSubject(v, sent.tokenStart, j);
  return subj && subj.verb < j - 1 ? subj : null;
}

/**
 * Attribution before some content in the same sentence: "X said:", "X said that", "according to X,".
 * Scans back from `end` (exclusive) to `lo`; takes the nearest cue with a speaker.
 */
export function attributionBefore(v: TokenView, end: number, lo: number, speechOnly: boolean, maxGap = 40): Attribution | null {
  for (let k = end - 1; k >= lo && k >= end - maxGap; k--) {
    const t = v.tokens[k]!.text;
    if (t === '”' || (t === '"' && k < end - 1)) return null;
    if (v.lower[k] === 'according' && v.lower[k + 1] === 'to') {
      const acc = accordingAt(v, k, end);
      if (acc) return acc;
      continue;
    }
    if (!isReportingVerb(v, k, speechOnly)) continue;
    // "Rubio will continue to be …": these report only when a mark or "that" follows them.
    if (PUNCT_ONLY.has(v.lower[k]!) && !(v.isPunct(k + 1) || v.lower[k + 1] === 'that')) continue;
    // "She greeted supporters in Houston and told them …": a verb after "and" shares the
    // sentence's subject; the words before "and" are the first verb's object.
    const sp = phraseBefore(v, k, lo);
    const shared = sp && coordinatedSubject(v, k);
    if (shared) {
      // "said that … but said “…”": the first report holds the second; its verb is the cue.
      const cue = isReportingVerb(v, shared.verb) ? shared.verb : k;
      return { cueFirst: cue, cueLast: cue, speaker: shared.speaker, position: 'before', form: 'subject' };
    }
    if (sp) return { cueFirst: k, cueLast: k, speaker: sp, position: 'before', form: 'subject' };
    if (/ing$/.test(v.lower[k]!)) {
      // "he said, adding, “...”": the participle is the cue; its subject is the earlier verb's.
      const earlier = attributionBefore(v, k, lo, speechOnly, maxGap - (end - k));
      if (earlier) return { ...earlier, cueFirst: k, cueLast: k };
      return null;
    }
  }
  return null;
}
