import type { Doc } from '../../core/doc.js';
import type { Relation } from '../../core/layers.js';
import { clauseOf, clauses } from '../../text/clauses.js';
import { EvidenceContext } from '../../text/evidence.js';
import { argByIndex, buildFrames, docSpan, type Arg, type Frame } from '../../text/frame.js';
import { modality } from '../../text/modality.js';
import { subjectBefore } from '../../text/subjects.js';
import { OFFICE_WORD } from '../../text/titles.js';
import { verbReading } from '../../text/verb-reading.js';
import { RELATION_PATTERNS, ROLE_WORD, roleLabel, roleRelation, type RelationPattern } from './lexicon.js';
import { compile, slotClasses } from './pattern.js';

interface Compiled {
  readonly p: RelationPattern;
  readonly re: RegExp;
  readonly aClasses?: string;
  readonly bClasses?: string;
}

let compiled: Compiled[] | undefined;
function patterns(): Compiled[] {
  return (compiled ??= RELATION_PATTERNS.map((p) => ({ p, re: compile(p.src), aClasses: slotClasses(p.src, 'A'), bClasses: slotClasses(p.src, 'B') })));
}

/** Symmetric relation types are stored with their arguments in a canonical order so duplicates collapse. */
const SYMMETRIC = new Set(['alias', 'split', 'merge', 'allies', 'fights']);

export function extractRelations(doc: Doc): Relation[] {
  const frames = buildFrames(doc);
  if (!frames.some((f) => f.args.length >= 2 || (f.args.length === 1 && /\b(?:known|named|renamed|rebranded)\b/i.test(f.masked)))) return [];
  const ev = new EvidenceContext(doc);
  const out: Relation[] = [];
  const seen = new Set<string>();
  for (const f of frames) {
    // Every pattern relates two argument placeholders.
    if (f.args.length < 2) continue;
    const cls = clauses(f);
    for (const c of patterns()) {
      c.re.lastIndex = 0;
      for (let m = c.re.exec(f.masked); m; m = c.re.exec(f.masked)) {
        const r = fromMatch(doc, f, cls, c, m, ev);
        if (r) {
          const key = `${r.type}|${r.a}|${r.b}|${r.negated ? 1 : 0}|${r.hedged ? 1 : 0}`;
          if (!seen.has(key)) {
            seen.add(key);
            out.push(r);
          }
        }
        // Patterns may overlap (a list of three organisations); retry one step further on.
        c.re.lastIndex = m.index + 1;
      }
    }
  }
  return out.sort((x, y) => x.start - y.start || x.end - y.end);
}

function fromMatch(doc: Doc, f: Frame, cls: ReturnType<typeof clauses>, c: Compiled, m: RegExpExecArray, ev: EvidenceContext): Relation | undefined {
  const g = m.groups ?? {};
  let a = argByIndex(f, g.a);
  let b = argByIndex(f, g.b);
  let mStart = m.index;
  const mEnd = m.index + m[0].length;
  const whole = clauseOf(cls, m.index);
  // A run-on "sentence" (a table, a list without stops) is read in a window around the match.
  const clause = { start: Math.max(whole.start, m.index - 400), end: Math.min(whole.end, m.index + m[0].length + 400) };
  if (c.p.subject) {
    const cue = /^[\w-]+/.exec(m[0].replace(/^\W+/, ''))?.[0] ?? '';
    if (!verbReading(cue, f.masked.slice(clause.start, m.index), f.masked.slice(m.index + cue.length, clause.end))) return undefined;
    const subj = subjectBefore(f, m.index, c.p.subject.classes, clause.start, c.p.subject.nearest);
    if (!subj) return undefined;
    if (c.p.subject.slot === 'a') a = subj;
    else b = subj;
    mStart = subj.mStart;
  }
  if (!a || !b) return undefined;
  let type = c.p.type;
  let role: string | undefined;
  if (type === 'role') {
    const noun = g.cue ?? '';
    const subUnit = /^[’']s?\s/.test(f.masked.slice(b.mEnd, b.mEnd + 3)) && b.mStart > (m.index + m[0].indexOf(noun));
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
  if (c.p.titled && OFFICE_WORD.test(a.text) === OFFICE_WORD.test(b.text)) return undefined;
  const span = docSpan(f, Math.min(mStart, a.mStart, b.mStart), Math.max(mEnd, a.mEnd, b.mEnd));
  // Modality is read from the clause up to the end of the match: "denied having split from", "may have joined".
  const mod = modality(f.masked.slice(Math.max(clause.start, Math.min(mStart, a.mStart, b.mStart) - 40), mEnd));
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
  void doc;
  return rel;
}

/** Type constraints beyond the pattern's slot classes. */
function acceptable(type: string, a: Arg, b: Arg): boolean {
  // Resolution may already have merged two names of one organisation; the relation still records that the text names both.
  if (a.entity === b.entity) return (type === 'alias' || type === 'rebrand') && a.text.toLowerCase() !== b.text.toLowerCase();
  if (type === 'alias') return a.cls === b.cls;
  // People belong to organisations; a group or state may be a member of an organisation (a coalition).
  if (type === 'member') return b.cls !== 'P' && (a.cls === 'P' || b.cls === 'O');
  if (type === 'leader' || type === 'affiliation') return a.cls === 'P' && b.cls !== 'P';
  return true;
}
