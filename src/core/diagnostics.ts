import type { Span } from './span.js';

/** A recoverable problem found while processing a document, with where and which rule. */
export interface Diagnostic {
  readonly level: 'info' | 'warning' | 'error';
  readonly stage: string;
  readonly rule: string;
  readonly message: string;
  readonly start?: number;
  readonly end?: number;
}

export type DiagnosticSink = (d: Omit<Diagnostic, 'stage'> & Partial<Span>) => void;
