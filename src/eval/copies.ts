/*
 * Copies against a corpus built at run time from real articles (a PolNeAR-style folder:
 * metadata.tsv, train/text, dev/text): republished variants of a sample of them (dateline and
 * credit line added, bottom paragraphs cut, an update paragraph inserted, quotes, dashes, spaces
 * and case retyped), boilerplate-only groups (different articles under one invented outlet that
 * adds the same footer or editor's note to each), and the revised versions the corpus itself
 * holds (same publisher, within a week, one reproducing most of the other, found by exact
 * containment over every pair). Everything is stored in a fresh in-memory store with the
 * copies stage as it lands, in a shuffled order; pairs of documents linked by `copyOf` chains
 * are scored against the gold groups.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Doc } from '../core/doc.js';
import type { DocMeta } from '../core/meta.js';
import { NewsgraphError } from '../core/errors.js';
import { Collection } from '../pipeline/collection.js';
import { Pipeline } from '../pipeline/pipeline.js';
import { storeDoc } from '../pipeline/store-doc.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { mulberry32 } from '../stages/entities/lexicon-build.js';
import { independentGroups } from '../stories/independence.js';
import { COPY_MIN } from '../stories/copies.js';
import { containment, shingleSet, sketch } from '../stories/shingles.js';
import { copiesStage } from '../stories/stage.js';

export interface CopiesCase {
  readonly id: string;
  readonly text: string;
  readonly meta: DocMeta;
  /** Gold copy group: documents that reproduce one another share it. */
  readonly group: string;
  /** Boilerplate set: documents that share only their outlet's footer or note. */
  readonly boilerplate?: string;
}

export interface CopiesCorpusOptions {
  /** Originals that get republished variants (default: all). */
  readonly variants?: number;
  /** Articles put under each invented outlet with a footer or note (default 12). */
  readonly perBoilerplateOutlet?: number;
  /** Limit the real articles read (default: all), for a quick run. */
  readonly limit?: number;
  readonly seed?: number;
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
function shuffle<T>(r: () => number, xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

// Invented republishers, places, wires as datelines write them, and update notes.
const REPUBLISHERS = ['Harbor Ledger', 'Valley Courier', 'Northfield Gazette', 'Coastline Daily', 'Pinecrest Sentinel'];
const PLACES = ['PORT ALDEN', 'KESSEL', 'DALMORA', 'NEW VARNA', 'EASTON FALLS', 'MERIBEL HEIGHTS'];
const DATELINE_WIRES = [['(AP) —', 'Associated Press'], ['(Reuters) -', 'By Reuters'], ['(AFP) —', '— Agence France-Presse']] as const;
const UPDATES = [
  'UPDATE: This story has been updated with a statement released late on Tuesday by the county election office and with additional reporting from the capital.',
  'Editor’s update, 6:40 p.m.: A spokesperson for the campaign replied after publication, saying the figures quoted above were preliminary and would be revised.',
  'This article was updated to correct the spelling of a committee member’s name and to add the latest count from the regional tally board.',
  'Later on Wednesday, officials in the district said turnout had exceeded the previous record, and that several polling places had stayed open an extra hour.',
];
// Invented outlets, each adding one text to every article: a footer, a note, a blurb.
const BOILERPLATE_OUTLETS = [
  { outlet: 'Riverside Dispatch', at: 'end', text: 'The Riverside Dispatch is a reader-supported newsroom. Sign up for our free morning briefing to get the stories that matter to the valley delivered to your inbox every weekday, and consider becoming a member to keep our reporting independent.' },
  { outlet: 'Lakeshore Review', at: 'start', text: 'Editor’s note: The Lakeshore Review is publishing this article as part of its election coverage partnership with regional public radio stations. Opinions expressed by sources quoted here are their own and do not reflect the views of the Review or its partners.' },
  { outlet: 'Granite State Observer', at: 'end', text: 'Copyright Granite State Observer. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without written permission. To report an error or request a correction, write to the standards desk using the form on our contact page.' },
] as const;

interface Article { name: string; text: string; publisher: string; published: string; split: string }

function readArticles(dir: string, limit: number): Article[] {
  const metaFile = join(dir, 'metadata.tsv');
  const meta = new Map<string, { publisher: string; published: string }>();
  if (existsSync(metaFile)) {
    const [head, ...rows] = readFileSync(metaFile, 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t'));
    const col = (n: string) => head!.indexOf(n);
    for (const r of rows) meta.set(r[col('filename')]!, { publisher: r[col('publisher')] ?? '', published: r[col('publication_date')] ?? '' });
  }
  const out: Article[] = [];
  for (const split of ['train', 'dev']) {
    const textDir = join(dir, split, 'text');
    if (!existsSync(textDir)) continue;
    for (const f of readdirSync(textDir).filter((n) => n.endsWith('.txt')).sort()) {
      const name = f.slice(0, -4);
      const m = meta.get(name);
      out.push({ name, split, text: readFileSync(join(textDir, f), 'utf8'), publisher: m?.publisher ?? '', published: m?.published ?? '' });
    }
  }
  if (!out.length) throw new NewsgraphError('eval.input', `${dir}: no train/text or dev/text articles`);
  return out.slice(0, limit);
}

const paragraphsOf = (text: string) => text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
const nextDay = (d: string) => (d ? new Date(Date.parse(d) + 86_400_000).toISOString().slice(0, 10) : undefined);

/** Retyped: straight quotes and double hyphens for curly quotes and dashes, spaces doubled, the title upper case. */
function retype(paras: string[]): string[] {
  return paras.map((p, i) => {
    const t = p.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/[—–]/g, '--').replace(/\. /g, '.  ');
    return i === 0 ? t.toUpperCase() : t;
  });
}

/** A republished variant of an article: the edits drawn at random, at least one. */
function variantOf(a: Article, r: () => number): string {
  let [title, ...body] = paragraphsOf(a.text);
  let edits = 0;
  let credit: string | undefined;
  if (r() < 0.6 && body.length) {
    const [dateline, line] = pick(r, DATELINE_WIRES);
    body[0] = `${pick(r, PLACES)} ${dateline} ${body[0]}`;
    if (r() < 0.5) credit = line;
    edits++;
  }
  if (r() < 0.5 && body.length > 3) {
    body = body.slice(0, Math.max(2, Math.ceil(body.length * (0.5 + r() * 0.4))));
    edits++;
  }
  if (r() < 0.4 || !edits) {
    body.splice(Math.min(body.length, 1 + Math.floor(r() * 3)), 0, pick(r, UPDATES));
    edits++;
  }
  let paras = [title ?? '', ...body, ...(credit ? [credit] : [])];
  if (r() < 0.5) paras = retype(paras);
  return paras.join('\n\n') + '\n';
}

/** Same publisher, dated within a week, one reproducing most of the other: the corpus's own revisions. */
function realRevisions(articles: readonly Article[]): [number, number][] {
  const sets = articles.map((a) => shingleSet(sketch(a.text)));
  const pairs: [number, number][] = [];
  for (let i = 0; i < articles.length; i++) {
    for (let j = i + 1; j < articles.length; j++) {
      const a = articles[i]!, b = articles[j]!;
      if (!a.publisher || a.publisher !== b.publisher || Math.abs(Date.parse(a.published) - Date.parse(b.published)) > 7 * 86_400_000) continue;
      if (Math.max(containment(sets[i]!, sets[j]!), containment(sets[j]!, sets[i]!)) >= COPY_MIN) pairs.push([i, j]);
    }
  }
  return pairs;
}

/** The test corpus: originals, their variants, boilerplate groups, with gold groups; shuffled. */
export function copiesCorpus(dir: string, opts: CopiesCorpusOptions = {}): { cases: CopiesCase[]; revisions: number } {
  const r = mulberry32(opts.seed ?? 7);
  const articles = readArticles(dir, opts.limit ?? Infinity);
  // Gold groups: each article its own, joined with its real revisions.
  const group = articles.map((_, i) => `g${i}`);
  const revisions = realRevisions(articles);
  for (const [i, j] of revisions) {
    const from = group[j]!, to = group[i]!;
    for (let k = 0; k < group.length; k++) if (group[k] === from) group[k] = to;
  }
  const order = shuffle(r, articles.map((_, i) => i));
  const per = opts.perBoilerplateOutlet ?? 12;
  const forBoilerplate = new Set(order.slice(0, per * BOILERPLATE_OUTLETS.length));
  const withVariants = order.slice(per * BOILERPLATE_OUTLETS.length, per * BOILERPLATE_OUTLETS.length + (opts.variants ?? articles.length));
  const cases: CopiesCase[] = [];
  articles.forEach((a, i) => {
    if (forBoilerplate.has(i)) return;
    cases.push({ id: `${a.split}/${a.name}`, text: a.text, meta: { outlet: a.publisher || undefined, published: a.published || undefined, title: paragraphsOf(a.text)[0] }, group: group[i]! });
  });
  for (const i of withVariants) {
    const a = articles[i]!;
    const n = 1 + (r() < 0.3 ? 1 : 0);
    for (let v = 0; v < n; v++) {
      cases.push({ id: `variant${v}/${a.name}`, text: variantOf(a, r), meta: { outlet: pick(r, REPUBLISHERS), published: nextDay(a.published) }, group: group[i]! });
    }
  }
  // Boilerplate groups: the first paragraphs of different articles (short, so the shared text
  // weighs), each with its outlet's text; they are copies of nothing.
  [...forBoilerplate].forEach((i, k) => {
    const a = articles[i]!, b = BOILERPLATE_OUTLETS[k % BOILERPLATE_OUTLETS.length]!;
    const paras = paragraphsOf(a.text).slice(0, 2 + Math.floor(r() * 4));
    const text = (b.at === 'start' ? [paras[0]!, b.text, ...paras.slice(1)] : [...paras, b.text]).join('\n\n') + '\n';
    cases.push({ id: `boilerplate/${a.name}`, text, meta: { outlet: b.outlet, published: a.published || undefined }, group: `b${i}`, boilerplate: b.outlet });
  });
  return { cases: shuffle(r, cases), revisions: revisions.length };
}

export interface CopiesScore {
  readonly documents: number;
  readonly goldPairs: number;
  readonly predictedPairs: number;
  readonly p: number;
  readonly r: number;
  readonly f: number;
  /** Pairs of boilerplate-only documents linked as copies (should be 0). */
  readonly boilerplatePairs: number;
  readonly revisions: number;
  readonly errors: { kind: 'missed' | 'wrong'; a: string; b: string }[];
}

const pairsOf = (groups: Iterable<readonly string[]>) => {
  const out = new Set<string>();
  for (const g of groups) {
    const s = [...g].sort();
    for (let i = 0; i < s.length; i++) for (let j = i + 1; j < s.length; j++) out.add(`${s[i]}\t${s[j]}`);
  }
  return out;
};

/** Stores the cases in a fresh in-memory store with the copies stage, and scores copy pairs. */
export async function scoreCopies(cases: readonly CopiesCase[], revisions = 0): Promise<CopiesScore> {
  const store = new SqliteStore(':memory:');
  const pipeline = new Pipeline([]);
  const collection = new Collection([copiesStage]);
  const stored = new Map<string, string>();
  try {
    for (const c of cases) {
      const res = await storeDoc(store, Doc.create(c.text, c.meta, c.id), pipeline, collection);
      stored.set(c.id, res.id);
    }
    const sources = await store.docSources([...new Set(stored.values())]);
    // Copy groups: documents joined by copyOf (sources left out: this scores copies only).
    const predicted = independentGroups(sources.map((s) => ({ id: s.id, ...(s.copyOf ? { copyOf: s.copyOf } : {}) })));
    // A text stored twice (the same article under two names) is one document here.
    const canon = (id: string) => stored.get(id) ?? id;
    const gold = new Map<string, Set<string>>();
    for (const c of cases) {
      let g = gold.get(c.group);
      if (!g) gold.set(c.group, (g = new Set()));
      g.add(canon(c.id));
    }
    const goldPairs = pairsOf([...gold.values()].map((g) => [...g]));
    const predPairs = pairsOf(predicted);
    const boiler = new Map(cases.filter((c) => c.boilerplate).map((c) => [canon(c.id), c.boilerplate!]));
    let both = 0, boilerplatePairs = 0;
    const errors: CopiesScore['errors'] = [];
    for (const p of predPairs) {
      const [a, b] = p.split('\t') as [string, string];
      if (goldPairs.has(p)) both++;
      else errors.push({ kind: 'wrong', a, b });
      if (boiler.has(a) && boiler.get(a) === boiler.get(b)) boilerplatePairs++;
    }
    for (const p of goldPairs) if (!predPairs.has(p)) { const [a, b] = p.split('\t') as [string, string]; errors.push({ kind: 'missed', a, b }); }
    const P = predPairs.size ? both / predPairs.size : 1, R = goldPairs.size ? both / goldPairs.size : 1;
    return {
      documents: stored.size, goldPairs: goldPairs.size, predictedPairs: predPairs.size,
      p: P, r: R, f: P + R ? (2 * P * R) / (P + R) : 0, boilerplatePairs, revisions, errors,
    };
  } finally {
    await store.close();
  }
}

export interface CopiesEvalOptions {
  readonly sample?: string;
  readonly minF1?: string;
  readonly errors?: string;
  readonly json?: boolean;
}

/** `newsgraph eval copies DIR`. */
export async function runCopiesEval(dir: string, o: CopiesEvalOptions): Promise<void> {
  const sample = o.sample ? Number(o.sample) : undefined;
  if (sample !== undefined && !(sample > 0)) throw new NewsgraphError('eval.option', `--sample: expected a positive number, got "${o.sample}"`);
  const { cases, revisions } = copiesCorpus(dir, { ...(sample ? { limit: sample } : {}) });
  const s = await scoreCopies(cases, revisions);
  if (o.json) {
    const { errors: _e, ...rest } = s;
    console.log(JSON.stringify(rest));
  } else {
    const pct = (x: number) => (100 * x).toFixed(1);
    console.log(`copies: ${s.documents} documents, ${s.goldPairs} gold copy pairs (${s.revisions} real revisions), ${s.predictedPairs} predicted`);
    console.log(`precision ${pct(s.p)}  recall ${pct(s.r)}  F1 ${pct(s.f)}`);
    console.log(`boilerplate-only pairs marked as copies: ${s.boilerplatePairs}`);
    for (const e of s.errors.slice(0, Number(o.errors ?? 10))) console.log(`  ${e.kind}: ${e.a}  ~  ${e.b}`);
  }
  if (o.minF1 && 100 * s.f < Number(o.minF1)) process.exitCode = 1;
  if (s.boilerplatePairs > 0) process.exitCode = 1;
}
