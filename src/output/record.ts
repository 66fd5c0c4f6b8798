import type { Diagnostic } from '../core/diagnostics.js';
import type { Doc } from '../core/doc.js';
import type { Entity, Event, Mention, Place, Quantity, Quote, Relation, Time } from '../core/layers.js';
import type { DocMeta } from '../core/meta.js';
import type { Span } from '../core/span.js';
import type { PipelineResult, StageTiming } from '../pipeline/pipeline.js';
import { focusCountries } from '../stages/places/focus.js';

export const SCHEMA_ID = 'newsgraph/1';

/**
 * Fields a collection stage sets on a record as it lands in a store (what other documents say
 * of this one); a plain extraction has none of them.
 */
export interface CollectionFields {
  /** Id of the earliest stored document this one reproduces: wire copy, republication, revision. */
  copyOf?: string;
  /** Share (0-1) of this document's own text found in `copyOf`. */
  copyShare?: number;
  /** Stable id of the story: the documents that report the same event. */
  story?: string;
  /**
   * The independent source this document counts as: the wire its dateline names, else the source
   * of the document it copies, else its own outlet (folded: "The Washington Post" = "washington post").
   */
  source?: string;
}
export type CollectionField = keyof CollectionFields;

/**
 * The public output record, schema newsgraph/1 (schema/newsgraph-1.schema.json).
 * Offsets are UTF-16 code units into `text`, end exclusive.
 */
export interface NewsRecord extends CollectionFields {
  schema: typeof SCHEMA_ID;
  id: string;
  hash: string;
  text: string;
  meta: DocMeta;
  sentences: Span[];
  paragraphs: Span[];
  tokens?: { start: number; end: number }[];
  /** Names: the mentions a named-entity tagger is scored on. */
  mentions: Mention[];
  /** Descriptions ("the group") and pronouns ("he") that refer to an entity of `entities`. */
  references?: Mention[];
  entities: Entity[];
  quotes: Quote[];
  quantities: Quantity[];
  times: Time[];
  places: Place[];
  /** ISO 3166-1 alpha-2 codes of the countries the article is about, most weight first (from places). */
  focus?: string[];
  relations: Relation[];
  events: Event[];
  stages: StageTiming[];
  diagnostics: Diagnostic[];
}

const spans = (xs: readonly Span[]) => xs.map((s) => ({ start: s.start, end: s.end }));
const isName = (m: Mention) => m.kind !== 'nominal' && !(m.kind === 'pronoun' && m.entity);

export interface RecordOptions {
  /** Include the token layer (large; off by default). */
  tokens?: boolean;
}

export function toRecord(result: PipelineResult, opts: RecordOptions = {}): NewsRecord {
  const d: Doc = result.doc;
  const rec: NewsRecord = {
    schema: SCHEMA_ID,
    id: d.id,
    hash: d.hash,
    text: d.text,
    meta: { ...d.meta },
    sentences: spans(d.layer('sentences')),
    paragraphs: spans(d.layer('paragraphs')),
    mentions: d.layer('mentions').filter(isName),
    references: d.layer('mentions').filter((m) => !isName(m)),
    entities: [...d.layer('entities')],
    quotes: [...d.layer('quotes')],
    quantities: [...d.layer('quantities')],
    times: [...d.layer('times')],
    places: [...d.layer('places')],
    relations: [...d.layer('relations')],
    events: [...d.layer('events')],
    stages: result.timings.map((t) => ({ name: t.name, version: t.version, ms: Math.round(t.ms * 1000) / 1000 })),
    diagnostics: [...result.diagnostics],
  };
  if (d.has('places')) rec.focus = focusCountries(d.layer('places'));
  if (opts.tokens) rec.tokens = spans(d.layer('tokens'));
  return rec;
}
