import type { Span } from '../core/span.js';

/**
 * What a layer module declares about its layer, so the record schema, the OpenAPI components,
 * the store's tables and the export columns are read from one place instead of kept in step.
 */
export interface LayerSpec<N extends string, T, R = never> {
  readonly name: N;
  /** The record's arrays holding the layer's items (mentions has two: names and references). */
  readonly record: readonly RecordField[];
  /** JSON Schema (2020-12) of one item as the record writes it; `$ref`s point at `#/$defs/…`. */
  readonly schema: JsonSchema;
  /** Name of `schema` among the record schema's `$defs`; without one the schema is written inline. */
  readonly def?: string;
  /** Further definitions the schema refers to. */
  readonly defs?: Readonly<Record<string, JsonSchema>>;
  /** Items get ids `<prefix>1`, `<prefix>2`… in document order (see `numbered`). */
  readonly idPrefix?: string;
  /** Fields holding ids of another layer's items: checked by validateRecord. */
  readonly refs?: readonly Ref[];
  /** The store's per-document table of the layer. */
  readonly table?: TableSpec<T>;
  /** Columns of the exports that write one row (or feature) per item, by export format. */
  readonly exports?: Readonly<Record<string, readonly ExportColumn<R>[]>>;
}

export type JsonSchema = { readonly [keyword: string]: unknown };

export interface RecordField {
  readonly field: string;
  readonly description?: string;
  /** Absent from records that do not ask for it (tokens) or have none (references). */
  readonly optional?: boolean;
  /** Counted per document in the CSV export and `newsgraph show`. */
  readonly counted?: boolean;
}

export interface Ref {
  readonly field: string;
  readonly to: 'entities' | 'quotes' | 'quantities' | 'places';
}

// ---- JSON Schema fragments ---------------------------------------------------------------

export const ref = (def: string): JsonSchema => ({ $ref: `#/$defs/${def}` });
export const SPAN = ref('span');
export const OFFSET = ref('offset');

/** Schema properties for exactly the item's own fields: the compiler refuses a field missing on either side. */
type Properties<T> = { readonly [K in Exclude<keyof T, keyof Span> & string]-?: JsonSchema };
type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T] & string;

/** The schema of an item with a span (start, end) and further fields. */
export function spanItem<T extends Span>(required: readonly Exclude<RequiredKeys<T>, keyof Span>[], properties: Properties<T>): JsonSchema {
  return { allOf: [SPAN], required, properties };
}

/** The schema of an item without a span. */
export function objectItem<T>(required: readonly RequiredKeys<T>[], properties: Properties<T>): JsonSchema {
  return { type: 'object', required, properties };
}

/** The id of a layer's items: its prefix, then a number from 1. */
export const idSchema = (prefix: string): JsonSchema => ({ type: 'string', pattern: `^${prefix}[1-9][0-9]*$` });

// ---- ids ---------------------------------------------------------------------------------

/** An item as a stage builds it, before it is numbered. */
export type Unnumbered<T extends { readonly id: string }> = Omit<T, 'id'>;

/**
 * Gives items their ids in layer order (document order): layers point at each other by id,
 * so an item keeps its identity when a layer is filtered or re-sorted.
 */
export function numbered<T extends { readonly id: string }>(layer: LayerSpec<string, T, never>, items: readonly Unnumbered<T>[]): T[] {
  return items.map((item, i) => ({ id: `${layer.idPrefix}${i + 1}`, ...item }) as unknown as T);
}

// ---- store tables ------------------------------------------------------------------------

export type SqlValue = string | number | null | undefined;

/** A document's entity as the store keeps it: its row and its cross-document key. */
export interface StoredEntity {
  readonly row: number;
  readonly key: string;
}

/** What the store knows while it writes one document's rows. */
export interface RowContext {
  /** The document's row. */
  readonly doc: number;
  readonly text: string;
  /** YYYY-MM-DD of publication, when known. */
  readonly day?: string;
  /** The stored entity behind a local entity id (`e3`) of this record. */
  entity(local: string | undefined): StoredEntity | undefined;
  /** The entity keyed by a name that resolution left alone, stored when new. */
  named(type: string, name: string): StoredEntity;
  /** Whether a local id is a generic participant of this record ("three people"): no stored entity, no key. */
  generic?(local: string): boolean;
  normalizeName(name: string): string;
  dayOf(value: string | undefined): string | undefined;
}

export interface Column<T> {
  readonly name: string;
  /** The declared type, as PRAGMA table_info reports it. */
  readonly type: 'INTEGER' | 'REAL' | 'TEXT';
  readonly notNull?: boolean;
  /** The cell for one item; undefined is stored as NULL. `seq` is the item's place in its layer. */
  readonly value: (item: T, ctx: RowContext, seq: number) => SqlValue;
}

export interface TableSpec<T> {
  readonly name: string;
  readonly columns: readonly Column<T>[];
  /** The items that get a row (all when absent); the others stay in the record only. */
  readonly keep?: (item: T) => boolean;
}

/** Columns every layer table starts with. */
export const DOC: Column<unknown> = { name: 'doc', type: 'INTEGER', notNull: true, value: (_, c) => c.doc };
export const SEQ: Column<unknown> = { name: 'seq', type: 'INTEGER', notNull: true, value: (_, _c, seq) => seq };
export const START: Column<Span> = { name: 'start', type: 'INTEGER', notNull: true, value: (s) => s.start };
export const END: Column<Span> = { name: 'end', type: 'INTEGER', notNull: true, value: (s) => s.end };
/** The item's words: its own `text` field, else its span of the document. */
export const TEXT: Column<Span & { readonly text?: string }> = {
  name: 'text', type: 'TEXT', notNull: true, value: (s, c) => s.text ?? c.text.slice(s.start, s.end),
};

/** A finite number, else NULL. */
export const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
export const str = (v: unknown): string | undefined => (v == null ? undefined : String(v));
/** The cross-document key of a local entity id; other values (a name) are kept as they are. */
export const keyOf = (v: unknown, c: RowContext): string | undefined => (v == null || c.generic?.(String(v)) ? undefined : (c.entity(String(v))?.key ?? String(v)));

// ---- exports -----------------------------------------------------------------------------

/** One column of an export that writes a row per item, read from the row the exporter flattens the item to. */
export interface ExportColumn<R> {
  readonly name: string;
  readonly value: (row: R) => unknown;
}

/** A layer's columns for one export format. */
export function exportColumns<R>(layer: LayerSpec<string, never, R>, format: string): readonly ExportColumn<R>[] {
  const cols = layer.exports?.[format];
  if (!cols) throw new Error(`layer ${layer.name} declares no ${format} columns`);
  return cols;
}
