// What the benchmarks share: the built package, their flags, and the real articles they start from.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** A module of the built package (run `npm run build` first). */
export const dist = (p) => import(new URL(`../dist/${p}`, import.meta.url).href);
const argv = process.argv.slice(2);
/** The value after `--name` on the command line, else `dflt`. */
export const flag = (name, dflt) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);

/** Real articles: PolNeAR train from ../shared when present (the first `limit`), else examples/; and where they came from. */
export async function realTexts(limit = Infinity) {
  const corpus = [resolve(process.cwd(), '../shared/data/polnear/train/text'), join(ROOT, '../shared/data/polnear/train/text')].find(existsSync);
  if (corpus) return { corpus, texts: readdirSync(corpus).sort().slice(0, limit).map((n) => readFileSync(join(corpus, n), 'utf8')) };
  const { readInputs } = await dist('ingest/read.js');
  const texts = [];
  for await (const item of readInputs([join(ROOT, 'examples')], {})) if (item.ok) texts.push(item.doc.text);
  return { corpus: 'examples', texts };
}

/**
 * What ingesting a real article costs, in ms per document: extraction, then storing with the
 * default collection (knowledge base, copies, stories), into a fresh store; the models are warmed
 * once outside the timing. The baseline that collection-stage benchmarks give their share of.
 */
export async function fullIngestMs(texts) {
  const { Doc, defaultPipeline, toRecord } = await dist('index.js');
  const { defaultCollection } = await dist('pipeline/default.js');
  const { SqliteStore } = await dist('store/sqlite/sqlite-store.js');
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-ingest-bench-'));
  const store = new SqliteStore(join(dir, 'ingest.db'));
  const collection = defaultCollection();
  defaultPipeline().run(Doc.create(texts[0]));
  const t0 = performance.now();
  for (const t of texts) await store.put(await collection.run(toRecord(defaultPipeline().run(Doc.create(t))), store));
  const ms = (performance.now() - t0) / texts.length;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return ms;
}
