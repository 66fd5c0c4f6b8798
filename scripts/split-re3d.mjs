// Splits re3d by document into a training part and a dev part, the same way every time:
// a document is in the dev part when the FNV-1a hash (32 bits) of its id is odd.
// scripts/train-relations.mjs learns from the training part only; the dev part is for measuring.
// Usage: node scripts/split-re3d.mjs [--data FILE] [--dev OUT] [--train OUT]
//   then: node ../shared/eval/relations-re3d.mjs /tmp/re3d-dev.jsonl
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export function fnv1a(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** 'dev' or 'train' for a re3d document id. */
export const re3dPart = (id) => (fnv1a(String(id)) % 2 === 1 ? 'dev' : 'train');

export const RE3D_FILE = resolve(process.cwd(), '../shared/data/re3d/train.jsonl');

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values: a } = parseArgs({
    options: {
      data: { type: 'string', default: RE3D_FILE },
      dev: { type: 'string', default: '/tmp/re3d-dev.jsonl' },
      train: { type: 'string', default: '/tmp/re3d-train.jsonl' },
    },
  });
  const lines = readFileSync(a.data, 'utf8').split('\n').filter((l) => l.trim());
  const parts = { dev: [], train: [] };
  for (const l of lines) parts[re3dPart(JSON.parse(l).id)].push(l);
  writeFileSync(a.dev, parts.dev.join('\n') + '\n');
  writeFileSync(a.train, parts.train.join('\n') + '\n');
  console.log(`${a.dev}: ${parts.dev.length} documents; ${a.train}: ${parts.train.length} documents`);
}
