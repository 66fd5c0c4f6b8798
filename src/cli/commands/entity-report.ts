import type { DecisionRecord, EntityInfo, EntityMatch, Store } from '../../store/store.js';

/** One line of the entity list: type, name and aliases, counts and id. */
export function entityLine(e: EntityInfo): string {
  const also = e.aliases.length ? ` (also ${e.aliases.slice(0, 5).join(', ')}${e.aliases.length > 5 ? ', …' : ''})` : '';
  return `${e.type.padEnd(7)} ${e.name}${also}\n        ${e.documents} documents, ${e.mentions} mentions  id ${e.id}\n`;
}

/** `"Name" (id)`: how a correction's summary names an entity. */
export const label = (e: { name: string; id: string }): string => `"${e.name}" (${e.id})`;

const counted = <T extends { documents: number }>(xs: readonly T[], name: (x: T) => string) =>
  xs.map((x) => `${name(x)} (${x.documents})`).join(', ');

/** What the knowledge base knows of the entity beside its counts: names, types, when, where, former ids. */
function profile(e: EntityInfo): string[] {
  const out: string[] = [];
  if (e.description) out.push(e.description);
  if (e.names?.length) out.push(`names:      ${counted(e.names, (n) => n.name)}`);
  if (e.types?.length) out.push(`types:      ${counted(e.types, (t) => t.type)}`);
  if (e.firstSeen) out.push(`seen:       ${e.firstSeen === e.lastSeen ? e.firstSeen : `${e.firstSeen} to ${e.lastSeen}`}`);
  if (e.outlets?.length) out.push(`outlets:    ${counted(e.outlets, (o) => o.outlet)}`);
  if (e.formerIds?.length) out.push(`former ids: ${e.formerIds.join(', ')}`);
  return out.map((l) => `        ${l}`);
}

/** The other entities the name looked up can mean, so a reader sees when the pick was a close call. */
function alsoLines(name: string, others: readonly EntityMatch[]): string[] {
  if (!others.length) return [];
  return ['also:', ...others.map((m) => {
    const called = m.match === 'name' ? `, called "${name}" in ${m.called}` : '';
    return `  ${m.name} (${m.type}, ${m.documents} documents${called})  id ${m.id}`;
  })];
}

/**
 * One entity in full: who it is in the knowledge base, what else the name can mean, when it was
 * in the news, whom it appears with, what it said.
 */
export async function entityReport(store: Store, e: EntityInfo, looked?: { name: string; others: readonly EntityMatch[] }): Promise<string> {
  const [time, co, quotes] = await Promise.all([store.mentionsOverTime(e.id, 'month'), store.coOccurring(e.id, 10), store.quotes({ entity: e.id, limit: 5 })]);
  const out = [`${e.type.padEnd(7)} ${e.name}`, `        ${e.documents} documents, ${e.mentions} mentions  id ${e.id}`, ...profile(e)];
  if (looked) out.push(...alsoLines(looked.name, looked.others));
  if (time.length) out.push('', 'documents per month:', ...time.map((p) => `  ${p.period}  ${'#'.repeat(Math.min(50, p.documents))} ${p.documents}`));
  if (co.length) out.push('', 'appears with:', ...co.map((c) => `  ${c.name} (${c.type}, ${c.documents} documents)`));
  if (quotes.length) out.push('', 'latest quotes:', ...quotes.map((q) => `  ${q.text.replace(/\s+/g, ' ')}${q.outlet ? ` (${q.outlet})` : ''}`));
  return out.join('\n') + '\n';
}

function what(d: DecisionRecord): string {
  switch (d.action) {
    case 'merge': return `merged ${d.b} into ${d.a}`;
    case 'split': return `split ${(d.name ?? '').split('; ').map((n) => `"${n}"`).join(', ')} off ${d.a} as ${d.b}`;
    case 'rename': return `renamed ${d.a} to "${d.name}"`;
    case 'not-same': return `${d.a} and ${d.b} are different entities`;
    case 'undo': return `undid the ${d.name ?? 'decision'} #${d.undoes ?? '?'}`;
  }
}

/** One decision of the audit trail: when, who, what; then why and, for one read from text, the words that show it. */
export function decisionLines(d: DecisionRecord): string {
  // The number is what `entities undo` takes.
  const out = [`${d.at.slice(0, 16).replace('T', ' ')}  ${d.who}: ${what(d)} [#${d.seq}${d.undone ? `, undone by #${d.undone}` : ''}]`];
  if (d.note) out.push(`    note: ${d.note}`);
  if (d.evidence || d.doc) {
    const where = [d.doc && `doc ${d.doc}`, d.start != null && d.end != null && `${d.start}-${d.end}`].filter(Boolean).join(', ');
    out.push(`    evidence: ${d.evidence ? `"${d.evidence}"` : ''}${where ? `${d.evidence ? ' ' : ''}(${where})` : ''}`);
  }
  return out.join('\n') + '\n';
}
