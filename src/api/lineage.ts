import type { NewsRecord } from '../output/record.js';
import type { DocRef, RelationHit, Store } from '../store/store.js';

/**
 * An organisation's identity over time: the rebrands, splits and merges that link it to other
 * knowledge-base entities, followed both ways a few steps out. Built on `Store.relations`, so
 * every step keeps the spans of text it was read from.
 */

/** The relation types that say a group took a new name, broke away from another, or joined one. */
export const LINEAGE_TYPES = ['rebrand', 'split', 'merge'] as const;
export type LineageType = (typeof LINEAGE_TYPES)[number];

// Bounds: a large, much-reported family of groups still makes a page-sized answer, and a cycle
// (renamed back to an old name) ends because an entity is visited once.
export const LINEAGE_DEPTH = 3;
const MAX_ENTITIES = 12;
const MAX_STEPS = 20;
const PER_TYPE = 10;
const MAX_RECORDS = 30;

export interface EntityRef {
  readonly id: string;
  readonly name: string;
}

export interface LineageEvidence extends DocRef {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The date the sentence gives (TIMEX3 value), when it gives one. */
  readonly time?: string;
  readonly hedged?: boolean;
}

export interface LineageStep {
  readonly type: LineageType;
  /** For a rebrand, `a` is the old name and `b` the new one; a split or a merge names both alike. */
  readonly a: EntityRef;
  readonly b: EntityRef;
  /** The two names as the evidence writes them (they tell a rebrand apart when both sides are one entity). */
  readonly aText?: string;
  readonly bText?: string;
  /** Articles that report it (as the store counts them). */
  readonly documents: number;
  /** When: the date its evidence states, else the earliest publication date of its evidence. */
  readonly date?: string;
  /** Up to five pieces of evidence, denials left out. */
  readonly evidence: LineageEvidence[];
}

export interface Lineage {
  /** The chain of names through the entity, oldest first ("A -> B -> C"); just the entity when it kept its name. */
  readonly chain: EntityRef[];
  /** Every rebrand, split and merge found within LINEAGE_DEPTH steps, oldest first. */
  readonly steps: LineageStep[];
  /** Set when a bound (entities, steps, relations per entity) left some of it out. */
  readonly truncated?: boolean;
}

type Source = Pick<Store, 'relations' | 'get'>;

export async function lineage(store: Source, self: EntityRef): Promise<Lineage> {
  const depth = new Map<string, number>([[self.id, 0]]);
  const queue = [self.id];
  const steps = new Map<string, LineageStep>();
  const records = new RecordCache(store);
  let truncated = false;
  // Breadth first, so the closest relatives are the ones kept when a bound is reached.
  while (queue.length) {
    const cur = queue.shift()!;
    const d = depth.get(cur)!;
    if (d >= LINEAGE_DEPTH) continue;
    const found = await Promise.all(LINEAGE_TYPES.map((type) => store.relations({ entity: cur, type, limit: PER_TYPE })));
    if (found.some((f) => f.length >= PER_TYPE)) truncated = true;
    for (const r of found.flat()) {
      const key = `${r.type}\u0000${r.a.id}\u0000${r.b.id}`;
      if (steps.has(key)) continue;
      if (steps.size >= MAX_STEPS) { truncated = true; break; }
      const step = await toStep(r, records);
      // A relation every source denies ("denied having split from") is not part of the story.
      if (!step) continue;
      steps.set(key, step);
      for (const other of [r.a.id, r.b.id]) {
        if (depth.has(other)) continue;
        if (depth.size >= MAX_ENTITIES) { truncated = true; continue; }
        depth.set(other, d + 1);
        queue.push(other);
      }
    }
  }
  const ordered = [...steps.values()].sort(byDate);
  return { chain: chainOf(self, ordered), steps: ordered, ...(truncated ? { truncated: true } : {}) };
}

/** The relation with what its records add: the date stated, hedges, and denials dropped. */
async function toStep(r: RelationHit, records: RecordCache): Promise<LineageStep | undefined> {
  const evidence: LineageEvidence[] = [];
  let aText: string | undefined, bText: string | undefined;
  for (const ev of r.evidence) {
    const item = (await records.get(ev.doc))?.relations.find((x) => x.type === r.type && x.start === ev.start && x.end === ev.end);
    if (item?.negated) continue;
    aText ??= item?.aText;
    bText ??= item?.bText;
    evidence.push({ ...ev, ...(item?.time ? { time: item.time } : {}), ...(item?.hedged ? { hedged: true } : {}) });
  }
  if (!evidence.length) return undefined;
  const stated = evidence.map((e) => e.time).filter((t): t is string => !!t && /^\d{4}/.test(t)).sort()[0];
  const published = evidence.map((e) => e.published).filter((p): p is string => !!p).sort()[0];
  const date = stated ?? published?.slice(0, 10);
  return {
    type: r.type as LineageType, a: r.a, b: r.b,
    ...(aText ? { aText } : {}), ...(bText ? { bText } : {}),
    documents: r.documents, ...(date ? { date } : {}), evidence,
  };
}

/**
 * Follows rebrands back to the oldest name and forward to the newest. Where a name has two
 * successors (or two predecessors) the chain stops: the steps list shows the branches.
 */
export function chainOf(self: EntityRef, steps: readonly LineageStep[]): EntityRef[] {
  const next = new Map<string, EntityRef[]>();
  const prev = new Map<string, EntityRef[]>();
  for (const s of steps) {
    if (s.type !== 'rebrand' || s.a.id === s.b.id) continue;
    (next.get(s.a.id) ?? next.set(s.a.id, []).get(s.a.id)!).push(s.b);
    (prev.get(s.b.id) ?? prev.set(s.b.id, []).get(s.b.id)!).push(s.a);
  }
  const seen = new Set([self.id]);
  const chain: EntityRef[] = [self];
  const walk = (links: Map<string, EntityRef[]>, add: (e: EntityRef) => void, from: string) => {
    for (let cur = from; ;) {
      const out = links.get(cur);
      if (!out || out.length !== 1 || seen.has(out[0]!.id)) return;
      seen.add(out[0]!.id);
      add(out[0]!);
      cur = out[0]!.id;
    }
  };
  walk(prev, (e) => chain.unshift(e), self.id);
  walk(next, (e) => chain.push(e), self.id);
  return chain;
}

function byDate(x: LineageStep, y: LineageStep): number {
  if (x.date !== y.date) return x.date === undefined ? 1 : y.date === undefined ? -1 : x.date < y.date ? -1 : 1;
  return `${x.type} ${x.a.id} ${x.b.id}` < `${y.type} ${y.a.id} ${y.b.id}` ? -1 : 1;
}

/**
 * Records read for their relation items, each once, and only so many per page; past that,
 * evidence is shown as the store has it (not checked for a stated date or a denial).
 */
class RecordCache {
  private readonly cache = new Map<string, Promise<NewsRecord | undefined>>();
  constructor(private readonly store: Source) {}
  get(doc: string): Promise<NewsRecord | undefined> {
    let p = this.cache.get(doc);
    if (!p) {
      if (this.cache.size >= MAX_RECORDS) return Promise.resolve(undefined);
      this.cache.set(doc, (p = this.store.get(doc)));
    }
    return p;
  }
}
