import type { Doc } from '../core/doc.js';
import type { Quote, Time } from '../core/layers.js';
import type { Span } from '../core/span.js';
import { contains } from '../core/span.js';
import { SpanIndex } from '../core/span-index.js';
import { resolvedMentions } from './frame.js';

/* When and by whom a fact read from a span is said, for the relations and events stages. */

/** TIMEX3 durations (P1Y, PT2H) and the open future or past; PRESENT_REF ("in recent days") does date a fact. */
const DURATION_OR_VAGUE = /^P(?:T|\d|X)|^(?:FUTURE|PAST)_REF$/;

/**
 * Facts around an evidence span that come from other layers: the time the text gives for
 * it and who is reported as saying it. Built once per document.
 */
export class EvidenceContext {
  private readonly times: readonly Time[];
  private readonly quotes: readonly Quote[];
  private readonly entityAt: (s: Span) => string | undefined;

  constructor(private readonly doc: Doc) {
    this.times = [...doc.layer('times')].sort((a, b) => a.start - b.start);
    this.quotes = doc.layer('quotes');
    const ms = new SpanIndex(resolvedMentions(doc));
    this.entityAt = (s) => ms.overlapping(s.start, s.end)[0]?.entity;
  }

  /** Index of the first time that starts at or after `pos` (times are sorted by start). */
  private firstFrom(pos: number): number {
    let lo = 0, hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.times[mid]!.start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** A dated (not duration) time expression inside `span`, nearest to `anchor`. */
  timeIn(span: Span, anchor = span.start): Time | undefined {
    let best: Time | undefined;
    // Times that start before the span are not inside it.
    for (let i = this.firstFrom(span.start); i < this.times.length; i++) {
      const t = this.times[i]!;
      if (t.start >= span.end) break;
      // Durations, sets and "the future" / "the past" do not date a fact.
      if (!contains(span, t) || t.type === 'DURATION' || t.type === 'SET' || DURATION_OR_VAGUE.test(t.value)) continue;
      if (!best || Math.abs(t.start - anchor) < Math.abs(best.start - anchor)) best = t;
    }
    return best;
  }

  /** A time expression that directly follows `span` in the same clause ("split in 2014"). */
  timeAfter(span: Span, limit: number): Time | undefined {
    for (let i = this.firstFrom(span.end); i < this.times.length; i++) {
      const t = this.times[i]!;
      if (t.start > limit) break;
      const gap = this.doc.text.slice(span.end, t.start);
      if (gap.length <= 12 && !/[;.:!?,]/.test(gap) && (t.type === undefined || t.type === 'DATE' || t.type === 'TIME') && !DURATION_OR_VAGUE.test(t.value)) return t;
      return undefined;
    }
    return undefined;
  }

  /**
   * The source when the span is reported speech: the speaker entity id, else the words
   * naming the speaker. An explicit "according to X" in the same sentence counts too.
   */
  sourceOf(span: Span, sentence: Span): string | undefined {
    for (const q of this.quotes) {
      if (!(q.start <= span.start && span.end <= q.end)) continue;
      if (q.speaker) return q.speaker;
      if (q.speakerText) return q.speakerText;
    }
    const s = this.doc.text.slice(sentence.start, sentence.end);
    const m = /\baccording to (?:an? |the )?/i.exec(s);
    if (m) {
      const at = sentence.start + m.index + m[0].length;
      const id = this.entityAt({ start: at, end: at + 12 });
      if (id) return id;
      const words = /^[^,.;]{1,60}/.exec(this.doc.text.slice(at, sentence.end));
      if (words) return words[0].trim();
    }
    return undefined;
  }
}
