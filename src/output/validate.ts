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
  const r = record as Record<string, unknown> & { text: string };
  const errors: string[] = [];
  const ids = (field: string) => new Set(((r[field] as { id?: unknown }[] | undefined) ?? []).map((x) => x.id));
  const known = { entities: ids('entities'), quotes: ids('quotes'), quantities: ids('quantities'), places: ids('places') };
  for (const layer of LAYERS) {
    for (const { field } of layer.record) {
      (r[field] as Item[] | undefined)?.forEach((it, i) => {
        if (typeof it.start === 'number' && typeof it.end === 'number' && (it.start > it.end || it.end > r.text.length)) {
          errors.push(`/${field}/${i} span ${it.start}-${it.end} is outside the text (length ${r.text.length})`);
        }
        for (const ref of layer.refs ?? []) {
          const v = it[ref.field];
          for (const id of v === undefined ? [] : Array.isArray(v) ? v : [v]) {
            if (!known[ref.to].has(id)) errors.push(`/${field}/${i}/${ref.field} "${id}" is not an id in ${ref.to}`);
          }
        }
      });
    }
  }
  return errors;
}
