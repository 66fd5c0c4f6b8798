import type { Span } from '../core/span.js';
import type { EntityType } from './entities.js';
import { DOC, END, START, TEXT, ref, spanItem, type LayerSpec } from './spec.js';

export interface Mention extends Span {
  readonly text: string;
  readonly type: EntityType;
  /** Id of the entity (in the entities layer) this mention refers to, once resolved. */
  readonly entity?: string;
  /** How the mention refers: a name, a nominal description ("the group") or a pronoun. */
  readonly kind?: 'name' | 'nominal' | 'pronoun';
  readonly score?: number;
}

/** Unresolved names still count as entities, keyed by their own text; pronouns and descriptions do not. */
const isName = (m: Mention) => (m.kind ?? 'name') === 'name' && !!m.text;

/**
 * Inside the pipeline one layer; the record splits it into names (`mentions`, what a tagger is
 * scored on) and the descriptions and pronouns resolution linked to an entity (`references`).
 */
export const mentionLayer: LayerSpec<'mentions', Mention> = {
  name: 'mentions',
  record: [
    { field: 'mentions', counted: true, description: 'Names of people, organisations, places and other entities (kind `name`).' },
    {
      field: 'references', optional: true,
      description: 'Descriptions ("the group", kind `nominal`) and pronouns ("he", kind `pronoun`) resolved to an entity; each carries `entity`.',
    },
  ],
  def: 'mention',
  schema: spanItem<Mention>(['text', 'type'], {
    text: { type: 'string' },
    type: ref('entityType'),
    entity: { type: 'string', description: 'Id of an item of `entities`.' },
    kind: { enum: ['name', 'nominal', 'pronoun'] },
    score: { type: 'number' },
  }),
  refs: [{ field: 'entity', to: 'entities' }],
  table: {
    name: 'mentions',
    columns: [
      DOC, START, END, TEXT,
      { name: 'type', type: 'TEXT', notNull: true, value: (m) => m.type },
      { name: 'kind', type: 'TEXT', value: (m) => m.kind },
      { name: 'entity', type: 'INTEGER', value: (m, c) => (c.entity(m.entity) ?? (isName(m) ? c.named(m.type, m.text) : undefined))?.row },
    ],
  },
};
