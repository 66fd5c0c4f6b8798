import { createHash } from 'node:crypto';

/** Content hash of normalised text: the document id, so the same article is stored once. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}
