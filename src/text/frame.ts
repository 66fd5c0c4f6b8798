import type { Doc } from '../core/doc.js';
import type { EntityType, Mention } from '../core/layers.js';
import type { Span } from '../core/span.js';

/**
 * A sentence seen by the relation and event patterns: every mention resolved to an entity
 * is collapsed into one placeholder symbol, so patterns can say "an organisation, a comma,
 * 'an affiliate of', another organisation" without caring how long the names are.
 *
 * Placeholder: \uE000 <index into args> <class letter> \uE001. Whitespace runs become one
 * space. `origin[i]` maps masked offset i back to the document offset.
 *
 * The relations and events stages read the same frames; clauses.ts, subjects.ts,
 * modality.ts and verb-reading.ts read inside them.
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
  const within: Mention[][] = [];
  const rooms: number[] = [];
  let mi = 0;
  let size = 0;
  for (const s of sentences) {
    while (mi < mentions.length && mentions[mi]!.start < s.start) mi++;
    const inside: Mention[] = [];
    for (let j = mi; j < mentions.length && mentions[j]!.start < s.end; j++) if (mentions[j]!.end <= s.end) inside.push(mentions[j]!);
    within.push(inside);
    rooms.push(originSize(s, inside));
    size += rooms[rooms.length - 1]!;
  }
  // One buffer for every frame's offsets: allocating a typed array per sentence costs more than filling it.
  const buffer = new Int32Array(size);
  let at = 0;
  return sentences.map((s, k) => {
    const frame = buildFrame(doc.text, s, within[k]!, local, buffer.subarray(at, at + rooms[k]!));
    at += rooms[k]!;
    return frame;
  });
}

/** At most one offset per character of the span, plus a placeholder's few more than its name's. */
const originSize = (span: Span, mentions: readonly Mention[]) => span.end - span.start + 1 + mentions.length * 16;

const OPEN_CODE = OPEN.charCodeAt(0), CLOSE_CODE = CLOSE.charCodeAt(0);

export function buildFrame(text: string, span: Span, mentions: readonly Mention[], localPlaces: ReadonlySet<string> = new Set(), origin = new Int32Array(originSize(span, mentions))): Frame {
  let masked = '';
  let n = 0;
  const args: Arg[] = [];
  let pos = span.start;
  let lastSpace = false;
  // Runs of plain characters are copied whole; whitespace is squeezed and placeholder marks blanked.
  const copy = (from: number, to: number) => {
    let run = from;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      const space = c === 32 || c === 10 || c === 9;
      if (!space && c !== OPEN_CODE && c !== CLOSE_CODE) {
        origin[n++] = i;
        continue;
      }
      if (run < i) {
        masked += text.slice(run, i);
        lastSpace = false;
      }
      run = i + 1;
      if (space && lastSpace) continue;
      masked += ' ';
      lastSpace = space;
      origin[n++] = i;
    }
    if (run < to) {
      masked += text.slice(run, to);
      lastSpace = false;
    }
  };
  for (const m of mentions) {
    copy(pos, m.start);
    let cls = CLASS_OF[m.type] ?? 'M';
    if (cls === 'G' && localPlaces.has(`${m.start}:${m.end}`)) cls = 'L';
    const sym = `${OPEN}${args.length}${cls}${CLOSE}`;
    const mStart = masked.length;
    masked += sym;
    for (let k = 0; k < sym.length; k++) origin[n++] = k === 0 ? m.start : m.end - 1;
    args.push({ start: m.start, end: m.end, entity: m.entity!, cls, type: m.type, kind: m.kind, text: m.text, mStart, mEnd: masked.length });
    lastSpace = false;
    pos = m.end;
  }
  copy(pos, span.end);
  origin[n++] = span.end;
  return { start: span.start, end: span.end, masked, origin: origin.subarray(0, n), args };
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
