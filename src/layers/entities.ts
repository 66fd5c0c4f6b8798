import { OFFSET, objectItem, ref, type LayerSpec } from './spec.js';

export const ENTITY_TYPES = ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC', 'EVENT', 'WORK', 'MISC'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface Entity {
  readonly id: string;
  readonly type: EntityType;
  /** The fullest form of the name found in the document. */
  readonly name: string;
  readonly aliases: readonly string[];
  readonly description?: string;
  /** Span of the description when the text gives one (apposition etc.). */
  readonly descriptionStart?: number;
  readonly descriptionEnd?: number;
  /** Knowledge-base id: this entity across all stored documents (set when the record is stored). */
  readonly kb?: string;
  /**
   * A participant named by a common noun phrase rather than a name ("three people", "the
   * bomber", "a checkpoint"): an entity of its document only, never of the knowledge base.
   */
  readonly generic?: boolean;
}

/** Entities the knowledge base keeps across documents: named ones, not generic participants. */
export const isNamedEntity = (e: Entity | undefined): e is Entity => !!e?.name && !!e.type && !e.generic;

/** Tells the local ids of a record's generic participants. */
export function genericIn(rec: { readonly entities?: readonly Entity[] }): (local: string) => boolean {
  const ids = new Set((rec.entities ?? []).filter((e) => e?.generic).map((e) => e.id));
  return (local) => ids.has(local);
}

/**
 * Entities of one document, `e1`, `e2`… (numbered by resolution). No table of their own here:
 * the store keeps them as knowledge-base entities across documents, under the `kb` id the
 * knowledge-base stage gives them (src/kb), else `TYPE:normalised name`.
 */
export const entityLayer: LayerSpec<'entities', Entity> = {
  name: 'entities',
  record: [{ field: 'entities', counted: true }],
  def: 'entity',
  defs: { entityType: { enum: ENTITY_TYPES } },
  schema: objectItem<Entity>(['id', 'type', 'name', 'aliases'], {
    id: { type: 'string', minLength: 1 },
    type: ref('entityType'),
    name: { type: 'string', minLength: 1 },
    aliases: { type: 'array', items: { type: 'string' } },
    description: { type: 'string' },
    descriptionStart: OFFSET,
    descriptionEnd: OFFSET,
    kb: { type: 'string', minLength: 1 },
    generic: { type: 'boolean', description: 'Named by a common noun phrase ("three people", "the bomber"): an entity of this document only, never of the knowledge base.' },
  }),
};
