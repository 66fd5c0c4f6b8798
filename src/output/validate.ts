import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { LAYERS } from '../layers/index.js';
import { recordSchema } from './record-schema.js';

let compiled: ValidateFunction | undefined;
function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    compiled = ajv.compile(recordSchema());
  }
  return compiled!;
}

type Item = Record<string, unknown> & { start?: unknown; end?: unknown };

/**
 * Problems with a newsgraph/1 record, empty when it is valid: the JSON Schema, plus what a
 * schema cannot say (spans inside the text, ids that exist).
 */
export function validateRecord(record: unknown): string[] {
  const v = validator();
  if (!v(record)) return (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
  const r = record as Record<string, unknown> & { text: string; entities: { id: string }[] };
  const errors: string[] = [];
  const entityIds = new Set(r.entities.map((e) => e.id));
  for (const layer of LAYERS) {
    for (const { field } of layer.record) {
      (r[field] as Item[] | undefined)?.forEach((it, i) => {
        if (typeof it.start === 'number' && typeof it.end === 'number' && (it.start > it.end || it.end > r.text.length)) {
          errors.push(`/${field}/${i} span ${it.start}-${it.end} is outside the text (length ${r.text.length})`);
        }
        for (const ref of layer.refs ?? []) {
          if (ref.to !== 'entities' || it[ref.field] === undefined) continue;
          if (!entityIds.has(it[ref.field] as string)) errors.push(`/${field}/${i}/${ref.field} "${it[ref.field]}" is not an entity id`);
        }
        const idx = it.placeIndex;
        if (field === 'events' && typeof idx === 'number' && !((r.places as unknown[]).length > idx)) errors.push(`/events/${i}/placeIndex ${idx} is not an index into places`);
      });
    }
  }
  return errors;
}
