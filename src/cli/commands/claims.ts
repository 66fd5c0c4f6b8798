import type { Command } from 'commander';
import { CLAIM_KINDS, type ClaimKind } from '../../claims/assertions.js';
import type { Claim } from '../../claims/build.js';
import { claimEntity, claimsFor } from '../../claims/query.js';
import { DB_HELP, DEFAULT_DB, openStore } from '../../store/open.js';
import { checkDate, positiveInt, UsageError } from '../report.js';
import { jsonText, out } from '../terminal.js';

/** A claim, its support, its conflicts, then one line per piece of evidence (document and span). */
export function formatClaim(c: Claim): string {
  const support = `${c.documents} document${c.documents === 1 ? '' : 's'}, ${c.sources} independent source${c.sources === 1 ? '' : 's'}`;
  const lines = [`[${c.kind}] ${c.statement}`, `   ${support}${c.conflicts.length ? ` · conflicts with ${c.conflicts.join(', ')}` : ''} · ${c.id}`];
  for (const e of c.evidence) {
    const where = [e.outlet, e.published?.slice(0, 10), e.speaker && `per ${e.speaker}`, e.copyOf && `copy of ${e.copyOf}`].filter(Boolean).join(', ');
    lines.push(`   - ${where ? `${where}: ` : ''}“${e.text}” (doc ${e.doc} ${e.start}-${e.end})`);
  }
  return lines.join('\n') + '\n';
}

export function claimKind(v: string | undefined): ClaimKind | undefined {
  if (v === undefined || (CLAIM_KINDS as readonly string[]).includes(v)) return v as ClaimKind | undefined;
  throw new UsageError(`--kind must be one of ${CLAIM_KINDS.join(', ')}, got "${v}"`);
}

export function registerClaims(program: Command): void {
  program
    .command('claims')
    .description('statements across documents with their evidence, documents, independent sources and conflicts')
    .option('--db <path>', DB_HELP, DEFAULT_DB)
    .option('--entity <name>', 'claims about this entity (a name, read as `entities NAME` reads it, or an id)')
    .option('--kind <kind>', `only claims of this kind (${CLAIM_KINDS.join(', ')})`)
    .option('--from <date>', 'claims about this day or later (YYYY-MM-DD)')
    .option('--to <date>', 'claims about this day or earlier')
    .option('--limit <n>', 'most claims shown', '50')
    .option('--json', 'print JSON Lines, one claim per line')
    .action(async (o: { db: string; entity?: string; kind?: string; from?: string; to?: string; limit?: string; json?: boolean }) => {
      const kind = claimKind(o.kind);
      const query = { kind, from: checkDate('--from', o.from), to: checkDate('--to', o.to), limit: positiveInt('--limit', o.limit, 50) };
      const store = openStore(o.db, { mustExist: true });
      try {
        const entity = o.entity === undefined ? undefined : await claimEntity(store, o.entity);
        const claims = await claimsFor(store, { ...query, entity: entity?.id });
        if (o.json) out(claims.map((c) => jsonText(c) + '\n').join(''));
        else if (claims.length) out(claims.map(formatClaim).join('\n'));
        else out(`no claims${entity ? ` about ${entity.name}` : ''}${kind ? ` of kind ${kind}` : ''} stored\n`, process.stderr);
      } finally {
        await store.close();
      }
    });
}
