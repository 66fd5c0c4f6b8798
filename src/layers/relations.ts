import type { Span } from '../core/span.js';
import { DOC, END, SEQ, START, keyOf, spanItem, str, type LayerSpec } from './spec.js';

/** The relation types the patterns read (src/stages/relations/RELATIONS.md). */
export const RELATION_TYPES = [
  'alias', 'rebrand', 'split', 'merge', 'branch', 'affiliate', 'allies', 'fights', 'member', 'leader', 'affiliation', 'located', 'talks',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export interface Relation extends Span {
  readonly type: RelationType;
  readonly a: string;
  readonly b: string;
  /** The names of a and b as the evidence writes them ("Daesh", "ISIS"). */
  readonly aText?: string;
  readonly bText?: string;
  readonly time?: string;
  /** When the relation is reported speech: the speaker's entity id, else the words naming the source. */
  readonly source?: string;
  readonly negated?: boolean;
  readonly hedged?: boolean;
  /** The person's role for member / leader / affiliation relations ("spokesman", "analyst"). */
  readonly role?: string;
}

export const relationLayer: LayerSpec<'relations', Relation> = {
  name: 'relations',
  record: [{ field: 'relations', counted: true }],
  def: 'relation',
  schema: spanItem<Relation>(['type', 'a', 'b'], {
    type: { enum: RELATION_TYPES },
    a: { type: 'string', description: 'Entity id.' },
    b: { type: 'string', description: 'Entity id.' },
    aText: { type: 'string' },
    bText: { type: 'string' },
    time: { type: 'string' },
    source: { type: 'string' },
    negated: { type: 'boolean' },
    hedged: { type: 'boolean' },
    role: { type: 'string', description: "The person's role for member, leader and affiliation relations." },
  }),
  refs: [{ field: 'a', to: 'entities' }, { field: 'b', to: 'entities' }],
  table: {
    name: 'relations',
    columns: [
      DOC, SEQ,
      { name: 'type', type: 'TEXT', notNull: true, value: (r) => r.type },
      { name: 'a', type: 'TEXT', notNull: true, value: (r, c) => keyOf(r.a, c) },
      { name: 'b', type: 'TEXT', notNull: true, value: (r, c) => keyOf(r.b, c) },
      START, END,
      { name: 'time', type: 'TEXT', value: (r) => str(r.time) },
      { name: 'item', type: 'TEXT', notNull: true, value: (r) => JSON.stringify(r) },
    ],
  },
};
