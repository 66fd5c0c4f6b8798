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
 * Lands writes as `ingest` does: in groups of writes committed together (INGEST_GROUP in
 * src/workers/batch.ts; `--group N` to change the size, `--group 1` to commit each document).
 * `open()` before a document's first write, `landed()` after its last, `commit()` at a batch end
 * (it says how long it took).
 */
export async function groupedWrites(store) {
  const { INGEST_GROUP } = await dist('workers/batch.js');
  const size = Number(flag('--group', String(INGEST_GROUP.docs)));
  let group, n = 0;
  /** Commits the open group; the milliseconds it took, to count with the writes. */
  const commit = async () => {
    const g = group, t = performance.now();
    group = undefined;
    await g?.commit();
    return performance.now() - t;
  };
  return {
    size,
    async open() { if (size > 1 && !group) group = await store.group(); },
    async landed() { if (group && ++n % size === 0) await commit(); },
    commit,
  };
}

/**
 * The full-ingest baseline of a long benchmark, measured again and again while it runs: this
 * machine's speed drifts by a factor of two within minutes, so a baseline taken once at the start
 * says little of the minutes measured later. Each sample is the median of `passes` passes
 * (fullIngestMs); a stretch of the run is compared with the mean of the samples taken from its
 * start to its end.
 */
export async function ingestBaseline(texts, passes = 3) {
  const samples = [];
  const sample = async () => {
    const ms = [];
    for (let i = 0; i < passes; i++) ms.push(await fullIngestMs(texts));
    samples.push(ms.sort((a, b) => a - b)[Math.floor(passes / 2)]);
  };
  await sample();
  return {
    samples,
    sample,
    /** Where the stretch that starts now begins: the index of the last sample. */
    mark: () => samples.length - 1,
    /** The mean of the samples from `from` (a mark) on. */
    since: (from) => samples.slice(from).reduce((a, b) => a + b, 0) / (samples.length - from),
  };
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
  const writes = await groupedWrites(store);
  const t0 = performance.now();
  for (const t of texts) {
    const rec = toRecord(defaultPipeline().run(Doc.create(t)));
    await writes.open();
    await store.put(await collection.run(rec, store));
    await writes.landed();
  }
  await writes.commit();
  const ms = (performance.now() - t0) / texts.length;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return ms;
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tu', 'sha', 'vel', 'dor', 'in', 'ba', 'cor', 'eth', 'ul', 'zan', 'pri', 'mo',
  'gar', 'fe', 'nis', 'ol', 'tra', 'bel', 'ru', 'sen', 'ho', 'dax', 'ki', 'lum', 'pe', 'vor', 'ash', 'ny', 'qua', 'rim', 'so', 'tel', 'wen', 'yo', 'zed', 'ab'];
const hashOf = (s) => {
  let h = 2166136261;
  for (const ch of s) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
};
/** A made-up word standing for `word` in copy `c`: new names, keys and initials, as new entities bring. */
function pseudo(word, c, short) {
  let h = hashOf(`${word}|${c}`);
  let w = '';
  for (let i = 0; i < (short ? 2 : 3) + (h % 2); i++, h = Math.imul(h, 2654435761) >>> 0) w += SYLLABLES[(h >>> 7) % SYLLABLES.length];
  return w[0].toUpperCase() + w.slice(1);
}

/** `word` as copy `c` writes it: letters drawn from the word and the copy, its length and capitals kept. */
function cipher(word, c) {
  let h = hashOf(`${word.toLowerCase()}|${c}`), out = '';
  for (const ch of word) {
    h = Math.imul(h ^ (h >>> 13), 2654435761) >>> 0;
    const l = String.fromCharCode(97 + (h >>> 8) % 26);
    out += ch === ch.toLowerCase() ? l : l.toUpperCase();
  }
  return out;
}

/**
 * Copy `c` of a record, for growing a store from a few hundred real articles: its own id and
 * hash; every other entity renamed, so new entities keep coming (`short`: from fewer, shorter
 * names). `text`: the words outside the names are enciphered too, the same word the same way
 * throughout copy `c` (lengths kept, so every span stays in place): copy `c` of the corpus is
 * a corpus of its own, not a republication of the first (`published`: the copy's dates).
 */
export function replicaOf(rec, c, { short = false, text = false, published } = {}) {
  if (c === 0 && !published) return rec;
  const tag = c.toString(36);
  const entities = c === 0 ? rec.entities : rec.entities.map((e, i) => {
    if (i % 2 === 0) return e;
    const rename = (n) => n.split(/\s+/).map((w) => (/^\p{Lu}/u.test(w) ? pseudo(w, c, short) : w)).join(' ');
    return { ...e, name: rename(e.name), aliases: e.aliases.map(rename) };
  });
  // A renamed entity is somewhere new too: its places no longer point at it.
  const renamed = new Set(rec.entities.filter((_, i) => c > 0 && i % 2 === 1).map((e) => e.id));
  const places = rec.places.map((p) => (p.entity && renamed.has(p.entity) ? { ...p, entity: undefined } : p));
  let body = rec.text;
  if (text && c > 0) {
    // Characters inside a name, marked once: a word touching one is kept.
    const inName = new Uint8Array(body.length);
    for (const m of rec.mentions) inName.fill(1, m.start, m.end);
    body = body.replace(/\p{L}+/gu, (w, at) => (w.length === [...w].length && inName.subarray(at, at + w.length).every((x) => !x) ? cipher(w, c) : w));
  }
  const meta = published ? { ...rec.meta, published } : rec.meta;
  return { ...rec, id: `${rec.id}-${tag}`, hash: `${rec.hash}-${tag}`, text: body, entities, places, meta };
}
