import { cleanMeta } from '../../core/meta.js';
import type { ReadItem } from '../types.js';

/** Plain text: the whole input is one article, kept as it is (offsets stay those of the file). */
export function readText(text: string, source: string, url?: string): ReadItem[] {
  return [{ ok: true, source, doc: { text, meta: cleanMeta({ origin: source, url }) } }];
}
