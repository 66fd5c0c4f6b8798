import { Doc } from '../core/doc.js';
import { NewsgraphError } from '../core/errors.js';
import type { Time } from '../core/layers.js';
import { defaultPipeline } from '../pipeline/default.js';
import { readGoldJsonl } from './gold-jsonl.js';

/*
 * TIMEX3 scoring, TempEval-3 style. Gold is JSON Lines, one document a line (see README.md here):
 *   {"id": "...", "published": "YYYY-MM-DD", "text": "...", "times": [{"start": 0, "end": 9, "value": "2017-W29", "mod": "START"}]}
 * A prediction matches a gold time when their spans overlap (relaxed) or are equal (strict);
 * value F1 counts relaxed matches with the same value, mod F1 those with the same value and mod.
 */

export interface GoldTime {
  readonly start: number;
  readonly end: number;
  readonly value: string;
  readonly mod?: string;
  readonly text?: string;
}

export interface GoldTimeDoc {
  readonly id: string;
  readonly published?: string;
  readonly text: string;
  readonly times: readonly GoldTime[];
}

export interface TimeScores {
  docs: number;
  gold: number;
  predicted: number;
  strict: number;
  relaxed: number;
  value: number;
  valueAndMod: number;
  seconds: number;
  /** A few errors, for reading: "missed ...", "spurious ...", "wrong value ...". */
  errors: string[];
}

export interface Prf { p: number; r: number; f: number }
export function prf(tp: number, predicted: number, gold: number): Prf {
  const p = predicted ? tp / predicted : 0, r = gold ? tp / gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** Reads and checks a gold file; a bad line is an error that names the line. */
export function readGoldTimes(path: string): GoldTimeDoc[] {
  return readGoldJsonl<GoldTimeDoc>(path, 'times', (d, id, where) => {
    for (const t of d.times) {
      if (!Number.isInteger(t.start) || !Number.isInteger(t.end) || typeof t.value !== 'string' || t.start >= t.end || t.end > d.text.length) {
        throw new NewsgraphError('eval.bad-gold', `${where}: each time needs integer start < end within the text and a string value`);
      }
    }
    return { id, published: d.published, text: d.text, times: d.times };
  });
}

export type TimePredictor = (doc: GoldTimeDoc) => readonly Time[];

// The gold offsets point into the text as given, so the text is used as it is (no re-normalisation).
const pipelineTimes: TimePredictor = (d) =>
  defaultPipeline().run(Doc.fromNormalized(d.text, d.published ? { published: d.published } : {}, d.id), { published: d.published }).doc.layer('times');

export function scoreTimes(docs: readonly GoldTimeDoc[], predict: TimePredictor = pipelineTimes, maxErrors = 20): TimeScores {
  const s: TimeScores = { docs: docs.length, gold: 0, predicted: 0, strict: 0, relaxed: 0, value: 0, valueAndMod: 0, seconds: 0, errors: [] };
  const note = (msg: string) => { if (s.errors.length < maxErrors) s.errors.push(msg); };
  const t0 = performance.now();
  for (const d of docs) {
    const preds = predict(d);
    s.predicted += preds.length;
    s.gold += d.times.length;
    const used = new Set<number>();
    for (const g of d.times) {
      const i = preds.findIndex((p, k) => !used.has(k) && p.start < g.end && g.start < p.end);
      const gText = g.text ?? d.text.slice(g.start, g.end);
      if (i < 0) { note(`${d.id}: missed "${gText}" = ${g.value}`); continue; }
      used.add(i);
      const p = preds[i]!;
      s.relaxed++;
      if (p.start === g.start && p.end === g.end) s.strict++;
      if (p.value === g.value) {
        s.value++;
        if ((p.mod ?? '') === (g.mod ?? '')) s.valueAndMod++;
      } else note(`${d.id}: "${gText}" = ${p.value}, gold ${g.value}`);
    }
    preds.forEach((p, k) => { if (!used.has(k)) note(`${d.id}: spurious "${p.text}" = ${p.value}`); });
  }
  s.seconds = (performance.now() - t0) / 1000;
  return s;
}

/** The gold format, for the command's help. */
export { TIMES_GOLD_HELP } from './times-format.js';

export interface TimesEvalOptions {
  minF1?: string;
  minValue?: string;
  errors?: string;
  json?: boolean;
}

/** `newsgraph eval times GOLD.jsonl`: prints the scores; exit status 1 when below the given minimums. */
export function runTimesEval(file: string, o: TimesEvalOptions): void {
  const docs = readGoldTimes(file);
  const s = scoreTimes(docs, pipelineTimes, o.errors === undefined ? 10 : Number(o.errors));
  const strict = prf(s.strict, s.predicted, s.gold), relaxed = prf(s.relaxed, s.predicted, s.gold);
  const value = prf(s.value, s.predicted, s.gold), mod = prf(s.valueAndMod, s.predicted, s.gold);
  const pct = (x: number) => (100 * x).toFixed(1);
  if (o.json) {
    process.stdout.write(JSON.stringify({ ...s, strict, relaxed, value, valueAndMod: mod }) + '\n');
  } else {
    for (const e of s.errors) process.stdout.write(`  ${e}\n`);
    process.stdout.write(
      `strict F1 ${pct(strict.f)}; relaxed P ${pct(relaxed.p)} R ${pct(relaxed.r)} F1 ${pct(relaxed.f)}; ` +
      `value F1 ${pct(value.f)}; value+mod F1 ${pct(mod.f)}; ${s.docs} docs, ${s.gold} gold, ${s.seconds.toFixed(1)} s\n`);
  }
  const fail = (o.minF1 !== undefined && relaxed.f * 100 < Number(o.minF1)) || (o.minValue !== undefined && value.f * 100 < Number(o.minValue));
  process.exitCode = fail ? 1 : 0;
}
