import { entityLayer } from './entities.js';
import { eventLayer } from './events.js';
import { mentionLayer } from './mentions.js';
import { paragraphLayer } from './paragraphs.js';
import { placeLayer } from './places.js';
import { quantityLayer } from './quantities.js';
import { quoteLayer } from './quotes.js';
import { relationLayer } from './relations.js';
import { sentenceLayer } from './sentences.js';
import type { LayerSpec } from './spec.js';
import { timeLayer } from './times.js';
import { tokenLayer } from './tokens.js';

/**
 * Every layer's declaration, in data-flow order. A new layer is a module beside these, added
 * here, and a stage that provides it; the record schema, OpenAPI components, store tables and
 * export columns follow from its declaration.
 */
export const LAYER_SPECS = [
  tokenLayer, sentenceLayer, paragraphLayer, mentionLayer, entityLayer, quoteLayer, quantityLayer, timeLayer, placeLayer,
  relationLayer, eventLayer,
] as const;

type ItemOf<S> = S extends LayerSpec<string, infer T, never> ? T : never;
type Spec = (typeof LAYER_SPECS)[number];

/** Layer name to item type, read from the declarations. */
export type LayerMap = { [S in Spec as S['name']]: ItemOf<S> };
export type LayerName = keyof LayerMap;

/** Any layer's declaration, for code that walks them all. */
export type AnyLayerSpec = LayerSpec<LayerName, never, never>;
export const LAYERS: readonly AnyLayerSpec[] = LAYER_SPECS;

export const LAYER_NAMES: readonly LayerName[] = LAYER_SPECS.map((l) => l.name);

/** The record fields counted per document (CSV export, `newsgraph show`), in layer order. */
export const COUNTED_FIELDS: readonly string[] = LAYER_SPECS.flatMap((l) => l.record.filter((f) => f.counted).map((f) => f.field));

export { entityLayer, eventLayer, mentionLayer, paragraphLayer, placeLayer, quantityLayer, quoteLayer, relationLayer, sentenceLayer, timeLayer, tokenLayer };
