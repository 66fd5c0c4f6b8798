import type { Command } from 'commander';
import { ENTITY_TYPES, type EntityType } from '../../core/layers.js';
import { DB_HELP, DEFAULT_DB, openStore } from '../../store/open.js';
import type { SearchHit } from '../../store/store.js';
import { checkDate, positiveInt, UsageError } from '../report.js';
import { jsonText, out, printable } from '../terminal.js';

interface SearchOptions {
  db: string;
  json?: boolean;
  limit?: string;
  offset?: string;
  outlet?: string;
  from?: string;
  to?: string;
  entity?: string[];
  type?: string;
  place?: string;
  facets?: boolean;
}

const OPEN = '\u0001', CLOSE = '\u0002';

/**
 * A hit as two or three lines of text; matched words bold on a terminal, «marked» otherwise. The
 * stored text in it is made printable before the marks become the terminal's own codes.
 */
export function formatHit(h: SearchHit, rank: number, color: boolean): string {
  const when = printable([h.meta.outlet, h.meta.published?.slice(0, 10)].filter(Boolean).join(', '));
  const title = printable(h.title ?? h.meta.origin ?? '(untitled)');
  const [b, e] = color ? ['\x1b[1m', '\x1b[22m'] : ['«', '»'];
  const snippet = h.snippet.split(OPEN).map((part) => part.split(CLOSE).map(printable).join(e)).join(b);
  return `${rank}. ${color ? `\x1b[1m${title}\x1b[22m` : title}${when ? ` (${when})` : ''}\n   id ${printable(h.id)}  score ${h.score}\n   ${snippet}\n`;
}

export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('full-text search over stored documents: ranked hits with snippets and ids')
    .argument('<query>', 'words (all must match); "a phrase"; a OR b; -word excludes; word* is a prefix')
    .option('--db <path>', DB_HELP, DEFAULT_DB)
    .option('--json', 'print the result as JSON')
    .option('--limit <n>', 'most hits shown', '10')
    .option('--offset <n>', 'hits to skip (paging)', '0')
    .option('--outlet <name>', 'only documents from this outlet')
    .option('--from <date>', 'only documents published on or after this date')
    .option('--to <date>', 'only documents published on or before this date')
    .option('--entity <id>', 'only documents mentioning this entity (repeatable)', (v: string, acc: string[] = []) => [...acc, v])
    .option('--type <type>', `only documents mentioning an entity of this type (${ENTITY_TYPES.join(', ')})`)
    .option('--place <name>', 'only documents where this place was found')
    .option('--facets', 'with --json: add counts by outlet, entity, type, place and month')
    .action(async (q: string, o: SearchOptions) => {
      if (o.type && !(ENTITY_TYPES as readonly string[]).includes(o.type)) throw new UsageError(`--type must be one of ${ENTITY_TYPES.join(', ')}`);
      const store = openStore(o.db, { mustExist: true });
      const json = !!o.json;
      try {
        const res = await store.search({
          q, limit: positiveInt('--limit', o.limit, 10), offset: positiveInt('--offset', o.offset, 0),
          outlet: o.outlet, from: checkDate('--from', o.from), to: checkDate('--to', o.to), entity: o.entity,
          type: o.type as EntityType | undefined, place: o.place, facets: json && !!o.facets,
          mark: json ? undefined : [OPEN, CLOSE],
        });
        if (json) {
          out(jsonText({ query: q, ...res }) + '\n');
          return;
        }
        if (!res.hits.length) {
          out(`no documents match "${q}"\n`, process.stderr);
          process.exitCode = 1;
          return;
        }
        const color = !!process.stdout.isTTY && !process.env.NO_COLOR;
        const first = (positiveInt('--offset', o.offset, 0)) + 1;
        process.stdout.write(res.hits.map((h, i) => formatHit(h, first + i, color)).join('\n'));
        const total = res.totalCapped ? `at least ${res.total}` : String(res.total);
        const ranked = res.rankedOver ? ` (ranked among the ${res.rankedOver} most recently stored matches)` : '';
        out(`\n${first}-${first + res.hits.length - 1} of ${total} documents${ranked}\n`);
      } finally {
        await store.close();
      }
    });
}
