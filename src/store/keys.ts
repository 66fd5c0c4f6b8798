import { normalizeName } from '../text/names.js';

// The store's name form lives with the other name normalisers; it is re-exported for the store.
export { normalizeName };

/**
 * Cross-document identity until a knowledge-base stage resolves entities properly:
 * an entity is its type plus its normalised full name (see normalizeName), which folds what
 * varies between outlets for the same name and nothing else, so distinct names never merge.
 */
export function entityKey(type: string, name: string): string {
  return `${type}:${normalizeName(name)}`;
}

/** YYYY-MM-DD when the value starts with a calendar date, else undefined. */
export function dayOf(value: string | undefined): string | undefined {
  const m = value ? /^(\d{4}-\d{2}-\d{2})/.exec(value) : null;
  return m ? m[1] : undefined;
}
