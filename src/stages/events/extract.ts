import type { Doc } from '../../core/doc.js';
import type { Event, Place, Quantity } from '../../core/layers.js';
import type { EventArg } from '../../layers/events.js';
import type { Span } from '../../core/span.js';
import { clauses } from '../../text/clauses.js';
import { EvidenceContext } from '../../text/evidence.js';
import { buildFrames, docSpan, OPEN, CLOSE, type Arg, type Frame } from '../../text/frame.js';
import { modality } from '../../text/modality.js';
import { subjectBefore } from '../../text/subjects.js';
import { verbReading } from '../../text/verb-reading.js';
import { WEAPON, triggerFeatures } from './features.js';
import { isFigurative, isNoHarm } from './figurative.js';
import { CLAIM, LOCATIVE, PERSONNEL_WORDS, SUPPORT_VERB, TRIGGERS, type Trigger } from './lexicon.js';
import { nominalParticipants } from './participants.js';
import { defaultTriggerModel, type TriggerModel } from './trigger-model.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface CompiledTrigger {
  readonly t: Trigger;
  readonly re: RegExp;
  /** Position in TRIGGERS: of two hits of one length, the earlier entry wins. */
  readonly rank: number;
}

const bounded = (words: string) => `(?<![\\w-])(?:${words})(?![\\w-])`;
let compiled: CompiledTrigger[] | undefined;
function triggers(): CompiledTrigger[] {
  // Sticky: each pattern is tried only where the union of all of them matched.
  return (compiled ??= TRIGGERS.map((t, rank) => ({ t, rank, re: new RegExp(bounded(t.words), 'iy') })));
}
let union: RegExp | undefined;
/** Every trigger pattern in one: a sentence is scanned once, and the patterns tried where it stops. */
function anyTrigger(): RegExp {
  return (union ??= new RegExp(bounded(TRIGGERS.map((t) => `(?:${t.words})`).join('|')), 'gi'));
}

/** Every lexicon hit in a masked sentence, overlapping ones included. */
function hitsIn(masked: string): { ct: CompiledTrigger; at: number; end: number }[] {
  const hits: { ct: CompiledTrigger; at: number; end: number }[] = [];
  const any = anyTrigger();
  any.lastIndex = 0;
  for (let m = any.exec(masked); m; m = any.exec(masked)) {
    // Every start is visited, so a shorter hit inside a longer one is found too.
    any.lastIndex = m.index + 1;
    for (const ct of triggers()) {
      ct.re.lastIndex = m.index;
      const x = ct.re.exec(masked);
      if (x) hits.push({ ct, at: m.index, end: m.index + x[0].length });
    }
  }
  return hits;
}

/** A lexicon hit as the trigger model sees it (for training and inspection). */
export interface Candidate {
  readonly type: Event['type'];
  readonly trigger: Span;
  readonly features: readonly string[];
  readonly hasArgs: boolean;
  readonly kept: boolean;
}

export interface ExtractOptions {
  /** The trigger model; by default the committed one. Null: keep only hits whose clause gives an actor, target or place. */
  readonly model?: TriggerModel | null;
  /** Called with every hit the rules let through, kept or not. */
  readonly candidates?: (c: Candidate) => void;
}

const AGENT = 'POGN';
const WINDOW = 400;
const PASSIVE_BEFORE = /\b(?:was|were|been|being|is|are|got|get|gets)\s+(?:(?:\w+ly|also|later|then|all|both|eventually|not|never|soon)\s+)?(?:\S+\s+(?:and|or)\s+)?(?:\S+\s+)?$/i;
/** Participles without -ed/-en that are passive after "was/were" ("were hurt", "was shot"). */
const SHORT_PARTICIPLE = /^(?:hurt|shot|struck|hit|cut|beat|stabbed)$/i;
const PARTICIPLE = /(?:ed|en|slain|struck|shot dead|gunned down|taken into custody|rounded up|overrun|retaken|taken control of|taken over)$/i;

/**
 * "parishioners killed at a church", "20 students killed in the attack": a participle right
 * after a plain noun and before a preposition describes that noun; it is passive, and the
 * clause subject further left is not its actor.
 */
function reducedRelative(before: string, after: string): boolean {
  const prev = /(?:^|\s)([a-z][\w-]*)\s+$/.exec(before)?.[1];
  if (!prev || /^(?:and|or|but|to|not|never|also|then|has|have|had|is|are|was|were|be|been|being|who|which|that|\w+ly)$/i.test(prev)) return false;
  return /^\s*(?:at|in|on|by|near|during|when|after|while|outside|inside|last|this|since|[,.;])/i.test(after);
}

/** "attack helicopters", "attack ads": the word names a kind of thing, not an event. */
const NOT_AN_EVENT_AFTER = /^\s*,?\s*(?:and\s+)?(?:distance|bombers?|fighters?|helicopters?|aircraft|jets?|submarines?|dogs?|ads?|planes?|drones?|vectors?|surface|rifles?|boats?)\b/i;


/** "struck a deal", "strikes the right tone": not violence. */
const STRUCK_A_DEAL = /^\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}?(?:deal|agreement|bargain|balance|chord|tone|note|pose|compromise|pact|accord|partnership)\b/i;

/** A support verb ending right before an event noun, allowing up to two modifiers ("carried out the deadly attack"). */
function supportVerb(before: string): RegExpExecArray | null {
  let s = before;
  for (let k = 0; k < 3; k++) {
    const m = SUPPORT_VERB.exec(s);
    if (m) return m;
    const cut = /(?:^|\s)[a-z][\w-]*\s*$/.exec(s);
    if (!cut) return null;
    s = s.slice(0, cut.index + 1);
  }
  return null;
}

/** Where an event happened: a place of the places layer, or a named site (a street, a building) it did not place on the map. */
type Site = Pick<Place, 'start' | 'end' | 'name' | 'entity' | 'featureCode'> & { readonly id?: string };

interface PlaceAt {
  readonly place: Site;
  readonly mStart: number;
  readonly mEnd: number;
}

/**
 * Events, each read from one clause: a trigger word, and the actor, target, place, time and
 * quantities found in that clause only. Fields the clause does not give stay empty.
 */
export function extractEvents(doc: Doc, opts: ExtractOptions = {}): Event[] {
  const model = opts.model === undefined ? defaultTriggerModel() : opts.model;
  const frames = buildFrames(doc);
  const ev = new EvidenceContext(doc);
  const places = doc.layer('places');
  const quantities = doc.layer('quantities');
  const times = doc.layer('times');
  const out: Event[] = [];
  // Places in text order, keeping their layer index (events point at it).
  const placeOrder = places.map((_, i) => i).sort((x, y) => places[x]!.start - places[y]!.start);
  let pi = 0;
  for (const f of frames) {
    const cls = clauses(f);
    const fPlaces: PlaceAt[] = [];
    while (pi < placeOrder.length && places[placeOrder[pi]!]!.start < f.start) pi++;
    for (let k = pi; k < placeOrder.length && places[placeOrder[k]!]!.start < f.end; k++) {
      const i = placeOrder[k]!, p = places[i]!;
      if (p.end <= f.end && !p.embedded) fPlaces.push({ place: p, mStart: maskedAt(f, p.start), mEnd: maskedAt(f, p.end) });
    }
    // Named sites the gazetteer does not hold ("Deerpark Road", "the Rolando cafe") can still be where it happened.
    for (const a of f.args) {
      if (a.cls === 'L' && !fPlaces.some((p) => p.place.start < a.end && a.start < p.place.end)) fPlaces.push({ place: { start: a.start, end: a.end, name: a.text, entity: a.entity }, mStart: a.mStart, mEnd: a.mEnd });
    }
    fPlaces.sort((x, y) => x.mStart - y.mStart);
    // Every trigger pattern runs once over the sentence; matches are then dealt to their clauses.
    const hits = hitsIn(f.masked);
    // The longest reading of a stretch is tried first ("shot dead" before "shot").
    hits.sort((x, y) => y.end - y.at - (x.end - x.at) || x.ct.rank - y.ct.rank || x.at - y.at);
    let previous: Event | undefined;
    for (const c of cls) {
      const found: { at: number; end: number; e: Event }[] = [];
      for (const h of hits) {
        if (h.at < c.start || h.at >= c.end) continue;
        if (found.some((x) => h.at < x.end && x.at < h.end)) continue;
        // A run-on "sentence" (a table, a list without stops) is read in a window around the trigger.
        const w = { start: Math.max(c.start, h.at - WINDOW), end: Math.min(c.end, h.end + WINDOW) };
        const r = fromTrigger(doc.text, f, w, h.ct.t, h.at, h.end, fPlaces, ev, quantities, times);
        if (!r) continue;
        const kept = model ? model.keeps(r.features, r.hasArgs) : r.hasArgs;
        opts.candidates?.({ type: r.e.type, trigger: r.e.trigger!, features: r.features, hasArgs: r.hasArgs, kept });
        if (kept) found.push({ at: h.at, end: h.end, e: withArgs(r.e, r.nominal()) });
      }
      // "..., followed by a second group, around 20, in March": the same kind of event again,
      // with only what this clause says.
      if (!found.length && previous && /^followed by\b/i.test(f.masked.slice(c.start, c.end))) {
        const e = followUp(f, c, previous, fPlaces, ev, quantities, times);
        if (e) found.push({ at: c.start, end: c.end, e });
      }
      found.sort((x, y) => x.at - y.at);
      for (const x of found) out.push(x.e);
      previous = found.length ? found[found.length - 1]!.e : previous;
    }
  }
  return out.sort((x, y) => x.start - y.start || x.end - y.end);
}

function maskedAt(f: Frame, offset: number): number {
  let lo = 0, hi = f.origin.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (f.origin[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function argStarting(f: Frame, at: number): Arg | undefined {
  return f.args.find((a) => a.mStart === at);
}

/** A name right before a noun trigger, with at most one modifier between: not a conjunction or preposition. */
const MODIFIED_BY = new RegExp(`${OPEN}(\\d+)[A-Z]${CLOSE}(?:[’']s?)?(?:-\\w+)?\\s+(?:(?!(?:and|or|but|nor|of|on|at|with|from|by|as|than|that|which|who)\\s)[a-z][\\w-]*\\s+)?$`);

/** First argument after `from` reached over at most `words` plain words (no clause punctuation, no preposition unless allowed). */
function objectAfter(f: Frame, from: number, limit: number, classes: string, words = 3, allowPrep = /^(?:against|on|of)$/i): Arg | undefined {
  const rest = f.masked.slice(from, limit);
  const re = new RegExp(`^\\s*((?:[^\\s${OPEN}${CLOSE},.;:()]+\\s+){0,${words}}?)${OPEN}(\\d+)([A-Z])${CLOSE}`);
  const m = re.exec(rest);
  if (!m) return undefined;
  const filler = m[1]!.trim().split(/\s+/).filter(Boolean);
  if (filler.some((w) => /^(?:in|at|near|from|into|across|inside|outside|throughout|during|with|for|to|by|since|after|before|over|under|around|as|than|and|or|but|said|says|while|who|which|that)$/i.test(w) && !allowPrep.test(w))) return undefined;
  const a = f.args[Number(m[2])];
  return a && classes.includes(a.cls) ? a : undefined;
}

function fromTrigger(
  raw: string, f: Frame, c: Span, t: Trigger, at: number, end: number, fPlaces: PlaceAt[], ev: EvidenceContext,
  quantities: readonly Quantity[],
  times: readonly Span[],
): { e: Event; features: string[]; hasArgs: boolean; nominal: () => EventArg[] } | undefined {
  const before = f.masked.slice(c.start, at);
  const clauseText = f.masked.slice(c.start, c.end);
  let actor: Arg | undefined;
  let target: Arg | undefined;
  let claimed = false;
  let passive = false;
  // ", killing 30 people": a participle hanging from the clause before is a verb.
  const participle = /ing$/i.test(f.masked.slice(at, end)) && /,\s*(?:and\s+)?$/.test(f.masked.slice(0, at));
  if (t.form === 'verb' && !participle && !verbReading(f.masked.slice(at, end), before, f.masked.slice(end, c.end))) return undefined;
  if (t.type === 'attack' && (NOT_AN_EVENT_AFTER.test(f.masked.slice(end, c.end)) || (/^str/i.test(f.masked.slice(at, end)) && STRUCK_A_DEAL.test(f.masked.slice(end, c.end))))) return undefined;
  if (t.form === 'verb') {
    const transitive = t.type !== 'movement' && t.type !== 'protest' && t.type !== 'fight';
    const reduced = transitive && !PASSIVE_BEFORE.test(before) && reducedRelative(before, f.masked.slice(end, c.end));
    passive = (PASSIVE_BEFORE.test(before) || reduced) && PARTICIPLE.test(f.masked.slice(at, end));
    if (passive) {
      // In "the people killed on Thursday" the target is the plain noun, not the clause subject.
      target = t.objectIsPlace || reduced ? undefined : subjectBefore(f, at, AGENT, c.start);
      // "killed by X", "killed in a raid by X", "killed in a 2008 raid carried out by X".
      const by = /^\s*(?:(?:in|during)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:raid|strike|airstrike|air strike|drone strike|attack|operation|ambush|bombing|offensive|assault)\s+(?:(?:carried out|conducted|launched|mounted)\s+)?)?by\s+/i.exec(f.masked.slice(end, c.end));
      if (by) actor = argStarting(f, end + by[0].length) ?? objectAfter(f, end + by[0].length, c.end, AGENT, 1);
      if (!actor) actor = modifierOf(f, end, c.end, /^(?:air ?strikes?|drone strikes?|strikes?|raids?|attacks?|operations?|bombardments?|bombings?|ambush(?:es)?)\b/i);
    } else if (t.subjectIsTarget) {
      target = subjectBefore(f, at, AGENT, c.start);
    } else {
      actor = subjectBefore(f, at, AGENT, c.start) ?? governingSubject(f, c, at);
      // "Spain ... killed 13": a state as the plain subject of harm is, in news, where it happened.
      if (actor?.cls === 'G' && HARM.has(t.type)) actor = undefined;
      if (!t.objectIsPlace) target = objectAfter(f, end, c.end, t.type === 'attack' || t.type === 'damage' ? 'POGNLM' : AGENT, t.type === 'fight' ? 6 : 3, t.type === 'fight' ? /^(?:against|on|of|what|it|calls|so-called)$/i : /^(?:against|on|of)$/i)
        ?? including(f, end, c.end);
    }
  } else {
    // Noun trigger: "the X attack", "X's offensive", "an attack by X", "X carried out the attack";
    // the word between modifies the noun ("X's deadly attack"), never joins two phrases ("X and attacks on Y").
    const mod = MODIFIED_BY.exec(before);
    if (mod) {
      const a = f.args[Number(mod[1])];
      // "the Orlando attack" names where, not who: a state named before the noun must be a known country.
      if (a && AGENT.includes(a.cls) && (a.cls !== 'G' || fPlaces.some((p) => p.place.start < a.end && a.start < p.place.end && /^PCL/.test(p.place.featureCode ?? '')))) actor = a;
    }
    const after = f.masked.slice(end, c.end);
    const by = /^\s*(?:(?:was|were|has been|had been|is)\s+)?(?:(?:claimed|carried out|conducted|launched|staged|perpetrated|announced|agreed|brokered|declared|signed|reached|imposed|organi[sz]ed|led)\s+)?by\s+/i.exec(after);
    if (!actor && by) {
      actor = argStarting(f, end + by[0].length) ?? objectAfter(f, end + by[0].length, c.end, AGENT, 1);
      if (/claimed/i.test(by[0])) claimed = true;
    }
    if (!actor) {
      const claimBy = /\b(?:was|were|has been|had been)\s+(?:\w+ly\s+)?claimed by\s+/i.exec(after);
      if (claimBy) {
        actor = objectAfter(f, end + claimBy.index + claimBy[0].length, c.end, AGENT, 1);
        if (actor) claimed = true;
      }
    }
    const support = supportVerb(before);
    if (!actor && support) {
      actor = subjectBefore(f, c.start + support.index, AGENT, c.start);
      if (actor && CLAIM.test(support[0])) claimed = true;
    }
    const on = /^\s*(?:on|against|targeting|of)\s+/i.exec(after);
    if (on && !t.needsPlace) target = objectAfter(f, end + on[0].length, c.end, AGENT, 2);
  }
  if (!claimed && actor && CLAIM.test(clauseText) && (t.type === 'attack' || t.type === 'killing' || t.type === 'airstrike')) {
    claimed = /\b(?:claimed|claims|claim)\b[^.;]*$/i.test(f.masked.slice(c.start, at)) || /^[^.;]*\bclaimed\b/i.test(f.masked.slice(end, c.end));
  }

  const place = placeFor(f, c, t, at, end, fPlaces, actor, target) ?? (t.needsPlace || t.type === 'movement' ? undefined : sentencePlace(f, at, end, fPlaces, actor, target));
  if (t.needsPlace && !place) return undefined;
  // Fighters move ("X fighters arrived"); forces are deployed ("deployed troops", "troops were deployed").
  const people = t.type === 'mobilize' ? PERSONNEL_WORDS.test(clauseText) : PERSONNEL_WORDS.test(before);
  if (t.needsPersonnel && !(people || (t.type === 'movement' && actor && actor.cls === 'O'))) return undefined;
  const clauseDoc = docSpan(f, c.start, c.end);
  const trig = docSpan(f, at, end);
  const time = ev.timeIn(clauseDoc, trig.start);
  // "Russian soldiers", "the Rolando Cafe bombing": a name modifying a noun is not the one who acts or suffers.
  // "Roadside IED kills ...": a weapon named like an organisation is the instrument, not the actor.
  // "X fighters attacked" names the doer by its fighters; "X soldiers were killed" names the victims.
  if (actor && (modifier(f, actor, HARM.has(t.type)) || WEAPON.test(actor.text))) actor = undefined;
  if (target && modifier(f, target)) target = undefined;
  if (actor && target && actor.entity === target.entity) target = undefined;
  const instrument = INSTRUMENTAL.has(t.type) ? instrumentNear(f, c, at, end) : undefined;
  // People attacking, fighting or killing in a clause about politics and words, with nothing
  // physical in it, is a figure of speech: an attack is PLOVER DISAPPROVE, the rest no event.
  const context = {
    type: t.type, clause: raw.slice(clauseDoc.start, clauseDoc.end), trigger: raw.slice(trig.start, trig.end),
    after: raw.slice(trig.end, clauseDoc.end), before: raw.slice(clauseDoc.start, trig.start), actorCls: actor?.cls, targetCls: target?.cls,
  };
  if (isNoHarm({ ...context, sentence: raw.slice(f.start, f.end) })) return undefined;
  const figurative = isFigurative(context);
  if (figurative && t.type !== 'attack') return undefined;
  const type = figurative ? 'disapprove' : t.type;
  // Sides no entity fills may still be named by a noun phrase ("three people", "the bomber"); a figure of speech has none.
  // Read only for the hits the model keeps.
  const nominal = (): EventArg[] => figurative ? [] : nominalParticipants(raw, f, c, at, end, { type: t.type, form: t.form, passive: passive || (t.form === 'verb' && PASSIVE_BEFORE.test(before) && SHORT_PARTICIPLE.test(f.masked.slice(at, end))), subjectIsTarget: !!t.subjectIsTarget, participle }, { actor: !!actor, target: !!target, place: !!place });
  const parts: Span[] = [trig];
  for (const a of [actor, target]) if (a) parts.push({ start: a.start, end: a.end });
  if (place) parts.push(place.place);
  if (time) parts.push(time);
  const qs = quantitiesIn(clauseDoc, quantities, times);
  for (const i of qs) parts.push(quantities[i]!);
  if (instrument) parts.push(instrument);
  const span = { start: Math.min(...parts.map((p) => p.start)), end: Math.max(...parts.map((p) => p.end)) };
  const e: Mutable<Event> = { type, start: span.start, end: span.end, trigger: trig };
  if (actor) e.actor = actor.entity;
  if (target) e.target = target.entity;
  if (instrument) e.instrument = instrument;
  if (place) {
    e.place = place.place.entity ?? place.place.name;
    if (place.place.id) e.placeId = place.place.id;
  }
  if (time) e.time = time.value;
  if (qs.length) e.quantities = qs.map((i) => quantities[i]!.id);
  const source = ev.sourceOf(span, { start: f.start, end: f.end });
  if (source) e.source = source;
  const mod = modality(f.masked.slice(c.start, end));
  if (mod.negated) e.negated = true;
  if (mod.hedged) e.hedged = true;
  if (claimed) e.claimed = true;
  const features = triggerFeatures(f.masked, c, at, end, t, {
    actor: !!actor, target: !!target, place: !!place, instrument: !!instrument, time: !!time, quantities: qs.length > 0,
  });
  return { e, features, hasArgs: !!(actor || target || place), nominal };
}

/** The event with its nominal sides, its evidence stretched to cover them. */
function withArgs(e: Event, args: EventArg[]): Event {
  if (!args.length) return e;
  return { ...e, args, start: Math.min(e.start, ...args.map((a) => a.start)), end: Math.max(e.end, ...args.map((a) => a.end)) };
}

/**
 * A demonym or a facility name right before a common noun ("Afghan soldiers", "Bagram Airfield
 * bombing"), or with `ofPeople` any name before a noun for people ("U.S. service members"):
 * the event reads the noun, not the name.
 */
function modifier(f: Frame, a: Arg, ofPeople = true): boolean {
  const next = /^\s+([a-z][\w-]*)/.exec(f.masked.slice(a.mEnd))?.[1];
  if (!next || /(?:ed|ly)$/.test(next) || NOT_A_NOUN.test(next)) return false;
  return a.cls === 'N' || a.type === 'NORP' || /^[A-Z][a-z]+(?:ian|ese|ish|an|i)$/.test(a.text) || FACILITY.test(a.text) || (ofPeople && PEOPLE_HEAD.test(next));
}
/** Nouns for people a name can only modify: "U.S. service members", "pro-regime fighters". */
const PEOPLE_HEAD = /^(?:fighters|soldiers|troops|forces|members|militants|officers|police|policemen|personnel|civilians|workers|people|supporters|protesters|demonstrators|students|children|women|men|service|guards?|officials|commanders?|citizens|nationals|residents|villagers|pilgrims|tourists|sailors|marines|gunmen|rebels|insurgents|jihadists|militiamen|staff|employees|diplomats|journalists|passengers|worshippers|prisoners|detainees|hostages|victims|lawmakers)$/i;
const NOT_A_NOUN = /^(?:has|have|had|is|are|was|were|will|would|could|can|may|might|must|did|does|do|also|then|not|never|again|still|later|already|and|or|but|who|which|that|said|says|to|of|in|on|at|by|for|with|from|as)$/;
const FACILITY = /(?:^|\s)(?:cafe|café|cafeteria|cafetería|restaurant|hotel|airfield|airport|marathon|building|bridge|street|road|square|market|station|mosque|church|school|hospital|base|camp|embassy|stadium|club|bar|mall)(?=\s|$)/i;

/** "arrested five people, including X": the first one named stands for the group. */
function including(f: Frame, from: number, limit: number): Arg | undefined {
  const m = /^[^;:]{0,60}?,?\s+(?:including|among them)\s+/i.exec(f.masked.slice(from, limit));
  return m ? objectAfter(f, from + m.index + m[0].length, limit, 'P', 2) : undefined;
}

/**
 * ", killing 12 soldiers" after "Gunmen from X attacked the base": a participle clause takes the
 * subject of the clause it hangs from.
 */
function governingSubject(f: Frame, c: Span, at: number): Arg | undefined {
  const before = f.masked.slice(0, at);
  if (!/,\s*(?:and\s+)?$/.test(before) || !/^\w+ing\b/i.test(f.masked.slice(at))) return undefined;
  const comma = before.lastIndexOf(',');
  return subjectBefore(f, comma, AGENT, 0);
}

const HARM = new Set<Event['type']>(['killing', 'injury', 'damage']);
const INSTRUMENTAL = new Set<Event['type']>(['attack', 'killing', 'injury', 'damage']);

/** The weapon named nearest the trigger in its clause ("a car bomb exploded", "killed in a drone strike"). */
function instrumentNear(f: Frame, c: Span, at: number, end: number): (Span & { text: string }) | undefined {
  const re = new RegExp(WEAPON.source, 'gi');
  let best: { s: number; e: number; d: number } | undefined;
  const text = f.masked.slice(c.start, c.end);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const s = c.start + m.index, e = s + m[0].length;
    const d = s >= end ? s - end : e <= at ? at - e : 0;
    if (d <= 60 && (!best || d < best.d)) best = { s, e, d };
  }
  if (!best) return undefined;
  const span = docSpan(f, best.s, best.e);
  return { ...span, text: f.masked.slice(best.s, best.e) };
}

/** The agent named as a modifier of a following noun: "in a U.S. airstrike". */
function modifierOf(f: Frame, from: number, limit: number, head: RegExp): Arg | undefined {
  const rest = f.masked.slice(from, limit);
  const m = new RegExp(`^\\s*(?:\\S+\\s+){0,3}?(?:in|by|during)\\s+(?:an?|the)?\\s*${OPEN}(\\d+)[A-Z]${CLOSE}(?:[’']s?)?(?:-\\w+)?\\s+(?:[a-z][\\w-]*\\s+){0,1}`, 'i').exec(rest);
  if (!m || !head.test(rest.slice(m[0].length))) return undefined;
  const a = f.args[Number(m[1])];
  return a && AGENT.includes(a.cls) ? a : undefined;
}

function placeFor(f: Frame, c: Span, t: Trigger, at: number, end: number, fPlaces: PlaceAt[], actor?: Arg, target?: Arg): PlaceAt | undefined {
  const inClause = fPlaces.filter((p) => p.mStart >= c.start && p.mEnd <= c.end && !overlapsArg(p, actor) && !overlapsArg(p, target));
  // After the trigger first ("arrived in X", "attack at X", "capture of X"), then before it ("In X, gunmen attacked").
  for (const p of inClause) {
    if (p.mStart < end) continue;
    const gap = f.masked.slice(end, p.mStart);
    if (/[;]/.test(gap) || gap.length > 80) continue;
    const direct = t.objectIsPlace || /\b(?:of|from|in|into)$/i.test(f.masked.slice(at, end));
    if (PLACE_HEAD.test(gap) && direct) return p;
    // Territory changes hands only in the place that is the verb's own object.
    if (direct && t.needsPlace) return undefined;
    if (LOCATIVE.test(gap) && !/\bfrom\s+(?:\S+\s+){0,2}$/i.test(gap)) {
      // A place introduced after another argument belongs to that argument's phrase only when nothing else intervenes.
      if (t.type === 'movement' && /\b(?:from)\b/i.test(gap.slice(-8))) continue;
      return p;
    }
  }
  for (let k = inClause.length - 1; k >= 0; k--) {
    const p = inClause[k]!;
    if (p.mEnd > at) continue;
    const pre = f.masked.slice(c.start, p.mStart);
    if (/(?:^|\s)(?:in|at|near|outside|inside)\s+(?:the\s+)?(?:city of\s+|town of\s+|province of\s+)?$/i.test(pre) && (/^\s*(?:in|at|near|outside|inside)\s/i.test(pre.slice(-30)) || c.start === 0)) {
      if (/^[\s,]*(?:[A-Z]\w+\s+)?$/.test(f.masked.slice(c.start, p.mStart).replace(/\b(?:in|at|near|outside|inside|the|city|town|province|of)\b/gi, ''))) return p;
    }
  }
  return undefined;
}

/**
 * "a man was shot dead when he answered the door in X": failing its own clause, an event
 * happened at the place the sentence introduces with a locative preposition nearest to it.
 */
function sentencePlace(f: Frame, at: number, end: number, fPlaces: PlaceAt[], actor?: Arg, target?: Arg): PlaceAt | undefined {
  let best: { p: PlaceAt; d: number } | undefined;
  for (const p of fPlaces) {
    if (overlapsArg(p, actor) || overlapsArg(p, target) || !/\b(?:in|at|near|outside|inside)\s+(?:the\s+)?(?:(?:city|town|village|province|region|district|area) of\s+)?$/i.test(f.masked.slice(Math.max(0, p.mStart - 30), p.mStart))) continue;
    const gap = p.mStart >= end ? f.masked.slice(end, p.mStart) : f.masked.slice(p.mEnd, at);
    const d = gap.length;
    if (d > SENTENCE_PLACE_REACH || /[;:]|\s[–—]\s/.test(gap)) continue;
    if (!best || d < best.d) best = { p, d };
  }
  return best?.p;
}
const SENTENCE_PLACE_REACH = 60;

/** Words between a verb or "capture of" and the place it takes: "the strategic town of". */
const PLACE_HEAD = /^\s*(?:the\s+)?(?:(?:city|town|village|province|region|district|area|neighbou?rhood|outskirts|port|base|airport|strategic|key|northern|southern|eastern|western|central|border|nearby|rebel-held|government-held|old|remaining|last)\s+)*(?:of\s+)?(?:the\s+)?$/i;

function overlapsArg(p: PlaceAt, a?: Arg): boolean {
  return !!a && p.place.start < a.end && a.start < p.place.end;
}

function quantitiesIn(clause: Span, quantities: readonly Quantity[], times: readonly Span[]): number[] {
  const out: number[] = [];
  quantities.forEach((q, i) => {
    if (q.start < clause.start || q.end > clause.end || q.currency) return;
    if (times.some((t) => t.start < q.end && q.start < t.end)) return;
    out.push(i);
  });
  return out;
}

function followUp(f: Frame, c: Span, previous: Event, fPlaces: PlaceAt[], ev: EvidenceContext, quantities: readonly Quantity[], times: readonly Span[]): Event | undefined {
  const clauseDoc = docSpan(f, c.start, c.end);
  const text = f.masked.slice(c.start, c.end);
  if (!PERSONNEL_WORDS.test(text) && previous.type === 'movement') return undefined;
  const time = ev.timeIn(clauseDoc, clauseDoc.start);
  const qs = quantitiesIn(clauseDoc, quantities, times);
  if (!time && !qs.length) return undefined;
  const end = text.replace(/[\s,]+$/, '').length + c.start;
  const e: Mutable<Event> = { type: previous.type, ...docSpan(f, c.start, end) };
  if (time) e.time = time.value;
  if (qs.length) e.quantities = qs.map((i) => quantities[i]!.id);
  if (previous.source) e.source = ev.sourceOf(e, { start: f.start, end: f.end }) ?? previous.source;
  void fPlaces;
  const mod = modality(text);
  if (mod.negated) e.negated = true;
  if (mod.hedged) e.hedged = true;
  return e;
}
