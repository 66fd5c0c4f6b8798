import { CLOSE, OPEN } from './frame.js';

/*
 * Whether a cue word in a masked frame (see frame.ts) is read as a verb: "ISIL attacks the
 * town" is an event with a subject, "the attacks" and "ISIL attacks in the town" are nouns.
 */

/** Cue words that are as often nouns as verbs ("attacks", "fighting", "strikes"). */
export const AMBIGUOUS_CUE = /^(?:attacks?|strikes?|fights?|raids?|protests?|arrests?|battles?|clash(?:es)?|rall(?:y|ies)|march(?:es)?|bombs?|bombing|shelling|fighting|killings?|killing|executions?|targets?|combat)$/i;
const NOUN_CONTEXT = /(?:\b(?:the|a|an|its|their|his|her|our|this|that|these|those|similar|more|further|new|any|no|of|in|for|against|after|before|during)|[’']s?)\s+$/i;
const SUBJECT_THEN_AUX = new RegExp(`${OPEN}\\d+[A-Z]${CLOSE}(?:[’']s?)?(?:\\s+(?:\\w+ly|will|would|can|could|may|might|must|has|have|had|is|are|was|were|be|been|being|to|did|does|do|not|never|also|then|again|continue to|continued to|continues to|began|begun|begin|started|start|vowed to|threatened to|plan to|plans to|planned to))*\\s*$`, 'i');

/** Whether a cue word is read as a verb: never after a determiner or number; an ambiguous word needs its subject right before it. */
export function verbReading(word: string, before: string, after = ''): boolean {
  if (NOUN_CONTEXT.test(before)) return false;
  if (!AMBIGUOUS_CUE.test(word)) return true;
  if (/\b(?:was|were|been|being|is|are)\s+$/i.test(before)) return true;
  // "ISIL attacks the town" is a verb; "ISIL attacks in the town" and "ISIL targets were hit" are nouns.
  return SUBJECT_THEN_AUX.test(before) && !NOUN_FOLLOWS.test(after);
}

const NOUN_FOLLOWS = /^\s*(?:(?:in|at|on|against|by|with|for|from|of|near|across|inside|and|or|that|which|who|were|are|have|has|had|was|is|will|would|could|killed|hit|struck)\b|[,.;:)]|$)/i;
