import { createHash } from 'node:crypto';
import type { Assertion, ClaimKind } from './assertions.js';
import { countIndependentSources } from '../stories/independence.js';
import { describeRange, intersect, type Range } from './ranges.js';

/** Figures about one subject agree or disagree only when their dates are this close (days). */
export const PERIOD_DAYS = 3;
/** Reports of one event may date it this many days apart (a denial comes days later). */
export const EVENT_DAYS = 3;
/** A quote that holds another is the same quote when the shorter has at least this many words. */
export const QUOTE_MIN_WORDS = 6;

/** An assertion as the store returns it: with its document and the names of its entities. */
export interface ClaimRow extends Assertion {
  readonly doc: string;
  readonly outlet?: string;
  readonly published?: string;
  readonly copyOf?: string;
  readonly source?: string;
  readonly subjectName?: string;
  readonly otherName?: string;
  readonly speakerName?: string;
}

export interface EntityRef {
  readonly id: string;
  readonly name: string;
}

export interface ClaimEvidence {
  readonly doc: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly outlet?: string;
  readonly published?: string;
  readonly copyOf?: string;
  /** Who the document says stated it: a speaker's name or the words naming the source. */
  readonly speaker?: string;
  readonly speakerId?: string;
  /** This piece of evidence denies what the claim asserts (only on a denial's own claim). */
  readonly negated?: boolean;
}

/** A statement across documents, with all its evidence and the claims that contradict it. */
export interface Claim {
  /** Stable: a hash of the claim's key (kind, entities, and what its first report said). */
  readonly id: string;
  readonly kind: ClaimKind;
  readonly subject: EntityRef;
  /** The event's target, relation's other side. */
  readonly object?: EntityRef;
  readonly statement: string;
  readonly value?: number;
  readonly min?: number;
  readonly max?: number;
  readonly unit?: string;
  /** Event or relation type; for a figure, the event it was stated with. */
  readonly type?: string;
  readonly negated?: boolean;
  readonly place?: string;
  /** The date the claim is about (its first report's). */
  readonly day?: string;
  /** Distinct documents, and the independent sources they amount to (stories/independence.ts). */
  readonly documents: number;
  readonly sources: number;
  readonly evidence: ClaimEvidence[];
  /** Ids of the claims that contradict this one. */
  readonly conflicts: string[];
}

interface Cluster {
  readonly founder: ClaimRow;
  readonly rows: ClaimRow[];
  range?: Range;
  target?: string;
  place?: string;
  readonly conflicts: Set<Cluster>;
}

/**
 * Claims from assertions: those that agree merge into one claim (figures whose ranges overlap,
 * one event told alike, one relation, one quote), those that disagree are linked as conflicts
 * (figures that cannot both hold; an event asserted and denied; another perpetrator named for
 * the same event; a relation asserted and denied). Assertions are taken in the order they were
 * published, so the first report founds a claim and later ones corroborate it or not; a claim's
 * id is a hash of its founder's key, unchanged by later evidence.
 */
export function buildClaims(rows: readonly ClaimRow[]): Claim[] {
  const sorted = [...rows].sort((a, b) => cmp(a.day, b.day) || cmp(a.published, b.published) || cmp(a.doc, b.doc) || a.seq - b.seq);
  const buckets = new Map<string, Cluster[]>();
  const clusterOf = new Map<string, Cluster>();
  for (const r of sorted) {
    const bucket = buckets.get(bucketOf(r)) ?? [];
    buckets.set(bucketOf(r), bucket);
    let c = bucket.find((c) => joins(c, r));
    if (!c) bucket.push(c = { founder: r, rows: [], range: rangeOfRow(r), conflicts: new Set() });
    c.rows.push(r);
    if (r.kind === 'quantity' && c.range) c.range = intersect(c.range, rangeOfRow(r)!) ?? c.range;
    if (r.kind === 'event') { c.target ??= targetOf(r); c.place ??= r.detail.place; }
    clusterOf.set(`${r.doc}#${r.seq}`, c);
  }
  for (const bucket of buckets.values()) {
    for (let i = 0; i < bucket.length; i++) {
      for (let j = i + 1; j < bucket.length; j++) {
        const a = bucket[i]!, b = bucket[j]!;
        if (disagree(a, b)) { a.conflicts.add(b); b.conflicts.add(a); }
      }
    }
  }
  // A figure stated with an event is contradicted by a denial of that event.
  for (const c of [...buckets.values()].flat()) {
    if (c.founder.kind !== 'quantity') continue;
    for (const r of c.rows) {
      const ev = r.detail.event === undefined ? undefined : clusterOf.get(`${r.doc}#${r.detail.event}`);
      for (const d of ev?.conflicts ?? []) if (d.founder.negated) { c.conflicts.add(d); d.conflicts.add(c); }
    }
  }
  const ids = new Map<Cluster, string>();
  for (const c of [...buckets.values()].flat()) ids.set(c, idOf(c));
  return [...ids.keys()].map((c) => toClaim(c, ids))
    .sort((a, b) => b.sources - a.sources || b.documents - a.documents || cmp(a.kind, b.kind) || cmp(a.statement, b.statement));
}

const cmp = (a: string | undefined, b: string | undefined) => (a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0;

/** Assertions that can merge or conflict share a bucket. */
function bucketOf(r: ClaimRow): string {
  return r.kind === 'event' ? `event|${r.key}` : r.kind === 'quote' ? `quote|${r.subject}` : `${r.kind}|${r.subject}|${r.other ?? ''}|${r.key}`;
}

const rangeOfRow = (r: ClaimRow): Range | undefined => (r.lo === undefined ? undefined : r.hi === undefined ? { lo: r.lo } : { lo: r.lo, hi: r.hi });
const actorOf = (r: ClaimRow) => (r.detail.actor ? r.subject : undefined);
const targetOf = (r: ClaimRow) => (r.detail.actor ? r.other : r.subject);
/** Equal, or one of them unknown. */
const compatible = (a: string | undefined, b: string | undefined) => a === undefined || b === undefined || a === b;
const shared = (a: string | undefined, b: string | undefined) => a !== undefined && a === b;

export function daysApart(a: string | undefined, b: string | undefined): number {
  if (!a || !b) return a === b ? 0 : Infinity;
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

function joins(c: Cluster, r: ClaimRow): boolean {
  const f = c.founder;
  switch (r.kind) {
    case 'quantity':
      return daysApart(f.day, r.day) <= PERIOD_DAYS && !!c.range && !!intersect(c.range, rangeOfRow(r)!);
    case 'event':
      return sameEvent(c, r) && !!f.negated === !!r.negated && actorOf(f) === actorOf(r);
    case 'relation':
      return !!f.negated === !!r.negated;
    case 'quote':
      return c.rows.some((x) => sameQuote(x.key, r.key));
  }
}

/** Two reports of one event: same type, targets and places that do not differ, dated close. */
function sameEvent(c: Cluster, r: ClaimRow): boolean {
  return daysApart(c.founder.day, r.day) <= EVENT_DAYS && compatible(c.target, targetOf(r)) && compatible(c.place, r.detail.place);
}

/** One quote in two documents: the same words, or one carrying a long enough stretch of the other. */
export function sameQuote(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.split(' ').length >= QUOTE_MIN_WORDS && ` ${long} `.includes(` ${short} `);
}

function disagree(a: Cluster, b: Cluster): boolean {
  const x = a.founder, y = b.founder;
  switch (x.kind) {
    case 'quantity':
      return daysApart(x.day, y.day) <= PERIOD_DAYS && !!a.range && !!b.range && !intersect(a.range, b.range);
    case 'relation':
      return !!x.negated !== !!y.negated;
    case 'quote':
      return false;
    case 'event': {
      if (daysApart(x.day, y.day) > EVENT_DAYS || !compatible(a.target, b.target) || !compatible(a.place, b.place)) return false;
      const ax = actorOf(x), ay = actorOf(y);
      // Asserted by some, denied by others: the denial may leave the actor or the target out.
      if (!!x.negated !== !!y.negated) {
        return compatible(ax, ay) && (shared(ax, ay) || shared(a.target, b.target) || shared(a.place, b.place));
      }
      // Another perpetrator named for the same event (not two sides attacking each other).
      return !x.negated && ax !== undefined && ay !== undefined && ax !== ay && ax !== b.target && ay !== a.target
        && (shared(a.target, b.target) || shared(a.place, b.place));
    }
  }
}

function idOf(c: Cluster): string {
  const f = c.founder;
  const parts: unknown[] = [f.kind, f.subject, f.other ?? '', f.key, !!f.negated];
  if (f.kind === 'quantity') parts.push(f.day, describeRange(rangeOfRow(f)!));
  if (f.kind === 'event') parts.push(f.day, targetOf(f) ?? '', f.detail.place ?? '');
  return `${f.kind}-${createHash('sha1').update(JSON.stringify(parts)).digest('hex').slice(0, 16)}`;
}

function toClaim(c: Cluster, ids: ReadonlyMap<Cluster, string>): Claim {
  const f = c.founder;
  const subject = { id: f.subject, name: f.subjectName ?? f.subject };
  const object = f.other ? { id: f.other, name: f.otherName ?? f.other } : undefined;
  const seen = new Set<string>();
  const evidence: ClaimEvidence[] = [];
  for (const r of c.rows) {
    const k = `${r.doc}#${r.start}#${r.end}`;
    if (seen.has(k)) continue;
    seen.add(k);
    const speaker = r.speakerName ?? r.detail.speakerText;
    evidence.push({
      doc: r.doc, start: r.start, end: r.end, text: r.detail.text,
      ...(r.outlet ? { outlet: r.outlet } : {}), ...(r.published ? { published: r.published } : {}),
      ...(r.copyOf ? { copyOf: r.copyOf } : {}), ...(speaker ? { speaker } : {}), ...(r.speaker ? { speakerId: r.speaker } : {}),
    });
  }
  const docs = new Map(c.rows.map((r) => [r.doc, { id: r.doc, copyOf: r.copyOf, source: r.source, outlet: r.outlet }]));
  const range = c.range;
  const values = range === undefined ? {} : range.lo === range.hi ? { value: range.lo } : { min: range.lo, ...(range.hi !== undefined ? { max: range.hi } : {}) };
  const type = f.kind === 'quantity' ? f.detail.context : f.kind === 'quote' ? undefined : f.key;
  const place = f.kind === 'event' ? c.rows.find((r) => r.detail.placeName)?.detail.placeName : undefined;
  return {
    id: ids.get(c)!, kind: f.kind, subject, ...(object ? { object } : {}),
    statement: statementOf(c, subject.name, object?.name, place),
    ...values, ...(f.detail.unit ? { unit: f.detail.unit } : {}), ...(type ? { type } : {}),
    ...(f.negated ? { negated: true } : {}), ...(place ? { place } : {}), ...(f.day ? { day: f.day } : {}),
    documents: docs.size, sources: countIndependentSources([...docs.values()]),
    evidence,
    conflicts: [...c.conflicts].map((x) => ids.get(x)!).sort(),
  };
}

function statementOf(c: Cluster, subject: string, object: string | undefined, place: string | undefined): string {
  const f = c.founder;
  const when = f.day ? `, ${f.day}` : '';
  switch (f.kind) {
    case 'quantity':
      // "fighters of X in attack" when the figure names X; "officers in attack by X" when X is only the event's actor.
      return `${f.detail.unit ?? 'count'}${f.detail.byEvent ? ` in ${f.detail.context} by ${subject}` : ` of ${subject}${f.detail.context ? ` in ${f.detail.context}` : ''}`}${when}: ${describeRange(c.range!)}`;
    case 'event': {
      const who = f.detail.actor ? subject : 'unnamed actor';
      const on = f.detail.actor ? object : subject;
      return `${f.negated ? 'denied: ' : ''}${f.key} by ${who}${on ? ` on ${on}` : ''}${place ? ` in ${place}` : ''}${when}`;
    }
    case 'relation':
      return `${subject} ${f.negated ? 'not ' : ''}${f.key} ${object ?? ''}`.trim();
    case 'quote': {
      const longest = c.rows.reduce((a, b) => (b.detail.text.length > a.detail.text.length ? b : a)).detail.text;
      return `${subject}: ${longest.length > 200 ? `${longest.slice(0, 199)}…` : longest}`;
    }
  }
}
