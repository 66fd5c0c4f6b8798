import type { Doc } from '../../core/doc.js';
import type { Entity, Event, Mention } from '../../core/layers.js';
import type { EventArg } from '../../layers/events.js';
import { participantType } from './participants.js';

/** The events, with the entities and mentions their noun-phrase sides add to the document. */
export interface WithParticipants {
  readonly events: Event[];
  readonly entities: Entity[];
  readonly mentions: Mention[];
}

type Side = 'actor' | 'target' | 'place';

/**
 * The noun phrases events name as their sides ("three people were killed", "the bomber") as
 * entities of the document, marked `generic` (never knowledge-base entities), each phrase a
 * mention of kind `nominal`: `actor`, `target` and `place` then point at them as they point at
 * named entities, and a side is highlighted and exported like any other. A phrase a mention
 * already resolves (a pronoun the resolution linked to a name) is that mention's entity. One
 * span named by two events is one entity, and so is a definite description repeated word for
 * word ("the bomber" ... "the bomber"). A pronoun nothing resolved names nobody: it stays an
 * argument only. Undefined when no event has such a side, or the document has no entities layer.
 */
export function withGenericParticipants(doc: Doc, events: readonly Event[]): WithParticipants | undefined {
  if (!doc.has('entities') || !doc.has('mentions') || !events.some((e) => e.args?.length)) return undefined;
  const mentions = doc.layer('mentions');
  const entities = doc.layer('entities');
  const resolved = new Map<string, string>();
  for (const m of mentions) if (m.entity) resolved.set(`${m.start}:${m.end}`, m.entity);

  // Every phrase that would fill an empty side, in text order, so ids follow the text.
  const wanted: EventArg[] = [];
  for (const e of events) for (const a of e.args ?? []) if (e[a.role] === undefined) wanted.push(a);
  wanted.sort((x, y) => x.start - y.start || x.end - y.end);

  const idOf = new Map<string, string>();
  const byText = new Map<string, string>();
  const added: Entity[] = [];
  const addedMentions: Mention[] = [];
  for (const a of wanted) {
    const span = `${a.start}:${a.end}`;
    if (idOf.has(span) || resolved.has(span)) continue;
    const type = participantType(a.text);
    if (!type) continue;
    const text = a.text.replace(/\s+/g, ' ');
    const definite = /^the\s/i.test(text) ? text.toLowerCase() : undefined;
    let id = definite ? byText.get(definite) : undefined;
    if (!id) {
      id = `g${added.length + 1}`;
      added.push({ id, type, name: text, aliases: [], generic: true });
      if (definite) byText.set(definite, id);
    }
    idOf.set(span, id);
    addedMentions.push({ start: a.start, end: a.end, text: a.text, type, kind: 'nominal', entity: id });
  }
  const sideOf = (a: EventArg) => resolved.get(`${a.start}:${a.end}`) ?? idOf.get(`${a.start}:${a.end}`);
  let changed = false;
  const out = events.map((e) => {
    const sides: Partial<Record<Side, string>> = {};
    for (const a of e.args ?? []) {
      const id = e[a.role] === undefined && sides[a.role] === undefined ? sideOf(a) : undefined;
      if (id) sides[a.role] = id;
    }
    if (!Object.keys(sides).length) return e;
    changed = true;
    return { ...e, ...sides };
  });
  if (!changed) return undefined;
  return {
    events: out,
    entities: [...entities, ...added],
    mentions: addedMentions.length ? [...mentions, ...addedMentions].sort((x, y) => x.start - y.start || x.end - y.end) : [...mentions],
  };
}

/** The entities and mentions as they were before the events stage added its participants. */
export function withoutGenericParticipants(doc: Doc): { entities: Entity[]; mentions: Mention[] } {
  const entities = doc.layer('entities');
  const generic = new Set(entities.filter((e) => e.generic).map((e) => e.id));
  return { entities: entities.filter((e) => !e.generic), mentions: doc.layer('mentions').filter((m) => !(m.entity && generic.has(m.entity))) };
}
