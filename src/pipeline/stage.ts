import type { DiagnosticSink } from '../core/diagnostics.js';
import { NewsgraphError } from '../core/errors.js';
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

/** What every stage declares, document or collection: its name, version, reads and files. */
export interface StageDeclaration {
  readonly name: string;
  /** Changes whenever the stage's code, word lists or model change (see version.ts). */
  readonly version: string;
  /** Layers the stage cannot run without: an earlier stage must provide each. */
  readonly requires: readonly LayerName[];
  /** Layers the stage reads when an earlier stage provided them; its output is poorer without. */
  readonly optional?: readonly LayerName[];
  /**
   * Files beside the code that the stage loads (a model, a gazetteer), relative to the package
   * root; their bytes are part of the stage's version.
   */
  readonly assets?: readonly string[];
}

/**
 * One document step of the pipeline. It reads only the layers it declares (`requires`,
 * `optional`, `updates`) and returns the layers it `provides` or `updates`; it never mutates the
 * Doc and never throws on odd text (it reports a diagnostic). The pipeline checks the
 * declarations when it is built and every read and write when it runs.
 */
export interface Stage extends StageDeclaration {
  readonly provides: readonly LayerName[];
  /** Layers an earlier stage provided that this stage reads and revises (e.g. filling mention.entity). */
  readonly updates?: readonly LayerName[];
  /**
   * Layers an earlier stage provided that this stage adds items of its own to, leaving every item
   * already there as it was (checked when it runs): stages that read them before it saw all but
   * the added items, so they need not wait for it (events add the noun phrases they name as
   * participants to the entities and their mentions). Such a stage says which items are its own
   * with `withdraw`.
   */
  readonly appends?: readonly LayerName[];
  /** The layers it appends to as they were before it ran: its own items taken out, so a re-run adds them afresh. */
  withdraw?(doc: Doc): Partial<Layers>;
  /**
   * Languages (ISO 639-3) the stage's rules and models are written for. Text detected in another
   * language skips the stage (its layers stay empty, with a diagnostic): English patterns over
   * other languages make garbage, not poorer output. Absent: any language.
   */
  readonly languages?: readonly string[];
  run(doc: Doc, ctx: StageContext): Partial<Layers>;
}

/** Contract checks throw under `node --test` and with NEWSGRAPH_STRICT=1; elsewhere they warn. */
export function strictByDefault(): boolean {
  return !!process.env.NODE_TEST_CONTEXT || process.env.NEWSGRAPH_STRICT === '1';
}

/** A stage read or wrote what it does not declare: a thrown error when strict, else a warning. */
export function breach(strict: boolean, rule: 'pipeline.undeclared-read' | 'pipeline.undeclared-write' | 'pipeline.append-changed', message: string, report: DiagnosticSink): void {
  if (strict) throw new NewsgraphError(rule, message);
  report({ level: 'warning', rule, message });
}

/** Every layer a stage may read. */
export function readsOf(s: Stage): LayerName[] {
  return [...s.requires, ...(s.optional ?? []), ...(s.updates ?? []), ...(s.appends ?? [])];
}

/** Every layer a stage may write. */
export function writesOf(s: Stage): LayerName[] {
  return [...s.provides, ...(s.updates ?? []), ...(s.appends ?? [])];
}
