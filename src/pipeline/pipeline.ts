import type { Diagnostic } from '../core/diagnostics.js';
import type { Doc } from '../core/doc.js';
import { errorMessage, NewsgraphError } from '../core/errors.js';
import { detectLanguage, languageName, UNDETERMINED } from '../core/language.js';
import type { LayerName, Layers } from '../core/layers.js';
import { orderStages, checkOrder } from './order.js';
import { breach, readsOf, strictByDefault, writesOf, type Stage, type StageOptions } from './stage.js';

export interface StageTiming {
  readonly name: string;
  readonly version: string;
  readonly ms: number;
}

export interface PipelineResult {
  readonly doc: Doc;
  readonly timings: readonly StageTiming[];
  readonly diagnostics: readonly Diagnostic[];
}

export interface PipelineOptions {
  /**
   * A stage that reads or writes a layer it does not declare throws (the run fails) instead of
   * leaving a warning diagnostic. On under `node --test` and with NEWSGRAPH_STRICT=1.
   */
  readonly strict?: boolean;
}

/**
 * Document stages in an order their declarations allow, checked when built: every layer a stage
 * requires is provided by an earlier stage, no stage reads a layer that a later stage writes, and
 * no two stages provide the same layer. Build with `Pipeline.ordered` to have the order worked
 * out from the declarations.
 */
export class Pipeline {
  readonly stages: readonly Stage[];
  private readonly strict: boolean;
  /** Each stage's declared reads and writes, looked up on every layer access. */
  private readonly contracts: Map<Stage, { reads: Set<LayerName>; writes: Set<LayerName> }>;

  constructor(stages: readonly Stage[], opts: PipelineOptions = {}) {
    checkOrder(stages);
    this.stages = stages;
    this.strict = opts.strict ?? strictByDefault();
    this.contracts = new Map(stages.map((s) => [s, { reads: new Set(readsOf(s)), writes: new Set(writesOf(s)) }]));
  }

  /** A pipeline of these stages in data-flow order (ties keep the order given). */
  static ordered(stages: readonly Stage[], opts: PipelineOptions = {}): Pipeline {
    return new Pipeline(orderStages(stages), opts);
  }

  get provides(): LayerName[] {
    return this.stages.flatMap((s) => [...s.provides]);
  }

  /** The version of each stage, by name. */
  versions(): Record<string, string> {
    return Object.fromEntries(this.stages.map((s) => [s.name, s.version]));
  }

  run(input: Doc, options: StageOptions = {}): PipelineResult {
    return this.runStages(input, this.stages, options);
  }

  /**
   * Re-runs the named stages on a Doc that already carries their earlier layers, with every
   * stage that reads what they write (transitively), and any earlier stage whose layers the Doc
   * lacks (tokens are not stored, for example) when a re-run stage reads them.
   */
  rerun(input: Doc, stale: Iterable<string>, options: StageOptions = {}): PipelineResult {
    const stages = this.affected(stale, (l) => input.has(l));
    // What re-running stages append is taken out first: they add it afresh, and the stages before
    // them read the layers as a first run leaves them.
    let doc = input;
    for (const s of stages) if (s.withdraw && s.appends?.every((l) => doc.has(l))) doc = doc.with(s.withdraw(doc));
    return this.runStages(doc, stages, options);
  }

  /**
   * The stages `rerun` would run, in order. `present` says which layers the Doc already has.
   * A stale stage that updates a layer re-runs from that layer's provider: it revises what the
   * provider made, not its own earlier output. A stage that appends to a layer a re-running stage
   * reads re-runs too: its items are withdrawn, so that stage reads what a first run would.
   */
  affected(stale: Iterable<string>, present: (layer: LayerName) => boolean): Stage[] {
    const chosen = new Set(this.stages.filter((s) => new Set(stale).has(s.name)));
    for (let grew = true; grew;) {
      grew = false;
      for (const s of [...chosen]) {
        for (const u of s.updates ?? []) {
          const p = this.providerOf(u)!;
          if (!chosen.has(p)) { chosen.add(p); grew = true; }
        }
      }
      for (const s of this.stages) {
        if (chosen.has(s) || !s.appends?.length) continue;
        if ([...chosen].some((c) => readsOf(c).some((l) => s.appends!.includes(l)))) { chosen.add(s); grew = true; }
      }
      const dirty = new Set<LayerName>();
      for (const s of this.stages) {
        if (chosen.has(s) || readsOf(s).some((l) => dirty.has(l))) {
          if (!chosen.has(s)) { chosen.add(s); grew = true; }
          for (const l of writesOf(s)) dirty.add(l);
        }
      }
    }
    // Walk back from the chosen stages to providers of layers the Doc does not carry.
    for (let i = this.stages.length - 1; i >= 0; i--) {
      const s = this.stages[i]!;
      if (chosen.has(s)) continue;
      const later = this.stages.slice(i + 1).filter((c) => chosen.has(c));
      if (s.provides.some((l) => !present(l) && later.some((c) => readsOf(c).includes(l)))) chosen.add(s);
    }
    return this.stages.filter((s) => chosen.has(s));
  }

  private providerOf(layer: LayerName): Stage | undefined {
    return this.stages.find((s) => s.provides.includes(layer));
  }

  private runStages(input: Doc, stages: readonly Stage[], options: StageOptions): PipelineResult {
    // The language is told from the text every run (cheap, and the same on a rerun) and filed in
    // meta; `und` (too little text to tell) is read as English.
    const language = detectLanguage(input.text);
    let doc = input.withMeta({ language });
    const timings: StageTiming[] = [];
    const diagnostics: Diagnostic[] = [];
    const skipped: string[] = [];
    for (const stage of stages) {
      if (stage.languages && language !== UNDETERMINED && !stage.languages.includes(language)) {
        // Timed at zero and stamped with its version: the record says which build skipped it.
        skipped.push(stage.name);
        doc = doc.with(Object.fromEntries(stage.provides.map((p) => [p, []])) as Partial<Layers>);
        timings.push({ name: stage.name, version: stage.version, ms: 0 });
        continue;
      }
      const ctx = { options, diagnostic: (d: Omit<Diagnostic, 'stage'>) => diagnostics.push({ ...d, stage: stage.name }) };
      const t0 = performance.now();
      let out: Partial<Layers>;
      try {
        out = stage.run(this.view(doc, stage, ctx.diagnostic), ctx);
      } catch (err) {
        if (err instanceof NewsgraphError && err.code.startsWith('pipeline.undeclared')) throw err;
        // A stage bug must not lose the document: record it and leave the stage's layers empty.
        diagnostics.push({ level: 'error', stage: stage.name, rule: 'stage.crash', message: errorMessage(err) });
        out = Object.fromEntries(stage.provides.map((p) => [p, []]));
        // Layers it meant to update stay as they were.
      }
      doc = doc.with(this.written(stage, out, doc, ctx.diagnostic));
      timings.push({ name: stage.name, version: stage.version, ms: performance.now() - t0 });
    }
    if (skipped.length) {
      diagnostics.push({
        level: 'warning', stage: 'language', rule: 'language.unsupported',
        message: `text is in ${languageName(language)} (${language}), not a supported language: stages ${skipped.join(', ')} skipped, their layers left empty`,
      });
    }
    return { doc, timings, diagnostics };
  }

  /** The Doc as the stage may see it: reading an undeclared layer is a contract breach. */
  private view(doc: Doc, stage: Stage, report: (d: Omit<Diagnostic, 'stage'>) => void): Doc {
    const allowed = this.contracts.get(stage)!.reads;
    const reported = new Set<LayerName>();
    return doc.guarded((layer) => {
      if (allowed.has(layer) || reported.has(layer)) return;
      reported.add(layer);
      breach(this.strict, 'pipeline.undeclared-read', `stage "${stage.name}" reads layer "${layer}", which it does not declare (requires, optional or updates)`, report);
    });
  }

  /**
   * What the stage returned, limited to its declared writes; a declared provided layer it left
   * out is empty. A layer it appends to keeps every item it had: earlier readers saw them.
   */
  private written(stage: Stage, out: Partial<Layers>, before: Doc, report: (d: Omit<Diagnostic, 'stage'>) => void): Partial<Layers> {
    const patch: Record<string, unknown> = {};
    const writes = this.contracts.get(stage)!.writes;
    for (const [layer, items] of Object.entries(out)) {
      if (!writes.has(layer as LayerName)) {
        breach(this.strict, 'pipeline.undeclared-write', `stage "${stage.name}" writes layer "${layer}", which it does not declare (provides, updates or appends)`, report);
        continue;
      }
      const appended = (stage.appends ?? []).includes(layer as LayerName) && !(stage.updates ?? []).includes(layer as LayerName);
      const kept = appended ? new Set(items as readonly unknown[]) : undefined;
      if (kept && (before.layer(layer as LayerName) as readonly unknown[]).some((x) => !kept.has(x))) {
        breach(this.strict, 'pipeline.append-changed', `stage "${stage.name}" appends to layer "${layer}" but changed or dropped items already there`, report);
        continue;
      }
      patch[layer] = items;
    }
    for (const p of stage.provides) if (!(p in patch)) patch[p] = [];
    return patch as Partial<Layers>;
  }
}
