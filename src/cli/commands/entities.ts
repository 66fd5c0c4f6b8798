import type { Command } from 'commander';
import { NewsgraphError } from '../../core/errors.js';
import { ENTITY_TYPES, type EntityType } from '../../core/layers.js';
import { DEFAULT_DB, openStore } from '../../store/open.js';
import type { EntityInfo, Store } from '../../store/store.js';
import { positiveInt, UsageError } from '../report.js';

function entityLine(e: EntityInfo): string {
  const also = e.aliases.length ? ` (also ${e.aliases.slice(0, 5).join(', ')}${e.aliases.length > 5 ? ', …' : ''})` : '';
  return `${e.type.padEnd(7)} ${e.name}${also}\n        ${e.documents} documents, ${e.mentions} mentions  id ${e.id}\n`;
}

/** One entity in full: who it is, when it was in the news, whom it appears with, what it said. */
async function entityReport(store: Store, e: EntityInfo): Promise<string> {
  const [time, co, quotes] = await Promise.all([store.mentionsOverTime(e.id, 'month'), store.coOccurring(e.id, 10), store.quotes({ entity: e.id, limit: 5 })]);
  const out = [entityLine(e).trimEnd()];
  if (e.description) out.push(`        ${e.description}`);
  if (time.length) out.push('', 'documents per month:', ...time.map((p) => `  ${p.period}  ${'#'.repeat(Math.min(50, p.documents))} ${p.documents}`));
  if (co.length) out.push('', 'appears with:', ...co.map((c) => `  ${c.name} (${c.type}, ${c.documents} documents)`));
  if (quotes.length) out.push('', 'latest quotes:', ...quotes.map((q) => `  ${q.text.replace(/\s+/g, ' ')}${q.outlet ? ` (${q.outlet})` : ''}`));
  return out.join('\n') + '\n';
}

export function registerEntities(program: Command): void {
  program
    .command('entities')
    .description('stored people, organisations and places, most documents first; or one entity in full')
    .argument('[name]', 'an entity id, or a name or alias: show that entity')
    .option('--db <path>', 'database file', DEFAULT_DB)
    .option('--q <prefix>', 'only entities whose name or alias starts with this')
    .option('--type <type>', `only this type (${ENTITY_TYPES.join(', ')})`)
    .option('--limit <n>', 'most entities listed', '30')
    .option('--json', 'print JSON')
    .action(async (name: string | undefined, o: { db: string; q?: string; type?: string; limit?: string; json?: boolean }) => {
      if (o.type && !(ENTITY_TYPES as readonly string[]).includes(o.type)) throw new UsageError(`--type must be one of ${ENTITY_TYPES.join(', ')}`);
      const store = openStore(o.db, { mustExist: true });
      try {
        if (name) {
          const e = await store.entity(name);
          if (!e) throw new NewsgraphError('store.not-found', `no entity named ${name} in ${o.db}`, 404);
          process.stdout.write(o.json ? JSON.stringify(e) + '\n' : await entityReport(store, e));
          return;
        }
        const list = await store.entities({ q: o.q, type: o.type as EntityType | undefined, limit: positiveInt('--limit', o.limit, 30) });
        if (o.json) process.stdout.write(list.map((e) => JSON.stringify(e) + '\n').join(''));
        else if (list.length) process.stdout.write(list.map(entityLine).join(''));
        else process.stderr.write('no entities stored\n');
      } finally {
        await store.close();
      }
    });
}
