import type { Entity, Event, Place, Quantity } from '../core/layers.js';
import { PLOVER } from '../stages/events/lexicon.js';
import type { NewsRecord } from './record.js';

/**
 * One event of a stored record flattened for tables and maps: names instead of entity ids,
 * its place with coordinates, a date with ACLED-style precision, and fatalities when the
 * event's own clause counts the dead.
 */
export interface EventRow {
  readonly id: string;
  readonly docId: string;
  readonly date: string;
  /** 1: day, 2: week or a few days, 3: month, season or year, or only the publication date. */
  readonly precision: 1 | 2 | 3;
  readonly type: string;
  readonly plover: string;
  readonly actor: string;
  readonly target: string;
  readonly place?: Place;
  readonly placeName: string;
  readonly fatalities?: number;
  readonly quantities: string;
  readonly claimed: boolean;
  readonly negated: boolean;
  readonly hedged: boolean;
  readonly source: string;
  readonly url: string;
  readonly outlet: string;
  readonly published: string;
  readonly evidence: string;
  readonly start: number;
  readonly end: number;
}

const DEAD = /\b(?:kill(?:ed|ing|s)?|dead|died|deaths?|fatalities|lives|slain|massacred|executed)\b/i;

export function eventRows(r: NewsRecord): EventRow[] {
  const ents = new Map<string, Entity>((r.entities ?? []).map((e) => [e.id, e]));
  const name = (id?: string) => (id ? ents.get(id)?.name ?? id : '');
  const published = String(r.meta?.published ?? '').slice(0, 10);
  const quantities = new Map((r.quantities ?? []).map((q) => [q.id, q]));
  return (r.events ?? []).map((e, i) => {
    const place = placeOf(r, e);
    const { date, precision } = dateOf(e.time, published);
    const qs = (e.quantities ?? []).map((id) => quantities.get(id)).filter((q): q is Quantity => !!q);
    return {
      id: `${r.id}:${i}`,
      docId: r.id,
      date,
      precision,
      type: e.type,
      plover: PLOVER[e.type] ?? '',
      actor: name(e.actor),
      target: name(e.target),
      place,
      placeName: place?.name ?? (e.place ? name(e.place) : ''),
      fatalities: fatalities(r.text, e, qs),
      quantities: qs.map((q) => q.text).join('; '),
      claimed: !!e.claimed,
      negated: !!e.negated,
      hedged: !!e.hedged,
      source: name(e.source),
      url: String(r.meta?.url ?? ''),
      outlet: String(r.meta?.outlet ?? ''),
      published,
      evidence: r.text.slice(e.start, e.end).replace(/\s+/g, ' '),
      start: e.start,
      end: e.end,
    };
  });
}

function placeOf(r: NewsRecord, e: Event): Place | undefined {
  if (e.placeId !== undefined) return r.places?.find((p) => p.id === e.placeId);
  if (!e.place) return undefined;
  return (r.places ?? []).find((p) => (p.entity === e.place || p.name === e.place) && p.start >= e.start && p.end <= e.end);
}

/** TIMEX3 value to a calendar date and its precision; without one, the publication date at the coarsest precision. */
export function dateOf(value: string | undefined, published: string): { date: string; precision: 1 | 2 | 3 } {
  if (value) {
    if (/^\d{4}-\d{2}-\d{2}/.test(value)) return { date: value.slice(0, 10), precision: 1 };
    if (/^\d{4}-W\d{2}/.test(value)) return { date: value.slice(0, 8), precision: 2 };
    if (/^\d{4}(?:-\d{2}|-(?:SP|SU|FA|WI|Q\d|H\d))?$/.test(value)) return { date: value, precision: 3 };
    if (value === 'PRESENT_REF' && published) return { date: published, precision: 2 };
  }
  return { date: published, precision: 3 };
}

/** The count of dead, when the event is a killing, or its clause speaks of deaths, and gives one number. */
function fatalities(text: string, e: Event, qs: readonly Quantity[]): number | undefined {
  const counted = qs.filter((q) => !q.currency && (q.value !== undefined || q.min !== undefined));
  if (!counted.length) return undefined;
  if (e.type !== 'killing' && !DEAD.test(text.slice(e.start, e.end))) return undefined;
  const q = counted[0]!;
  return q.value ?? q.min;
}
