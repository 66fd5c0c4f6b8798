import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Event, Quantity, Quote } from '../core/layers.js';
import { contains, type Span } from '../core/span.js';
import type { NewsRecord } from '../output/record.js';
import { dayOf, entityIdOf } from '../store/keys.js';
import { fold } from '../kb/names.js';
import { rangeOf } from './ranges.js';
import { isNamedEntity } from '../layers/entities.js';

export const CLAIM_KINDS = ['quantity', 'event', 'relation', 'quote'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

/**
 * One document's reading of a claim: what it states about which knowledge-base entities, and
 * the span that states it. The store keeps one row per assertion (written with the record, in
 * its transaction); claims are assertions grouped across documents (build.ts).
 */
export interface Assertion {
  readonly kind: ClaimKind;
  /** Its place among the record's assertions (a quantity points at its event's). */
  readonly seq: number;
  /** Knowledge-base id the claim is about: the entity counted, the event's actor (else its target), relation's a, the speaker of a quote. */
  readonly subject: string;
  /** Knowledge-base id on the other side: the event's target when it has an actor, relation's b. */
  readonly other?: string;
  /** Knowledge-base id of who is reported as saying it. */
  readonly speaker?: string;
  /** What must be equal for two assertions to be one claim, besides the entities: see keyOf* below. */
  readonly key: string;
  /** YYYY-MM-DD the claim is about: the event's date, a date in the sentence, else publication. */
  readonly day?: string;
  /** The values a figure allows (ranges.ts); hi undefined is unbounded. */
  readonly lo?: number;
  readonly hi?: number;
  readonly negated?: boolean;
  /** The evidence: a span of the document. */
  readonly start: number;
  readonly end: number;
  readonly detail: AssertionDetail;
}

/** What is shown of an assertion but never matched on by the store; a figure's fields as the quantity gives them. */
export interface AssertionDetail extends Pick<Quantity, 'value' | 'min' | 'max' | 'qualifier' | 'unit'> {
  /** The evidence's words (cut at EVIDENCE_CHARS). */
  readonly text: string;
  /** A figure's subject is the actor (or target) of the event it was stated with, not a name the figure attaches to. */
  readonly byEvent?: boolean;
  /** The event type a figure was stated with ("attack"). */
  readonly context?: string;
  /** An event's place name, folded for matching and as written. */
  readonly place?: string;
  readonly placeName?: string;
  /** An event assertion whose subject is its actor (else the subject is its target). */
  readonly actor?: boolean;
  readonly hedged?: boolean;
  /** The words naming who said it when no entity does ("local officials"). */
  readonly speakerText?: string;
  /** For a figure stated with an event: that event's assertion seq in the same document. */
  readonly event?: number;
}

/** Longest evidence text kept with an assertion; the span itself is exact. */
export const EVIDENCE_CHARS = 400;
/** A number followed by these words ("100 fighters of the", "30 troops loyal to") is about the entity named next. */
const ATTACHED = /^\s+(?:([a-z][\w-]*)\s+){0,2}?(?:of|from|belonging to|loyal to)\s+(?:the\s+)?$/i;
const LEADING_WORD = /^\s+([a-z][\w-]*)/;
/** Relation types that read the same both ways (src/stages/relations/RELATIONS.md). */
const SYMMETRIC = new Set(['fights', 'allies', 'alias', 'talks']);

/** The claim key of a figure: the thing counted and the event it was stated with. */
export const quantityKey = (unit: string, context: string | undefined) => `${unit}|${context ?? ''}`;
/** The comparable form of a quote: folded words, no punctuation or quotation marks. */
export const quoteKey = (text: string) => fold(text.replace(/[\p{P}\p{S}]+/gu, ' '));
/** The comparable form of a unit: folded, a plural "s" dropped ("fighters" = "fighter"). */
export const unitKey = (unit: string) => fold(unit).replace(/(?<=\w\w)s$/, '');

/**
 * The assertions a stored record makes: its figures that count a knowledge-base entity, its
 * events with an actor or target, its relations and its quotes by a known speaker.
 */
export function assertionsOf(rec: NewsRecord): Assertion[] {
  const kb = new Map<string, string>();
  for (const e of rec.entities ?? []) if (isNamedEntity(e)) kb.set(e.id, entityIdOf(e));
  const idOf = (local: string | undefined) => (local === undefined ? undefined : kb.get(local));
  const docDay = dayOf(rec.meta?.published);
  const text = rec.text;
  const words = (s: Span) => text.slice(s.start, Math.min(s.end, s.start + EVIDENCE_CHARS)).replace(/\s+/g, ' ').trim();
  const out: Assertion[] = [];
  const add = (a: Omit<Assertion, 'seq'>) => { out.push({ ...a, seq: out.length }); return out.length - 1; };
  const quotes = new Map((rec.quotes ?? []).map((q) => [q.id, q]));
  const saidBy = (q: Quote | undefined) => (q ? { speaker: idOf(q.speaker), speakerText: q.speakerText } : {});
  const sourceOf = (source: string | undefined) =>
    source === undefined ? {} : idOf(source) ? { speaker: idOf(source) } : { speakerText: source };

  // Events first, so a figure can point at the event it was stated with.
  const eventSeq = new Map<Event, number>();
  for (const e of rec.events ?? []) {
    const actor = idOf(e.actor), target = idOf(e.target);
    const subject = actor ?? target;
    if (!subject) continue;
    const place = placeOf(rec, e);
    const said = sourceOf(e.source);
    eventSeq.set(e, add({
      kind: 'event', subject, ...(actor && target ? { other: target } : {}),
      ...(said.speaker ? { speaker: said.speaker } : {}),
      key: e.type, day: dayOf(e.time) ?? docDay, ...(e.negated ? { negated: true } : {}),
      start: e.start, end: e.end,
      detail: {
        text: words(e), ...(actor ? { actor: true } : {}), ...(place ? { place: fold(place), placeName: place } : {}),
        ...(e.hedged ? { hedged: true } : {}), ...(said.speakerText ? { speakerText: said.speakerText } : {}),
      },
    }));
  }

  for (const q of rec.quantities ?? []) {
    const range = rangeOf(q);
    if (!range) continue;
    const event = (rec.events ?? []).find((e) => e.quantities?.includes(q.id));
    const attached = attachedEntity(rec, q);
    const subject = idOf(attached?.entity) ?? idOf(event?.actor) ?? idOf(event?.target);
    const unit = q.currency ?? q.unit ?? attached?.unit;
    // A bare number is a claim only as the count of an event's clause ("killed 12").
    if (!subject || (!unit && !event)) continue;
    const sentence = (rec.sentences ?? []).find((s) => contains(s, q)) ?? q;
    const quote = q.quote ? quotes.get(q.quote) : undefined;
    const said = saidBy(quote);
    const evSeq = event ? eventSeq.get(event) : undefined;
    add({
      kind: 'quantity', subject, ...(said.speaker ? { speaker: said.speaker } : {}),
      key: quantityKey(unit ? unitKey(unit) : '', event?.type),
      day: dayOf(event?.time) ?? dateIn(rec, sentence) ?? docDay,
      lo: range.lo, ...(range.hi !== undefined ? { hi: range.hi } : {}),
      start: sentence.start, end: sentence.end,
      detail: {
        text: words(sentence),
        ...pick(q, ['value', 'min', 'max', 'qualifier']), ...(unit ? { unit } : {}),
        ...(event ? { context: event.type } : {}), ...(evSeq !== undefined ? { event: evSeq } : {}),
        ...(!idOf(attached?.entity) ? { byEvent: true } : {}),
        ...(said.speakerText ? { speakerText: said.speakerText } : {}),
      },
    });
  }

  for (const r of rec.relations ?? []) {
    let a = idOf(r.a), b = idOf(r.b);
    if (!a || !b || a === b) continue;
    // "A fights B" and "B fights A" are one claim.
    if (SYMMETRIC.has(r.type) && b < a) [a, b] = [b, a];
    const said = sourceOf(r.source);
    add({
      kind: 'relation', subject: a, other: b, ...(said.speaker ? { speaker: said.speaker } : {}),
      key: r.type, day: dayOf(r.time) ?? docDay, ...(r.negated ? { negated: true } : {}),
      start: r.start, end: r.end,
      detail: { text: words(r), ...(r.hedged ? { hedged: true } : {}), ...(said.speakerText ? { speakerText: said.speakerText } : {}) },
    });
  }

  for (const q of rec.quotes ?? []) {
    const speaker = idOf(q.speaker);
    if (!speaker) continue;
    const said = (q.parts ?? [q]).map((p) => text.slice(p.start, p.end)).join(' ');
    const key = quoteKey(said);
    if (!key) continue;
    add({
      kind: 'quote', subject: speaker, speaker, key, day: docDay, start: q.start, end: q.end,
      detail: { text: words(q), ...(q.speakerText ? { speakerText: q.speakerText } : {}) },
    });
  }
  return out;
}

/**
 * The entity a figure counts when the text attaches it: "100 fighters of the Lowland Front",
 * "30 troops loyal to X" (the name right after the unit), or "100 Lowland Front fighters" (the
 * name right after the number; the word after the name is then the unit).
 */
function attachedEntity(rec: NewsRecord, q: Quantity): { entity: string; unit?: string } | undefined {
  const text = rec.text;
  for (const m of rec.mentions ?? []) {
    if (!m.entity || m.start < q.end || m.start > q.end + 60) continue;
    const between = text.slice(q.end, m.start);
    if (ATTACHED.test(between)) return { entity: m.entity };
    if (/^\s+(?:the\s+)?$/i.test(between)) {
      const unit = LEADING_WORD.exec(text.slice(m.end, m.end + 30))?.[1];
      return { entity: m.entity, ...(unit && unit === unit.toLowerCase() ? { unit } : {}) };
    }
  }
  return undefined;
}

/** The calendar date a sentence states, when it states one. */
function dateIn(rec: NewsRecord, sentence: Span): string | undefined {
  for (const t of rec.times ?? []) if (contains(sentence, t) && (t.type ?? 'DATE') === 'DATE' && dayOf(t.value)) return dayOf(t.value);
  return undefined;
}

function placeOf(rec: NewsRecord, e: Event): string | undefined {
  const p = e.placeId ? (rec.places ?? []).find((x) => x.id === e.placeId) : undefined;
  return p?.name ?? e.place ?? undefined;
}

function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

let version: string | undefined;
/**
 * The version of the rules that derive assertions: a hash of this module and of ranges.js as
 * built. A store whose rows an older build derived derives them again (store/sqlite/claims.ts).
 */
export function rulesVersion(): string {
  if (version === undefined) {
    const h = createHash('sha256');
    for (const m of [import.meta.url, new URL('./ranges.js', import.meta.url).href]) h.update(readFileSync(fileURLToPath(m)));
    version = h.digest('hex').slice(0, 12);
  }
  return version;
}
