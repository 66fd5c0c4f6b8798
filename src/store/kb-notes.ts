import type { EntityType } from '../core/layers.js';
import type { NewsRecord } from '../output/record.js';
import { entityIdOf, entityKey } from './keys.js';
import { isNamedEntity } from '../layers/entities.js';

/** What one document says about one knowledge-base entity: the names, types and places it gives it. */
export interface EntityNote {
  readonly names: Set<string>;
  readonly types: Set<EntityType>;
  readonly places: Set<number>;
}


/** Per stored id, what the record says of it; the same for put (counted up) and delete (counted down). */
export function notesOf(rec: NewsRecord): Map<string, EntityNote> {
  const notes = new Map<string, EntityNote>();
  const note = (id: string) => {
    let n = notes.get(id);
    if (!n) notes.set(id, (n = { names: new Set(), types: new Set(), places: new Set() }));
    return n;
  };
  const idOf = new Map<string, string>();
  for (const e of rec.entities ?? []) {
    if (!isNamedEntity(e)) continue;
    const id = entityIdOf(e);
    idOf.set(e.id, id);
    const n = note(id);
    for (const name of [e.name, ...(e.aliases ?? [])]) if (name) n.names.add(name);
    n.types.add(e.type);
  }
  for (const m of rec.mentions ?? []) {
    if (m.entity == null && (m.kind ?? 'name') === 'name' && m.text) {
      const n = note(entityKey(m.type, m.text));
      n.names.add(m.text);
      n.types.add(m.type);
    }
  }
  for (const p of rec.places ?? []) {
    const id = p.entity != null ? idOf.get(p.entity) : undefined;
    if (id && p.geonameId != null && !p.modifier && !p.embedded) note(id).places.add(p.geonameId);
  }
  return notes;
}

// Bounds of knowledge-base lookups, one set for both stores: the same ingest gives the same ids on each.
export const CANDIDATES_PER_KEY = 20;
export const LOOSE_CANDIDATES_PER_KEY = 8;
export const MAX_PER_KEY = 200;
export const NAMES_COMPARED = 30;
export const CONTEXT_DOCS = 20;
export const CONTEXT_SIZE = 30;
export const CACHE_SIZE = 50_000;
