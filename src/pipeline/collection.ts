import type { Diagnostic, DiagnosticSink } from '../core/diagnostics.js';
import { errorMessage, NewsgraphError } from '../core/errors.js';
import { LAYER_NAMES, type LayerName } from '../core/layers.js';
import type { CollectionField, NewsRecord } from '../output/record.js';
import { COLLECTION_SCHEMA } from '../output/record-schema.js';
import type { Store } from '../store/store.js';
import type { StageTiming } from './pipeline.js';
import { breach, strictByDefault, type StageDeclaration } from './stage.js';

export interface CollectionContext {
  /** The store the document is landing in: what earlier documents made. */
  readonly store: Store;
  readonly diagnostic: DiagnosticSink;
}

/**
 * A step that runs as a document lands in a store, after the document stages: it reads the
 * record's layers and what the store holds (other documents), and revises the record's layers
 * (entities get their knowledge-base id). Declared like a document stage; versioned, timed,
 * and re-run by `reprocess` when its version changes or a layer it reads does.
 */
export interface CollectionStage extends Omit<StageDeclaration, 'optional'> {
  /** Layers, and fields an earlier collection stage sets, that it reads when present. */
  readonly optional?: readonly (LayerName | CollectionField)[];
  /** Record layers it revises, and record fields it sets (the patch it returns holds only these). */
  readonly updates: readonly (LayerName | CollectionField)[];
  run(record: NewsRecord, ctx: CollectionContext): Promise<Partial<NewsRecord>>;
  /**
   * Runs once a batch of documents has landed: revisits what documents decided on their own
   * that later ones show to be wrong (a story's first reports). Returns what it changed, said
   * in a line, or nothing.
   */
  settle?(store: Store): Promise<string | undefined>;
}

/** Record fields that belong to a layer: the record splits the mentions layer in two. */
const FIELD_LAYER: Record<string, LayerName> = { references: 'mentions' };
/** The layer (or collection field) a record field belongs to, if it is one a stage must declare. */
const layerOf = (field: string): LayerName | CollectionField | undefined =>
  FIELD_LAYER[field] ?? ((LAYER_NAMES as readonly string[]).includes(field) || field in COLLECTION_SCHEMA ? (field as LayerName | CollectionField) : undefined);

export interface CollectionOptions {
  /** Undeclared reads and writes throw (as for document stages); on under `node --test`. */
  readonly strict?: boolean;
}

/** The collection stages of a store, run in order on each record before it is stored. */
export class Collection {
  private readonly strict: boolean;

  constructor(readonly stages: readonly CollectionStage[], opts: CollectionOptions = {}) {
    this.strict = opts.strict ?? strictByDefault();
  }

  /** Refuses a stage that requires a layer the document stages do not provide. */
  check(provided: readonly LayerName[]): this {
    for (const s of this.stages) {
      for (const r of [...s.requires, ...s.updates]) {
        if (r in COLLECTION_SCHEMA) continue;
        if (!provided.includes(r as LayerName)) throw new NewsgraphError('pipeline.missing-layer', `collection stage "${s.name}" reads layer "${r}", which no document stage provides`);
      }
    }
    return this;
  }

  /**
   * After a batch: each stage's settle step. A failure is reported, not thrown: the documents
   * are stored, and the next batch settles again.
   */
  async settle(store: Store): Promise<string[]> {
    const notes: string[] = [];
    for (const stage of this.stages) {
      if (!stage.settle) continue;
      try {
        const note = await stage.settle(store);
        if (note) notes.push(`${stage.name}: ${note}`);
      } catch (err) {
        notes.push(`${stage.name}: not settled: ${errorMessage(err)}`);
      }
    }
    return notes;
  }

  /**
   * Runs the stages (all, or those named) over a record; their timings and diagnostics replace
   * any earlier ones of the same stage in the record. A stage that crashes leaves a diagnostic
   * and its layers as they were: the record is still stored, and `reprocess` runs it again.
   */
  async run(record: NewsRecord, store: Store, only?: ReadonlySet<string>): Promise<NewsRecord> {
    let rec = record;
    for (const stage of this.stages) {
      if (only && !only.has(stage.name)) continue;
      const diagnostics: Diagnostic[] = [];
      const ctx: CollectionContext = { store, diagnostic: (d) => diagnostics.push({ ...d, stage: stage.name }) };
      const t0 = performance.now();
      let patch: Partial<NewsRecord> = {};
      let crashed = false;
      try {
        patch = await stage.run(this.view(rec, stage, ctx.diagnostic), ctx);
      } catch (err) {
        if (err instanceof NewsgraphError && err.code.startsWith('pipeline.undeclared')) throw err;
        diagnostics.push({ level: 'error', stage: stage.name, rule: 'stage.crash', message: errorMessage(err) });
        crashed = true;
      }
      const timing: StageTiming = { name: stage.name, version: stage.version, ms: Math.round((performance.now() - t0) * 1000) / 1000 };
      rec = {
        ...rec, ...this.written(stage, patch, ctx.diagnostic),
        // A crashed stage leaves no version behind, so `reprocess` runs it again; a stage run
        // again keeps its place among the others.
        stages: crashed ? rec.stages.filter((t) => t.name !== stage.name)
          : rec.stages.some((t) => t.name === stage.name) ? rec.stages.map((t) => (t.name === stage.name ? timing : t)) : [...rec.stages, timing],
        diagnostics: [...rec.diagnostics.filter((d) => d.stage !== stage.name), ...diagnostics],
      };
    }
    return rec;
  }

  private view(rec: NewsRecord, stage: CollectionStage, report: DiagnosticSink): NewsRecord {
    const allowed = new Set<LayerName | CollectionField>([...stage.requires, ...(stage.optional ?? []), ...stage.updates]);
    const reported = new Set<string>();
    return new Proxy(rec, {
      get: (target, prop, receiver) => {
        const layer = typeof prop === 'string' ? layerOf(prop) : undefined;
        if (layer && !allowed.has(layer) && !reported.has(layer)) {
          reported.add(layer);
          breach(this.strict, 'pipeline.undeclared-read', `collection stage "${stage.name}" reads layer "${layer}", which it does not declare`, report);
        }
        return Reflect.get(target, prop, receiver);
      },
    });
  }

  private written(stage: CollectionStage, patch: Partial<NewsRecord>, report: DiagnosticSink): Partial<NewsRecord> {
    const out: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(patch)) {
      const layer = layerOf(field);
      if (layer && stage.updates.includes(layer)) out[field] = value;
      else breach(this.strict, 'pipeline.undeclared-write', `collection stage "${stage.name}" writes "${field}", which it does not declare`, report);
    }
    return out as Partial<NewsRecord>;
  }
}
