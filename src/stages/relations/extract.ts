import type { Doc } from '../../core/doc.js';
import type { Relation } from '../../core/layers.js';
import { clauseOf, clauses } from '../../text/clauses.js';
import { EvidenceContext } from '../../text/evidence.js';
import { argByIndex, buildFrames, docSpan, type Arg, type Frame } from '../../text/frame.js';
import { modality } from '../../text/modality.js';
import { subjectBefore } from '../../text/subjects.js';
import { OFFICE_WORD } from '../../text/titles.js';
import { verbReading } from '../../text/verb-reading.js';
import { postedTo, RELATION_PATTERNS, ROLE_WORD, roleLabel, roleRelation, type RelationPattern } from './lexicon.js';
import { compile, requiredWords, slotClasses, WordTrie } from './pattern.js';
import { MAX_PAIR_DISTANCE, MAX_PAIRS_PER_SENTENCE, pairFeatures, SentenceWords, tokensOf } from './features.js';
import { defaultRelationModel, type RelationModel } from './model.js';

interface Compiled {
  readonly p: RelationPattern;
  readonly re: RegExp;
  /** Class sets (bits) of which the sentence must hold an argument each: the slots', and the subject's. */
  readonly needs: readonly number[];
  /** Word sets (ids into PatternSet's) of which the sentence must hold a word each. */
  readonly words: readonly number[];
}

interface PatternSet {
  readonly list: readonly Compiled[];
  /** The word sets a sentence word belongs to. */
  readonly sets: WordTrie;
  readonly setCount: number;
}

let compiled: PatternSet | undefined;
function patterns(): PatternSet {
  if (compiled) return compiled;
  const ids = new Map<string, number>();
  const members = new Map<string, number[]>();
  const list = RELATION_PATTERNS.map((p) => {
    const needs = [slotClasses(p.src, 'A'), slotClasses(p.src, 'B'), p.subject?.classes].filter((x): x is string => !!x).map(classBits);
    const words = requiredWords(p.src).map((set) => {
      const key = [...set].sort().join('|');
      let id = ids.get(key);
      if (id === undefined) {
        ids.set(key, (id = ids.size));
        for (const w of set) members.set(w, [...(members.get(w) ?? []), id]);
      }
      return id;
    });
    return { p, re: compile(p.src), needs, words };
  });
  return (compiled = { list, sets: new WordTrie(members), setCount: ids.size });
}

/** Whether a pattern can match a sentence: it holds an argument of each class set and a word of each word set the pattern needs. */
function canMatch(c: Compiled, present: number, held: Uint8Array): boolean {
  for (const set of c.needs) if ((set & present) === 0) return false;
  for (const id of c.words) if (!held[id]) return false;
  return true;
}

/** A set of argument classes as bits. */
const classBits = (letters: string) => {
  let bits = 0;
  for (const c of letters) bits |= 1 << 'POGNLM'.indexOf(c);
  return bits;
};
const classesOf = (f: Frame) => {
  let bits = 0;
  for (const a of f.args) bits |= 1 << 'POGNLM'.indexOf(a.cls);
  return bits;
};

/** Defeating a rival in a vote or a game is a contest, not a fight: "would defeat the Democratic nominee". */
const CONTEST_CUE = /^(?:defeat\w*|beat|beats|beaten|beating|ousted|routed)$/i;
// Words of a vote or a game only: "goal", "season" or "final" also name a war's ("the fighting season").
const CONTEST = /\b(?:elections?|electoral|vote[sd]?|voters?|ballots?|primar(?:y|ies)|caucus(?:es)?|nominees?|nomination|candidates?|delegates|polls?|runoff|re-?election|games?|matche?s|league|playoffs?|championships?|tournament|finals|cup|coach(?:es)?|quarterbacks?|touchdowns?|innings)\b/i;

/** Parties that contest elections: their fights are political ("defeat Republican Jane Roe"). */
const PARTY = /^(?:the )?(?:Republicans?|Democrats?|Democratic|GOP|Labour|Tor(?:y|ies)|Conservatives?|Liberals?|Lib Dems?|Liberal Democrats?)$/i;

/** Symmetric relation types are stored with their arguments in a canonical order so duplicates collapse. */
const SYMMETRIC = new Set(['alias', 'split', 'merge', 'allies', 'fights', 'talks']);

/** A pair of resolved mentions of one sentence as the relation model sees it (for training and inspection). */
export interface PairCandidate {
  /** The first mention of the pair in the sentence, and the second. */
  readonly x: Arg;
  readonly y: Arg;
  readonly features: readonly string[];
  /** What the model made of it; undefined when the rules already read the pair or there is no model. */
  readonly predicted?: string;
}

export interface ExtractOptions {
  /** The relation model; by default the committed one. Null: the pattern rules only. */
  readonly model?: RelationModel | null;
  /** Called with every pair of mentions the model reads. */
  readonly candidates?: (c: PairCandidate) => void;
}

/** What the model's labels become: a relation type, and whether y is the relation's `a`. */
const LABEL_TYPE: Record<string, { type: Relation['type']; swap: boolean }> = {
  fights: { type: 'fights', swap: false },
  allies: { type: 'allies', swap: false },
  alias: { type: 'alias', swap: false },
  talks: { type: 'talks', swap: false },
  member: { type: 'member', swap: false },
  'member<': { type: 'member', swap: true },
};

export function extractRelations(doc: Doc, opts: ExtractOptions = {}): Relation[] {
  const model = opts.model === undefined ? defaultRelationModel() : opts.model;
  const frames = buildFrames(doc);
  if (!frames.some((f) => f.args.length >= 2 || (f.args.length === 1 && /\b(?:known|named|renamed|rebranded)\b/i.test(f.masked)))) return [];
  const ev = new EvidenceContext(doc);
  const out: Relation[] = [];
  const all = patterns();
  const held = new Uint8Array(all.setCount);
  const seen = new Set<string>();
  const keep = (r: Relation) => {
    const key = `${r.type}|${r.a}|${r.b}|${r.negated ? 1 : 0}|${r.hedged ? 1 : 0}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(r);
  };
  for (const f of frames) {
    // Every pattern relates two argument placeholders.
    if (f.args.length < 2) continue;
    // Clauses are read only around what a pattern or the model found: most sentences hold nothing.
    let split: ReturnType<typeof clauses> | undefined;
    const cls = () => (split ??= clauses(f));
    // What the rules read for each pair of arguments: "type>" when the first of the pair is `a`.
    const ruled = new Map<number, string[]>();
    const present = classesOf(f);
    held.fill(0);
    all.sets.scan(f.masked, (id) => (held[id] = 1));
    for (const c of all.list) {
      if (!canMatch(c, present, held)) continue;
      c.re.lastIndex = 0;
      for (let m = c.re.exec(f.masked); m; m = c.re.exec(f.masked)) {
        const found = fromMatch(doc, f, cls, c, m, ev);
        if (found) {
          keep(found.r);
          const [x, y] = found.a.mStart <= found.b.mStart ? [found.a, found.b] : [found.b, found.a];
          const k = pairKey(f.args.indexOf(x), f.args.indexOf(y));
          const tag = `${found.r.type}${x === found.a ? '>' : '<'}`;
          const list = ruled.get(k) ?? [];
          if (!list.includes(tag)) list.push(tag);
          ruled.set(k, list);
        }
        // Patterns may overlap (a list of three organisations); retry one step further on.
        c.re.lastIndex = m.index + 1;
      }
    }
    if (model || opts.candidates) fromModel(f, cls, ruled, model, ev, keep, opts.candidates);
  }
  return out.sort((x, y) => x.start - y.start || x.end - y.end);
}

/** A pair of a sentence's arguments, by their indices, as one number. */
const pairKey = (x: number, y: number) => x * 2 ** 26 + y;

/** Pairs of mentions the rules did not relate, read by the model: the closest pairs of the sentence first. */
function fromModel(f: Frame, cls: () => ReturnType<typeof clauses>, ruled: ReadonlyMap<number, readonly string[]>, model: RelationModel | null, ev: EvidenceContext, keep: (r: Relation) => void, candidates: ExtractOptions['candidates']): void {
  const toks = tokensOf(f);
  const at: number[] = [];
  for (let i = 0; i < toks.length; i++) if (toks[i]!.arg !== undefined) at.push(i);
  // Bucketed by the tokens between them, each bucket in sentence order: the closest pairs first.
  const byGap: number[][] = [];
  for (let p = 0; p < at.length; p++) {
    for (let q = p + 1; q < at.length && at[q]! - at[p]! - 1 <= MAX_PAIR_DISTANCE; q++) (byGap[at[q]! - at[p]!] ??= []).push(at[p]!);
  }
  const words = new SentenceWords(toks);
  let read = 0;
  for (let gap = 1; gap < byGap.length && read < MAX_PAIRS_PER_SENTENCE; gap++) for (const i of byGap[gap] ?? []) {
    if (read++ >= MAX_PAIRS_PER_SENTENCE) break;
    const j = i + gap;
    const x = f.args[toks[i]!.arg!]!, y = f.args[toks[j]!.arg!]!;
    const rules = ruled.get(pairKey(toks[i]!.arg!, toks[j]!.arg!)) ?? [];
    // A pair the rules read is only described for training.
    if (rules.length && !candidates) continue;
    const features = pairFeatures(f, toks, i, j, rules, words);
    // The rules' reading of a pair stands; the model adds relations between pairs they left alone.
    const pred = model && !rules.length ? model.predict(features) : undefined;
    candidates?.({ x, y, features, predicted: pred?.label });
    if (!pred) continue;
    const how = LABEL_TYPE[pred.label];
    if (!how) continue;
    const [a, b] = how.swap ? [y, x] : [x, y];
    let type = how.type;
    let role: string | undefined;
    if (type === 'member' && a.cls === 'P') {
      // A role noun between the two names says which kind of membership: "X, a senior commander of Y".
      const noun = toks.slice(i + 1, j).find((t) => t.arg === undefined && ROLE_WORD.test(t.w))?.w;
      // "the envoy for Y", "ambassador to Y": posted to Y, not one of its own.
      if (noun && b === y && postedToArg(noun, f, y)) continue;
      if (noun) {
        type = roleRelation(noun, false);
        role = roleLabel(noun);
      }
    }
    if (!acceptable(type, a, b)) continue;
    // Two people are one only as a title and a name ("the Foreign Secretary, Jane Roe"), as the patterns read them.
    if (type === 'alias' && a.cls === 'P' && b.cls === 'P' && !titleAndName(a, b)) continue;
    const whole = clauseOf(cls(), x.mStart);
    const clause = { start: Math.max(whole.start, x.mStart - 400), end: Math.min(Math.max(whole.end, y.mEnd), y.mEnd + 400) };
    keep(complete(f, ev, clause, x.mStart, y.mEnd, y.mEnd, type, a, b, role));
  }
}

function fromMatch(doc: Doc, f: Frame, cls: () => ReturnType<typeof clauses>, c: Compiled, m: RegExpExecArray, ev: EvidenceContext): { r: Relation; a: Arg; b: Arg } | undefined {
  const g = m.groups ?? {};
  let a = argByIndex(f, g.a);
  let b = argByIndex(f, g.b);
  let mStart = m.index;
  const mEnd = m.index + m[0].length;
  const whole = clauseOf(cls(), m.index);
  // A run-on "sentence" (a table, a list without stops) is read in a window around the match.
  const clause = { start: Math.max(whole.start, m.index - 400), end: Math.min(whole.end, m.index + m[0].length + 400) };
  if (c.p.subject) {
    const cue = /^[\w-]+/.exec(m[0].replace(/^\W+/, ''))?.[0] ?? '';
    if (!verbReading(cue, f.masked.slice(clause.start, m.index), f.masked.slice(m.index + cue.length, clause.end))) return undefined;
    // Only the words around the match: a sentence may go on to an election after a real war.
    if (c.p.type === 'fights' && CONTEST_CUE.test(cue) && CONTEST.test(f.masked.slice(Math.max(clause.start, m.index - 60), Math.min(clause.end, mEnd + 40)))) return undefined;
    const subj = subjectBefore(f, m.index, c.p.subject.classes, clause.start, c.p.subject.nearest);
    if (!subj) return undefined;
    if (c.p.subject.slot === 'a') a = subj;
    else b = subj;
    mStart = subj.mStart;
  }
  if (!a || !b) return undefined;
  if (c.p.type === 'fights' && (PARTY.test(a.text) || PARTY.test(b.text))) return undefined;
  // A dateline, "PHILADELPHIA (AP) — ...": a place and the agency that filed the story.
  if (c.p.type === 'alias' && m.index === 0 && /^ ?[—–-]/.test(f.masked.slice(mEnd))) return undefined;
  let type = c.p.type;
  let role: string | undefined;
  if (type === 'role') {
    const noun = g.cue ?? '';
    const subUnit = /^[’']s?\s/.test(f.masked.slice(b.mEnd, b.mEnd + 3)) && b.mStart > (m.index + m[0].indexOf(noun));
    if (postedToArg(noun, f, b)) return undefined;
    type = roleRelation(noun, subUnit);
    role = roleLabel(noun);
    // "leader of France's far-right party": the organisation is the unit, not the country.
    if (subUnit && b.cls === 'G') return undefined;
    // A name that runs on past the mention ("the president of the United States Chamber of ...")
    // was cut short by the tagger: the organisation is unknown.
    const next = /^\s+([A-Z][\w-]*)/.exec(f.masked.slice(b.mEnd, b.mEnd + 30))?.[1];
    if (next && !ROLE_WORD.test(next) && !/^(?:I|He|She|They|We|It)$/.test(next)) return undefined;
  }
  if (!acceptable(type, a, b)) return undefined;
  // Exactly one side of a person-person apposition is a title; two names in a row are a list.
  if (c.p.titled && !titleAndName(a, b)) return undefined;
  void doc;
  return { r: complete(f, ev, clause, Math.min(mStart, a.mStart, b.mStart), Math.max(mEnd, a.mEnd, b.mEnd), mEnd, type, a, b, role), a, b };
}

/** The relation record: evidence span (with a date right after it), time, source, modality, canonical order. */
function complete(f: Frame, ev: EvidenceContext, clause: { start: number; end: number }, mFrom: number, mEnd: number, modEnd: number, type: Relation['type'], a: Arg, b: Arg, role: string | undefined): Relation {
  const span = docSpan(f, mFrom, mEnd);
  // Modality is read from the clause up to the end of the evidence: "denied having split from", "may have joined".
  const mod = modality(f.masked.slice(Math.max(clause.start, mFrom - 40), modEnd));
  const sentenceEnd = docSpan(f, clause.start, clause.end).end;
  const time = ev.timeIn(span, span.end) ?? ev.timeAfter(span, sentenceEnd);
  const evidence = time && time.end > span.end ? { start: span.start, end: time.end } : span;
  let [x, y] = [a, b];
  if (SYMMETRIC.has(type) && y.entity < x.entity && type !== 'alias') [x, y] = [y, x];
  // The names as written keep a relation readable when both sides resolved to one entity.
  const rel: { -readonly [K in keyof Relation]: Relation[K] } = { type, a: x.entity, b: y.entity, aText: x.text, bText: y.text, start: evidence.start, end: evidence.end };
  if (role) rel.role = role;
  if (time) rel.time = time.value;
  const source = ev.sourceOf(evidence, { start: f.start, end: f.end });
  if (source) rel.source = source;
  if (mod.negated) rel.negated = true;
  if (mod.hedged) rel.hedged = true;
  return rel;
}

/** Whether exactly one of two people is a title ("the Foreign Secretary") and the other a name. */
const titleAndName = (a: Arg, b: Arg) => OFFICE_WORD.test(a.text) !== OFFICE_WORD.test(b.text);

/** Whether a role noun before the argument `x` is a diplomat's posting to it ("the envoy for X"). */
const postedToArg = (noun: string, f: Frame, x: Arg) => postedTo(noun, f.masked.slice(Math.max(0, x.mStart - 9), x.mStart), x.cls);

/** A US politician's party and state, or a state's abbreviation, as written after the name: "(R-Ariz.)", "(D-NY)", "Mich.". */
const PARTY_STATE = /^(?:[RDI]-[A-Z][A-Za-z.]*|[A-Z][a-z]{1,4}\.)$/;

/** Type constraints beyond the pattern's slot classes. */
function acceptable(type: string, a: Arg, b: Arg): boolean {
  // A pronoun is no other name for what it stands for; nor is a party and state tag ("R-Ariz.", "Mich.").
  if ((type === 'alias' || type === 'rebrand') && [a, b].some((x) => x.kind === 'pronoun' || PARTY_STATE.test(x.text))) return false;
  // Resolution may already have merged two names of one organisation; the relation still records that the text names both.
  if (a.entity === b.entity) return (type === 'alias' || type === 'rebrand') && a.text.toLowerCase() !== b.text.toLowerCase();
  if (type === 'alias') return a.cls === b.cls;
  // People belong to organisations; a group or state may be a member of an organisation (a coalition).
  if (type === 'member') return b.cls !== 'P' && (a.cls === 'P' || b.cls === 'O');
  if (type === 'leader' || type === 'affiliation') return a.cls === 'P' && b.cls !== 'P';
  // Places and things do not talk: the model reads every pair, the patterns only agents.
  if (type === 'talks') return 'POGN'.includes(a.cls) && 'POGN'.includes(b.cls);
  return true;
}
