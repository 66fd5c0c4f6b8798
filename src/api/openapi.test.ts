import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { LAYERS } from '../layers/index.js';
import { sampleRecords } from '../store/contract.js';
import base from './openapi.json' with { type: 'json' };
import { openApiDocument } from './openapi.js';

type Json = { [k: string]: unknown };
const doc = openApiDocument() as Json & { components: { schemas: Record<string, Json> } };

function refs(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) v.forEach((x) => refs(x, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) k === '$ref' ? out.push(String(x)) : refs(x, out);
  return out;
}

test('every $ref of the served OpenAPI document resolves', () => {
  for (const r of refs(doc)) {
    const target = r.slice(2).split('/').reduce<unknown>((o, k) => (o as Json | undefined)?.[k], doc);
    assert.ok(target, r);
  }
});

test('record and layer item components come from the layer declarations, not from openapi.json', () => {
  assert.deepEqual(Object.keys(base.components.schemas).filter((k) => k.startsWith('Record')), []);
  const schemas = doc.components.schemas;
  const record = schemas.Record as { properties: Record<string, { items: Json }> };
  for (const layer of LAYERS) {
    for (const { field } of layer.record) {
      const items = record.properties[field]!.items;
      if (!layer.def) continue;
      assert.deepEqual(items, { $ref: `#/components/schemas/Record${layer.def[0]!.toUpperCase()}${layer.def.slice(1)}` }, field);
      const component = schemas[(items.$ref as string).split('/').pop()!]!;
      assert.deepEqual(JSON.stringify(component).replace(/#\/components\/schemas\/Record(\w)/g, (_, c: string) => `#/$defs/${c.toLowerCase()}`), JSON.stringify(layer.schema), field);
    }
  }
});

test('the Record component validates records as the record schema does', () => {
  const ajv = new Ajv2020({ strict: false });
  ajv.addSchema(doc, 'api');
  const validate = ajv.getSchema('api#/components/schemas/Record')!;
  for (const r of sampleRecords()) assert.equal(validate(r), true, JSON.stringify(validate.errors));
  assert.equal(validate({ ...sampleRecords()[0]!, quotes: [{ start: 0, end: 3, kind: 'hearsay' }] }), false);
});
