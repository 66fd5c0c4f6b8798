import type { Span } from '../core/span.js';
import { SPAN, type LayerSpec } from './spec.js';

export interface Paragraph extends Span {}

export const paragraphLayer: LayerSpec<'paragraphs', Paragraph> = {
  name: 'paragraphs',
  record: [{ field: 'paragraphs' }],
  schema: SPAN,
};
