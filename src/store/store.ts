import type { ClaimKind } from '../claims/assertions.js';
import type { ClaimRow } from '../claims/build.js';
import type { EntityType } from '../core/layers.js';
import type { DocMeta } from '../core/meta.js';
import type { NewsRecord } from '../output/record.js';
import type { StoryFeatures } from '../stories/story-features.js';
import type { StoryCentroid, StoryStats } from '../stories/story-score.js';

/**
 * Where newsgraph/1 records are kept and queried, for the CLI and the HTTP API alike.
 * Every method is async so a server database (PostgreSQL) can implement it; the embedded
 * SQLite store answers synchronously underneath. Each implementation must pass
 * `storeContract` (src/store/contract.ts).
 *
 * Cross-document entity ids: an entity id in the store is a knowledge-base id, the `kb` link
 * the kb stage (src/kb) gives each record entity, else its key `${type}:${normalised name}`
 * (see entityKey in keys.ts). An id merged into another leads to it wherever the store takes an
 * entity id (lookups, query filters, decisions), so links kept from before a merge still work.
 */
export interface Store {
  /** Stores one record in one transaction. The same content hash twice is a no-op. */
  put(record: NewsRecord): Promise<PutResult>;
  /**
   * Opens a group of writes, for bulk ingest: every write until the group commits lands in one
   * transaction, each still all or nothing on its own inside it (a document refused is taken out
   * alone), and none is visible to other connections, nor kept after a crash, before the commit.
   * One commit for many documents writes each shared page (word frequencies, index roots) once.
   * Undefined where each write must commit on its own (a server database shared by many writers).
   */
  group?(): Promise<WriteGroup>;
  /** The stored record by document id (or content hash), undefined when absent. */
  get(id: string): Promise<NewsRecord | undefined>;
  /** True when a document with this content hash is stored. */
  has(hash: string): Promise<boolean>;
  /**
   * Replaces a stored document's record (same id, same text) in one transaction: its derived
   * rows and every count follow, its place in the store and its date added stay.
   */
  replace(record: NewsRecord): Promise<void>;
  /** Which stage versions made each stored record, in the order stored. */
  stamps(): AsyncIterable<RecordStamp>;
  /** Which stage versions made one stored record (by id or content hash); undefined when absent. */
  stampOf(idOrHash: string): Promise<RecordStamp | undefined>;
  /** Removes one document and everything derived from it; false when it was not there. */
  delete(id: string): Promise<boolean>;
  /** Full-text search with filters, ranked hits and facet counts. An empty q browses by date. */
  search(query: SearchQuery): Promise<SearchResult>;
  /** One entity by id (its key), by `TYPE:Name` as written, or by name or alias (case and accents ignored). */
  entity(idOrName: string): Promise<EntityInfo | undefined>;
  /** Entities by name prefix and/or type, most documents first. */
  entities(query?: EntityQuery): Promise<EntityInfo[]>;
  /**
   * The entities a name can mean, best first: those called exactly that (by how many documents
   * call them so: "Clinton" -> the Clinton most reported as "Clinton"), then spellings and
   * people of that surname. `entity(name)` is the first of these.
   */
  lookup(name: string, limit?: number): Promise<EntityMatch[]>;
  /** Documents and mentions per period for one entity, oldest first (undated documents left out). */
  mentionsOverTime(entityId: string, interval?: Interval): Promise<PeriodCount[]>;
  /**
   * Entities that appear in the same documents as this one, most shared documents first,
   * counted over its `maxDocs` newest documents by publication date (all when absent).
   */
  coOccurring(entityId: string, limit?: number, maxDocs?: number): Promise<EntityCount[]>;
  /** Quotes, with speaker, outlet and date, newest first. */
  quotes(query?: QuoteQuery): Promise<QuoteHit[]>;
  /** Places found, grouped by name and coordinates, most documents first. */
  places(query?: PlaceQuery): Promise<PlaceHit[]>;
  /** Events, oldest first by their time or else the document's date. */
  events(query?: EventQuery): Promise<EventHit[]>;
  /** Relations between entities, grouped by (type, a, b), most documents first. */
  relations(query?: RelationQuery): Promise<RelationHit[]>;
  /**
   * Assertions stored records make (src/claims/assertions.ts), newest first, with their
   * documents and entity names: claims are built from them (src/claims/build.ts).
   */
  claimRows(query: ClaimRowQuery): Promise<ClaimRow[]>;
  /** Every stored record, in the order stored. */
  export(): AsyncIterable<NewsRecord>;

  // ---- knowledge base: entities across documents (src/kb) ----------------------------------
  /** Knowledge-base entities that have any of these name keys (src/kb/names.ts), most documents first. */
  kbCandidates(keys: readonly string[]): Promise<KbCandidate[]>;
  /** For each entity id, the entities most often reported in the same documents (its newest ones). */
  kbContext(ids: readonly string[]): Promise<Record<string, string[]>>;
  /**
   * Makes `from` part of `into`: its names, mentions, quotes, events and relations, every stored
   * record that named it and every count follow; `from` stays as an id that leads to `into`.
   */
  mergeEntities(into: string, from: string, decision: Decision): Promise<EntityInfo>;
  /** Moves the documents that call `id` by one of `names` to a new entity, kept apart from `id`. */
  splitEntity(id: string, names: readonly string[], decision: Decision): Promise<EntityInfo>;
  /** Gives an entity the name a user chose; automatic naming leaves it alone afterwards. */
  renameEntity(id: string, name: string, decision: Decision): Promise<EntityInfo>;
  /** Records that two entities are different: resolution never merges them. */
  notSame(a: string, b: string, decision: Decision): Promise<void>;
  /** Decisions about entities (user corrections and automatic merges), newest first. */
  decisions(entity?: string): Promise<DecisionRecord[]>;
  /**
   * Undoes a merge, split, rename or not-same, recorded as an `undo` decision (the original stays
   * in the trail, marked `undone`). Refused when it was undone already, cannot be undone, or a
   * later correction built on it. Answers the undo decision.
   */
  undoDecision(seq: number, decision: Decision): Promise<DecisionRecord>;

  // ---- copies and sources (src/stories) ---------------------------------------------------
  /**
   * Stored documents indexed for copies (src/stories/copies.ts `indexed`) whose sketch (src/stories/shingles.ts) shares
   * any of these sampled shingle hashes, most shared first, with their text for an exact check.
   * A hash found in more than COPY_POSTINGS_MAX documents is common phrasing and finds none.
   */
  copyCandidates(sample: readonly number[], opts?: CopyQuery): Promise<CopyCandidate[]>;
  /**
   * For each line hash (src/stories/shingles.ts), how many stored originals (no `copyOf`) of this outlet
   * (folded; '' for documents without one) have that line among their first or last lines,
   * counted up to `cap`.
   */
  outletLines(outlet: string, lines: readonly number[], opts?: { readonly before?: string; readonly cap?: number }): Promise<number[]>;
  /** For each of these ids (or hashes) that is stored: its source, copyOf, outlet and date, in the order asked. */
  docSources(ids: readonly string[]): Promise<DocSource[]>;
  // ---- stories: the documents that report one event (src/stories) --------------------------
  /**
   * What story clustering weighs a landing document against (src/stories/story-index.ts): the
   * document frequencies of its keys, the stored documents found by its index keys (bounded),
   * their current stories, and the id a story it opens would get.
   */
  storyPool(doc: string, features: StoryFeatures): Promise<StoryPool>;
  /** Makes story `from` part of `into`: its documents and their records follow; `from` leads to `into`. */
  mergeStories(into: string, from: string): Promise<void>;
  /** Stories of two documents or more grown to twice their size since they were last settled (see settleStory), oldest first. */
  unsettledStories(limit?: number): Promise<string[]>;
  /**
   * Weighs again the first `docs` documents of a story (those that joined it young), each taken
   * out of it first; `choose` names the story it belongs to now, undefined for one of its own.
   * Moved documents' records follow. One transaction; returns the number of documents moved.
   */
  settleStory(id: string, choose: StoryChooser, docs: number): Promise<number>;
  /** Stories, most documents first. */
  stories(query?: Page): Promise<StoryInfo[]>;
  /** One story (a merged-away id leads to its survivor), its documents in order of publication. */
  story(id: string): Promise<StoryDetail | undefined>;
  /** Number of stored documents. */
  count(): Promise<number>;
  close(): Promise<void>;
}

/** An open group of writes (Store.group). */
export interface WriteGroup {
  /** Makes the group's writes durable; when it fails none of them is stored, and it throws. */
  commit(): Promise<void>;
  /** Takes back every write of the group. */
  rollback(): Promise<void>;
}

/** A hash in more postings than this is left out of copy candidates. */
export const COPY_POSTINGS_MAX = 100;

export interface CopyQuery {
  /** Only documents stored before this one (by id), when it is stored: reprocess finds what ingest found. */
  readonly before?: string;
  /** Most candidates returned (default 5). */
  readonly limit?: number;
  /** Only documents sharing at least this many of the sample's hashes (default 1): others are not read. */
  readonly minShared?: number;
}

export interface CopyCandidate {
  readonly id: string;
  readonly text: string;
  readonly published?: string;
  readonly outlet?: string;
  readonly source?: string;
  /** Sampled hashes it shares with the query. */
  readonly shared: number;
  /** Storage order: lower was stored earlier. */
  readonly order: number;
}

/** What independence is decided on (src/stories/independence.ts). */
export interface DocSource {
  readonly id: string;
  /** The record's `source`: the wire its dateline names, else its origin's, else its outlet (folded). */
  readonly source?: string;
  /** The record's `copyOf`: the stored document it reproduces. */
  readonly copyOf?: string;
  /** The outlet as the document gives it (not folded). */
  readonly outlet?: string;
  readonly published?: string;
}

/** Who decided a change to the knowledge base, why, and on what evidence. */
export interface Decision {
  readonly who: string;
  readonly note?: string;
  /** The document and words that show it, for decisions read from text. */
  readonly doc?: string;
  readonly start?: number;
  readonly end?: number;
  readonly evidence?: string;
}

export interface DecisionRecord extends Decision {
  readonly seq: number;
  readonly action: 'merge' | 'split' | 'rename' | 'not-same' | 'undo';
  readonly a: string;
  readonly b?: string;
  /** A rename's new name, a split's names (`; `), an undo's action undone. */
  readonly name?: string;
  /** The seq of the decision that undid this one. */
  readonly undone?: number;
  /** Set on a correction that `undoDecision` can undo (and has not). */
  readonly undoable?: boolean;
  /** An undo's: the seq of the decision it undid. */
  readonly undoes?: number;
  /** ISO timestamp. */
  readonly at: string;
}

/** A knowledge-base entity as resolution weighs it (see src/kb/resolve.ts). */
export interface KbCandidate {
  readonly id: string;
  readonly type: EntityType;
  readonly name: string;
  /** Its names, with how many documents use each. */
  readonly names: readonly { readonly name: string; readonly documents: number }[];
  readonly documents: number;
  /** GeoNames ids of the places it has been resolved to. */
  readonly places?: readonly number[];
  /** Entities a user decided are not this one. */
  readonly notSame: readonly string[];
  /** The keys asked for that found it. */
  readonly keys?: readonly string[];
}

export interface StoryPool extends StoryStats {
  /** The stories of the stored documents its index keys found, as centroids. */
  readonly stories: readonly StoryCentroid[];
  /** Each candidate story's age rank: lower was opened earlier. */
  readonly order: Readonly<Record<string, number>>;
  /** The document's own story when it is stored already, and whether it is that story's only document. */
  readonly own?: { readonly story: string; readonly alone: boolean };
  /** The id a story this document opens gets. */
  readonly newId: string;
}

/** Where a document belongs among the candidate stories of its pool; undefined: a story of its own. */
export type StoryChooser = (features: StoryFeatures, pool: StoryPool) => string | undefined;

export interface StoryInfo {
  readonly id: string;
  /** The earliest document's title, else its first line. */
  readonly title: string;
  readonly documents: number;
  /** Outlets in order of first publication. */
  readonly outlets: string[];
  /** First and last publication day. */
  readonly first?: string;
  readonly last?: string;
}

export interface StoryDoc extends DocRef {
  /** The document this one copies, when the record says so. */
  readonly copyOf?: string;
}

export interface StoryDetail extends StoryInfo {
  /** Its documents in order of publication (undated last, then as stored). */
  readonly items: StoryDoc[];
  /** Ids merged into this one. */
  readonly formerIds: string[];
}

export interface RecordStamp {
  readonly id: string;
  readonly hash: string;
  readonly stages: readonly { readonly name: string; readonly version: string }[];
}

export interface PutResult {
  readonly status: 'added' | 'present';
  /** The stored document's id (for 'present', the id it was first stored under). */
  readonly id: string;
}

export type Interval = 'day' | 'month' | 'year';

export interface Page {
  readonly limit?: number;
  readonly offset?: number;
}

export interface SearchQuery extends Page {
  /**
   * Words must all occur (stemmed, accents ignored); "double quotes" make a phrase,
   * OR between two terms makes either enough, a leading - excludes a term, a trailing * is a prefix.
   */
  readonly q?: string;
  /** Entity ids (keys) that must all be mentioned. */
  readonly entity?: string | readonly string[];
  /** Entity type that must be mentioned at least once. */
  readonly type?: EntityType;
  /** Place name that must be found in the document. */
  readonly place?: string;
  readonly outlet?: string;
  /** Inclusive publication date bounds, YYYY-MM-DD (or any ISO prefix). */
  readonly from?: string;
  readonly to?: string;
  /**
   * Facet counts; off by default because they cost a few queries. They count the first hits in
   * result order (a store may bound how many; `Facets.over` says how many were counted).
   */
  readonly facets?: boolean;
  /** Highlight marks around matched words in snippets; default « and ». */
  readonly mark?: readonly [string, string];
}

export interface SearchHit {
  readonly id: string;
  readonly title?: string;
  readonly snippet: string;
  readonly meta: DocMeta;
  /** Higher is better (negated bm25); 0 when browsing without a query. */
  readonly score: number;
}

export interface FacetCount {
  readonly value: string;
  /** Human-readable label (an entity's name) where value is an id. */
  readonly label?: string;
  readonly count: number;
}

export interface Facets {
  readonly outlet: FacetCount[];
  readonly entity: FacetCount[];
  readonly type: FacetCount[];
  readonly place: FacetCount[];
  /** Documents per month of publication (YYYY-MM). */
  readonly month: FacetCount[];
  /** How many documents the counts cover: the first hits in result order (best first, or newest first when browsing). */
  readonly over: number;
  /** True when more documents match than were counted, so the counts describe the best hits only. */
  readonly approximate?: boolean;
}

export interface SearchResult {
  /** Matching documents; exact unless totalCapped. */
  readonly total: number;
  /** More documents match than the store counts: total is then its counting cap, a lower bound. */
  readonly totalCapped?: boolean;
  /** Hits are the best-scored of only this many matches, the most recently stored. */
  readonly rankedOver?: number;
  readonly hits: SearchHit[];
  readonly facets?: Facets;
}

export interface EntityInfo {
  readonly id: string;
  readonly type: EntityType;
  readonly name: string;
  readonly aliases: string[];
  readonly description?: string;
  readonly documents: number;
  readonly mentions: number;
  /** One entity: each name with the documents that use it, most used first. */
  readonly names?: { name: string; documents: number }[];
  /** One entity: the types documents gave it, most often first. */
  readonly types?: { type: EntityType; documents: number }[];
  /** One entity: the first and last publication day of the documents that name it. */
  readonly firstSeen?: string;
  readonly lastSeen?: string;
  /** One entity: outlets that name it, most documents first. */
  readonly outlets?: { outlet: string; documents: number }[];
  /** Ids merged into this one, which lead here. */
  readonly formerIds?: string[];
}

export interface EntityMatch extends EntityInfo {
  /** How many documents call the entity by the name looked up. */
  readonly called: number;
  /** `name`: called exactly that; `similar`: a spelling of it, or a person of that surname. */
  readonly match: 'name' | 'similar';
}

export interface EntityQuery extends Page {
  /** Name or alias prefix, case and accents ignored. */
  readonly q?: string;
  readonly type?: EntityType;
}

export interface PeriodCount {
  readonly period: string;
  readonly documents: number;
  readonly mentions: number;
}

export interface EntityCount {
  readonly id: string;
  readonly name: string;
  readonly type: EntityType;
  readonly documents: number;
}

export interface DocRef {
  readonly doc: string;
  readonly title?: string;
  readonly outlet?: string;
  readonly published?: string;
}

export interface QuoteQuery extends Page {
  /** Speaker name, matched against the resolved entity's name and aliases and the speaker text. */
  readonly speaker?: string;
  /** Speaker entity id. */
  readonly entity?: string;
  /** Entity id mentioned inside the quote (quotes about it; its own words left out). */
  readonly about?: string;
  /** With `about`: only in its this many newest documents (a bounded sample, however famous it is). */
  readonly recent?: number;
  readonly doc?: string;
  /** The outlet of the quoting document, case ignored. */
  readonly outlet?: string;
  /** The quoting document's date range (YYYY, YYYY-MM or YYYY-MM-DD, both ends included). */
  readonly from?: string;
  readonly to?: string;
}

export interface QuoteHit extends DocRef {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: 'direct' | 'indirect';
  /** Speaker entity id, when resolved. */
  readonly speaker?: string;
  readonly speakerName?: string;
  readonly speakerText?: string;
  readonly cue?: string;
}

/**
 * Places with coordinates, grouped by name and point. A toponym embedded in a longer name of
 * another kind (an organisation, a work, an event: "Air France") is left out.
 */
export interface PlaceQuery extends Page {
  readonly doc?: string;
  /** Only places found in documents that mention this entity id. */
  readonly entity?: string;
  /** With `entity`: only in its this many newest documents. */
  readonly recent?: number;
  /** Name prefix, case and accents ignored. */
  readonly q?: string;
  readonly country?: string;
  /** Only places in documents published on or after / on or before (YYYY, YYYY-MM or YYYY-MM-DD). */
  readonly from?: string;
  readonly to?: string;
}

export interface PlaceHit {
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  readonly country?: string;
  readonly geonameId?: number;
  readonly documents: number;
  readonly mentions: number;
}

export interface EventQuery extends Page {
  readonly doc?: string;
  readonly type?: string;
  /** Entity id as actor or target. */
  readonly entity?: string;
  readonly from?: string;
  readonly to?: string;
}

export interface EventHit extends DocRef {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  /** The evidence text. */
  readonly text: string;
  readonly actor?: string;
  readonly target?: string;
  readonly place?: string;
  readonly time?: string;
  /** The date used for ordering: the event's time when it is a date, else the document's. */
  readonly date?: string;
  /** The event item as the pipeline produced it (for optional fields). */
  readonly item: Record<string, unknown>;
}

export interface ClaimRowQuery {
  /** Entity id the assertion is about, on either side (subject, or an event's target, a relation's b). */
  readonly entity?: string;
  readonly kind?: ClaimKind;
  /** The kind's key: an event or relation type, a figure's unit and event type. */
  readonly key?: string;
  /** Inclusive bounds on the day the assertion is about, YYYY-MM-DD (or a prefix). */
  readonly from?: string;
  readonly to?: string;
  /** Most rows read (per side of the entity); the store may cap it. */
  readonly limit?: number;
}

export interface RelationQuery extends Page {
  /** Entity id on either side. */
  readonly entity?: string;
  readonly type?: string;
  readonly doc?: string;
}

export interface RelationHit {
  readonly type: string;
  readonly a: { readonly id: string; readonly name: string };
  readonly b: { readonly id: string; readonly name: string };
  readonly documents: number;
  /** Up to five pieces of evidence: document and span. */
  readonly evidence: (DocRef & { start: number; end: number; text: string })[];
}
