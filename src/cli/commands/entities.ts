import type { Command } from 'commander';
import { NewsgraphError } from '../../core/errors.js';
import { ENTITY_TYPES, type EntityType } from '../../core/layers.js';
import { DB_HELP, DEFAULT_DB, describeDb, openStore } from '../../store/open.js';
import { positiveInt, UsageError } from '../report.js';
import { registerCorrections } from './entity-corrections.js';
import { entityLine, entityReport } from './entity-report.js';
import { jsonText, out } from '../terminal.js';

/** An entity id as the store writes it (`PERSON:amara okafor`), as opposed to a name to look up. */
const ID = /^[A-Z]+:/;

/**
 * Opens one entity: an id that entity, a name the entity it most likely means (the one most
 * documents call so), with the others it can mean listed under it.
 */
async function show(db: string, name: string, json: boolean): Promise<void> {
  const store = openStore(db, { mustExist: true });
  try {
    const matches = ID.test(name) ? [] : await store.lookup(name, 6);
    const e = await store.entity(matches[0]?.id ?? name);
    if (!e) throw new NewsgraphError('store.not-found', `no entity named ${name} in ${describeDb(db)}`, 404);
    const others = matches.filter((m) => m.id !== e.id);
    out(json ? jsonText({ ...e, also: others }) + '\n' : await entityReport(store, e, { name, others }));
  } finally {
    await store.close();
  }
}

export function registerEntities(program: Command): void {
  const entities = program
    .command('entities')
    .description('stored people, organisations and places, most documents first; or one entity in full; or a correction to the knowledge base')
    .argument('[name]', 'an entity id, or a name or alias: show that entity (a name that is also a subcommand: `entities show NAME`)')
    .option('--db <path>', DB_HELP, DEFAULT_DB)
    .option('--q <prefix>', 'only entities whose name or alias starts with this')
    .option('--type <type>', `only this type (${ENTITY_TYPES.join(', ')})`)
    .option('--limit <n>', 'most entities listed', '30')
    .option('--json', 'print JSON')
    // Options before a subcommand name are this command's; after it, the subcommand's.
    .enablePositionalOptions()
    .action(async (name: string | undefined, o: { db: string; q?: string; type?: string; limit?: string; json?: boolean }) => {
      if (o.type && !(ENTITY_TYPES as readonly string[]).includes(o.type)) throw new UsageError(`--type must be one of ${ENTITY_TYPES.join(', ')}`);
      if (name) return show(o.db, name, !!o.json);
      const store = openStore(o.db, { mustExist: true });
      try {
        const list = await store.entities({ q: o.q, type: o.type as EntityType | undefined, limit: positiveInt('--limit', o.limit, 30) });
        if (o.json) out(list.map((e) => jsonText(e) + '\n').join(''));
        else if (list.length) out(list.map(entityLine).join(''));
        else process.stderr.write('no entities stored\n');
      } finally {
        await store.close();
      }
    });

  // Subcommand names are matched before a NAME, so an entity called "merge" is reached by `show`.
  const showCmd = entities.command('show <name>')
    .description('one entity in full, by id or by name (any name, including one that is also a subcommand)')
    .option('--db <path>', `${DB_HELP} (default: ${describeDb(DEFAULT_DB)})`)
    .option('--json', 'print JSON');
  showCmd.action(async (name: string, o: { db?: string; json?: boolean }) => {
    const parent = entities.opts() as { db: string; json?: boolean };
    await show(o.db ?? parent.db, name, !!(o.json || parent.json));
  });
  registerCorrections(entities);
}
