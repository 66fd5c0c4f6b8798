// What the benchmarks share: the built package, their flags, and the real articles they start from.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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
