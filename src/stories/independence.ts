/*
 * How many independent sources a set of documents amounts to: a copy counts with the document
 * it reproduces, and documents with one source (one wire, one outlet) count once.
 */
import type { DocSource } from '../store/store.js';
import { outletFromName, sourceKey } from './outlets.js';

export type { DocSource };

/**
 * The documents grouped by independent source: a copy joins the document it copies (two
 * copies of one origin join even when the origin is not in the set), documents whose sources
 * fold to one key join (a document without a source counts as its outlet), and a document with
 * none of these is a source of its own. Groups come in the
 * order of their first document; each lists document ids in the order given.
 */
export function independentGroups(docs: readonly DocSource[]): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    for (let y = x; y !== r;) { const next = parent.get(y)!; parent.set(y, r); y = next; }
    return r;
  };
  const join = (a: string, b: string) => {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a), rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  };
  // Namespaced so a document id never meets a source name.
  for (const d of docs) {
    const self = `doc:${d.id}`;
    join(self, self);
    if (d.copyOf) join(self, `doc:${d.copyOf}`);
    // A document stored without a source counts as its outlet; a copy's outlet (the one that
    // republished it) says nothing of where the text came from.
    const source = d.source ?? (d.copyOf || !d.outlet ? undefined : outletFromName(d.outlet));
    if (source) join(self, `src:${sourceKey(source)}`);
  }
  const groups = new Map<string, string[]>();
  for (const d of docs) {
    const r = find(`doc:${d.id}`);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = []));
    if (!g.includes(d.id)) g.push(d.id);
  }
  return [...groups.values()];
}

/** Number of independent sources among the documents (see `independentGroups`). */
export function countIndependentSources(docs: readonly DocSource[]): number {
  return independentGroups(docs).length;
}
