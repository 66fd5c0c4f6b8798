import type { Doc } from '../../core/doc.js';
import type { EntityType, Mention } from '../../core/layers.js';
import type { Span } from '../../core/span.js';

/**
 * A sentence seen by the relation and event patterns: every mention resolved to an entity
 * is collapsed into one placeholder symbol, so patterns can say "an organisation, a comma,
 * 'an affiliate of', another organisation" without caring how long the names are.
 *
 * Placeholder: \uE000 <index into args> <class letter> \uE001. Whitespace runs become one
 * space. `origin[i]` maps masked offset i back to the document offset.
 */

/** Argument classes used by patterns: Person, Organisation, Nationality/religious group, Geo-political, Location/facility, Misc. */
export type ArgClass = 'P' | 'O' | 'N' | 'G' | 'L' | 'M';

export interface Arg extends Span {
  readonly entity: string;
  readonly cls: ArgClass;
  readonly type: EntityType;
  readonly kind?: Mention['kind'];
  readonly text: string;
  /** Position of the placeholder in the masked sentence. */
  mStart: number;
  mEnd: number;
}

export interface Frame extends Span {
  readonly masked: string;
  /** Document offset of each masked offset (length masked.length + 1). */
  readonly origin: Int32Array;
  readonly args: Arg[];
}

const CLASS_OF: Record<EntityType, ArgClass> = {
  PERSON: 'P', ORG: 'O', NORP: 'N', GPE: 'G', LOC: 'L', FAC: 'L', EVENT: 'M', WORK: 'M', MISC: 'M',
};

export const OPEN = '\uE000';
export const CLOSE = '\uE001';

/** Mentions that carry an entity id, longest first where two overlap, in text order. */
export function resolvedMentions(doc: Doc): Mention[] {
  const known = new Set(doc.layer('entities').map((e) => e.id));
  const ms = doc.layer('mentions').filter((m) => m.entity && known.has(m.entity) && m.end > m.start);
  const sorted = [...ms].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Mention[] = [];
  for (const m of sorted) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) continue;
    out.push(m);
  }
  return out;
}

// Relations and events read the same frames: built once per set of layers.
const frameCache = new WeakMap<object, { sentences: unknown; places: unknown; entities: unknown; frames: Frame[] }>();

/** Builds the masked frame of every sentence (or one frame over the whole text when there are no sentences). */
export function buildFrames(doc: Doc): Frame[] {
  const key = doc.layer('mentions');
  const hit = frameCache.get(key);
  if (hit && hit.sentences === doc.layer('sentences') && hit.places === doc.layer('places') && hit.entities === doc.layer('entities')) return hit.frames;
  const frames = framesOf(doc);
  if (key.length) frameCache.set(key, { sentences: doc.layer('sentences'), places: doc.layer('places'), entities: doc.layer('entities'), frames });
  return frames;
}

function framesOf(doc: Doc): Frame[] {
  const mentions = resolvedMentions(doc);
  // A city or province named like a state ("Idlib province", "the Mosul offensive") is where
  // something happens, never who does it: only countries stay agents.
  const local = new Set(doc.layer('places').filter((p) => p.featureCode && !/^PCL/.test(p.featureCode)).map((p) => `${p.start}:${p.end}`));
  const sentences: readonly Span[] = doc.layer('sentences').length ? doc.layer('sentences') : [{ start: 0, end: doc.text.length }];
  const frames: Frame[] = [];
  let mi = 0;
  for (const s of sentences) {
    while (mi < mentions.length && mentions[mi]!.start < s.start) mi++;
    const inside: Mention[] = [];
    for (let j = mi; j < mentions.length && mentions[j]!.start < s.end; j++) if (mentions[j]!.end <= s.end) inside.push(mentions[j]!);
    frames.push(buildFrame(doc.text, s, inside, local));
  }
  return frames;
}

export function buildFrame(text: string, span: Span, mentions: readonly Mention[], localPlaces: ReadonlySet<string> = new Set()): Frame {
  let masked = '';
  const origin: number[] = [];
  const args: Arg[] = [];
  let pos = span.start;
  let lastSpace = false;
  const copy = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const c = text[i]!;
      if (c === ' ' || c === '\n' || c === '\t') {
        if (lastSpace) continue;
        masked += ' ';
        lastSpace = true;
      } else {
        masked += c === OPEN || c === CLOSE ? ' ' : c;
        lastSpace = false;
      }
      origin.push(i);
    }
  };
  for (const m of mentions) {
    copy(pos, m.start);
    let cls = CLASS_OF[m.type] ?? 'M';
    if (cls === 'G' && localPlaces.has(`${m.start}:${m.end}`)) cls = 'L';
    const sym = `${OPEN}${args.length}${cls}${CLOSE}`;
    const mStart = masked.length;
    masked += sym;
    for (let k = 0; k < sym.length; k++) origin.push(k === 0 ? m.start : m.end - 1);
    args.push({ start: m.start, end: m.end, entity: m.entity!, cls, type: m.type, kind: m.kind, text: m.text, mStart, mEnd: masked.length });
    lastSpace = false;
    pos = m.end;
  }
  copy(pos, span.end);
  origin.push(span.end);
  return { start: span.start, end: span.end, masked, origin: Int32Array.from(origin), args };
}

/** Document span of a masked range (end exclusive). */
export function docSpan(f: Frame, mStart: number, mEnd: number): Span {
  const start = f.origin[mStart]!;
  const end = mEnd > mStart ? f.origin[mEnd - 1]! + 1 : start;
  return { start, end };
}

/** The argument whose placeholder starts at masked offset `at`, if any. */
export function argAt(f: Frame, at: number): Arg | undefined {
  for (const a of f.args) if (a.mStart === at) return a;
  return undefined;
}

/** Argument named by a captured placeholder index. */
export function argByIndex(f: Frame, idx: string | undefined): Arg | undefined {
  return idx === undefined ? undefined : f.args[Number(idx)];
}

// ---- clauses -------------------------------------------------------------------------

/**
 * Clause boundaries inside a masked sentence: semicolons, colons, spaced dashes, and
 * subordinating or coordinating links after a comma. Events and their fields are read
 * from one clause only, so a place or date elsewhere in the sentence is never borrowed.
 */
const CLAUSE_BREAK = new RegExp(
  [
    '\\s*[;:]\\s+',
    '\\s+[–—]\\s+',
    ',\\s+(?=(?:but|while|whereas|although|though|followed by|and then|after which|prompting|as well as)\\b)',
    `,\\s+(?=and\\s+(?:(?:the|a|an|he|she|it|they|we|its|their)\\b|${OPEN}))`,
    '\\s+(?=as\\s+(?:he|she|it|they|we|I|you)\\b)',
    `\\s+(?=(?:before|after|because|although|though|while|whereas|until|when|once)\\s+(?:(?:he|she|it|they|we|I|you|the|a|an|its|their|his|her)\\b|${OPEN}))`,
  ].join('|'),
  'gi',
);

/** Masked ranges [start, end) of the clauses of a frame. */
export function clauses(f: Frame): Span[] {
  const out: Span[] = [];
  let from = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(f.masked); m; m = CLAUSE_BREAK.exec(f.masked)) {
    if (m[0].length === 0) { CLAUSE_BREAK.lastIndex++; if (m.index > from) { out.push({ start: from, end: m.index }); from = m.index; } continue; }
    if (m.index > from) out.push({ start: from, end: m.index });
    from = m.index + m[0].length;
  }
  if (from < f.masked.length) out.push({ start: from, end: f.masked.length });
  return out;
}

export function clauseOf(cs: readonly Span[], at: number): Span {
  for (const c of cs) if (c.start <= at && at < c.end) return c;
  return cs[cs.length - 1] ?? { start: 0, end: at };
}

// ---- subjects ------------------------------------------------------------------------

const PREPOSITIONS = new Set(
  ('of in at from to with by for on into onto near against as than between across over under through including like among ' +
    'toward towards via within without about after before during since outside inside around throughout behind beyond upon ' +
    'alongside despite per amid amongst versus unlike besides beside').split(' '),
);
/** Words after which scanning for a subject stops: the subject of a reporting verb is not the subject of what is reported. */
const SUBJECT_STOP = /(?:\b(?:he|she|they|we|I|you|it)\b(?!['’]s)|\b(?:and|but|while)\s+(?:the|all|other|many|some|most|its|their|these|those|a|an|we|they|he|she|it|I|you)\b|\b(?:said|says|say|told|tells|according|added|adds|noted|notes|stated|states|announced|reported|reports|claimed|believes?|believed|thinks?|thought|warned|warns|that|because|if|whether|which|who|whom|whose)\b|[;:“”"()\[\]]|\s[–—]\s)/i;
/** Heads that make an organisation named before them the actor: "ISIS fighters arrived". */
export const PERSONNEL = /^\s*(?:[’']s?\s+)?(?:\w+\s+)?(?:fighters|militants|members|troops|forces|soldiers|jihadists|insurgents|rebels|recruits|operatives|gunmen|militias?|units?|cells?|supporters|loyalists|volunteers|commanders|police|officers|personnel|aircraft|jets|warplanes|drones)\b/i;

const OPENING_OF = /^\s*(?:(?:the|a|an|one|two|three|several|many|some|hundreds|thousands|dozens|a few)\s+)?(?:[a-z][\w-]*\s+){0,3}of\s+(?:the\s+)?$/i;

/** A noun after the modifier, not an auxiliary, adverb or verb: "an X gang leader", not "the X has attacked". */
const APPOSITION_HEAD = /^(?:[’']s)?\s+(?!(?:has|have|had|is|are|was|were|will|would|could|can|may|might|must|did|does|do|also|then|not|never|again|still|later|already)\b)[a-z][\w-]*(?<!ed|ly)\s+\S/;

const SUBORDINATOR_ONLY = /^\s*(?:before|after|because|although|though|while|whereas|until|when|once|since)\s+$/i;

function words(s: string): string[] {
  return s.split(/[\s]+/).filter(Boolean);
}

/** True when the placeholder at `a` is the object of a preposition (ignoring up to two modifiers). */
export function inPrepPhrase(f: Frame, a: Arg, prev: Arg | undefined): boolean {
  const gapStart = prev ? prev.mEnd : 0;
  let gap = f.masked.slice(gapStart, a.mStart);
  const comma = gap.lastIndexOf(',');
  if (comma >= 0) gap = gap.slice(comma + 1);
  const ws = words(gap.replace(/[“”"(]/g, ' '));
  const lower = ws.map((w) => w.toLowerCase());
  // "Syria and Iraq": a conjunct shares the status of the first one.
  if (prev && comma < 0 && (lower.length === 0 || (lower.length === 1 && /^(?:and|or|[’']s?)$/.test(lower[0]!)))) return inPrepPhrase(f, prev, f.args[f.args.indexOf(prev) - 1]);
  // The preposition may be followed by lower-case modifiers ("in northern"), not by a
  // complete object of its own ("In 2015 X joined").
  for (let i = ws.length - 1, k = 0; i >= 0 && k < 3; i--, k++) {
    const w = ws[i]!;
    if (PREPOSITIONS.has(w.toLowerCase())) return true;
    if (!/^[a-z][a-z’'-]*$/.test(w) || /^(?:and|or|but|has|have|had|is|are|was|were)$/.test(w)) return false;
  }
  return false;
}

/**
 * The subject of the clause that ends at masked offset `at`: the nearest argument on the
 * left that is not inside a prepositional phrase, of one of `classes`. Scanning stops at a
 * reporting verb, a relative pronoun, a bracket or quote mark, or the clause start, except
 * that "X, who/which ..." gives X.
 */
export function subjectBefore(f: Frame, at: number, classes: string, clauseStart = 0, nearest = false): Arg | undefined {
  const left = f.args.filter((a) => a.mEnd <= at && a.mStart >= clauseStart);
  if (nearest) {
    const a = left[left.length - 1];
    if (!a || words(f.masked.slice(a.mEnd, at)).length > 6 || SUBJECT_STOP.test(f.masked.slice(a.mEnd, at).replace(/^[’']s?/, ''))) return undefined;
    return classes.includes(a.cls) ? a : undefined;
  }
  for (let i = left.length - 1; i >= 0; i--) {
    const a = left[i]!;
    const between = f.masked.slice(a.mEnd, at);
    const rel = /^(?:[’']s?)?\s*,?\s*(?:who|which|that)\b/i.exec(between);
    if (!rel && SUBJECT_STOP.test(between.replace(/^[’']s?/, ''))) return undefined;
    if (rel && SUBJECT_STOP.test(between.slice(rel[0].length))) return undefined;
    // "A convoy of X was ambushed", "A first group of X fighters arrived": the owner in the
    // clause-opening noun phrase stands for the subject.
    // "X, an ISIL commander in Raqqa, was killed": ISIL only modifies the apposition's head.
    if (/,\s+(?:an?|the|one of the|another)\s+$/i.test(f.masked.slice(Math.max(0, a.mStart - 16), a.mStart)) && APPOSITION_HEAD.test(between)) continue;
    // "a commitment to combating X": the doer of a purpose clause is only taken when close.
    if (/\b(?:to|of|for|in order to)\s+(?:\w+\s+(?:and|or)\s+)?$/i.test(f.masked.slice(Math.max(0, at - 30), at)) && words(between).length > 5) return undefined;
    const lead = f.masked.slice(clauseStart, a.mStart);
    const opensClause = OPENING_OF.test(lead) || SUBORDINATOR_ONLY.test(lead);
    const personnelHead = !opensClause && PERSONNEL.test(between);
    if (!personnelHead && !opensClause && inPrepPhrase(f, a, left[i - 1] ?? f.args[f.args.indexOf(a) - 1])) continue;
    if (personnelHead && /\b(?:from|in|at|near|into|to)\s+(?:\w+\s+){0,2}$/i.test(f.masked.slice(Math.max(0, a.mStart - 30), a.mStart))) continue;
    return classes.includes(a.cls) ? a : undefined;
  }
  return undefined;
}

// ---- modality ------------------------------------------------------------------------

const NEGATION = /\b(?:not|never|no longer|neither|nor|denied|denies|deny|denying|rejected|rejects|refuted|dismissed)\b|n[’']t\b/i;
const HEDGE = /\b(?:may|might|could|possibly|possible|perhaps|reportedly|allegedly|alleged|suspected|believed|thought to|likely|unlikely|apparently|appears? to|appeared to|seems? to|seemed to|said to be|rumou?red|unconfirmed|feared|fears?|impending|potential|planned|plans? to|plotting|plot|would|threaten(?:s|ed)? to)\b/i;

export interface Modality {
  negated?: boolean;
  hedged?: boolean;
}

/** Negation and hedging cues in the stretch of the clause that governs a pattern. */
export function modality(stretch: string): Modality {
  const s = stretch.replace(new RegExp(`${OPEN}\\d+[A-Z]${CLOSE}`, 'g'), ' ');
  const out: Modality = {};
  if (NEGATION.test(s)) out.negated = true;
  if (HEDGE.test(s)) out.hedged = true;
  return out;
}

// ---- verb or noun -------------------------------------------------------------------

/** Cue words that are as often nouns as verbs ("attacks", "fighting", "strikes"). */
export const AMBIGUOUS_CUE = /^(?:attacks?|strikes?|fights?|raids?|protests?|arrests?|battles?|clash(?:es)?|rall(?:y|ies)|march(?:es)?|bombs?|bombing|shelling|fighting|killings?|killing|executions?|targets?|combat)$/i;
const NOUN_CONTEXT = /(?:\b(?:the|a|an|its|their|his|her|our|this|that|these|those|similar|more|further|new|any|no|of|in|for|against|after|before|during)|[’']s?)\s+$/i;
const SUBJECT_THEN_AUX = new RegExp(`${OPEN}\\d+[A-Z]${CLOSE}(?:[’']s?)?(?:\\s+(?:\\w+ly|will|would|can|could|may|might|must|has|have|had|is|are|was|were|be|been|being|to|did|does|do|not|never|also|then|again|continue to|continued to|continues to|began|begun|begin|started|start|vowed to|threatened to|plan to|plans to|planned to))*\\s*$`, 'i');

/** Whether a cue word is read as a verb: never after a determiner or number; an ambiguous word needs its subject right before it. */
export function verbReading(word: string, before: string, after = ''): boolean {
  if (NOUN_CONTEXT.test(before)) return false;
  if (!AMBIGUOUS_CUE.test(word)) return true;
  if (/\b(?:was|were|been|being|is|are)\s+$/i.test(before)) return true;
  // "ISIL attacks the town" is a verb; "ISIL attacks in the town" and "ISIL targets were hit" are nouns.
  return SUBJECT_THEN_AUX.test(before) && !NOUN_FOLLOWS.test(after);
}

const NOUN_FOLLOWS = /^\s*(?:(?:in|at|on|against|by|with|for|from|of|near|across|inside|and|or|that|which|who|were|are|have|has|had|was|is|will|would|could|killed|hit|struck)\b|[,.;:)]|$)/i;
