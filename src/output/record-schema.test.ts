import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { LAYERS } from '../layers/index.js';
import { SCHEMA_FILE, recordSchema, recordSchemaText } from './record-schema.js';

test('schema/newsgraph-1.schema.json is what the layer declarations produce (npm run build:schema writes it)', () => {
  const committed = readFileSync(SCHEMA_FILE, 'utf8');
  assert.deepEqual(JSON.parse(committed), recordSchema(), 'schema file out of date: run npm run build:schema');
  assert.equal(committed, recordSchemaText(), 'schema file formatted differently: run npm run build:schema');
});

test('every layer array of the record schema uses its declaration’s item schema', () => {
  const s = recordSchema() as { properties: Record<string, { items: unknown }>; $defs: Record<string, unknown> };
  for (const layer of LAYERS) {
    for (const { field } of layer.record) {
      const items = s.properties[field]!.items;
      assert.deepEqual(layer.def ? s.$defs[layer.def] : items, layer.schema, field);
    }
  }
});
