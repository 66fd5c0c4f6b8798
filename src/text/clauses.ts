import type { Span } from '../core/span.js';
import { OPEN, type Frame } from './frame.js';

/* Clauses of a masked frame (see frame.ts), for the relations and events stages. */

/**
 * Clause boundaries inside a masked sentence: semicolons, colons, spaced dashes, and
 * subordinating or coordinating links after a comma. Events and their fields are read
 * from one clause only, so a place or date elsewhere in the sentence is never borrowed.
 */
const CLAUSE_BREAK = new RegExp(
  [
    '\\s*[;:]\\s+',
    '\\s+[–—]\\s+',
    ',\\s+(?=(?:but|while|whereas|although|though|followed by|and then|after which|prompting|as well as)\\b)',
    `,\\s+(?=and\\s+(?:(?:the|a|an|he|she|it|they|we|its|their)\\b|${OPEN}))`,
    '\\s+(?=as\\s+(?:he|she|it|they|we|I|you)\\b)',
    `\\s+(?=(?:before|after|because|although|though|while|whereas|until|when|once)\\s+(?:(?:he|she|it|they|we|I|you|the|a|an|its|their|his|her)\\b|${OPEN}))`,
  ].join('|'),
  'gi',
);

/** Masked ranges [start, end) of the clauses of a frame. */
export function clauses(f: Frame): Span[] {
  const out: Span[] = [];
  let from = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(f.masked); m; m = CLAUSE_BREAK.exec(f.masked)) {
    if (m[0].length === 0) { CLAUSE_BREAK.lastIndex++; if (m.index > from) { out.push({ start: from, end: m.index }); from = m.index; } continue; }
    if (m.index > from) out.push({ start: from, end: m.index });
    from = m.index + m[0].length;
  }
  if (from < f.masked.length) out.push({ start: from, end: f.masked.length });
  return out;
}

export function clauseOf(cs: readonly Span[], at: number): Span {
  for (const c of cs) if (c.start <= at && at < c.end) return c;
  return cs[cs.length - 1] ?? { start: 0, end: at };
}
