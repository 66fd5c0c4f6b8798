import type { JsonSchema } from '../layers/spec.js';
import { recordSchema } from '../output/record-schema.js';
import base from './openapi.json' with { type: 'json' };

/** `span` -> `RecordSpan`: the record's definitions beside the API's own components. */
const componentName = (def: string) => `Record${def[0]!.toUpperCase()}${def.slice(1)}`;

/** Points the record schema's `#/$defs/…` references at the components they become. */
function rewriteRefs(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(rewriteRefs);
  if (!v || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) =>
    [k, k === '$ref' && typeof x === 'string' && x.startsWith('#/$defs/') ? `#/components/schemas/${componentName(x.slice(8))}` : rewriteRefs(x)]));
}

/** The record schema as OpenAPI components: `Record`, and one per definition (`RecordQuote`, `RecordEvent`…). */
export function recordComponents(): Record<string, JsonSchema> {
  const { $schema: _s, $id: _i, $defs, ...record } = recordSchema() as JsonSchema & { $defs: Record<string, JsonSchema> };
  const out: Record<string, JsonSchema> = { Record: rewriteRefs(record) as JsonSchema };
  for (const [def, schema] of Object.entries($defs)) out[componentName(def)] = rewriteRefs(schema) as JsonSchema;
  return out;
}

let served: object | undefined;

/**
 * The document served at /api/openapi.json: the endpoints written in openapi.json, and the
 * record with its layer items from the layer declarations (src/layers), so they cannot drift.
 */
export function openApiDocument(): object {
  return (served ??= { ...base, components: { ...base.components, schemas: { ...base.components.schemas, ...recordComponents() } } });
}
