import { Doc } from '../core/doc.js';
import type { Entity, EntityType, Mention, Place, Quantity, Quote, Time } from '../core/layers.js';
import { placeLayer } from '../layers/places.js';
import { quantityLayer } from '../layers/quantities.js';
import { quoteLayer } from '../layers/quotes.js';
import { numbered, type Unnumbered } from '../layers/spec.js';
import { splitSentences } from './sentences/split.js';
import { tokenize } from './tokens/tokenize.js';

/**
 * Builds a document with hand-made layers from light markup, so relation and event tests do
 * not depend on any model:
 *   [text|TYPE] or [text|TYPE|id]  a mention resolved to entity `id` (default: the text, slugged)
 *   {text|VALUE}                   a time expression with its TIMEX3 value
 *   <text|N>                       a quantity with value N
 * Every GPE, LOC or FAC mention is also a place (coordinates 1,2); a GPE is a country unless
 * its id contains "town" or "city".
 */
export function fixtureDoc(marked: string, quotes: (Omit<Quote, 'id' | 'start' | 'end'> & { text: string })[] = []): Doc {
  let text = '';
  const mentions: Mention[] = [];
  const times: Time[] = [];
  const quantities: Unnumbered<Quantity>[] = [];
  const re = /\[([^\]|]+)\|([A-Z]+)(?:\|([^\]]+))?\]|\{([^}|]+)\|([^}]+)\}|<([^>|]+)\|([^>]+)>/g;
  let last = 0;
  for (let m = re.exec(marked); m; m = re.exec(marked)) {
    text += marked.slice(last, m.index);
    const start = text.length;
    if (m[1]) {
      text += m[1];
      mentions.push({ start, end: text.length, text: m[1], type: m[2] as EntityType, entity: m[3] ?? slug(m[1]), kind: /^(?:he|she|it|they|him|her|them)$/i.test(m[1]) ? 'pronoun' : /^the /i.test(m[1]) && !/[A-Z]/.test(m[1].slice(4)) ? 'nominal' : 'name' });
    } else if (m[4]) {
      text += m[4];
      times.push({ start, end: text.length, text: m[4], value: m[5]!, type: /^P(?:T|\d)/.test(m[5]!) ? 'DURATION' : 'DATE' });
    } else {
      text += m[6]!;
      quantities.push({ start, end: text.length, text: m[6]!, value: Number(m[7]) });
    }
    last = m.index + m[0].length;
  }
  text += marked.slice(last);
  const byId = new Map<string, Entity>();
  for (const m of mentions) {
    const e = byId.get(m.entity!);
    if (!e) byId.set(m.entity!, { id: m.entity!, type: m.type, name: m.text, aliases: [] });
    else if (m.kind === 'name' && !e.aliases.includes(m.text) && e.name !== m.text) byId.set(e.id, { ...e, aliases: [...e.aliases, m.text] });
  }
  const places: Unnumbered<Place>[] = mentions
    .filter((m) => m.type === 'GPE' || m.type === 'LOC' || m.type === 'FAC')
    // A GPE is a country unless its id says town or city (towns are never agents).
    .map((m) => ({ start: m.start, end: m.end, text: m.text, name: m.text, lat: 1, lon: 2, entity: m.entity, featureCode: m.type !== 'GPE' ? undefined : /town|city/.test(m.entity!) ? 'PPL' : 'PCLI' }));
  const quoteSpans: Unnumbered<Quote>[] = [];
  for (const q of quotes) {
    const at = text.indexOf(q.text);
    if (at >= 0) quoteSpans.push({ ...q, start: at, end: at + q.text.length });
  }
  const tokens = tokenize(text);
  const doc = Doc.create(text);
  return doc.with({
    tokens, sentences: splitSentences(text, tokens), mentions, entities: [...byId.values()], times,
    quantities: numbered(quantityLayer, quantities), places: numbered(placeLayer, places), quotes: numbered(quoteLayer, quoteSpans),
  });
}

function slug(s: string): string {
  return s.toLowerCase().replace(/^the /, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
