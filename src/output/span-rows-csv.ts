import type { Entity } from '../core/layers.js';
import { csvLine } from './export/csv.js';
import type { ExportFormat } from './export/formats.js';
import { lineFormat } from './export/line-format.js';
import type { NewsRecord } from './record.js';

/**
 * Tables of what a document says, one row per item, each with its span (UTF-16 offsets into the
 * record's text) and where it comes from: the document, its outlet, date, link and the
 * independent source it counts as. The leading columns are the same in every such table.
 */
const SOURCE_COLUMNS = ['doc', 'title', 'outlet', 'published', 'url', 'source', 'start', 'end'] as const;

function sourceCells(r: NewsRecord, span: { start: number; end: number }): unknown[] {
  return [r.id, r.meta?.title, r.meta?.outlet, r.meta?.published, r.meta?.url, r.source ?? '', span.start, span.end];
}

function spanTable<T extends { start: number; end: number }>(spec: {
  name: string; description: string; columns: readonly string[];
  items(r: NewsRecord): readonly T[]; cells(item: T, r: NewsRecord, entity: (id?: string) => Entity | undefined): unknown[];
}): ExportFormat {
  return lineFormat({
    name: spec.name,
    description: spec.description,
    mediaType: 'text/csv; charset=utf-8',
    extension: 'csv',
    header: csvLine([...SOURCE_COLUMNS, ...spec.columns]),
    lines: (r) => {
      const ents = new Map((r.entities ?? []).map((e) => [e.id, e]));
      const entity = (id?: string) => (id ? ents.get(id) : undefined);
      return spec.items(r).map((x) => csvLine([...sourceCells(r, x), ...spec.cells(x, r, entity)]));
    },
  });
}

/** Every name and reference (description, pronoun) with the entity it was resolved to. */
export const mentionsCsvFormat = spanTable({
  name: 'mentions-csv',
  description: 'one row per mention (names, descriptions, pronouns): span, text, type, entity and its knowledge-base id, with the document and its source',
  columns: ['text', 'type', 'kind', 'entity', 'entity_name', 'kb'],
  items: (r) => [...(r.mentions ?? []), ...(r.references ?? [])].sort((a, b) => a.start - b.start),
  cells: (m, _r, entity) => [m.text, m.type, m.kind ?? 'name', m.entity, entity(m.entity)?.name, entity(m.entity)?.kb],
});

/** Every quote with its speaker as resolved and as written, the cue, and the quoted words. */
export const quotesCsvFormat = spanTable({
  name: 'quotes-csv',
  description: 'one row per quote: span, kind, speaker (entity, knowledge-base id, words naming the source), cue and text, with the document and its source',
  columns: ['id', 'kind', 'speaker', 'speaker_name', 'speaker_kb', 'speaker_text', 'cue', 'text'],
  items: (r) => r.quotes ?? [],
  cells: (q, r, entity) => [q.id, q.kind, q.speaker, entity(q.speaker)?.name, entity(q.speaker)?.kb, q.speakerText, q.cue, r.text.slice(q.start, q.end)],
});
