// AssemblyScript, compiled to simd/kernels.wasm by `npm run build` (see wasm-tagger.ts for the
// memory layout the caller sets up). The tagger's two hot loops, on integer weights:
//   sums:   each token's tag-independent scores, every pass at once (SIMD, four lanes a step);
//   decode: one greedy pass, the same decisions as decode.ts (which training runs).
// Scores are exact 32-bit integer sums of the stored 16-bit weights, so the order of the
// additions, and SIMD, change nothing.

/** Tags: O, then B, I, L, U per class (tags.ts). */
const NT: i32 = 17;
const NC: i32 = 4;
/** Lanes per pass in a score vector: NT rounded up to whole i32x4 steps. */
const LP: i32 = 20;
const CASINGS: i32 = 8;

// Token flags (wasm-tagger.ts): bit 0 sentence start, bit 1 sentence end, bit 2 capitalised, bits 4.. casing.
const START: u8 = 1;
const END: u8 = 2;
const CAPITAL: u8 = 4;

@inline function partOf(t: i32): i32 { return (t - 1) & 3; }
@inline function clsOf(t: i32): i32 { return (t - 1) >> 2; }
/** B or I: a name is open after this tag. */
@inline function opens(t: i32): bool { return t != 0 && partOf(t) <= 1; }

/** dst[0 .. steps) += the i32 vector at src. */
@inline function addVec(dst: usize, src: usize, steps: i32): void {
  for (let k = 0; k < steps; k++) {
    const o = <usize>(k << 4);
    v128.store(dst + o, i32x4.add(v128.load(dst + o), v128.load(src + o)));
  }
}

/** dst[0 .. steps) += the i16 weight row at src, widened. */
@inline function addRow(dst: usize, src: usize, steps: i32): void {
  for (let k = 0; k < steps; k++) {
    const o = <usize>(k << 4);
    v128.store(dst + o, i32x4.add(v128.load(dst + o), v128.load16x4_s(src + <usize>(k << 3))));
  }
}

/**
 * Static scores: stat[i] = the window sums of tokens i-2 .. i+2 (what each word brings at its
 * offset, or the pad vector beyond the sentence) plus the weight rows of token i's context
 * features ctxRows[ctxOff[i] .. ctxOff[i+1]).
 *
 * A word's block (wasm-tagger.ts) starts with one i32 per offset -2..2: 0 when the word brings
 * nothing there, the address of a vector when it brings several rows, -(row + 1) for a single
 * row; then the address of its PrevWord / PrevShape rows (0: none).
 */
export function sums(n: i32, passes: i32, flags: usize, wordAt: usize, ctxOff: usize, ctxRows: usize, q: usize, pads: usize, stat: usize): void {
  const steps = passes * (LP >> 2);
  const vec = passes * LP * 4; // bytes of an i32 score vector
  const row = passes * LP * 2; // bytes of an i16 weight row
  let s = 0;
  while (s < n) {
    let e = s + 1;
    while (e < n && !(load<u8>(flags + <usize>e) & START)) e++;
    for (let i = s; i < e; i++) {
      const out = stat + <usize>(i * vec);
      memory.fill(out, 0, <usize>vec);
      for (let o = -2; o <= 2; o++) {
        const j = i + o;
        if (j < s) addVec(out, pads + <usize>((o + 2) * vec), steps);
        else if (j >= e) addVec(out, pads + <usize>((5 + o + 2) * vec), steps);
        else {
          const ref = load<i32>(<usize>load<i32>(wordAt + (<usize>j << 2)) + <usize>((o + 2) << 2));
          if (ref > 0) {
            if (ref & 1) addRow(out, <usize>(ref - 1), steps);
            else addVec(out, <usize>ref, steps);
          } else if (ref < 0) addRow(out, q + <usize>((-ref - 1) * row), steps);
        }
      }
      const k1 = load<i32>(ctxOff + (<usize>(i + 1) << 2));
      for (let k = load<i32>(ctxOff + (<usize>i << 2)); k < k1; k++) {
        addRow(out, q + <usize>(load<i32>(ctxRows + (<usize>k << 2)) * row), steps);
      }
    }
    s = e;
  }
}

/** dst = the sum of `count` weight rows (indices at rows), widened: a word's features at one offset. */
export function sumRows(dst: usize, rows: usize, count: i32, passes: i32, q: usize): void {
  const steps = passes * (LP >> 2), rowBytes = passes * LP * 2;
  memory.fill(dst, 0, <usize>(steps << 4));
  for (let k = 0; k < count; k++) addRow(dst, q + <usize>(load<i32>(rows + (<usize>k << 2)) * rowBytes), steps);
}

/**
 * The vectors of a new word: for each offset o with more than one row, the sum of rows
 * list[ends[o-1] .. ends[o]) (ends[-1] = 0) at tmp + o * vec. Returns the offsets whose sum
 * fits 16 bits in every lane, as bits: storeBlock keeps those at half the size.
 */
export function sumBlock(tmp: usize, list: usize, ends: usize, passes: i32, q: usize): i32 {
  const lanes = passes * LP, vec = lanes * 4;
  let from = 0, fits = 0;
  for (let o = 0; o < 5; o++) {
    const end = load<i32>(ends + (<usize>o << 2));
    if (end - from > 1) {
      const v = tmp + <usize>(o * vec);
      sumRows(v, list + (<usize>from << 2), end - from, passes, q);
      let ok = true;
      for (let l = 0; l < lanes; l++) {
        const x = load<i32>(v + (<usize>l << 2));
        if (x < -32768 || x > 32767) { ok = false; break; }
      }
      if (ok) fits |= 1 << o;
    }
    from = end;
  }
  return fits;
}

/**
 * Copies sumBlock's vectors into the block at `at`, where its header says: an address with
 * bit 0 set takes the 16-bit form (kernels' sums read it as a weight row).
 */
export function storeBlock(at: usize, tmp: usize, passes: i32): void {
  const steps = passes * (LP >> 2), vec = passes * LP * 4;
  for (let o = 0; o < 5; o++) {
    const ref = load<i32>(at + (<usize>o << 2));
    if (ref <= 0) continue;
    const v = tmp + <usize>(o * vec);
    if (ref & 1) {
      const dst = <usize>(ref - 1);
      for (let k = 0; k < steps; k += 2) {
        const lo = v128.load(v + <usize>(k << 4)), hi = k + 1 < steps ? v128.load(v + <usize>((k + 1) << 4)) : i32x4.splat(0);
        const n = i16x8.narrow_i32x4_s(lo, hi);
        if (k + 1 < steps) v128.store(dst + <usize>(k << 3), n);
        else v128.store64_lane(dst + <usize>(k << 3), n, 0);
      }
    } else memory.copy(<usize>ref, v, <usize>vec);
  }
}

/** History feature code of a word's memory (dynamic-features.ts historyCode). */
function historyCode(h: usize): i32 {
  let best = 0, tot = 0;
  for (let c = 0; c <= NC; c++) {
    const v = load<i32>(h + (<usize>c << 2));
    tot += v;
    if (v > load<i32>(h + (<usize>best << 2))) best = c;
  }
  return tot > 0 ? best * 2 + (load<i32>(h + (<usize>best << 2)) == tot ? 1 : 0) : -1;
}

// Addresses a decoding pass reads, set by setPass (wasm has no structs to pass).
let P_passes = 0, P_pass = 0, P_twins = 0;
let P_flags: usize = 0, P_forms: usize = 0, P_wordAt: usize = 0, P_stat: usize = 0, P_q: usize = 0;
let P_combo: usize = 0, P_hist: usize = 0, P_own: usize = 0, P_allowed: usize = 0;
let P_history: usize = 0, P_tags: usize = 0, P_scratch: usize = 0;

export function setPass(passes: i32, pass: i32, twins: i32, flags: usize, forms: usize, wordAt: usize, stat: usize, q: usize,
  combo: usize, hist: usize, own: usize, allowed: usize, history: usize, tags: usize, scratch: usize): void {
  P_passes = passes; P_pass = pass; P_twins = twins;
  P_flags = flags; P_forms = forms; P_wordAt = wordAt; P_stat = stat; P_q = q;
  P_combo = combo; P_hist = hist; P_own = own; P_allowed = allowed;
  P_history = history; P_tags = tags; P_scratch = scratch;
}

@inline function remember(j: i32, c: i32): void {
  if (!(load<u8>(P_flags + <usize>j) & CAPITAL)) return;
  const at = P_history + <usize>((load<i32>(P_forms + (<usize>j << 2)) * (NC + 1) + c) << 2);
  store<i32>(at, load<i32>(at) + 1);
}

function closeSpan(start: i32, end: i32): void {
  const c = clsOf(<i32>load<u8>(P_tags + <usize>end));
  for (let j = start; j <= end; j++) remember(j, c);
}

/** dst = a + b, over one pass's LP lanes. */
@inline function setSum(dst: usize, a: usize, b: usize): void {
  for (let k: usize = 0; k < <usize>LP * 4; k += 16) v128.store(dst + k, i32x4.add(v128.load(a + k), v128.load(b + k)));
}

/**
 * scores = base + the tag-history features of token i after prev2, prev. Tables hold LP lanes
 * per entry (wasm-tagger.ts pads them), so whole SIMD steps add them.
 */
function score(i: i32, base: usize, scores: usize, prev: i32, prev2: i32, capital: bool): void {
  const flags = <i32>load<u8>(P_flags + <usize>i);
  setSum(scores, base, P_combo + <usize>((((prev2 * NT + prev) * CASINGS + (flags >> 4)) * LP) << 2));
  // The word's PrevWord / PrevShape rows after each tag (and their twins): -1 for none.
  const rows = <usize>load<i32>(<usize>load<i32>(P_wordAt + (<usize>i << 2)) + 20);
  if (rows) {
    const lane = <usize>(P_pass * LP * 2), rowBytes = P_passes * LP * 2;
    const end = P_twins ? 4 * NT : 2 * NT;
    for (let k = prev; k < end; k += NT) {
      const r = load<i32>(rows + (<usize>k << 2));
      if (r >= 0) addRow(scores, P_q + <usize>(r * rowBytes) + lane, LP >> 2);
    }
  }
  if (capital) {
    const h = historyCode(P_history + <usize>((load<i32>(P_forms + (<usize>i << 2)) * (NC + 1)) << 2));
    if (h >= 0) addVec(scores, P_hist + <usize>((h * LP) << 2), LP >> 2);
  }
}

/**
 * One greedy pass over n tokens (decodeDoc's loop in decode.ts): tags to P_tags. With `extra`, the
 * second-pass features: the previous pass's tags (own-tag tables) and the weight rows of
 * what it said elsewhere (extraRows[extraOff[i] .. extraOff[i+1])).
 */
export function decode(n: i32, extra: i32, prevTags: usize, extraOff: usize, extraRows: usize): void {
  const base = P_scratch, scores = P_scratch + 128;
  const vec = P_passes * LP * 4, lane = <usize>(P_pass * LP * 4);
  const rowBytes = P_passes * LP * 2, rowLane = <usize>(P_pass * LP * 2);
  let prev = 0, prev2 = 0, spanStart = -1;
  for (let i = 0; i < n; i++) {
    const flags = load<u8>(P_flags + <usize>i);
    const sentStart = (flags & START) != 0, last = (flags & END) != 0, capital = (flags & CAPITAL) != 0;
    if (sentStart) { prev = 0; prev2 = 0; }
    memory.copy(base, P_stat + <usize>(i * vec) + lane, <usize>(LP << 2));
    if (extra) {
      const own = P_own;
      const tp = sentStart ? NT : <i32>load<u8>(prevTags + <usize>(i - 1));
      const tn = last ? NT : <i32>load<u8>(prevTags + <usize>(i + 1));
      addVec(base, own + <usize>(((0 * (NT + 1) + <i32>load<u8>(prevTags + <usize>i)) * LP) << 2), LP >> 2);
      addVec(base, own + <usize>(((1 * (NT + 1) + tp) * LP) << 2), LP >> 2);
      addVec(base, own + <usize>(((2 * (NT + 1) + tn) * LP) << 2), LP >> 2);
      const k1 = load<i32>(extraOff + (<usize>(i + 1) << 2));
      for (let k = load<i32>(extraOff + (<usize>i << 2)); k < k1; k++) {
        addRow(base, P_q + <usize>(load<i32>(extraRows + (<usize>k << 2)) * rowBytes) + rowLane, LP >> 2);
      }
    }
    score(i, base, scores, prev, prev2, capital);
    if (opens(prev)) {
      // When this token is plainly outside any name, the name ends at the previous one.
      let bestAny = 0;
      for (let t = 1; t < NT; t++) if (load<i32>(scores + (<usize>t << 2)) > load<i32>(scores + (<usize>bestAny << 2))) bestAny = t;
      if (bestAny == 0) {
        const closed = 1 + clsOf(prev) * 4 + (partOf(prev) == 0 ? 3 : 2);
        store<u8>(P_tags + <usize>(i - 1), <u8>closed);
        closeSpan(spanStart, i - 1);
        prev = closed;
        score(i, base, scores, prev, prev2, capital);
      }
    }
    let best = -1, bestScore = i32.MIN_VALUE;
    const okRow = P_allowed + <usize>(prev * NT);
    for (let t = 0; t < NT; t++) {
      if (!load<u8>(okRow + <usize>t)) continue;
      if (last && opens(t)) continue;
      const v = load<i32>(scores + (<usize>t << 2));
      if (best < 0 || v > bestScore) { bestScore = v; best = t; }
    }
    store<u8>(P_tags + <usize>i, <u8>best);
    if (best != 0 && (partOf(best) == 0 || partOf(best) == 3)) spanStart = i;
    if (best != 0 && (partOf(best) == 2 || partOf(best) == 3)) closeSpan(spanStart, i);
    else if (best == 0 && capital) remember(i, NC);
    prev2 = prev;
    prev = best;
  }
}
