import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { splitHost } from '../../api/host-check.js';
import { DB_HELP, DEFAULT_DB, describeDb, openStore } from '../../store/open.js';
import { positiveInt, UsageError, warningLine } from '../report.js';
import { out } from '../terminal.js';
import { addWorkerOptions, workerOptions, type WorkerCliOptions } from '../../workers/cli-options.js';

interface ServeOptions extends WorkerCliOptions {
  db: string;
  port?: string;
  host: string;
  token?: string;
  allowPrivate?: boolean;
  maxUpload?: string;
  readOnly?: boolean;
  allowHost: string[];
  readThreads?: string;
}

export function registerServe(program: Command): void {
  const cmd = program
    .command('serve')
    .description('serve the HTTP API (/api/) and the analyst web app (/) over a store')
    .argument('[inputs...]', 'files or folders to ingest in the background at start (progress on the Ingest page)')
    .option('--db <path>', DB_HELP, DEFAULT_DB)
    .option('--port <n>', 'port to listen on (0 picks a free one)', '8080')
    .option('--host <addr>', 'address to listen on', '127.0.0.1')
    .option('--token <token>', 'token required by the write (ingest) endpoints; default $NEWSGRAPH_TOKEN, else a random one printed at start')
    .option('--read-only', 'no write endpoints at all (no ingest from the app)')
    .option('--allow-private', 'let URL ingest reach loopback and private network addresses')
    .option('--max-upload <mb>', 'largest uploaded file, in megabytes', '20')
    .option('--read-threads <n>', 'threads answering searches and entity pages from a SQLite file (default: one per core)')
    .option('--allow-host <name>', 'also answer requests for this host name (or name:port), as behind a proxy; repeatable', (v: string, acc: string[]) => [...acc, v], []);
  addWorkerOptions(cmd)
    .action(async (inputs: string[], o: ServeOptions) => {
      const port = positiveInt('--port', o.port, 8080);
      if (port > 65535) throw new UsageError(`--port must be at most 65535, got "${o.port}"`);
      const uploadMb = positiveInt('--max-upload', o.maxUpload, 20);
      const bad = o.allowHost.find((h) => !splitHost(h));
      if (bad !== undefined) throw new UsageError(`--allow-host takes a host name or name:port (an IPv6 address in brackets), got "${bad}"`);
      const given = o.token ?? (process.env.NEWSGRAPH_TOKEN || undefined);
      if (given !== undefined && given.length < 8) throw new UsageError('the token must be at least 8 characters long');
      // Without a token of their own, whoever starts the server gets a fresh one on their console.
      const token = o.readOnly ? undefined : (given ?? randomBytes(18).toString('base64url'));
      const readThreads = positiveInt('--read-threads', o.readThreads, availableParallelism());
      const store = openStore(o.db);
      // The server and web app load only for this command, so other commands start fast.
      const { createNewsgraphServer } = await import('../../api/server.js');
      const app = createNewsgraphServer({ store, token, allowPrivate: !!o.allowPrivate, uploadLimit: Math.max(1, uploadMb) * 1024 * 1024, allowHosts: o.allowHost, pool: workerOptions(o), readThreads });
      const addr = await app.listen(port, o.host);
      const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
      process.stderr.write(
        `newsgraph: serving ${describeDb(o.db)} at http://${host}:${addr.port}/ (API under /api/)` +
          `${!token ? '; read-only' : given ? '; ingest enabled with the token' : `; ingest token for this run: ${token}`}\n`,
      );
      if (inputs.length) {
        const job = app.ingest.paths(inputs);
        void app.ingest.idle().then(() => {
          process.stderr.write(`newsgraph: ingested ${inputs.join(', ')}: ${job.added} added, ${job.present} already present, ${job.failed} failed\n`);
          for (const w of job.warnings) out(warningLine(w.source, w.warning) + '\n', process.stderr);
          for (const e of job.errors) out(`newsgraph: ${e.source}: ${e.error}\n`, process.stderr);
        });
      }
      const stop = async () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        await app.close();
        await store.close();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}
