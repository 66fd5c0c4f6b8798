import { normalizeName } from '../text/names.js';

// The store's name form lives with the other name normalisers; it is re-exported for the store.
export { normalizeName };

/**
 * The id of a new knowledge-base entity, and of an entity stored without one (a record made
 * without the knowledge-base stage): its type plus its normalised full name (see
 * normalizeName), which folds what varies between outlets for the same name and nothing else.
 */
export function entityKey(type: string, name: string): string {
  return `${type}:${normalizeName(name)}`;
}

/** The stored id a record's entity goes by: its knowledge-base link, else its type and name. */
export function entityIdOf(e: { kb?: string; type: string; name: string }): string {
  return e.kb ?? entityKey(e.type, e.name);
}

/** YYYY-MM-DD when the value starts with a calendar date, else undefined. */
export function dayOf(value: string | undefined): string | undefined {
  const m = value ? /^(\d{4}-\d{2}-\d{2})/.exec(value) : null;
  return m ? m[1] : undefined;
}
