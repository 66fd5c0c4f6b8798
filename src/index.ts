export { Doc } from './core/doc.js';
export type { DocMeta } from './core/meta.js';
export * from './core/layers.js';
export type { Span } from './core/span.js';
export { NewsgraphError } from './core/errors.js';
export { Pipeline } from './pipeline/pipeline.js';
export type { Stage, StageContext, StageOptions } from './pipeline/stage.js';
export { defaultPipeline, defaultStages } from './pipeline/default.js';
export { toRecord, SCHEMA_ID, type NewsRecord } from './output/record.js';
