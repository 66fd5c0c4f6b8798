import type { Entity, Mention, Place } from '../core/layers.js';
import { personParts, personShortForm } from '../text/name-forms.js';
import { PERSON_TITLES } from '../text/titles.js';

/*
 * Checks of the per-article facts an analyst reads first: one entity per person, and places that
 * are places. Each returns the offending items, so a test or a report can print them.
 */

/** PERSON entities that hold two full names of different people ("Ana Ruiz", "Tomas Ruiz"). */
export function mergedPeople(entities: readonly Entity[]): { entity: Entity; names: [string, string] }[] {
  const out: { entity: Entity; names: [string, string] }[] = [];
  for (const e of entities) {
    if (e.type !== 'PERSON') continue;
    const full = [e.name, ...e.aliases].map((n) => ({ n, p: personParts(n) })).filter((x) => x.p.length >= 2);
    search: for (const a of full) {
      for (const b of full) {
        if (a.p.at(-1) !== b.p.at(-1) || personShortForm(a.p, b.p) || personShortForm(b.p, a.p)) continue;
        out.push({ entity: e, names: [a.n, b.n] });
        break search;
      }
    }
  }
  return out;
}

const HOLDERS = new Set(['PERSON', 'ORG', 'WORK', 'FAC', 'EVENT', 'MISC']);

/**
 * Places not marked `embedded` that lie inside a longer name of another kind. A tagged span that
 * is not a name (a hyphenated compound on the place, "Ohio-based"; a title or a lower-case
 * word inside it; a headline taken whole, "... Turnout In Ohio") holds no name to be embedded in.
 */
export function placesInsideNames(text: string, places: readonly Place[], mentions: readonly Mention[]): { place: Place; name: Mention }[] {
  const out: { place: Place; name: Mention }[] = [];
  for (const p of places) {
    if (p.embedded) continue;
    const name = mentions.find((m) => HOLDERS.has(m.type) && m.kind !== 'pronoun' && m.kind !== 'nominal'
      && m.start <= p.start && p.end <= m.end && m.end - m.start > p.end - p.start
      && text[p.start - 1] !== '-' && text[p.end] !== '-' && !/\b(?:in|at|from|near|to)\s+$/i.test(text.slice(m.start, p.start))
      && !m.text.split(/\s+/).some((w) => PERSON_TITLES.has(w.toLowerCase().replace(/\.$/, '')) || /^\p{Ll}{2,}$/u.test(w) && !/^(?:of|and|the|for|de|al)$/.test(w)));
    if (name) out.push({ place: p, name });
  }
  return out;
}
