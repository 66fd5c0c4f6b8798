/*
 * BILOU tags over the four coarse classes the model learns. Fine types (GPE, NORP, FAC...)
 * are assigned after decoding (see types.ts). BILOU rather than BIO: the explicit
 * last/unit tags make greedy left-to-right decoding as good as Viterbi for names.
 */

export const CLASSES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type Coarse = (typeof CLASSES)[number];
export const NC = CLASSES.length;
/** O plus B, I, L, U for each class. */
export const NT = 1 + 4 * NC;
export const O = 0;

export const enum Part { B = 0, I = 1, L = 2, U = 3 }

export const tagOf = (cls: number, part: Part): number => 1 + cls * 4 + part;
export const clsOf = (tag: number): number => (tag - 1) >> 2;
export const partOf = (tag: number): Part => ((tag - 1) & 3) as Part;

export const TAG_NAMES: readonly string[] = ['O', ...CLASSES.flatMap((c) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${c}`))];

/** True when `tag` may follow `prev` (prev = O at sentence start). */
export function allowed(prev: number, tag: number): boolean {
  const open = prev !== O && (partOf(prev) === Part.B || partOf(prev) === Part.I);
  if (open) {
    if (tag === O) return false;
    const p = partOf(tag);
    return (p === Part.I || p === Part.L) && clsOf(tag) === clsOf(prev);
  }
  if (tag === O) return true;
  const p = partOf(tag);
  return p === Part.B || p === Part.U;
}

/** allowed() as a table: ALLOWED[prev * NT + tag]. */
export const ALLOWED = new Uint8Array(NT * NT);
for (let p = 0; p < NT; p++) for (let t = 0; t < NT; t++) ALLOWED[p * NT + t] = allowed(p, t) ? 1 : 0;

/** A span of token indices [start, end) with its class. */
export interface TagSpan {
  start: number;
  end: number;
  cls: number;
}

/** Reads spans back from a tag sequence; tolerant of ill-formed sequences. */
export function spansFromTags(tags: ArrayLike<number>): TagSpan[] {
  const out: TagSpan[] = [];
  let open: TagSpan | null = null;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    if (t === O) { if (open) out.push(open); open = null; continue; }
    const c = clsOf(t), p = partOf(t);
    if (open && (open.cls !== c || p === Part.B || p === Part.U)) { out.push(open); open = null; }
    if (!open) open = { start: i, end: i + 1, cls: c };
    else open.end = i + 1;
    if (p === Part.L || p === Part.U) { out.push(open); open = null; }
  }
  if (open) out.push(open);
  return out;
}

/** Writes spans as BILOU tags over n tokens. */
export function tagsFromSpans(n: number, spans: readonly TagSpan[]): Uint8Array {
  const tags = new Uint8Array(n);
  for (const s of spans) {
    if (s.end - s.start === 1) { tags[s.start] = tagOf(s.cls, Part.U); continue; }
    tags[s.start] = tagOf(s.cls, Part.B);
    for (let i = s.start + 1; i < s.end - 1; i++) tags[i] = tagOf(s.cls, Part.I);
    tags[s.end - 1] = tagOf(s.cls, Part.L);
  }
  return tags;
}
