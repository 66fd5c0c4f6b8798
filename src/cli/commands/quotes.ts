import type { Command } from 'commander';
import { DB_HELP, DEFAULT_DB, openStore } from '../../store/open.js';
import type { QuoteHit } from '../../store/store.js';
import { positiveInt } from '../report.js';
import { jsonText, out } from '../terminal.js';

export function formatQuote(q: QuoteHit): string {
  const who = q.speakerName ?? q.speakerText ?? 'unattributed';
  const where = [q.outlet, q.published?.slice(0, 10)].filter(Boolean).join(', ');
  return `${who}${q.kind === 'indirect' ? ' (reported)' : ''}: ${q.text.replace(/\s+/g, ' ')}\n   ${where ? `${where}, ` : ''}doc ${q.doc}\n`;
}

export function registerQuotes(program: Command): void {
  program
    .command('quotes')
    .description('stored quotes with speaker, outlet and date, newest first')
    .option('--db <path>', DB_HELP, DEFAULT_DB)
    .option('--speaker <name>', 'only quotes by this speaker (full name, alias, or one word of it)')
    .option('--entity <id>', 'only quotes by this entity id')
    .option('--doc <id>', 'only quotes in this document')
    .option('--limit <n>', 'most quotes shown', '50')
    .option('--offset <n>', 'quotes to skip (paging)', '0')
    .option('--json', 'print JSON Lines, one quote per line')
    .action(async (o: { db: string; speaker?: string; entity?: string; doc?: string; limit?: string; offset?: string; json?: boolean }) => {
      const store = openStore(o.db, { mustExist: true });
      try {
        const quotes = await store.quotes({
          speaker: o.speaker, entity: o.entity, doc: o.doc,
          limit: positiveInt('--limit', o.limit, 50), offset: positiveInt('--offset', o.offset, 0),
        });
        if (o.json) out(quotes.map((q) => jsonText(q) + '\n').join(''));
        else if (quotes.length) out(quotes.map(formatQuote).join(''));
        else out(`no quotes${o.speaker ? ` by ${o.speaker}` : ''} stored\n`, process.stderr);
      } finally {
        await store.close();
      }
    });
}
