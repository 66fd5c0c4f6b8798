import { fold } from '../kb/names.js';

/** What independence is counted from: a document's own id and the fields collection stages set. */
export interface SourceDoc {
  readonly id: string;
  /** Id of the stored document this one reproduces. */
  readonly copyOf?: string;
  /** The independent source it counts as (wire, original's source, folded outlet). */
  readonly source?: string;
  readonly outlet?: string;
}

/**
 * How many independent sources a set of documents amounts to. A copy collapses to the document
 * it reproduces; documents with the same `source` are one source; a document without `source`
 * counts as its folded outlet ("The Harbor Ledger" = "harbor ledger"), else as itself; a copy
 * without `source` counts as its original, never as the outlet that republished it. The
 * relations chain (a copy of a wire story joins every other document of that wire), so sources
 * are counted as connected groups.
 */
export function independentSources(docs: readonly SourceDoc[]): number {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const join = (a: string, b: string) => {
    const ra = find(a), rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  for (const d of docs) {
    const self = `doc:${d.id}`;
    find(self);
    if (d.copyOf) join(self, `doc:${d.copyOf}`);
    // A copy is its original: its own outlet (the one that republished it) says nothing.
    const source = sourceKey(d.copyOf ? { id: d.id, source: d.source } : d);
    if (source) join(self, source);
  }
  return new Set(docs.map((d) => find(`doc:${d.id}`))).size;
}

/** The source a document counts as when it has one: its `source`, else its folded outlet. */
function sourceKey(d: SourceDoc): string | undefined {
  const s = d.source?.trim() ? d.source : d.outlet;
  const f = s ? fold(s) : '';
  return f ? `source:${f}` : undefined;
}
