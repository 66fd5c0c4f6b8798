import type { DiagnosticSink } from '../core/diagnostics.js';
import type { Doc } from '../core/doc.js';
import type { LayerName, Layers } from '../core/layers.js';

/** Options that reach every stage for one run. */
export interface StageOptions {
  /** Publication date to resolve relative dates against, when the document has none. */
  readonly published?: string;
}

export interface StageContext {
  readonly options: StageOptions;
  readonly diagnostic: DiagnosticSink;
}

/**
 * One step of the pipeline. It reads the layers it requires and returns the layers it
 * provides; it never mutates the Doc and never throws on odd text (it reports a diagnostic).
 */
export interface Stage {
  readonly name: string;
  readonly version: string;
  readonly requires: readonly LayerName[];
  readonly provides: readonly LayerName[];
  /** Layers an earlier stage provided that this stage revises (e.g. filling mention.entity). */
  readonly updates?: readonly LayerName[];
  run(doc: Doc, ctx: StageContext): Partial<Layers>;
}
