import type { Doc } from '../../core/doc.js';
import type { Event, Relation } from '../../core/layers.js';

/** Event types whose actor is, by the event itself, fighting its target. */
const HOSTILE = new Set(['attack', 'airstrike', 'killing', 'fight']);
const AGENT_TYPES = new Set(['ORG', 'GPE', 'NORP']);

/**
 * `fights` relations implied by hostile events whose actor is a group or state and whose
 * target is a resolved entity ("X killed Y in a raid"): same evidence, time, source and flags.
 * Pairs the relation patterns already found are not repeated.
 */
export function impliedRelations(doc: Doc, events: readonly Event[]): Relation[] {
  const types = new Map(doc.layer('entities').map((e) => [e.id, e.type]));
  const mentions = doc.layer('mentions');
  // The name as the event's evidence writes it, as the relation patterns record theirs.
  const written = (entity: string, e: Event) => {
    const inside = mentions.filter((m) => m.entity === entity && m.start >= e.start && m.end <= e.end);
    return (inside.find((m) => (m.kind ?? 'name') === 'name') ?? inside[0])?.text;
  };
  const have = new Set(doc.layer('relations').map((r) => `${r.type}|${r.a}|${r.b}`));
  const out: Relation[] = [];
  for (const e of events) {
    if (!HOSTILE.has(e.type) || !e.actor || !e.target || e.actor === e.target) continue;
    if (!AGENT_TYPES.has(types.get(e.actor) ?? '') || ['LOC', 'FAC'].includes(types.get(e.target) ?? 'LOC')) continue;
    const [a, b] = e.actor < e.target ? [e.actor, e.target] : [e.target, e.actor];
    const key = `fights|${a}|${b}`;
    if (have.has(key)) continue;
    have.add(key);
    const r: { -readonly [K in keyof Relation]: Relation[K] } = { type: 'fights', a, b, start: e.start, end: e.end };
    const aText = written(a, e), bText = written(b, e);
    if (aText && bText) [r.aText, r.bText] = [aText, bText];
    if (e.time) r.time = e.time;
    if (e.source) r.source = e.source;
    if (e.negated) r.negated = true;
    if (e.hedged) r.hedged = true;
    out.push(r);
  }
  return out;
}
