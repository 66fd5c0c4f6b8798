import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { NewsgraphError } from '../../core/errors.js';
import { DB_HELP, DEFAULT_DB, describeDb, openStore } from '../../store/open.js';
import type { Decision, DecisionRecord, EntityInfo, Store } from '../../store/store.js';
import { positiveInt } from '../report.js';
import { decisionLines, label } from './entity-report.js';
import { jsonText, out } from '../terminal.js';

interface CorrectionOptions {
  db?: string;
  who?: string;
  note?: string;
  json?: boolean;
}

/** What a correction did: the summary line, and the decision and entity for --json. */
interface Outcome {
  readonly line: string;
  readonly decision?: DecisionRecord;
  readonly entity?: EntityInfo;
}

/** Who a correction is recorded as unless --who says: the user of this machine. */
export function defaultWho(): string {
  try {
    return userInfo().username || 'cli';
  } catch {
    // No user name in the password database (a container's arbitrary uid).
    return 'cli';
  }
}

/**
 * `entities` takes its options before a subcommand name only (positional options), so a
 * subcommand's own --db and --json win; those given before the name still count.
 */
function shared(cmd: Command, o: CorrectionOptions): { db: string; json: boolean } {
  const parent = (cmd.parent?.opts() ?? {}) as CorrectionOptions;
  return { db: o.db ?? parent.db ?? DEFAULT_DB, json: !!(o.json || parent.json) };
}

async function withStore<T>(db: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = openStore(db, { mustExist: true });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** The decision just recorded about an entity (the newest of its action). */
async function recorded(store: Store, id: string, action: DecisionRecord['action']): Promise<DecisionRecord | undefined> {
  return (await store.decisions(id)).find((d) => d.action === action);
}

/** An entity as it is before a correction changes it, for the summary; the store's own error when unknown. */
async function known(store: Store, idOrName: string): Promise<EntityInfo> {
  const e = await store.entity(idOrName);
  if (!e) throw new NewsgraphError('kb.unknown-entity', `no entity "${idOrName}"`, 404);
  return e;
}

/** Declares a correction: its arguments, the options every correction shares, and how it prints. */
function correction(parent: Command, spec: string, description: string, run: (store: Store, args: string[], d: Decision) => Promise<Outcome>): void {
  const cmd = parent.command(spec).description(description)
    .option('--who <name>', 'who decides, for the audit trail (default: your user name)')
    .option('--note <text>', 'why, for the audit trail')
    .option('--db <path>', `${DB_HELP} (default: ${describeDb(DEFAULT_DB)})`)
    .option('--json', 'print the decision and the entity as JSON');
  cmd.action(async (...params: unknown[]) => {
    const o = params[params.length - 2] as CorrectionOptions;
    const args = params.slice(0, -2).flat() as string[];
    const { db, json } = shared(cmd, o);
    const who = o.who?.trim() || defaultWho();
    const done = await withStore(db, (store) => run(store, args, { who, ...(o.note ? { note: o.note } : {}) }));
    out(json ? jsonText({ decision: done.decision, ...(done.entity ? { entity: done.entity } : {}) }) + '\n' : done.line + '\n');
  });
}

/** The subcommands of `entities` that correct the knowledge base, and its audit trail. */
export function registerCorrections(entities: Command): void {
  correction(entities, 'merge <a> <b>', 'B becomes part of A: its names, documents, quotes and id (which then leads to A)', async (store, [a, b], d) => {
    const [into, from] = [await known(store, a!), await known(store, b!)];
    const e = await store.mergeEntities(a!, b!, d);
    // The name most documents use names the merged entity, unless a user chose one (rename).
    const named = e.name !== into.name ? `, now named "${e.name}" as most of them call it` : '';
    return { line: `merged ${label(from)} into ${label(into)}: ${e.documents} documents${named}`, decision: await recorded(store, e.id, 'merge'), entity: e };
  });
  correction(entities, 'split <a> <names...>', 'the documents that call A by these names become a new entity, kept apart from A', async (store, [a, ...names], d) => {
    const from = await known(store, a!);
    const e = await store.splitEntity(a!, names, d);
    const said = names.map((n) => `"${n}"`).join(', ');
    return { line: `split ${said} off ${label(from)}: new entity ${label(e)}, ${e.documents} documents`, decision: await recorded(store, e.id, 'split'), entity: e };
  });
  correction(entities, 'rename <a> <name>', 'give A the name you choose; automatic naming leaves it alone afterwards', async (store, [a, name], d) => {
    const before = await known(store, a!);
    const e = await store.renameEntity(a!, name!, d);
    return { line: `renamed ${e.id} from "${before.name}" to "${e.name}"`, decision: await recorded(store, e.id, 'rename'), entity: e };
  });
  correction(entities, 'not-same <a> <b>', 'A and B are different: resolution never merges them', async (store, [a, b], d) => {
    const [x, y] = [await known(store, a!), await known(store, b!)];
    await store.notSame(a!, b!, d);
    return { line: `${label(x)} and ${label(y)} are different entities`, decision: await recorded(store, x.id, 'not-same') };
  });

  correction(entities, 'undo <seq>', 'undo a correction by its number in the trail (entities decisions): a merge, split, rename or not-same', async (store, [seq], d) => {
    const n = Number(seq);
    if (!Number.isInteger(n) || n < 1) throw new NewsgraphError('kb.no-decision', `no decision "${seq}": give its number, as "entities decisions" shows it`, 404);
    const undo = await store.undoDecision(n, d);
    return { line: `undid the ${undo.name} #${n} (${[undo.a, undo.b].filter(Boolean).join(', ')}) as decision #${undo.seq}`, decision: undo };
  });

  const trail = entities.command('decisions [a]')
    .description('the audit trail of the knowledge base, newest first: who merged, split, renamed or told apart what, when, and on what evidence')
    .option('--db <path>', `${DB_HELP} (default: ${describeDb(DEFAULT_DB)})`)
    .option('--limit <n>', 'most decisions shown', '50')
    .option('--json', 'print JSON Lines, one decision per line');
  trail.action(async (a: string | undefined, o: CorrectionOptions & { limit?: string }) => {
    const { db, json } = shared(trail, o);
    const limit = positiveInt('--limit', o.limit, 50);
    const list = await withStore(db, async (store) => {
      const found = (await store.decisions(a)).slice(0, limit);
      // An id with a history is known even when its entity has since gone (all its documents deleted).
      if (a !== undefined && !found.length && !(await store.entity(a))) throw new NewsgraphError('kb.unknown-entity', `no entity "${a}"`, 404);
      return found;
    });
    if (json) out(list.map((d) => jsonText(d) + '\n').join(''));
    else if (list.length) out(list.map(decisionLines).join(''));
    else out(`no decisions recorded${a ? ` about ${a}` : ''}\n`, process.stderr);
  });
}
