import type { Span } from './span.js';

/**
 * The typed standoff layers a Doc can carry. Every item points into Doc.text
 * (UTF-16 offsets, end exclusive). Items are plain JSON-serialisable objects.
 */

export interface Token extends Span {
  readonly text: string;
  /** Coarse part of speech when a stage has assigned one. */
  readonly pos?: string;
  /** True when whitespace (or the end of text) follows the token. */
  readonly spaceAfter?: boolean;
}

export interface Sentence extends Span {
  /** Index of the first token and one past the last, into the tokens layer. */
  readonly tokenStart: number;
  readonly tokenEnd: number;
}

export interface Paragraph extends Span {}

export const ENTITY_TYPES = ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC', 'EVENT', 'WORK', 'MISC'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface Mention extends Span {
  readonly text: string;
  readonly type: EntityType;
  /** Id of the entity (in the entities layer) this mention refers to, once resolved. */
  readonly entity?: string;
  /** How the mention refers: a name, a nominal description ("the group") or a pronoun. */
  readonly kind?: 'name' | 'nominal' | 'pronoun';
  readonly score?: number;
}

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
}

export interface Quote extends Span {
  readonly kind: 'direct' | 'indirect';
  /** Entity id of the speaker, when the speaker is a resolved entity. */
  readonly speaker?: string;
  /** The words naming the source (a person, "the U.N. report", "security officials"). */
  readonly speakerText?: string;
  readonly speakerStart?: number;
  readonly speakerEnd?: number;
  readonly cueStart?: number;
  readonly cueEnd?: number;
  readonly cue?: string;
  /**
   * The quoted stretches of a passage interrupted by its attribution ("“A,” she said. “B.”"),
   * in text order; absent when the quote is one stretch. The quote's span covers them all.
   */
  readonly parts?: readonly Span[];
}

export interface Quantity extends Span {
  readonly text: string;
  readonly value?: number;
  readonly min?: number;
  readonly max?: number;
  /** e.g. more_than, at_least, up_to, about, nearly, range */
  readonly qualifier?: string;
  /** The thing counted ("fighters") or a unit ("percent"). */
  readonly unit?: string;
  /** ISO 4217 code. */
  readonly currency?: string;
  /** Rate period: "month", "day", ... */
  readonly per?: string;
  readonly vague?: boolean;
  /** Index into the quotes layer when the number is stated inside an attributed quote. */
  readonly quote?: number;
}

export interface Time extends Span {
  readonly text: string;
  /** TIMEX3 value: 2017-06, 2016-SU, 2017-W29, PRESENT_REF, P1Y, ... */
  readonly value: string;
  readonly type?: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  /** TIMEX3 mod: START, END, MID, MORE_THAN, LESS_THAN, APPROX, ... */
  readonly mod?: string;
  /** True when a relative expression could not be anchored (no publication date). */
  readonly unresolved?: boolean;
}

export interface Place extends Span {
  readonly text: string;
  readonly name: string;
  readonly geonameId?: number;
  readonly lat: number;
  readonly lon: number;
  /** ISO 3166-1 alpha-2. */
  readonly country?: string;
  readonly admin1?: string;
  readonly featureCode?: string;
  readonly score?: number;
  /** A nationality adjective naming its country as a modifier ("Iraqi forces"). */
  readonly modifier?: boolean;
  /** Entity id of the mention this place was read from, when there is one. */
  readonly entity?: string;
}

export interface Relation extends Span {
  readonly type: string;
  readonly a: string;
  readonly b: string;
  /** The names of a and b as the evidence writes them ("Daesh", "ISIS"). */
  readonly aText?: string;
  readonly bText?: string;
  readonly time?: string;
  /** Quote index or speaker text when the relation is reported speech. */
  readonly source?: string;
  readonly negated?: boolean;
  readonly hedged?: boolean;
  /** The person's role for member / leader / affiliation relations ("spokesman", "analyst"). */
  readonly role?: string;
}

export interface Event extends Span {
  readonly type: string;
  readonly actor?: string;
  readonly target?: string;
  readonly place?: string;
  /** Index into the places layer of the event's place (coordinates live there). */
  readonly placeIndex?: number;
  readonly time?: string;
  readonly quantities?: readonly number[];
  readonly source?: string;
  readonly negated?: boolean;
  readonly hedged?: boolean;
  readonly claimed?: boolean;
}

export interface LayerMap {
  tokens: Token;
  sentences: Sentence;
  paragraphs: Paragraph;
  mentions: Mention;
  entities: Entity;
  quotes: Quote;
  quantities: Quantity;
  times: Time;
  places: Place;
  relations: Relation;
  events: Event;
}

export type LayerName = keyof LayerMap;
export type Layers = { [K in LayerName]: readonly LayerMap[K][] };

export const LAYER_NAMES: readonly LayerName[] = [
  'tokens', 'sentences', 'paragraphs', 'mentions', 'entities', 'quotes', 'quantities', 'times', 'places', 'relations', 'events',
];
