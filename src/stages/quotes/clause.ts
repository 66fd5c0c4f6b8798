import { BELIEF_VERBS, REPORTING_VERBS } from '../../text/reporting-verbs.js';
import type { TokenView } from './view.js';

const SUBORDINATORS = new Set(['who', 'which', 'as', 'though', 'although', 'while', 'before', 'after', 'because', 'since', 'despite', 'even', 'including', 'whereas', 'when', 'until', 'where']);
/**
 * Where a reported clause ends inside its sentence: ", adding that ...", " — asserting ...",
 * ", who ...", " and said ...", " but argued ...".
 */
export function clauseBreak(v: TokenView, k: number): boolean {
  const t = v.tokens[k]!.text;
  const next = v.lower[k + 1] ?? '';
  if (t === ',' || t === '—' || t === '–' || t === '(' || t === ';') {
    return /^[a-z]+ing$/.test(next) || SUBORDINATORS.has(next) || t === '—' || t === '–' || t === ';';
  }
  if (v.lower[k] === 'and' || v.lower[k] === 'but') return REPORTING_VERBS.has(next) || BELIEF_VERBS.has(next) || /^[a-z]+ed$/.test(next);
  return false;
}

