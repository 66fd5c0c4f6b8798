import { Doc } from '../core/doc.js';
import { NewsgraphError } from '../core/errors.js';
import type { Mention, Relation } from '../core/layers.js';
import { defaultPipeline } from '../pipeline/default.js';
import { readGoldJsonl } from './gold-jsonl.js';

/*
 * Relation scoring against re3d (Dstl) JSON Lines: {id, text, relations: [{type, confidence,
 * sourceBegin, sourceEnd, targetBegin, targetEnd}]}. Only the four re3d types our relation
 * types map onto are scored. A predicted relation is correct when a mention of its entity `a`
 * overlaps the gold source span and a mention of `b` the gold target span (either order for
 * symmetric types), with a mapped type. CommWith (our `talks`) is scored too, apart from the total,
 * which stays that of the four.
 */

export const RE3D_TYPE: Readonly<Record<string, string>> = {
  fights: 'FightingAgainst', allies: 'AlliesOf',
  member: 'BelongsTo', leader: 'BelongsTo', spokesman: 'BelongsTo', affiliation: 'BelongsTo', branch: 'BelongsTo', affiliate: 'BelongsTo',
  alias: 'IsSynonymOf', rebrand: 'IsSynonymOf',
};
/** The re3d types that hold either way round. */
export const RE3D_SYMMETRIC: ReadonlySet<string> = new Set(['FightingAgainst', 'AlliesOf', 'IsSynonymOf', 'CommWith']);
/** Types scored on their own line, outside the total. */
export const RE3D_APART: Readonly<Record<string, string>> = { talks: 'CommWith' };
const SCORED = [...new Set(Object.values(RE3D_TYPE))];
const ALL = [...SCORED, ...Object.values(RE3D_APART)];

export interface Re3dRelation {
  readonly type: string;
  readonly confidence?: number;
  readonly sourceBegin: number;
  readonly sourceEnd: number;
  readonly targetBegin: number;
  readonly targetEnd: number;
}

export interface Re3dDoc {
  readonly id: string;
  readonly text: string;
  readonly title?: string;
  readonly relations: readonly Re3dRelation[];
}

export interface Counts { tp: number; predicted: number; gold: number }
export interface RelationScores {
  docs: number;
  byType: Record<string, Counts>;
  total: Counts;
  seconds: number;
  /** Wrong predictions, for reading: type, the two argument texts and the evidence. */
  errors: string[];
}

export function readRe3d(path: string): Re3dDoc[] {
  return readGoldJsonl<Re3dDoc>(path, 'relations', (d, id) => ({ id, text: d.text, title: d.title, relations: d.relations }));
}

export interface Prediction {
  readonly mentions: readonly Mention[];
  readonly relations: readonly Relation[];
}
export type RelationPredictor = (d: Re3dDoc) => Prediction;

// Gold offsets point into the text as given, so it is not re-normalised.
const pipelinePredict: RelationPredictor = (d) => {
  const doc = defaultPipeline().run(Doc.fromNormalized(d.text, d.title ? { title: d.title } : {}, d.id)).doc;
  return { mentions: doc.layer('mentions'), relations: doc.layer('relations') };
};

export function scoreRelations(docs: readonly Re3dDoc[], predict: RelationPredictor = pipelinePredict, minConfidence = 0.5, maxErrors = 30): RelationScores {
  const t0 = performance.now();
  const byType: Record<string, Counts> = Object.fromEntries(ALL.map((t) => [t, { tp: 0, predicted: 0, gold: 0 }]));
  const errors: string[] = [];
  for (const d of docs) {
    const gold = d.relations.filter((r) => ALL.includes(r.type) && (r.confidence ?? 1) >= minConfidence);
    for (const g of gold) byType[g.type]!.gold++;
    const p = predict(d);
    const spans = new Map<string, Mention[]>();
    for (const m of p.mentions) if (m.entity) (spans.get(m.entity) ?? spans.set(m.entity, []).get(m.entity)!).push(m);
    const hit = (id: string, s: number, e: number) => (spans.get(id) ?? []).some((m) => m.start < e && s < m.end);
    for (const r of p.relations) {
      const t = RE3D_TYPE[r.type.toLowerCase()] ?? RE3D_APART[r.type.toLowerCase()];
      if (!t) continue;
      byType[t]!.predicted++;
      const ok = gold.some((g) => g.type === t && ((hit(r.a, g.sourceBegin, g.sourceEnd) && hit(r.b, g.targetBegin, g.targetEnd)) ||
        (RE3D_SYMMETRIC.has(t) && hit(r.b, g.sourceBegin, g.sourceEnd) && hit(r.a, g.targetBegin, g.targetEnd))));
      if (ok) byType[t]!.tp++;
      else if (errors.length < maxErrors) errors.push(`spurious ${r.type}(${r.a}, ${r.b}): ${d.text.slice(r.start, r.end).replace(/\s+/g, ' ').slice(0, 160)}`);
    }
  }
  const total = { tp: 0, predicted: 0, gold: 0 };
  for (const t of SCORED) {
    const c = byType[t]!;
    total.tp += c.tp;
    total.predicted += c.predicted;
    total.gold += c.gold;
  }
  return { docs: docs.length, byType, total, seconds: (performance.now() - t0) / 1000, errors };
}

const pct = (n: number, d: number) => (d ? ((100 * n) / d).toFixed(1) : '0.0');

export function formatRelationScores(s: RelationScores): string {
  const lines = ALL.map((t) => {
    const c = s.byType[t]!;
    return `${t}: P ${pct(c.tp, c.predicted)} R ${pct(c.tp, c.gold)} (correct ${c.tp}, predicted ${c.predicted}, gold ${c.gold})${SCORED.includes(t) ? '' : ', not in all'}`;
  });
  lines.push(`all: P ${pct(s.total.tp, s.total.predicted)} R ${pct(s.total.tp, s.total.gold)} over ${s.docs} documents in ${s.seconds.toFixed(1)} s`);
  return lines.join('\n');
}

export function runRelationsEval(o: { re3d?: string; minPrecision?: string; errors?: string; json?: boolean }): void {
  if (!o.re3d) throw new NewsgraphError('eval.no-gold', 'eval relations needs --re3d FILE');
  const s = scoreRelations(readRe3d(o.re3d), pipelinePredict, 0.5, Number(o.errors ?? 10));
  if (o.json) process.stdout.write(JSON.stringify(s) + '\n');
  else {
    for (const e of s.errors) process.stdout.write(`  ${e}\n`);
    process.stdout.write(formatRelationScores(s) + '\n');
  }
  const p = s.total.predicted ? (100 * s.total.tp) / s.total.predicted : 0;
  if (o.minPrecision !== undefined && p < Number(o.minPrecision)) process.exitCode = 1;
}
