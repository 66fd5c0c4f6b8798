import { TakenPositions } from '../../core/span-index.js';
import type { Span } from '../../core/span.js';
import type { Ymd } from './calendar.js';
import { dayForClockTimes, linkRanges, resolveReferences, type Placed } from './reference.js';
import { RULES, type Direction, type Found, type RuleEnv } from './rules.js';
import { ruleMatches, Triggers } from './scan.js';

export interface TimeMatch extends Omit<Found, 'offset' | 'split'>, Span {
  readonly text: string;
  readonly rule: string;
}

export interface RecognizeOptions {
  /** Read all-numeric dates (8/10/2012) day first, as the outlet's locale writes them. */
  readonly dayFirst?: boolean;
}

// Prepositions that introduce a time but are not part of it (TimeML leaves them out).
const LEADING = /^(?:(?:in|on|at|since|until|till|through|from|by|during|before|after|of|to|and|or|between|for|within|over|throughout)\s+)+/i;

// Verbs that speak of what is to come; "planned", "scheduled" and the like may also be adjectives.
const WILL = `will|won['’]t|shall|would|going\\s+to|plans?\\s+to|planning\\s+to|expected\\s+to|due\\s+to|set\\s+to|is\\s+to|are\\s+to|hopes?\\s+to|intends?\\s+to`;
const FUTURE_VERB = new RegExp(`\\b(?:${WILL})\\b|['’]ll\\b`, 'i');
const FUTURE = new RegExp(`\\b(?:${WILL}|planned|scheduled|slated|upcoming|next\\s+(?:week|month|year))\\b|['’]ll\\b`, 'i');
// Case-sensitive on purpose: a capitalised "-ed" word is a name ("United", "Ahmed"), and "-eed"
// words ("need", "indeed") are not past tense.
const PAST = /\b(?:[Ww]as|[Ww]ere|[Hh]ad|[Dd]id|been|ago|[Ll]ast|[Ee]arlier|said|told|announced|(?<!\b(?:is|are|am|be)\s+)[a-z]{2,}[^e\W]ed|agreed|freed)\b/;
const REPORTING_BEFORE = /\b(?:said|says|told|announced|reported|added|declared|stated|predicted|confirmed|denied|insisted|warned)\s*(?:\w+\s+)?$/i;
// Right before a day: "as soon as Tuesday", "until Friday".
const FUTURE_BEFORE = /\b(?:until|by|before|from)\s*$/i;
const SOON_BEFORE = /\bas\s+(?:soon|early)\s+as\s*$/i;
// Nothing but a preposition between the sentence's start and the time.
const OPENER = /^\W*(?:[A-Za-z]+\s+)?$/;
// "On Friday, when the minister had planned a trip, the ministry lifted…": the main clause comes after.
const SUBCLAUSE = /^,\s*(?:when|as|while|after|before|because|since|if|although|though|until)\b[^,]*,/i;

const FUTURE_G = new RegExp(FUTURE.source, 'gi');
const PAST_G = new RegExp(PAST.source, 'g');
const SINCE_BEFORE = /\bsince\s*$/i;
// A deadline set or moved ("postponed until Tuesday", "has until 9 a.m. Tuesday") lies ahead whatever the verb's tense.
const DEADLINE_BEFORE = /\b(?:postpon|delay|extend|adjourn|deadline|gave|given|giving|give|has|have|had)\w*\b[^.;!?]{0,50}\b(?:until|till)\s*$/i;
// "decided to admit them in March": an infinitive after a past cue speaks of what was still to come.
const INFINITIVE = /\bto\s+(?!(?:the|a|an|his|her|its|their|this|that|be|have)\b)[a-z]+\b(?![\s\S]*\b(?:was|were|had|did)\b)/;

/** The direction of the verb cue nearest the start of `s` ("the government planned to pay": past), if any. */
function firstCue(s: string): Direction | undefined {
  const f = FUTURE_VERB.exec(s), p = PAST.exec(s);
  return f && (!p || f.index <= p.index) ? 'future' : p ? 'past' : undefined;
}

/** The cue nearest the end of `s` (direction and distance from the end), if any. */
function lastCue(s: string): { dir: Direction; at: number } | undefined {
  let best: { dir: Direction; at: number } | undefined;
  for (const [re, dir] of [[FUTURE_G, 'future'], [PAST_G, 'past']] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) if (!best || m.index > best.at) best = { dir, at: m.index };
  }
  return best;
}

/**
 * The tense of the clause around an expression, from a window inside its sentence: the cue
 * nearest before it decides ("was released on Tuesday", "will travel on Tuesday"); failing one,
 * the first cue after it.
 */
export function clauseDirection(text: string, sentence: Span | undefined, start: number, end: number): Direction {
  const from = Math.max(sentence?.start ?? 0, start - 100), to = Math.min(sentence?.end ?? text.length, end + 30);
  const before = text.slice(from, start);
  // "officials said Friday": the saying happened, whatever the clause reports.
  if (REPORTING_BEFORE.test(before) || SINCE_BEFORE.test(before)) return 'past';
  if (SOON_BEFORE.test(before) || DEADLINE_BEFORE.test(before) || (FUTURE_BEFORE.test(before) && FUTURE.test(before + ' ' + text.slice(end, to)))) return 'future';
  const cue = lastCue(before);
  if (cue?.dir === 'past' && INFINITIVE.test(before.slice(cue.at))) return 'none';
  if (cue) return cue.dir;
  // A time that opens its sentence ("On Tuesday, the league plans to…") takes the tense of the
  // main verb, which may come well after it.
  if (OPENER.test(before) && (sentence || from === 0)) {
    const verb = firstCue(text.slice(end, Math.min(sentence?.end ?? text.length, end + 150)).replace(SUBCLAUSE, ''));
    if (verb) return verb;
  }
  const after = text.slice(end, to);
  if (FUTURE.test(after)) return 'future';
  if (PAST.test(after)) return 'past';
  return 'none';
}

/**
 * Finds temporal expressions in `text` and normalises them to TIMEX3 values. Sentences, when
 * given, bound the window read for tense; overlapping matches keep the longest.
 */
export function recognizeTimes(text: string, anchor: Ymd | undefined, sentences: readonly Span[] = [], options: RecognizeOptions = {}): TimeMatch[] {
  const sentenceAt = (pos: number): Span | undefined => {
    let lo = 0, hi = sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1, s = sentences[mid]!;
      if (pos < s.start) hi = mid - 1;
      else if (pos >= s.end) lo = mid + 1;
      else return s;
    }
    return undefined;
  };
  const env: RuleEnv = { text, anchor, dayFirst: options.dayFirst, direction: (s, e) => clauseDirection(text, sentenceAt(s), s, e) };
  const cands: (Placed & { prio: number })[] = [];
  const triggers = new Triggers(text, RULES);
  RULES.forEach((rule, prio) => {
    if (rule.cue && !rule.cue.test(text)) return;
    for (const m of ruleMatches(rule, text, triggers)) {
      let found: Found | undefined;
      try {
        found = rule.build(m, env);
      } catch {
        found = undefined; // a rule bug on odd text must not lose the other times
      }
      if (!found) continue;
      // A bound ("at least", "over") is part of the expression; other leading prepositions are not.
      const lead = rule.trimThe && m.groups?.pre ? m.groups.pre.length : found.mod && m.groups?.q ? 0 : LEADING.exec(m[0])?.[0].length ?? 0;
      let start = m.index + lead, end = m.index + m[0].length;
      while (end > start && /[\s,.]/.test(text[end - 1]!) && !/\b[ap]\.m\.$/i.test(text.slice(start, end))) end--;
      if (end <= start) continue;
      // A range's split points are made absolute here, where the match's offset is known.
      const split = found.split && { ...found.split, firstEnd: m.index + found.split.firstEnd, secondStart: m.index + found.split.secondStart };
      cands.push({ ...found, ...(split ? { split } : {}), start, end, text: text.slice(start, end), rule: rule.name, prio });
    }
  });
  // Longest first, then the more specific rule; keep what does not overlap.
  cands.sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.prio - b.prio || a.start - b.start);
  const kept: (Placed & { prio: number })[] = [];
  const taken = new TakenPositions(text.length);
  for (const c of cands) {
    if (!taken.free(c)) continue;
    kept.push(c);
    taken.take(c);
  }
  kept.sort((a, b) => a.start - b.start);
  const placed = dayForClockTimes(text, linkRanges(text, resolveReferences(text, kept.flatMap(({ prio: _p, ...t }) => splitRange(text, t)))));
  return placed.map(({ offset: _o, split: _s, ...t }) => t);
}

/** A range matched whole, as its two ends: the first carries the range's last value (`to`). */
function splitRange(text: string, t: Placed): Placed[] {
  if (!t.split) return [t];
  const { split, ...first } = t;
  const b = { ...split.second, start: split.secondStart, end: t.end, rule: t.rule };
  return [{ ...first, end: split.firstEnd, text: text.slice(t.start, split.firstEnd) }, { ...b, text: text.slice(b.start, b.end) }];
}
