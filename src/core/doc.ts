import { contentHash } from './hash.js';
import { LAYER_NAMES, type LayerMap, type LayerName, type Layers } from './layers.js';
import type { DocMeta } from './meta.js';
import { normalizeText } from './normalize.js';

/**
 * One article: text that never changes, its metadata, and typed standoff layers.
 * `with` returns a new Doc; nothing is mutated in place.
 */
export class Doc {
  readonly id: string;
  /** Content hash of the text; equal to id unless the caller supplied its own id. */
  readonly hash: string;
  readonly text: string;
  readonly meta: DocMeta;
  private readonly layers: Partial<Layers>;
  /** Called before a layer is read from a view made by `readOnly` (the pipeline checks stage contracts with it). */
  private readonly guard?: (name: LayerName) => void;

  private constructor(text: string, meta: DocMeta, id: string | undefined, hash: string, layers: Partial<Layers>, guard?: (name: LayerName) => void) {
    this.text = text;
    this.meta = Object.freeze({ ...meta });
    this.hash = hash;
    this.id = id ?? hash;
    this.layers = Object.freeze({ ...layers });
    if (guard) this.guard = guard;
  }

  /** Builds a Doc from raw text: normalises it once and hashes it. */
  static create(rawText: string, meta: DocMeta = {}, id?: string): Doc {
    const text = normalizeText(rawText);
    return new Doc(text, meta, id, contentHash(text), {});
  }

  /** Rebuilds a Doc around text that is already normalised (for example a stored record). */
  static fromNormalized(text: string, meta: DocMeta, id: string | undefined, layers: Partial<Layers> = {}): Doc {
    return new Doc(text, meta, id, contentHash(text), layers);
  }

  has(name: LayerName): boolean {
    this.guard?.(name);
    return this.layers[name] !== undefined;
  }

  layer<K extends LayerName>(name: K): readonly LayerMap[K][] {
    this.guard?.(name);
    return (this.layers[name] as readonly LayerMap[K][] | undefined) ?? [];
  }

  with(patch: Partial<Layers>): Doc {
    return new Doc(this.text, this.meta, this.id, this.hash, { ...this.layers, ...patch });
  }

  /**
   * The same document with every layer read passing through `guard` first, which may throw;
   * `with` on the view returns an unguarded Doc.
   */
  guarded(guard: (name: LayerName) => void): Doc {
    return new Doc(this.text, this.meta, this.id, this.hash, this.layers, guard);
  }

  withMeta(patch: Partial<DocMeta>): Doc {
    return new Doc(this.text, { ...this.meta, ...patch }, this.id, this.hash, this.layers);
  }

  layerNames(): LayerName[] {
    return LAYER_NAMES.filter((n) => this.layers[n] !== undefined);
  }
}
