/*
 * Is a landing document a copy (wire copy, republication, revised version) of one the store
 * holds? The store proposes candidates that share sampled shingles with it; each is checked
 * exactly: the share of the new document's own shingles (its outlet's boilerplate left out)
 * found among the candidate's. See README "How independence and conflicts are decided".
 */
import type { NewsRecord } from '../output/record.js';
import type { CopyCandidate, Store } from '../store/store.js';
import { outletOf } from './outlets.js';
import { containment, ownShingles, sampleOf, shingleSet, sketch } from './shingles.js';

/**
 * A document reproduces another when at least this share of its own text is in it. On PolNeAR
 * train the revised versions of one article (new lede, paragraphs added or cut) reproduce
 * 0.62-1.0 of each other, while the closest unrelated pair (two pieces sharing a list of
 * related headlines) reaches 0.51 and same-story articles stay under 0.25.
 */
export const COPY_MIN = 0.6;
/** A document with fewer own shingles than this (about 25 words) is too short to call a copy. */
export const MIN_OWN_SHINGLES = 20;
/** A line is its outlet's boilerplate once this many earlier originals of the outlet have it. */
export const BOILERPLATE_DOCS = 2;
/**
 * A copy is indexed as well when it holds much text its origin does not (an original stored
 * after its cut copy, a version with paragraphs added): later copies of that text find it. A
 * copy closer than this to its origin is not, so a wire story republished a hundred times is
 * indexed about once.
 */
export const INDEX_SHARE_MAX = 0.9;

/** Whether a store indexes a record's sketch for later documents to find (see INDEX_SHARE_MAX). */
export function indexed(rec: Pick<NewsRecord, 'copyOf' | 'copyShare'>): boolean {
  return !rec.copyOf || (rec.copyShare ?? 1) < INDEX_SHARE_MAX;
}

/** Candidates checked exactly, the most shared sample first. */
const CHECKED = 5;
/** A candidate is checked only if it shares this share of the sample: the sample estimates containment. */
const SAMPLE_MIN = 0.3;

export interface CopyMatch {
  readonly copyOf: string;
  /** Share of the document's own text found in `copyOf`, 0-1. */
  readonly share: number;
  readonly candidate: CopyCandidate;
  /** The document is dated before the one it reproduces (see README). */
  readonly earlier: boolean;
}

export interface CopyCheck {
  readonly match?: CopyMatch;
  /** Lines of the document left out as its outlet's boilerplate. */
  readonly boilerplate: number;
}

/** Earliest publication first (undated last), then storage order. */
function earliest(a: CopyCandidate, b: CopyCandidate): number {
  const pa = a.published ?? '\uffff', pb = b.published ?? '\uffff';
  return pa < pb ? -1 : pa > pb ? 1 : a.order - b.order;
}

export async function findCopy(rec: Pick<NewsRecord, 'id' | 'text' | 'meta'>, store: Store): Promise<CopyCheck> {
  const sk = sketch(rec.text);
  const outlet = outletOf(rec.meta ?? {}) ?? '';
  const lineHashes = sk.edges.map((i) => sk.lines[i]!);
  const counts = lineHashes.length ? await store.outletLines(outlet, lineHashes, { before: rec.id, cap: BOILERPLATE_DOCS }) : [];
  const skip = new Set(sk.edges.filter((_, k) => counts[k]! >= BOILERPLATE_DOCS));
  const own = ownShingles(sk, skip);
  if (own.size < MIN_OWN_SHINGLES) return { boilerplate: skip.size };
  const sample = sampleOf(sk, own);
  if (!sample.length) return { boilerplate: skip.size };
  const minShared = Math.max(1, Math.ceil(SAMPLE_MIN * sample.length));
  const candidates = await store.copyCandidates(sample, { before: rec.id, limit: CHECKED, minShared });
  const day = (d?: string) => d?.slice(0, 10);
  const copies: CopyMatch[] = [];
  for (const c of candidates) {
    if (c.id === rec.id || c.shared < minShared) continue;
    const theirs = sketch(c.text);
    const share = containment(own, shingleSet(theirs));
    const earlier = !!rec.meta?.published && !!c.published && day(rec.meta.published)! < day(c.published)!;
    const later = !!rec.meta?.published && !!c.published && day(rec.meta.published)! > day(c.published)!;
    // Not dated after a stored document that it holds most of: the stored one is the copy,
    // found the other way round (a cut copy stored before its full original or a fuller copy).
    const reverse = !later && share < COPY_MIN && containment(ownShingles(theirs), shingleSet(sk)) >= COPY_MIN;
    if (share >= COPY_MIN || reverse) copies.push({ copyOf: c.id, share: Math.round(share * 1000) / 1000, candidate: c, earlier });
  }
  copies.sort((a, b) => earliest(a.candidate, b.candidate));
  return { ...(copies[0] ? { match: copies[0] } : {}), boilerplate: skip.size };
}
