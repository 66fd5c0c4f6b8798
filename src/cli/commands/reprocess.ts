import type { Command } from 'commander';
import { DB_HELP, DEFAULT_DB, describeDb, openStore } from '../../store/open.js';
import { Progress } from '../progress.js';
import { oneLine, UsageError } from '../report.js';
import { jsonText, out } from '../terminal.js';

interface ReprocessCliOptions {
  db: string;
  dryRun?: boolean;
  layers?: string;
  progress?: boolean;
  json?: boolean;
}

export function registerReprocess(program: Command): void {
  program
    .command('reprocess')
    .description('bring stored records up to this build: re-run the stages whose version changed, and what depends on them')
    .option('--db <path>', DB_HELP, DEFAULT_DB)
    .option('--dry-run', 'count the stale records per stage, change nothing')
    .option('--layers <a,b>', 'only the stages that write these layers (and what reads them)')
    .option('--no-progress', 'no progress line, even on a terminal')
    .option('--json', 'print the summary as JSON on stdout')
    .action(async (o: ReprocessCliOptions) => {
      const layers = o.layers?.split(',').map((l) => l.trim()).filter(Boolean);
      if (o.layers !== undefined && !layers?.length) throw new UsageError('--layers needs layer names, e.g. --layers quotes,places');
      const [{ reprocess }, { defaultPipeline, defaultCollection }] = await Promise.all([import('../../pipeline/reprocess.js'), import('../../pipeline/default.js')]);
      const store = openStore(o.db, { mustExist: true });
      const progress = new Progress(o.progress !== false);
      let sum;
      try {
        sum = await reprocess(store, defaultPipeline(), {
          dryRun: !!o.dryRun, ...(layers ? { layers } : {}), collection: defaultCollection(),
          progress: (done, total) => progress.update(done, total, `${(done / Math.max(progress.elapsed(), 1e-3)).toFixed(1)} docs/s`),
        });
      } finally {
        progress.clear();
        await store.close();
      }
      if (o.json) out(jsonText({ db: describeDb(o.db), dryRun: !!o.dryRun, ...sum }) + '\n');
      const stages = Object.entries(sum.byStage).map(([s, n]) => `${s} ${n}`).join(', ');
      const lines = [
        o.dryRun
          ? `${describeDb(o.db)}: ${sum.stale} of ${sum.checked} records made by older stages${stages ? ` (${stages})` : ''}; nothing changed (--dry-run)`
          : `reprocessed ${describeDb(o.db)}: ${sum.refreshed} refreshed, ${sum.failed.length} failed, ${sum.checked - sum.stale} already current${stages ? `; stale stages: ${stages}` : ''}`,
        ...sum.failed.map((f) => `  failed: ${f.id}: ${oneLine(f.reason)}`),
      ];
      out(lines.join('\n') + '\n', process.stderr);
      process.exitCode = sum.failed.length ? 1 : 0;
    });
}
