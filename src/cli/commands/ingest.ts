import type { Command } from 'commander';
import { addReaderOptions, readerOptions, type ReaderCliOptions } from '../../ingest/cli-options.js';
import type { Source } from '../../ingest/sources.js';
import type { ReadOptions } from '../../ingest/types.js';
import { DB_HELP, DEFAULT_DB, describeDb, openStore } from '../../store/open.js';
import type { Store } from '../../store/store.js';
import { Progress } from '../progress.js';
import { checkDate, oneLine, UsageError, warningLine } from '../report.js';
import { jsonText, out } from '../terminal.js';
import { languageName, SUPPORTED } from '../../core/language.js';
import { addWorkerOptions, workerOptions, type WorkerCliOptions } from '../../workers/cli-options.js';
import type { PoolOptions } from '../../workers/pool.js';

interface IngestOptions extends ReaderCliOptions, WorkerCliOptions {
  db: string;
  published?: string;
  progress?: boolean;
  json?: boolean;
}

export interface IngestSummary {
  added: number;
  present: number;
  /** Known documents whose record an older build made, extracted again. */
  refreshed: number;
  failed: { input: string; reason: string }[];
  /** Inputs read with something to say (damaged bytes replaced, a feed item's page not followed). */
  warnings: { input: string; warning: string }[];
  /** Documents extracted now whose text is not in a supported language, by detected language. */
  unsupported: Record<string, number>;
  total: number;
}

/**
 * Reads every input and extracts each document in worker threads (within the limits of `pool`),
 * and stores each in its own transaction, in input order. A failure (unreadable input, an input
 * over a limit, a bad line, a store refusal) is reported and the batch goes on.
 */
export async function ingest(
  store: Store,
  inputs: readonly string[],
  opts: { published?: string; read?: ReadOptions; progress?: Progress; pool?: PoolOptions } = {},
): Promise<IngestSummary> {
  const sum: IngestSummary = { added: 0, present: 0, refreshed: 0, failed: [], warnings: [], unsupported: {}, total: 0 };
  const progress = opts.progress;
  // Loaded on use: readers and stages pull in parsers and models that other commands never need.
  const [{ expandInputs }, { runBatch, INGEST_GROUP }, { WorkerPool }, { defaultPipeline, defaultCollection }] = await Promise.all([
    import('../../ingest/sources.js'), import('../../workers/batch.js'), import('../../workers/pool.js'), import('../../pipeline/default.js'),
  ]);
  // Directories are listed first so the progress bar knows how many inputs there are.
  const sources: Source[] = [];
  for await (const s of expandInputs(inputs)) sources.push(s);
  const show = (done: number) => {
    if (!progress) return;
    const docs = sum.added + sum.present + sum.refreshed;
    const rate = docs / Math.max(progress.elapsed(), 1e-3);
    progress.update(done, sources.length, `${rate.toFixed(1)} docs/s, ${sum.added} added, ${sum.refreshed} refreshed, ${sum.present} present, ${sum.failed.length} failed`);
  };
  // Once another process has held the store past the lock wait, nothing more was stored: no settling.
  let locked = false;
  const target = { store, pipeline: defaultPipeline(), collection: defaultCollection() };
  const pool = new WorkerPool(opts.pool);
  try {
    for await (const e of runBatch(sources, { pool, read: opts.read ?? {}, group: INGEST_GROUP, ...(opts.published ? { published: opts.published } : {}) }, target)) {
      if (e.kind === 'input') {
        show(e.input + 1);
        continue;
      }
      if (e.kind === 'failed') {
        if (e.locked) {
          locked = true;
          progress?.log(`newsgraph: ${e.error}`);
        }
        sum.failed.push({ input: e.source, reason: oneLine(e.error) });
        progress?.log(`newsgraph: ${oneLine(e.source)}: ${oneLine(e.error)}`);
      } else if (e.kind === 'stored') {
        sum[e.status]++;
        if (e.language && !SUPPORTED.includes(e.language)) sum.unsupported[e.language] = (sum.unsupported[e.language] ?? 0) + 1;
      }
      if (e.kind !== 'extracted' && 'note' in e && e.note) {
        sum.warnings.push({ input: e.source, warning: oneLine(e.note) });
        progress?.log(warningLine(e.source, e.note));
      }
      show(e.input);
    }
  } finally {
    await pool.close();
  }
  // Stories and the like revisit what the batch's first documents decided alone.
  if (!locked) for (const note of await target.collection.settle(store)) progress?.log(`newsgraph: ${note}`);
  sum.total = await store.count();
  return sum;
}

export function registerIngest(program: Command): void {
  const cmd = program
    .command('ingest')
    .description('extract and store documents in the database (the same article twice is stored once)')
    .argument('[inputs...]', 'files, directories, URLs, or - for stdin')
    .option('--db <path>', DB_HELP, DEFAULT_DB)
    .option('--published <date>', 'publication date (YYYY-MM-DD) for documents that have none')
    .option('--no-progress', 'no progress line, even on a terminal')
    .option('--json', 'print the summary as JSON on stdout');
  addWorkerOptions(addReaderOptions(cmd)).action(async (inputs: string[], o: IngestOptions) => {
    const published = checkDate('--published', o.published);
    const read = readerOptions(o);
    if (!inputs.length) {
      if (process.stdin.isTTY) throw new UsageError('give files, directories, URLs, or - to read stdin');
      inputs = ['-'];
    }
    const store = openStore(o.db);
    const progress = new Progress(o.progress !== false);
    let sum: IngestSummary;
    try {
      sum = await ingest(store, inputs, { published, read, progress, pool: workerOptions(o) });
    } finally {
      progress.clear();
      await store.close();
    }
    if (o.json) out(jsonText({ db: describeDb(o.db), ...sum }) + '\n');
    const lines = [
      `ingested into ${describeDb(o.db)}: ${sum.added} added, ${sum.refreshed ? `${sum.refreshed} refreshed (an older build made them), ` : ''}${sum.present} already present, ${sum.failed.length} failed; ${sum.total} documents stored`,
      ...unsupportedLine(sum.unsupported),
      ...sum.failed.map((f) => `  failed: ${f.input}: ${f.reason}`),
    ];
    out(lines.join('\n') + '\n', process.stderr);
    process.exitCode = sum.failed.length ? 1 : 0;
  });
}

/** The summary's word on documents stored without extraction because of their language. */
function unsupportedLine(counts: Record<string, number>): string[] {
  const all = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  if (!all.length) return [];
  const n = all.reduce((t, [, c]) => t + c, 0);
  return [`  ${n} not in English (${all.map(([l, c]) => `${languageName(l)} ${c}`).join(', ')}): stored with their text, names, places, quotes and events not extracted`];
}
