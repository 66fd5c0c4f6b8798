import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Doc } from '../core/doc.js';
import { NewsgraphError } from '../core/errors.js';
import type { Quote } from '../core/layers.js';
import type { Span } from '../core/span.js';
import { defaultPipeline } from '../pipeline/default.js';

/*
 * Attribution scores against brat standoff annotations in the PolNeAR style: `T` lines typed
 * Source, Cue or Content (fragments joined by ";" are taken from the first start to the last
 * end) and `E` lines tying them into one attribution. A prediction matches a gold content when
 * it covers at least half of it and at least half of the prediction lies inside it. A gold
 * content is direct when a quotation mark opens or closes it; its speaker is right when the
 * predicted speaker span overlaps the gold Source.
 */

export interface GoldAttribution {
  readonly content: Span;
  readonly source?: Span;
  readonly cue?: Span;
}

export interface GoldQuoteDoc {
  readonly id: string;
  readonly text: string;
  readonly attributions: readonly GoldAttribution[];
}

export interface Prf { p: number; r: number; f: number }
const prf = (tp: number, np: number, ng: number): Prf => {
  const p = np ? tp / np : 0, r = ng ? tp / ng : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};

export interface QuoteScores {
  docs: number;
  all: Prf & { gold: number; predicted: number };
  direct: Prf & { gold: number; predicted: number };
  /** Matched direct quotes with a gold source whose predicted speaker overlaps it. */
  speakerRight: number;
  speakerTotal: number;
  errors: string[];
}

/** Parses one brat .ann file into attributions (those with a Content). */
export function parseBratAttributions(ann: string): GoldAttribution[] {
  const spans = new Map<string, { type: string; span: Span }>();
  const out: GoldAttribution[] = [];
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    const id = cols[0] ?? '', body = cols[1];
    if (!body) continue;
    if (id.startsWith('T')) {
      const [type, ...rest] = body.split(' ');
      const frags = rest.join(' ').split(';').map((f) => f.trim().split(/\s+/).map(Number));
      const starts = frags.map((f) => f[0]!).filter(Number.isFinite), ends = frags.map((f) => f[1]!).filter(Number.isFinite);
      if (!type || !starts.length || !ends.length) continue;
      spans.set(id, { type, span: { start: Math.min(...starts), end: Math.max(...ends) } });
    } else if (id.startsWith('E')) {
      const roles = new Map<string, Span>();
      for (const part of body.split(' ')) {
        const [role, ref] = part.split(':');
        const t = ref ? spans.get(ref) : undefined;
        if (role && t) roles.set(role.replace(/\d+$/, ''), t.span);
      }
      const content = roles.get('Content');
      if (content) out.push({ content, ...(roles.get('Source') ? { source: roles.get('Source')! } : {}), ...(roles.get('Cue') ? { cue: roles.get('Cue')! } : {}) });
    }
  }
  return out;
}

/**
 * Reads a brat folder: either `text/NAME.txt` with `attributions/NAME_*.ann` (the first
 * annotator's file is used), or `NAME.txt` beside `NAME.ann`.
 */
export function readBratQuotes(dir: string): GoldQuoteDoc[] {
  const split = existsSync(join(dir, 'text')) && existsSync(join(dir, 'attributions'));
  const textDir = split ? join(dir, 'text') : dir;
  const annDir = split ? join(dir, 'attributions') : dir;
  if (!existsSync(textDir)) throw new NewsgraphError('eval.bad-gold', `${dir}: no such folder`);
  const anns = readdirSync(annDir).filter((f) => f.endsWith('.ann')).sort();
  const docs: GoldQuoteDoc[] = [];
  for (const f of readdirSync(textDir).filter((x) => x.endsWith('.txt')).sort()) {
    const stem = f.slice(0, -4);
    const ann = anns.find((a) => a === `${stem}.ann` || a.startsWith(`${stem}_`));
    if (!ann) continue;
    docs.push({ id: stem, text: readFileSync(join(textDir, f), 'utf8'), attributions: parseBratAttributions(readFileSync(join(annDir, ann), 'utf8')) });
  }
  return docs;
}

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const matches = (q: Span, g: Span) => {
  const o = overlap(q, g);
  return o >= 0.5 * (g.end - g.start) && o >= 0.5 * (q.end - q.start);
};
/** Direct by its marks: a quotation mark within its first two or last three characters. */
export const isDirectContent = (text: string, c: Span) =>
  /[“"]/.test(text.slice(c.start, Math.min(c.end, c.start + 2))) || /[”"]/.test(text.slice(Math.max(c.start, c.end - 3), c.end));

/** Scores predicted quotes (per document id) against gold attributions. */
export function scoreQuotes(docs: readonly GoldQuoteDoc[], predicted: ReadonlyMap<string, readonly Quote[]>, maxErrors = 10): QuoteScores {
  let dTp = 0, dNp = 0, dNg = 0, aTp = 0, aNp = 0, aNg = 0, spk = 0, spkN = 0;
  const errors: string[] = [];
  const show = (d: GoldQuoteDoc, s: Span) => JSON.stringify(d.text.slice(s.start, s.end).slice(0, 100));
  for (const d of docs) {
    const preds = (predicted.get(d.id) ?? []).filter((q) => Number.isInteger(q.start));
    const gd = d.attributions.filter((g) => isDirectContent(d.text, g.content));
    const pd = preds.filter((q) => q.kind === 'direct');
    dNg += gd.length; dNp += pd.length; aNg += d.attributions.length; aNp += preds.length;
    const used = new Set<number>();
    for (const g of gd) {
      const i = pd.findIndex((q, k) => !used.has(k) && matches(q, g.content));
      if (i < 0) {
        if (errors.length < maxErrors) errors.push(`${d.id}: missed direct ${show(d, g.content)}`);
        continue;
      }
      used.add(i);
      dTp++;
      if (!g.source) continue;
      spkN++;
      const q = pd[i]!;
      if (q.speakerStart !== undefined && q.speakerEnd !== undefined && overlap({ start: q.speakerStart, end: q.speakerEnd }, g.source) > 0) spk++;
      else if (errors.length < maxErrors) errors.push(`${d.id}: speaker ${JSON.stringify(q.speakerText ?? null)} for ${show(d, g.content)}, gold ${show(d, g.source)}`);
    }
    const usedAll = new Set<number>();
    for (const g of d.attributions) {
      const i = preds.findIndex((q, k) => !usedAll.has(k) && matches(q, g.content));
      if (i >= 0) {
        usedAll.add(i);
        aTp++;
      }
    }
  }
  return {
    docs: docs.length,
    all: { ...prf(aTp, aNp, aNg), gold: aNg, predicted: aNp },
    direct: { ...prf(dTp, dNp, dNg), gold: dNg, predicted: dNp },
    speakerRight: spk,
    speakerTotal: spkN,
    errors,
  };
}

export interface QuotesEvalOptions {
  minF1?: string;
  minSpeaker?: string;
  errors?: string;
  json?: boolean;
}

/** `newsgraph eval quotes DIR`: runs the default pipeline on each text and prints the scores. */
export function runQuotesEval(dir: string, o: QuotesEvalOptions): void {
  const docs = readBratQuotes(dir);
  const pipeline = defaultPipeline();
  const t0 = performance.now();
  const predicted = new Map<string, readonly Quote[]>();
  // The text is used as given (offsets are into it), not re-normalised.
  for (const d of docs) predicted.set(d.id, pipeline.run(Doc.fromNormalized(d.text, {}, d.id)).doc.layer('quotes'));
  const s = scoreQuotes(docs, predicted, Number(o.errors ?? 10));
  const seconds = (performance.now() - t0) / 1000;
  const pct = (x: number) => (100 * x).toFixed(1);
  const speakerAcc = s.speakerTotal ? s.speakerRight / s.speakerTotal : 0;
  if (o.json) {
    console.log(JSON.stringify({ ...s, speakerAccuracy: speakerAcc, seconds }));
  } else {
    for (const e of s.errors) console.log(`  ${e}`);
    console.log(`all attributions: P ${pct(s.all.p)} R ${pct(s.all.r)} F1 ${pct(s.all.f)} (gold ${s.all.gold}, predicted ${s.all.predicted})`);
    console.log(`direct quotes: P ${pct(s.direct.p)} R ${pct(s.direct.r)} F1 ${pct(s.direct.f)} (gold ${s.direct.gold}); speaker right on ${s.speakerRight}/${s.speakerTotal} (${pct(speakerAcc)}%); ${s.docs} docs, ${seconds.toFixed(1)} s`);
  }
  if ((o.minF1 && 100 * s.direct.f < Number(o.minF1)) || (o.minSpeaker && 100 * speakerAcc < Number(o.minSpeaker))) process.exitCode = 1;
}
