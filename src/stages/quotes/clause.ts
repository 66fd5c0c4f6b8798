import { BELIEF_VERBS, REPORTING_VERBS } from '../../text/reporting-verbs.js';
import { isReportingVerb } from './cue.js';
import type { TokenView } from './view.js';
import { FULL_MONTHS } from '../../text/months.js';
import { WEEKDAY_NAMES } from '../../text/weekdays.js';

const SUBORDINATORS = new Set(['who', 'which', 'as', 'though', 'although', 'while', 'before', 'after', 'because', 'since', 'despite', 'even', 'including', 'whereas', 'when', 'until', 'where']);
/**
 * Where a reported clause ends inside its sentence: ", adding that ...", " — asserting ...",
 * ", who ...", " and said ...", " but argued ...".
 */
export function clauseBreak(v: TokenView, k: number): boolean {
  const t = v.tokens[k]!.text;
  const next = v.lower[k + 1] ?? '';
  if (t === ',' || t === '—' || t === '–' || t === '(' || t === ';') {
    return /^[a-z]+ing$/.test(next) || SUBORDINATORS.has(next) || t === '—' || t === '–' || t === ';';
  }
  if (v.lower[k] === 'and' || v.lower[k] === 'but') return REPORTING_VERBS.has(next) || BELIEF_VERBS.has(next) || /^[a-z]+ed$/.test(next);
  return false;
}


/** Auxiliaries and adverbs before the verb of a second predicate ("and has since called"). */
const SECOND_PREDICATE_LEADS = new Set(['has', 'have', 'had', 'also', 'then', 'later', 'since', 'again', 'repeatedly']);

/** Words opening a clause with its own subject after ", and". */
const NEW_SUBJECTS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'the']);

/** Words after a comma that open a comment on the report or a clause of the writer's own. */
const COMMENT_LEADS = new Set(['a', 'an', 'however', 'compared', 'after', 'though', 'although', 'as']);

/**
 * Where the content of "X said CONTENT" ends (exclusive), before `b`: at an apposition that
 * comments on the report (", an ominous sign"), a participle or subordinate clause set off by a
 * comma, or a second report joined by "and"/"but" ("…, and Y said …", "… but said …").
 */
export function reportEnd(v: TokenView, c: number, b: number): number {
  for (let t = c + 1; t < b; t++) {
    const tok = v.tokens[t]!.text;
    const next = v.lower[t + 1] ?? '';
    if (tok === ',' && COMMENT_LEADS.has(next)) return t;
    // "…, but …", "…, which …": a turn or an aside of the writer's.
    if (tok === ',' && (next === 'but' || next === 'which' || next === 'while')) return t;
    // ", adding that …", ", referring to …": another cue; ", pushing her to victory" still reports.
    if (tok === ',' && /^[a-z]+ing$/.test(next) && REPORTING_VERBS.has(next)) return t;
    if (tok === ';') return t;
    // "Lee, who says he walks, said …": the main clause's own report.
    if (tok === ',' && isReportingVerb(v, t + 1, true) && !/ing$/.test(next)) return t;
    if (tok === '—' || tok === '–') {
      // A pair of dashes sets off an aside inside the clause ("— including the cost —").
      let pair = t + 1;
      while (pair < b && pair < t + 20 && v.tokens[pair]!.text !== tok) pair++;
      if (pair < b && pair < t + 20) t = pair;
      else return t;
    }
    if (v.lower[t] === 'and' || v.lower[t] === 'but') {
      // "… and has called for …", "… but said …": a second predicate of the same subject.
      let k = t + 1;
      while (k < b && SECOND_PREDICATE_LEADS.has(v.lower[k]!)) k++;
      if (isReportingVerb(v, k, true) || (k > t + 1 && /^[a-z]+ed$/.test(v.lower[k]!))) return t;
    }
    // "…, and more than half said …": a new subject with a report of its own.
    if (tok === ',' && (next === 'and' || next === 'but')) {
      // "…, and the mayor …": a clause with a subject of its own.
      if (NEW_SUBJECTS.has(v.lower[t + 2] ?? '')) return t;
      for (let k = t + 3; k < b && k < t + 10 && !v.isPunct(k); k++) if (isReportingVerb(v, k, true)) return t;
    }
  }
  return b;
}

const DAY_WORDS = new Set([...WEEKDAY_NAMES, 'today', 'yesterday', 'tonight', 'tomorrow']);
const PERIODS = new Set(['week', 'month', 'year', 'weekend', 'night', 'morning', 'afternoon', 'evening', 'summer', 'spring', 'fall', 'winter']);
const PERIOD_LEADS = new Set(['last', 'this', 'next', 'earlier', 'later', 'that']);

/**
 * The end (exclusive) of tokens [a, e) less a time closing them ("endorsed Ruiz last week",
 * "praised the plan on Monday"): when something was said is not what was said.
 */
export function trimTrailingTime(v: TokenView, a: number, e: number): number {
  for (;;) {
    const l = v.lower[e - 1] ?? '';
    let from = -1;
    if (DAY_WORDS.has(l) || FULL_MONTHS.has(l)) from = e - 1;
    else if (PERIODS.has(l) && PERIOD_LEADS.has(v.lower[e - 2] ?? '')) from = e - 2;
    if (from < 0) return e;
    if (/^(on|in|during)$/.test(v.lower[from - 1] ?? '')) from--;
    if (from <= a) return e;
    e = from;
  }
}
