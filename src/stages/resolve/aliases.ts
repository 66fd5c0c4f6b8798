import type { Mention } from '../../core/layers.js';
import { acronymOf, isAcronym } from '../../text/name-forms.js';

/** Two mentions the text itself declares to be names of one thing. */
export type AliasPair = readonly [Mention, Mention];

export interface AliasFindings {
  readonly pairs: AliasPair[];
  /**
   * An organisation's old and new names ("X, formerly Y", "Now known as Y, X"): kept apart,
   * since what the text says under the old name (founders, splits, past attacks) belongs to
   * the organisation of that time; the relations stage records the rebranding.
   */
  readonly renames: AliasPair[];
  /** Name mentions the alias patterns reveal that the tagger missed ("(ISIL)"). */
  readonly added: Mention[];
}

const PAREN_AFTER = /^(?:['’]s?)?\s*\(\s*([^()\n]{2,60}?)\s*\)/;
// "also known as", "now known as", "formerly known as", "also called", "a.k.a.", "formerly", "renamed".
const ALIAS_CUE = /\b(?:(?:also|now|formerly|previously|widely|commonly|better|once)\s+)?(?:known|referred\s+to)\s+as\b|\b(?:also|formerly|previously|once)\s+called\b|\ba\.k\.a\.?(?=\s)|\baka\b|\bformerly\b(?!\s+(?:of|with|at|a|an|the|in|on|served|worked|was|been)\b)|\brenamed(?:\s+as)?\b|\brebranded\s+as\b/gi;
const CAPITALIZED_RUN = /^(?:the\s+)?((?:[\p{Lu}][\p{L}\p{M}'’.\-]*|al-[\p{L}\p{M}'’\-]+|of|and|de|al)(?:\s+(?:[\p{Lu}][\p{L}\p{M}'’.\-]*|al-[\p{L}\p{M}'’\-]+|of|and|de|al))*)/u;
const RENAME_CUE = /^(?:now|formerly|previously|once)\b|^renamed|^rebranded/i;
const TYPES_WITH_ACRONYMS = new Set(['ORG', 'NORP', 'MISC', 'GPE', 'FAC', 'EVENT', 'WORK', 'LOC']);

/** Index of the first mention starting at or after `offset` (mentions sorted by start). */
function firstAtOrAfter(ms: readonly Mention[], offset: number): number {
  let lo = 0, hi = ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A name right after `offset`: an existing mention, or a capitalised run made into one. */
function nameAfter(text: string, ms: readonly Mention[], offset: number, type: Mention['type'], added: Mention[]): Mention | undefined {
  const k = firstAtOrAfter(ms, offset);
  const m = ms[k];
  const gap = m ? text.slice(offset, m.start) : '';
  if (m && /^\s*(?:the\s+)?$/i.test(gap)) return m;
  const rest = text.slice(offset).replace(/^\s+/, '');
  const lead = text.length - offset - rest.length;
  const run = CAPITALIZED_RUN.exec(rest);
  if (!run) return undefined;
  let name = run[1]!.replace(/\s+(?:of|and|de|al)$/i, '').replace(/[.’']+$/, (x) => (/^\p{Lu}(?:\.\p{Lu})*\.$/u.test(run[1]!) ? x : ''));
  if (!name || name.length < 2) return undefined;
  const start = offset + lead + run[0].indexOf(run[1]!);
  // An overlapping mention the tagger cut badly is replaced by the run.
  const made: Mention = { start, end: start + name.length, text: text.slice(start, start + name.length), type, kind: 'name' };
  name = made.text;
  added.push(made);
  return made;
}

/** The mention ending just before `offset`, separated only by a comma, a bracket or space. */
function nameBefore(text: string, ms: readonly Mention[], offset: number): Mention | undefined {
  const k = firstAtOrAfter(ms, offset) - 1;
  for (let i = k; i >= 0 && i >= k - 3; i--) {
    const m = ms[i]!;
    if (m.end > offset) continue;
    return /^(?:['’]s)?\s*[,(]?\s*$/.test(text.slice(m.end, offset)) ? m : undefined;
  }
  return undefined;
}

/**
 * Aliases the text states: "Daesh (ISIS)", "the Islamic State of Iraq and the Levant (ISIL)",
 * "X, also known as Y", "X, formerly Y", "Now known as Y, X ..." (organisations: renames).
 */
export function findAliases(text: string, mentions: readonly Mention[]): AliasFindings {
  const ms = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const pairs: AliasPair[] = [];
  const renames: AliasPair[] = [];
  const added: Mention[] = [];
  for (const a of ms) {
    const p = PAREN_AFTER.exec(text.slice(a.end, a.end + 70));
    if (!p) continue;
    const innerStart = a.end + p[0].indexOf(p[1]!, p[0].indexOf('('));
    const innerEnd = innerStart + p[1]!.length;
    const inner = ms.find((m) => m !== a && m.start >= innerStart && m.end <= innerEnd && m.end - m.start >= innerEnd - innerStart - 2);
    if (inner) {
      if (inner.type === a.type || acronymOf(inner.text, a.text) || acronymOf(a.text, inner.text)) pairs.push([a, inner]);
      continue;
    }
    if (isAcronym(p[1]!) && (TYPES_WITH_ACRONYMS.has(a.type) || acronymOf(p[1]!, a.text))) {
      const made: Mention = { start: innerStart, end: innerEnd, text: p[1]!, type: a.type, kind: 'name' };
      added.push(made);
      pairs.push([a, made]);
    }
  }
  ALIAS_CUE.lastIndex = 0;
  let c: RegExpExecArray | null;
  while ((c = ALIAS_CUE.exec(text)) !== null) {
    const cueStart = c.index, cueEnd = c.index + c[0].length;
    const before = nameBefore(text, ms, cueStart);
    const fronted = !before && /(?:^|[.!?\n]\s*)$/.test(text.slice(Math.max(0, cueStart - 3), cueStart));
    if (!before && !fronted) continue;
    const type = before?.type ?? 'ORG';
    const b = nameAfter(text, ms, cueEnd, type, added);
    if (!b) continue;
    const declare = (x: Mention, y: Mention) => (RENAME_CUE.test(c![0]) && x.type === 'ORG' ? renames : pairs).push([x, y]);
    if (before) {
      declare(before, b);
      continue;
    }
    // "Now known as B in its latest guise, A is ...": A opens the main clause after the comma.
    const comma = text.indexOf(',', b.end);
    if (comma < 0 || comma - b.end > 80 || /[.!?\n]/.test(text.slice(b.end, comma))) continue;
    const k = firstAtOrAfter(ms, comma + 1);
    const a = ms[k];
    if (a && /^\s*(?:the\s+)?$/i.test(text.slice(comma + 1, a.start))) {
      if (b.type !== a.type) added[added.indexOf(b)] = { ...b, type: a.type };
      declare(a, added.find((x) => x.start === b.start) ?? b);
    }
  }
  return { pairs, renames, added };
}
