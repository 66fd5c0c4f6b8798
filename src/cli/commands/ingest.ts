import type { Command } from 'commander';
import { errorMessage, NewsgraphError } from '../../core/errors.js';
import { addReaderOptions, readerOptions, type ReaderCliOptions } from '../../ingest/cli-options.js';
import type { ReadOptions } from '../../ingest/types.js';
import { DB_HELP, DEFAULT_DB, describeDb, openStore } from '../../store/open.js';
import type { Store } from '../../store/store.js';
import { Progress } from '../progress.js';
import { checkDate, oneLine, UsageError, warningLine } from '../report.js';
import { jsonText, out } from '../terminal.js';
import { languageName, SUPPORTED } from '../../core/language.js';

interface IngestOptions extends ReaderCliOptions {
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
 * Reads every input, runs the pipeline and stores each document in its own transaction.
 * A failure (unreadable input, a bad line, a store refusal) is reported and the batch goes on.
 */
export async function ingest(
  store: Store,
  inputs: readonly string[],
  opts: { published?: string; read?: ReadOptions; progress?: Progress } = {},
): Promise<IngestSummary> {
  const sum: IngestSummary = { added: 0, present: 0, refreshed: 0, failed: [], warnings: [], unsupported: {}, total: 0 };
  const progress = opts.progress;
  // Loaded on use: readers and stages pull in parsers and models that other commands never need.
  const [{ readInputs }, { expandInputs }, { toDoc }, { storeDoc }, { defaultPipeline, defaultCollection }] = await Promise.all([
    import('../../ingest/read.js'), import('../../ingest/sources.js'), import('../run-pipeline.js'),
    import('../../pipeline/store-doc.js'), import('../../pipeline/default.js'),
  ]);
  const fail = (input: string, reason: string) => {
    sum.failed.push({ input, reason: oneLine(reason) });
    progress?.log(`newsgraph: ${oneLine(input)}: ${oneLine(reason)}`);
  };
  // Directories are listed first so the progress bar knows how many inputs there are.
  const sources: string[] = [];
  for await (const s of expandInputs(inputs)) {
    sources.push(s.kind === 'file' ? s.path : s.kind === 'url' ? s.url : s.kind === 'stdin' ? '-' : s.source);
  }
  const show = (done: number) => {
    if (!progress) return;
    const docs = sum.added + sum.present + sum.refreshed;
    const rate = docs / Math.max(progress.elapsed(), 1e-3);
    progress.update(done, sources.length, `${rate.toFixed(1)} docs/s, ${sum.added} added, ${sum.refreshed} refreshed, ${sum.present} present, ${sum.failed.length} failed`);
  };
  // Once another process has held the store past the lock wait, the documents still to come are
  // reported as not stored, each by name, without waiting again for each.
  let locked: string | undefined;
  for (const [i, source] of sources.entries()) {
    for await (const item of readInputs([source], opts.read ?? {})) {
      if (!item.ok) {
        fail(item.source, item.error);
      } else if (locked) {
        fail(item.source, `not stored: ${locked}`);
      } else {
        if (item.note) {
          sum.warnings.push({ input: item.source, warning: oneLine(item.note) });
          progress?.log(warningLine(item.source, item.note));
        }
        try {
          const doc = toDoc(item.doc, { published: opts.published });
          // Known content skips the pipeline unless an older build made its record.
          const stored = await storeDoc(store, doc, defaultPipeline(), defaultCollection());
          sum[stored.status]++;
          if (stored.language && !SUPPORTED.includes(stored.language)) sum.unsupported[stored.language] = (sum.unsupported[stored.language] ?? 0) + 1;
        } catch (err) {
          if (err instanceof NewsgraphError && err.code === 'store.locked') {
            locked = err.message;
            progress?.log(`newsgraph: ${locked}`);
          }
          fail(item.source, errorMessage(err));
        }
      }
      show(i);
    }
    show(i + 1);
  }
  // Stories and the like revisit what the batch's first documents decided alone.
  if (!locked) for (const note of await defaultCollection().settle(store)) progress?.log(`newsgraph: ${note}`);
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
  addReaderOptions(cmd).action(async (inputs: string[], o: IngestOptions) => {
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
      sum = await ingest(store, inputs, { published, read, progress });
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
