import type { Command } from 'commander';
import { NewsgraphError } from '../../core/errors.js';
import { COUNTED_FIELDS } from '../../layers/index.js';
import type { NewsRecord } from '../../output/record.js';
import { DB_HELP, DEFAULT_DB, describeDb, openStore } from '../../store/open.js';
import { jsonText, out } from '../terminal.js';

/** A stored record for reading: metadata, the text, and what each layer found. */
export function formatRecord(r: NewsRecord): string {
  const out: string[] = [];
  const m = r.meta as Record<string, string | undefined>;
  out.push(m.title ?? '(untitled)', '');
  out.push(`id        ${r.id}`);
  for (const k of ['author', 'outlet', 'published', 'url', 'origin']) if (m[k]) out.push(`${k.padEnd(10)}${m[k]}`);
  if (r.copyOf) out.push(`copy of   ${r.copyOf}${r.copyShare != null ? ` (${Math.round(r.copyShare * 100)}% reproduced)` : ''}`);
  if (r.source) out.push(`source    ${r.source}`);
  out.push('', r.text.trim(), '');
  const layers = r as unknown as Record<string, unknown[] | undefined>;
  const counts = COUNTED_FIELDS.map((l) => `${layers[l]?.length ?? 0} ${l}`);
  out.push(counts.join(', '));
  const names = new Map((r.entities ?? []).map((e) => [e.id, e.name]));
  const named = (r.entities ?? []).filter((e) => !e.generic), generic = (r.entities ?? []).filter((e) => e.generic);
  if (named.length) {
    out.push('', 'entities:');
    for (const e of named) out.push(`  ${e.type.padEnd(7)} ${e.name}${e.aliases?.length ? ` (also ${e.aliases.join(', ')})` : ''}`);
  }
  // Sides of events named by a noun phrase: this document's own, listed apart from the names.
  if (generic.length) out.push('', 'participants:', ...generic.map((e) => `  ${e.type.padEnd(7)} ${e.name}`));
  if (r.quotes?.length) {
    out.push('', 'quotes:');
    for (const q of r.quotes) {
      const who = (q.speaker && names.get(q.speaker)) ?? q.speakerText ?? 'unattributed';
      out.push(`  ${who}: ${r.text.slice(q.start, q.end).replace(/\s+/g, ' ')}`);
    }
  }
  if (r.places?.length) {
    out.push('', 'places:');
    for (const p of r.places) out.push(`  ${p.name} (${p.lat}, ${p.lon}${p.country ? `, ${p.country}` : ''})`);
  }
  if (r.times?.length) {
    out.push('', 'dates:');
    for (const t of r.times) out.push(`  ${t.text} = ${t.value}`);
  }
  return out.join('\n') + '\n';
}

export function registerShow(program: Command): void {
  program
    .command('show')
    .description('print one stored document: its metadata, text and what was found')
    .argument('<id>', 'document id (or content hash)')
    .option('--db <path>', DB_HELP, DEFAULT_DB)
    .option('--json', 'print the stored newsgraph/1 record')
    .action(async (id: string, o: { db: string; json?: boolean }) => {
      const store = openStore(o.db, { mustExist: true });
      try {
        const r = await store.get(id);
        if (!r) throw new NewsgraphError('store.not-found', `no document with id ${id} in ${describeDb(o.db)}`, 404);
        out(o.json ? jsonText(r) + '\n' : formatRecord(r));
      } finally {
        await store.close();
      }
    });
}
