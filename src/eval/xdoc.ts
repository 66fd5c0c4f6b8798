/*
 * Cross-document entity resolution against gold clusters: each gold mention is aligned to a
 * predicted mention of its document, then pairs of aligned mentions in different documents
 * are counted as linked (same knowledge-base id) or not, and clusters by B-cubed.
 */
import type { NewsRecord } from '../output/record.js';
import { entityIdOf } from '../store/keys.js';

export interface XdocGoldMention {
  readonly start: number;
  readonly end: number;
  /** Gold cluster id; mentions of one cluster are one entity, across documents. */
  readonly cluster: string;
}

export interface XdocGoldDoc {
  readonly id: string;
  /** Clusters never cross groups (ECB+ topics): pairs are counted within a group. */
  readonly group: string;
  readonly mentions: readonly XdocGoldMention[];
}

export interface XdocScore {
  readonly gold: number;
  readonly aligned: number;
  /** Pairs of aligned mentions in different documents. */
  readonly links: { readonly p: number; readonly r: number; readonly f: number };
  /** B-cubed over aligned mentions, documents pooled within each group. */
  readonly b3: { readonly p: number; readonly r: number; readonly f: number };
}

const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

/**
 * A predicted name or reference aligns to a gold mention when they overlap on at least half
 * of the predicted span; pairs are taken best overlap first, each mention once.
 */
function align(gold: readonly XdocGoldMention[], rec: NewsRecord): Map<XdocGoldMention, string> {
  // Generic participants ("three people") are entities of their document only.
  const ids = new Map(rec.entities.map((e) => [e.id, e.generic ? `${rec.id}#${e.id}` : entityIdOf(e)]));
  const predicted = [...rec.mentions, ...(rec.references ?? [])]
    .map((m) => ({ m, key: m.entity !== undefined ? ids.get(m.entity) : undefined }))
    .filter((x): x is { m: (typeof x)['m']; key: string } => !!x.key);
  const pairs: { g: XdocGoldMention; p: (typeof predicted)[number]; s: number }[] = [];
  for (const g of gold) {
    for (const p of predicted) {
      const overlap = Math.min(g.end, p.m.end) - Math.max(g.start, p.m.start);
      if (overlap <= 0 || overlap * 2 < p.m.end - p.m.start) continue;
      pairs.push({ g, p, s: overlap / (Math.max(g.end, p.m.end) - Math.min(g.start, p.m.start)) });
    }
  }
  pairs.sort((a, b) => b.s - a.s || a.p.m.start - b.p.m.start);
  const out = new Map<XdocGoldMention, string>();
  const used = new Set<unknown>();
  for (const { g, p } of pairs) {
    if (out.has(g) || used.has(p)) continue;
    out.set(g, p.key);
    used.add(p);
  }
  return out;
}

export function scoreXdoc(gold: readonly XdocGoldDoc[], records: ReadonlyMap<string, NewsRecord>): XdocScore {
  const items: { doc: string; group: string; gold: string; pred: string }[] = [];
  let total = 0;
  for (const d of gold) {
    total += d.mentions.length;
    const rec = records.get(d.id);
    if (!rec) continue;
    for (const [g, key] of align(d.mentions, rec)) items.push({ doc: d.id, group: d.group, gold: `${d.group}|${g.cluster}`, pred: `${d.group}|${key}` });
  }
  let both = 0, predLinks = 0, goldLinks = 0;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i]!, b = items[j]!;
      if (a.group !== b.group || a.doc === b.doc) continue;
      const g = a.gold === b.gold, p = a.pred === b.pred;
      if (g) goldLinks++;
      if (p) predLinks++;
      if (g && p) both++;
    }
  }
  const size = (key: 'gold' | 'pred') => {
    const n = new Map<string, number>();
    for (const it of items) n.set(it[key], (n.get(it[key]) ?? 0) + 1);
    return n;
  };
  const goldSize = size('gold'), predSize = size('pred');
  const shared = new Map<string, number>();
  for (const it of items) shared.set(`${it.gold}\u0000${it.pred}`, (shared.get(`${it.gold}\u0000${it.pred}`) ?? 0) + 1);
  let bp = 0, br = 0;
  for (const it of items) {
    const s = shared.get(`${it.gold}\u0000${it.pred}`)!;
    bp += s / predSize.get(it.pred)!;
    br += s / goldSize.get(it.gold)!;
  }
  const lp = predLinks ? both / predLinks : 0, lr = goldLinks ? both / goldLinks : 0;
  const p = items.length ? bp / items.length : 0, r = items.length ? br / items.length : 0;
  return { gold: total, aligned: items.length, links: { p: lp, r: lr, f: f1(lp, lr) }, b3: { p, r, f: f1(p, r) } };
}
