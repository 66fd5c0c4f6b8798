import { LAYERS } from '../layers/index.js';
import type { JsonSchema } from '../layers/spec.js';
import { SCHEMA_ID, type CollectionField } from './record.js';

/** The published copy, written by `npm run build:schema` and checked against recordSchema() by a test. */
export const SCHEMA_FILE = new URL('../../schema/newsgraph-1.schema.json', import.meta.url);

const OFFSET = { type: 'integer', minimum: 0 };
const SPAN = { type: 'object', required: ['start', 'end'], properties: { start: { $ref: '#/$defs/offset' }, end: { $ref: '#/$defs/offset' } } };

const META = {
  type: 'object',
  properties: {
    title: { type: 'string' },
    author: { type: 'string' },
    outlet: { type: 'string' },
    url: { type: 'string' },
    published: { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2}([T ].*)?)?)?$', description: 'ISO 8601 date or timestamp.' },
    lang: { type: 'string', description: 'The language the source declares (an HTML lang attribute).' },
    language: { type: 'string', pattern: '^[a-z]{3}$', description: 'The language detected from the text: ISO 639-3 (eng, fra, …), und when it cannot be told. Extraction stages written for English skip other languages, with a language.unsupported diagnostic.' },
    origin: { type: 'string', description: 'Where the text came from: path, URL or stdin, with a record index for multi-record inputs.' },
  },
  additionalProperties: { type: 'string' },
};

const STAGES = {
  type: 'array',
  items: {
    type: 'object',
    required: ['name', 'version', 'ms'],
    properties: { name: { type: 'string' }, version: { type: 'string' }, ms: { type: 'number', minimum: 0 } },
  },
};

const DIAGNOSTICS = {
  type: 'array',
  items: {
    type: 'object',
    required: ['level', 'stage', 'rule', 'message'],
    properties: {
      level: { enum: ['info', 'warning', 'error'] },
      stage: { type: 'string' },
      rule: { type: 'string' },
      message: { type: 'string' },
      start: { $ref: '#/$defs/offset' },
      end: { $ref: '#/$defs/offset' },
    },
  },
};

/** The fields collection stages set as a document lands in a store. */
export const COLLECTION_SCHEMA: Record<CollectionField, JsonSchema> = {
  copyOf: { type: 'string', description: 'Set in a store: id of the earliest stored document this one reproduces (wire copy, republication, revision).' },
  copyShare: { type: 'number', minimum: 0, maximum: 1, description: 'Set in a store: share of this document\'s own text found in `copyOf`.' },
  story: { type: 'string', description: 'Set in a store: stable id of the story, the documents that report the same event.' },
  source: { type: 'string', description: 'Set in a store: the independent source this document counts as (the wire its dateline names, else the source of the document it copies, else its outlet), folded.' },
};

/**
 * The JSON Schema of a newsgraph/1 record: the document fields here, each layer's array and
 * item definition from its declaration in src/layers.
 */
export function recordSchema(): JsonSchema {
  const layerFields: Record<string, JsonSchema> = {};
  const defs: Record<string, JsonSchema> = { offset: OFFSET, span: SPAN };
  const required: string[] = [];
  for (const layer of LAYERS) {
    Object.assign(defs, layer.defs);
    if (layer.def) defs[layer.def] = layer.schema;
    const items = layer.def ? { $ref: `#/$defs/${layer.def}` } : layer.schema;
    for (const f of layer.record) {
      layerFields[f.field] = { type: 'array', items, ...(f.description ? { description: f.description } : {}) };
      if (!f.optional) required.push(f.field);
    }
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://github.com/newsgraph/newsgraph/schema/newsgraph-1.schema.json',
    title: `${SCHEMA_ID} record`,
    description:
      'One processed news article. Offsets are UTF-16 code units into `text`, 0-based, end exclusive (String#slice). ' +
      'Items point at other items of the same record by id, never by array index: entity ids (`entities[].id`) in mentions, ' +
      'quotes, places, relations and events; quote, place and quantity ids in quantities and events. ' +
      'Fields not listed here may appear on layer items; consumers must ignore what they do not know.',
    type: 'object',
    required: ['schema', 'id', 'hash', 'text', 'meta', ...required, 'stages', 'diagnostics'],
    properties: {
      schema: { const: SCHEMA_ID },
      id: { type: 'string', minLength: 1, description: 'Document id: the content hash, or the id the input supplied (JSON Lines `id`).' },
      hash: { type: 'string', pattern: '^[0-9a-f]{16}$', description: 'First 16 hex digits of the SHA-256 of the normalised text.' },
      text: { type: 'string', description: 'The normalised text (NFC, \\n line ends); never changes after ingest.' },
      meta: META,
      ...layerFields,
      ...COLLECTION_SCHEMA,
      stages: STAGES,
      diagnostics: DIAGNOSTICS,
    },
    additionalProperties: true,
    $defs: defs,
  };
}

/** The schema file's text: what the build script writes and the test compares. */
export function recordSchemaText(): string {
  return JSON.stringify(recordSchema(), null, 2) + '\n';
}
