import { CLOSE, OPEN } from './frame.js';

/*
 * Negation and hedging cues in a stretch of a masked frame (see frame.ts): a relation or
 * event read there is marked `negated` or `hedged`, never dropped.
 */

const NEGATION = /\b(?:not|never|no longer|neither|nor|denied|denies|deny|denying|rejected|rejects|refuted|dismissed)\b|n[’']t\b/i;
const HEDGE = /\b(?:may|might|could|possibly|possible|perhaps|reportedly|allegedly|alleged|suspected|believed|thought to|likely|unlikely|apparently|appears? to|appeared to|seems? to|seemed to|said to be|rumou?red|unconfirmed|feared|fears?|impending|potential|planned|plans? to|plotting|plot|would|threaten(?:s|ed)? to)\b/i;

export interface Modality {
  negated?: boolean;
  hedged?: boolean;
}

/** Negation and hedging cues in the stretch of the clause that governs a pattern. */
export function modality(stretch: string): Modality {
  const s = stretch.replace(new RegExp(`${OPEN}\\d+[A-Z]${CLOSE}`, 'g'), ' ');
  const out: Modality = {};
  if (NEGATION.test(s)) out.negated = true;
  if (HEDGE.test(s)) out.hedged = true;
  return out;
}
