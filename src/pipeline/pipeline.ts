import type { Diagnostic } from '../core/diagnostics.js';
import type { Doc } from '../core/doc.js';
import { errorMessage, NewsgraphError } from '../core/errors.js';
import type { LayerName } from '../core/layers.js';
import type { Stage, StageOptions } from './stage.js';

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

/**
 * An ordered list of stages, checked when built: every layer a stage requires must be
 * provided by an earlier stage, and no two stages provide the same layer.
 */
export class Pipeline {
  readonly stages: readonly Stage[];

  constructor(stages: readonly Stage[]) {
    const provided = new Map<LayerName, string>();
    for (const s of stages) {
      for (const r of s.requires) {
        if (!provided.has(r)) {
          throw new NewsgraphError('pipeline.missing-layer', `stage "${s.name}" requires layer "${r}", which no earlier stage provides`);
        }
      }
      for (const u of s.updates ?? []) {
        if (!provided.has(u)) {
          throw new NewsgraphError('pipeline.missing-layer', `stage "${s.name}" updates layer "${u}", which no earlier stage provides`);
        }
      }
      for (const p of s.provides) {
        const other = provided.get(p);
        if (other) throw new NewsgraphError('pipeline.duplicate-layer', `stages "${other}" and "${s.name}" both provide layer "${p}"`);
        provided.set(p, s.name);
      }
    }
    this.stages = stages;
  }

  get provides(): LayerName[] {
    return this.stages.flatMap((s) => [...s.provides]);
  }

  run(input: Doc, options: StageOptions = {}): PipelineResult {
    let doc = input;
    const timings: StageTiming[] = [];
    const diagnostics: Diagnostic[] = [];
    for (const stage of this.stages) {
      const ctx = { options, diagnostic: (d: Omit<Diagnostic, 'stage'>) => diagnostics.push({ ...d, stage: stage.name }) };
      const t0 = performance.now();
      let out;
      try {
        out = stage.run(doc, ctx);
      } catch (err) {
        // A stage bug must not lose the document: record it and leave the stage's layers empty.
        diagnostics.push({ level: 'error', stage: stage.name, rule: 'stage.crash', message: errorMessage(err) });
        out = Object.fromEntries(stage.provides.map((p) => [p, []]));
        // Layers it meant to update stay as they were.
      }
      for (const p of stage.provides) if (!(p in out)) (out as Record<string, unknown>)[p] = [];
      doc = doc.with(out);
      timings.push({ name: stage.name, version: stage.version, ms: performance.now() - t0 });
    }
    return { doc, timings, diagnostics };
  }
}
