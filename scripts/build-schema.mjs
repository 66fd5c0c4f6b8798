// Writes schema/newsgraph-1.schema.json from the layer declarations (src/layers), after a build.
// src/output/record-schema.test.ts fails until the committed file matches them.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SCHEMA_FILE, recordSchemaText } from '../dist/output/record-schema.js';

writeFileSync(SCHEMA_FILE, recordSchemaText());
console.log(`wrote ${fileURLToPath(SCHEMA_FILE)}`);
