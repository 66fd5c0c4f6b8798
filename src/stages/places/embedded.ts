import type { Entity, Mention, Place } from '../../core/layers.js';
import { SpanIndex } from '../../core/span-index.js';
import { OFFICE_WORD, PERSON_TITLES } from '../../text/titles.js';

/*
 * A toponym inside a longer name of another kind ("Federal" in "Federal Reserve", "Columbia" in
 * "Columbia University", "al-Sham" in an organisation's name) names that thing, not a place the
 * article is about. It stays in the places layer marked `embedded: true` (some annotations count
 * such toponyms) and is left off the map, the place index and the document's focus.
 */

/** Names of these kinds hold embedded toponyms; a longer place name ("New York City") does not. */
const HOLDERS = new Set(['PERSON', 'ORG', 'WORK', 'FAC', 'EVENT', 'MISC', 'NORP']);
/** A place's own words that name one of these stand for a longer name ("Georgetown" for the university). */
const SHORT_FORM_OF = new Set(['PERSON', 'ORG', 'WORK', 'EVENT']);
/** Words that open a clause or a phrase about a place, not a name: a headline taken whole as one name. */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'near', 'across', 'to', 'into', 'outside', 'inside']);

/** The longer name of another kind that holds `p`, when the holder is a name and not a tagging slip. */
function holderOf(text: string, p: Place, around: readonly Mention[]): Mention | undefined {
  for (const m of around) {
    if (!HOLDERS.has(m.type) || m.kind === 'pronoun' || m.kind === 'nominal') continue;
    if (m.start > p.start || m.end < p.end || m.end - m.start <= p.end - p.start) continue;
    const before = text.slice(m.start, p.start), after = text.slice(p.end, m.end);
    // "R-Utah", "D-Ohio": a party and a home state; "Chicago-based": the place itself.
    if (/^\p{Lu}\.?-$/u.test(before) || /^-based\b/i.test(text.slice(p.end, p.end + 7))) continue;
    // "Indiana Gov. Mike Pence": the place qualifies an office held there.
    const next = /^[\s.]*([\p{L}.]+)/u.exec(after)?.[1]?.toLowerCase().replace(/\.$/, '');
    if (next && (PERSON_TITLES.has(next) || OFFICE_WORD.test(next))) continue;
    const prev = /([\p{L}]+)\W*$/u.exec(before)?.[1]?.toLowerCase();
    if (prev && PLACE_PREPOSITIONS.has(prev)) continue;
    return m;
  }
  return undefined;
}

/**
 * Marks the places inside a longer name of another kind, and the places whose words are a
 * short form of such a name ("Georgetown" where the text means "Georgetown University").
 */
export function markEmbedded<P extends Place>(text: string, places: readonly P[], mentions: readonly Mention[], entities: readonly Entity[]): P[] {
  const typeOf = new Map(entities.map((e) => [e.id, e.type]));
  // The mentions over each place, in list order, found without a scan of all of them per place.
  const index = new SpanIndex(mentions);
  return places.map((p) => {
    const around = p.end > p.start ? index.overlapping(p.start, p.end) : mentions;
    if (holderOf(text, p, around)) return { ...p, embedded: true };
    const same = around.find((m) => m.start === p.start && m.end === p.end && m.kind !== 'pronoun' && m.kind !== 'nominal');
    const type = same && (same.entity ? typeOf.get(same.entity) ?? same.type : same.type);
    return type && SHORT_FORM_OF.has(type) ? { ...p, embedded: true } : p;
  });
}
