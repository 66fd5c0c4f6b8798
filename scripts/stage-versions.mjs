// Writes dist/stage-versions.json: for each default stage (document and collection), a hash of the compiled modules its
// defining module imports (transitively, relative imports only) and of the assets it declares.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { defaultStages, defaultCollectionStages } = await import('../dist/pipeline/default.js');
const { stageModules } = await import('../dist/pipeline/version.js');
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

function closure(entry) {
  const seen = new Set();
  const todo = [entry];
  while (todo.length) {
    const file = todo.pop();
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) todo.push(resolve(dirname(file), m[1]));
  }
  return [...seen];
}

const versions = {};
for (const stage of [...defaultStages(), ...defaultCollectionStages()]) {
  const url = stageModules().get(stage.name);
  if (!url) throw new Error(`stage ${stage.name} was not made with defineStage`);
  const files = [...closure(fileURLToPath(url)), ...(stage.assets ?? []).map((a) => resolve(root, a))];
  const h = createHash('sha256');
  for (const f of files.map((f) => relative(root, f)).sort()) {
    if (!existsSync(resolve(root, f))) throw new Error(`stage ${stage.name}: asset ${f} is missing`);
    h.update(f).update('\0').update(readFileSync(resolve(root, f))).update('\0');
  }
  versions[stage.name] = h.digest('hex').slice(0, 12);
}
writeFileSync(new URL('../dist/stage-versions.json', import.meta.url), JSON.stringify(versions, null, 2) + '\n');
