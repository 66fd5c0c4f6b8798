import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

export const SCHEMA_URL = new URL('../../schema/newsgraph-1.schema.json', import.meta.url);

let compiled: ValidateFunction | undefined;
function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    compiled = ajv.compile(JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as object);
  }
  return compiled!;
}

const LAYERS = ['sentences', 'paragraphs', 'tokens', 'mentions', 'quotes', 'quantities', 'times', 'places', 'relations', 'events'] as const;

/**
 * Problems with a newsgraph/1 record, empty when it is valid: the JSON Schema, plus what a
 * schema cannot say (spans inside the text, entity ids that exist).
 */
export function validateRecord(record: unknown): string[] {
  const v = validator();
  if (!v(record)) return (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
  const r = record as Record<string, unknown> & { text: string; entities: { id: string }[] };
  const errors: string[] = [];
  const ids = new Set(r.entities.map((e) => e.id));
  for (const layer of LAYERS) {
    const items = r[layer] as { start: number; end: number; entity?: string; speaker?: string; a?: string; b?: string }[] | undefined;
    items?.forEach((it, i) => {
      if (it.start > it.end || it.end > r.text.length) errors.push(`/${layer}/${i} span ${it.start}-${it.end} is outside the text (length ${r.text.length})`);
      for (const k of ['entity', 'speaker'] as const) {
        if (it[k] !== undefined && !ids.has(it[k]!)) errors.push(`/${layer}/${i}/${k} "${it[k]}" is not an entity id`);
      }
      const idx = (it as { placeIndex?: number }).placeIndex;
      if (layer === 'events' && idx !== undefined && !((r.places as unknown[]).length > idx)) errors.push(`/events/${i}/placeIndex ${idx} is not an index into places`);
      if (layer === 'relations') for (const k of ['a', 'b'] as const) if (!ids.has(it[k]!)) errors.push(`/relations/${i}/${k} "${it[k]}" is not an entity id`);
    });
  }
  return errors;
}
