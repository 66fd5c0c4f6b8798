import { BELIEF_VERBS, DETERMINERS, REPORTING_VERBS, SPEECH_VERBS } from './lexicon.js';
import { phraseAfter, phraseBefore, type Phrase } from './speaker.js';
import type { TokenView } from './view.js';

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
  if (l === undefined || v.isCapitalized(i)) return false;
  if (!(speechOnly ? SPEECH_VERBS.has(l) || BELIEF_VERBS.has(l) : REPORTING_VERBS.has(l))) return false;
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
  while (i < hi && (v.tokens[i]!.text === ',' || v.tokens[i]!.text === '—' || v.tokens[i]!.text === '–')) i++;
  if (i >= hi) return null;
  const acc = accordingAt(v, i, hi);
  if (acc) return { ...acc, position: 'after' };
  if (isReportingVerb(v, i, speechOnly)) {
    const sp = phraseAfter(v, i + 1, hi);
    return sp ? { cueFirst: i, cueLast: i, speaker: sp, position: 'after', form: 'inverted' } : null;
  }
  // "X said", "X, the head of Y, said", "he told reporters": the verb within a short reach.
  for (let k = i + 1; k < hi && k < i + 18; k++) {
    const t = v.tokens[k]!.text;
    if (t === '“' || t === '"' || t === '.' || t === ';' || t === ':') break;
    if (!isReportingVerb(v, k, speechOnly)) continue;
    const sp = phraseBefore(v, k, i);
    if (sp && sp.first === i) return { cueFirst: k, cueLast: k, speaker: sp, position: 'after', form: 'subject' };
    break;
  }
  return null;
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
    const sp = phraseBefore(v, k, lo);
    if (sp) return { cueFirst: k, cueLast: k, speaker: sp, position: 'before', form: 'subject' };
  }
  return null;
}
