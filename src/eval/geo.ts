import { Doc } from '../core/doc.js';
import type { Place } from '../core/layers.js';
import { defaultPipeline, defaultStages } from '../pipeline/default.js';
import { Pipeline } from '../pipeline/pipeline.js';
import { createPlacesStage } from '../stages/places/stage.js';
import { km } from '../stages/places/resolve.js';
import { readGoldJsonl } from './gold-jsonl.js';

/*
 * Geoparsing scores on GeoWebNews-style JSON Lines, one document a line:
 *   {"id": "...", "text": "...", "toponyms": [{"start": 0, "end": 5, "text": "Mosul", "type": "Literal", "lat": 36.3, "lon": 43.1}]}
 * Gold toponyms are those with coordinates whose type is not one of the non-place types.
 * Recognition: a prediction is right when it overlaps a gold toponym (overlap) or has its exact
 * span (strict). Resolution: accuracy within 161 km (100 miles) over the gold toponyms found.
 */

const NOT_PLACES = new Set(['Literal_Expression', 'Non_Lit_Expression', 'Non_Toponym', 'Demonym', 'Language', 'Homonym']);

export interface GoldToponym {
  readonly start: number;
  readonly end: number;
  readonly text?: string;
  readonly type?: string;
  readonly lat?: number | null;
  readonly lon?: number | null;
}

export interface GoldGeoDoc {
  readonly id: string;
  readonly text: string;
  readonly title?: string;
  readonly published?: string;
  readonly toponyms: readonly GoldToponym[];
}

export interface Prf { p: number; r: number; f: number }
const prf = (p: number, r: number): Prf => ({ p, r, f: p + r ? (2 * p * r) / (p + r) : 0 });

export interface GeoScores {
  docs: number;
  gold: number;
  predicted: number;
  strict: Prf;
  overlap: Prf;
  /** Share of found gold toponyms placed within 161 km. */
  acc161: number;
  /** Found gold toponyms that were placed. */
  resolved: number;
  /** Gold toponyms both found and placed within 161 km, over all gold toponyms. */
  endToEnd: number;
  medianKm: number;
  seconds: number;
  errors: string[];
}

export function readGoldGeo(path: string): GoldGeoDoc[] {
  return readGoldJsonl<GoldGeoDoc>(path, 'toponyms', (d, id) => ({ ...d, id }));
}

/** The toponyms scored: with coordinates, of a place type, and with a span that matches the text. */
export function goldPlaces(d: GoldGeoDoc): GoldToponym[] {
  return d.toponyms.filter((t) => t.lat != null && t.lon != null && !NOT_PLACES.has(t.type ?? '') && (t.text === undefined || d.text.slice(t.start, t.end) === t.text));
}

/** Scores predicted places against gold; predictions are given per document id. */
export function scoreGeo(docs: readonly GoldGeoDoc[], predicted: ReadonlyMap<string, readonly Place[]>, maxErrors = 20): Omit<GeoScores, 'seconds'> {
  let np = 0, ng = 0, strict = 0, overP = 0, overG = 0, placed = 0, ok = 0;
  const dists: number[] = [];
  const errors: string[] = [];
  for (const d of docs) {
    const gold = goldPlaces(d);
    const preds = predicted.get(d.id) ?? [];
    np += preds.length;
    ng += gold.length;
    const keys = new Set(gold.map((g) => g.start + ':' + g.end));
    for (const p of preds) {
      if (keys.has(p.start + ':' + p.end)) strict++;
      if (gold.some((g) => p.start < g.end && g.start < p.end)) overP++;
      else if (errors.length < maxErrors) errors.push(`${d.id}: spurious "${p.text}" (${p.name}, ${p.country ?? '-'})`);
    }
    for (const g of gold) {
      const p = preds.find((x) => x.start < g.end && g.start < x.end);
      if (!p) {
        if (errors.length < maxErrors) errors.push(`${d.id}: missed "${d.text.slice(g.start, g.end)}"`);
        continue;
      }
      overG++;
      placed++;
      const e = km({ lat: g.lat!, lon: g.lon! }, p);
      dists.push(e);
      if (e <= 161) ok++;
      else if (errors.length < maxErrors) errors.push(`${d.id}: "${d.text.slice(g.start, g.end)}" placed ${Math.round(e)} km off at ${p.name} (${p.country ?? '-'})`);
    }
  }
  dists.sort((a, b) => a - b);
  return {
    docs: docs.length, gold: ng, predicted: np,
    strict: prf(np ? strict / np : 0, ng ? strict / ng : 0),
    overlap: prf(np ? overP / np : 0, ng ? overG / ng : 0),
    acc161: placed ? ok / placed : 0,
    resolved: placed,
    endToEnd: ng ? ok / ng : 0,
    medianKm: dists.length ? dists[dists.length >> 1]! : NaN,
    errors,
  };
}

/** Runs the default pipeline over a GeoWebNews-format file and scores its places. */
export function evalGeo(path: string, maxErrors = 20, modifiers = true): GeoScores {
  const docs = readGoldGeo(path);
  const t0 = performance.now();
  const pipeline = modifiers ? defaultPipeline() : new Pipeline(defaultStages().map((s) => (s.name === 'places' ? createPlacesStage({ modifiers }) : s)));
  const predicted = new Map<string, readonly Place[]>();
  for (const d of docs) {
    const doc = Doc.create(d.text, { ...(d.title ? { title: d.title } : {}), ...(d.published ? { published: d.published } : {}) }, d.id);
    predicted.set(d.id, pipeline.run(doc).doc.layer('places'));
  }
  const seconds = (performance.now() - t0) / 1000;
  return { ...scoreGeo(docs, predicted, maxErrors), seconds };
}

const pct = (x: number) => (100 * x).toFixed(1);

export function runGeoEval(file: string, o: { minF1?: string; minAcc?: string; errors?: string; json?: boolean; modifiers?: boolean }): void {
  const s = evalGeo(file, o.errors ? Number(o.errors) : 20, o.modifiers !== false);
  if (o.json) console.log(JSON.stringify(s));
  else {
    for (const e of s.errors) console.log(e);
    console.log(`docs ${s.docs}, gold toponyms ${s.gold}, predicted ${s.predicted}, ${s.seconds.toFixed(1)} s`);
    console.log(`recognition: strict F1 ${pct(s.strict.f)}, overlap F1 ${pct(s.overlap.f)} (P ${pct(s.overlap.p)} R ${pct(s.overlap.r)})`);
    console.log(`resolution: acc@161km ${pct(s.acc161)} on ${s.resolved} found; end-to-end ${pct(s.endToEnd)}; median error ${isNaN(s.medianKm) ? 'n/a' : Math.round(s.medianKm) + ' km'}`);
  }
  const failF = o.minF1 !== undefined && s.overlap.f * 100 < Number(o.minF1);
  const failA = o.minAcc !== undefined && s.acc161 * 100 < Number(o.minAcc);
  if (failF || failA) process.exitCode = 1;
}
