import { Doc } from '../core/doc.js';
import type { Mention } from '../core/layers.js';
import { readConll, readRe3d, type GoldDoc } from '../stages/entities/corpora.js';

/*
 * NER scoring: exact span match with coarse classes (PERSON->PER, ORG->ORG,
 * GPE/LOC/FAC->LOC, everything else MISC), precision/recall/F1 per class.
 */

export const COARSE_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;

export function coarseType(type: string): string {
  const t = type.toUpperCase();
  if (t.startsWith('PER')) return 'PER';
  if (t.startsWith('ORG')) return 'ORG';
  if (t === 'GPE' || t === 'LOC' || t === 'FAC' || t === 'LOCATION') return 'LOC';
  return 'MISC';
}

export interface Counts {
  tp: number;
  pred: number;
  gold: number;
}

export interface Prf {
  p: number;
  r: number;
  f: number;
}

export function prf(c: Counts): Prf {
  const p = c.pred ? c.tp / c.pred : 0, r = c.gold ? c.tp / c.gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

export interface NerScores {
  byType: Record<string, Counts>;
  docs: number;
  tokens: number;
  seconds: number;
}

export interface ScoreOptions {
  /** Classes that count; predictions and gold of other classes are ignored (re3d has no MISC). */
  types?: readonly string[];
  mentions: (text: string) => readonly Mention[];
}

/** Mentions from the full default pipeline (loaded on first use: scoring a bare model needs none of it). */
async function pipelineMentions(): Promise<(text: string) => readonly Mention[]> {
  const { defaultPipeline } = await import('../pipeline/default.js');
  return (text) => defaultPipeline().run(Doc.fromNormalized(text, {}, undefined)).doc.layer('mentions');
}

export function scoreNer(docs: readonly GoldDoc[], opts: ScoreOptions): NerScores {
  const types = opts.types ?? COARSE_TYPES;
  const find = opts.mentions;
  const byType: Record<string, Counts> = Object.fromEntries(types.map((t) => [t, { tp: 0, pred: 0, gold: 0 }]));
  let tokens = 0;
  const t0 = performance.now();
  for (const d of docs) {
    tokens += d.text.split(/\s+/).filter(Boolean).length;
    const gold = new Set<string>();
    for (const s of d.spans) {
      if (!byType[s.type]) continue;
      byType[s.type]!.gold++;
      gold.add(`${s.start}:${s.end}:${s.type}`);
    }
    for (const m of find(d.text)) {
      const t = coarseType(m.type);
      if (!byType[t]) continue;
      byType[t]!.pred++;
      if (gold.has(`${m.start}:${m.end}:${t}`)) byType[t]!.tp++;
    }
  }
  return { byType, docs: docs.length, tokens, seconds: (performance.now() - t0) / 1000 };
}

export function total(s: NerScores, types: readonly string[]): Counts {
  const c = { tp: 0, pred: 0, gold: 0 };
  for (const t of types) {
    const x = s.byType[t];
    if (!x) continue;
    c.tp += x.tp; c.pred += x.pred; c.gold += x.gold;
  }
  return c;
}

const pct = (x: number) => (100 * x).toFixed(1);

export function formatScores(s: NerScores, headline: readonly string[]): string {
  const lines = Object.entries(s.byType).map(([t, c]) => {
    const m = prf(c);
    return `${t.padEnd(5)} P ${pct(m.p)}  R ${pct(m.r)}  F1 ${pct(m.f)}  (gold ${c.gold}, predicted ${c.pred})`;
  });
  const all = prf(total(s, headline));
  lines.push(`${headline.join('/')}: P ${pct(all.p)}  R ${pct(all.r)}  F1 ${pct(all.f)}`);
  lines.push(`${s.docs} documents, ${s.tokens} tokens, ${s.seconds.toFixed(1)} s`);
  return lines.join('\n');
}

export interface NerEvalOptions {
  conll?: string;
  re3d?: string;
}

/** `newsgraph eval ner`: prints per-class scores for each corpus given; returns the headline F1s. */
export async function runNerEval(o: NerEvalOptions, print: (s: string) => void = console.log): Promise<number[]> {
  const out: number[] = [];
  const mentions = await pipelineMentions();
  if (o.conll) {
    const s = scoreNer(readConll(o.conll), { mentions });
    print(`CoNLL ${o.conll}\n${formatScores(s, ['PER', 'ORG', 'LOC'])}`);
    out.push(prf(total(s, ['PER', 'ORG', 'LOC'])).f);
  }
  if (o.re3d) {
    const s = scoreNer(readRe3d(o.re3d, { nested: true }), { mentions, types: ['PER', 'ORG', 'LOC'] });
    print(`re3d ${o.re3d}\n${formatScores(s, ['PER', 'ORG', 'LOC'])}`);
    out.push(prf(total(s, ['PER', 'ORG', 'LOC'])).f);
  }
  if (!o.conll && !o.re3d) print('nothing to score: give --conll FILE and/or --re3d FILE');
  return out;
}
