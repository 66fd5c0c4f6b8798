import { isNounUse, type Attribution } from './cue.js';
import { clauseBreak, reportEnd, trimTrailingTime } from './clause.js';
import { phraseBefore, type Phrase } from './speaker.js';
import type { TokenView } from './view.js';
import { SPEAKER_PRONOUNS } from '../../text/pronouns.js';

/*
 * Stances as attributions: what a source wants, plans, backs or condemns is attributed to it
 * as much as what it says ("Ruiz wants a new bridge", "the union called for a strike",
 * "her claim that the count was wrong"). The content is the verb's object or the noun's clause,
 * up to where the clause ends; the source is the subject or the possessor.
 */

/** Verbs whose object is the stance: the content runs from the word after them. */
const STANCE_VERBS = new Set([
  'wants', 'want', 'wanted', 'plans', 'intends', 'seeks', 'sought', 'prefer', 'prefers', 'preferred',
  'support', 'supports', 'supported', 'backs', 'backed', 'endorse', 'endorses', 'endorsed', 'favor', 'favors', 'favour', 'favours',
  'oppose', 'opposes', 'opposed', 'rejects', 'rejected', 'condemns', 'condemned', 'criticizes', 'criticized', 'criticises', 'criticised',
  'praises', 'praised', 'defends', 'defended', 'accuses', 'accused', 'blames', 'blamed', 'urges', 'urged',
  'proposes', 'proposed', 'demands', 'demanded', 'denounces', 'denounced', 'questions', 'questioned', 'dismisses', 'dismissed',
  // What a source names, cites or describes is attributed to it as much as what it backs.
  'cited', 'cites', 'described', 'describes', 'mentioned', 'mentions', 'expressed', 'expresses', 'voiced', 'voices',
  'highlighted', 'highlights', 'touted', 'touts', 'invoked', 'invokes', 'echoed', 'echoes', 'discussed', 'discusses',
  'portrayed', 'portrays', 'characterized', 'characterizes', 'likened', 'likens', 'compared', 'quoted', 'quotes',
  'attacked', 'blasted', 'blasts', 'slammed', 'slams', 'mocked', 'knocked', 'decried', 'decries', 'lambasted', 'eviscerated',
  'challenged', 'applauded', 'hailed', 'welcomed', 'thanked', 'ordered', 'requested', 'named', 'released', 'offered',
  'promised', 'promises', 'pledged', 'pledges', 'announced', 'repeated', 'reiterated', 'recalled', 'cast', 'casts', 'acknowledges',
]);
/** Participles of stance verbs, whose source is the noun they follow ("voters backing Ruiz"). */
const STANCE_PARTICIPLES = new Set(['supporting', 'backing', 'opposing', 'endorsing', 'favoring', 'favouring', 'urging', 'demanding', 'praising', 'criticizing', 'criticising']);
/** Verbs of seeing a thing as something ("see X as Y", "regarded X as Y"). */
const SEE_AS = new Set(['see', 'sees', 'saw', 'view', 'views', 'viewed', 'regard', 'regards', 'regarded', 'perceive', 'perceives', 'perceived']);
const AS_REACH = 14;
/** An "as" among tokens [from, to) before any clause punctuation. */
function asWithin(v: TokenView, from: number, to: number): boolean {
  for (let k = from; k < to && !/^[,;:—–.]$/.test(v.tokens[k]!.text); k++) if (v.lower[k] === 'as') return true;
  return false;
}
const FINITE = /^(is|are|was|were|has|have|had|will|would|can|could|said|says|[a-z]+ed)$/;
/** "a group backing Ruiz raised …": a participle's object ends before the sentence's own verb. */
function objectEnd(v: TokenView, c: number, e: number): number {
  for (let k = c + 1; k < e; k++) if (FINITE.test(v.tokens[k]!.text)) return k;
  return e;
}
/** Verbs naming something as the source sees it: "called the plan a disaster", "dubbed him a fraud". */
const NAMING_VERBS = new Set(['called', 'calls', 'call', 'calling', 'dubbed', 'dubs', 'labeled', 'labelled', 'labels', 'branded', 'brands', 'termed']);
/** Adjectives that hold a stance after "is": "confident that", "critical of", "worried about". */
const STANCE_ADJECTIVES = new Set(['confident', 'sure', 'certain', 'convinced', 'worried', 'concerned', 'optimistic', 'hopeful', 'skeptical',
  'sceptical', 'critical', 'supportive', 'afraid', 'aware', 'adamant', 'proud', 'angry', 'upset', 'disappointed', 'frustrated', 'wary',
  'fearful', 'doubtful', 'positive', 'unhappy', 'pleased', 'furious', 'insistent', 'open']);
const BE = new Set(['is', 'are', 'was', 'were', 'been', 'be', 'remains', 'remained', 'seemed', 'appeared', 'sounded', 'felt']);
const ADJECTIVE_LINKS = new Set(['that', 'of', 'about', 'with', 'to']);
/** Verbs that take their stance through a particle: "called for", "pointed to", "spoke about". */
const PARTICLE_VERBS: ReadonlyMap<string, readonly string[]> = new Map(([
  [['called', 'calls', 'call', 'pushed', 'pushes', 'argued', 'argues', 'pressed', 'lobbied'], ['for', 'on']],
  [['talked', 'talks', 'spoke', 'speaks', 'worried', 'joked', 'complained', 'complains'], ['about', 'of']],
  [['pointed', 'points', 'referred', 'refers'], ['to']],
  [['focused', 'focuses'], ['on']],
  [['railed', 'rails'], ['against']],
] as const).flatMap(([verbs, particles]) => verbs.map((w): [string, readonly string[]] => [w, particles])));
/** Nouns whose clause is what the possessor holds or said: "his claim that", "her plan to". */
const STANCE_NOUNS = new Set([
  'claim', 'claims', 'assertion', 'argument', 'belief', 'view', 'call', 'calls', 'proposal', 'promise', 'pledge',
  'suggestion', 'insistence', 'contention', 'allegation', 'allegations', 'demand', 'demands', 'warning', 'vow',
  'threat', 'assessment', 'prediction', 'position', 'accusation', 'charge', 'idea', 'refusal',
  'criticism', 'opposition', 'attacks', 'comments', 'views', 'decision', 'endorsement', 'condemnation', 'concerns', 'doubts',
]);
/** Every word that may open a stance: one lookup for the many tokens that open none. */
const TRIGGERS = new Set([...STANCE_VERBS, ...NAMING_VERBS, ...STANCE_PARTICIPLES, ...SEE_AS, ...STANCE_ADJECTIVES, ...STANCE_NOUNS, ...PARTICLE_VERBS.keys()]);
const NOUN_LINKS = new Set(['that', 'to', 'for', 'of', 'on', 'about', 'against']);
const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'our']);
/** Auxiliaries and adverbs that may stand between a subject and its verb. */
const BETWEEN = /^(has|have|had|is|was|are|were|will|would|also|still|now|reportedly|repeatedly|strongly|openly|publicly|long|previously|even|then|again|only|already)$/;

const MIN_TOKENS = 2;
const MAX_TOKENS = 40;

/** End (exclusive) of the clause that starts at token c, before token b. */
function clauseEnd(v: TokenView, c: number, b: number): number {
  const e = reportEnd(v, c, b);
  for (let k = c + 1; k < e && k < c + MAX_TOKENS; k++) if (clauseBreak(v, k) || v.tokens[k]!.text === ':') return k;
  return Math.min(e, c + MAX_TOKENS);
}

function span(v: TokenView, a: number, e: number): { start: number; end: number } | null {
  while (e > a && /^[,.;:!?—–]$/.test(v.tokens[e - 1]!.text)) e--;
  // A name alone is a stance's object too: "endorsed Ruiz".
  e = trimTrailingTime(v, a, e);
  if (e - a < MIN_TOKENS && !(e - a === 1 && v.isCapitalized(a))) return null;
  return { start: v.tokens[a]!.start, end: v.tokens[e - 1]!.end };
}

/** A subject fit to be a source: a name, a personal pronoun, or a determined noun phrase. */
function sourceBefore(v: TokenView, k: number, a: number): Phrase | null {
  let j = k;
  while (j - 1 > a && BETWEEN.test(v.lower[j - 1]!)) j--;
  const sp = phraseBefore(v, j, a);
  if (!sp) return null;
  const first = v.lower[sp.first]!;
  if (SPEAKER_PRONOUNS.has(first) || first === 'they') return sp;
  // The subject opens the clause: the sentence start or right after a comma or conjunction.
  const before = sp.first === a ? '' : v.lower[sp.first - 1]!;
  if (before && before !== ',' && before !== 'and' && before !== 'but' && before !== 'while') return null;
  return v.isCapitalized(sp.first) || /^(the|a|an|many|some|most|several)$/.test(first) ? sp : null;
}

export interface Stance {
  readonly start: number;
  readonly end: number;
  readonly attribution: Attribution;
}

/** Stances in the sentence's tokens [a, b): verbs first, then possessed stance nouns. */
export function findStances(v: TokenView, a: number, b: number): Stance[] {
  const out: Stance[] = [];
  for (let k = a + 1; k < b - 1; k++) {
    const l = v.lower[k]!;
    if (!TRIGGERS.has(l)) continue;
    let c = -1;
    if (PARTICLE_VERBS.get(l)?.includes(v.lower[k + 1]!)) c = k + 2;
    else if (STANCE_VERBS.has(l) || NAMING_VERBS.has(l) || STANCE_PARTICIPLES.has(l)) c = k + 1;
    // "voters see Ruiz as the likely winner": a view held of something.
    else if (SEE_AS.has(l) && asWithin(v, k + 2, Math.min(b, k + AS_REACH))) c = k + 1;
    // "X is confident that …", "X was critical of …": a stance held as a state.
    else if (STANCE_ADJECTIVES.has(l) && BE.has(v.lower[k - 1]!) && ADJECTIVE_LINKS.has(v.lower[k + 1]!)) c = v.lower[k + 1] === 'that' ? k + 1 : k + 2;
    else if (!STANCE_NOUNS.has(l)) continue;
    // "their support for", "the plans": a noun, not a verb.
    if (v.isCapitalized(k) || (c >= 0 && isNounUse(v, k))) continue;
    if (c >= 0) {
      // "the plan he wanted", "a bill backed by": a verb without an object or in the passive reports nothing.
      if (v.lower[c] === 'by' || v.isPunct(c)) continue;
      // "mocked her claim that …": the possessed claim is the stance, read next.
      if (POSSESSIVES.has(v.lower[c]!) && STANCE_NOUNS.has(v.lower[c + 1]!)) continue;
      // "a group backing Ruiz": the noun before a participle is its source.
      const sp = STANCE_PARTICIPLES.has(l) ? (v.isPunct(k - 1) ? null : phraseBefore(v, k, a)) : sourceBefore(v, k, a);
      const s = sp && span(v, c, STANCE_PARTICIPLES.has(l) ? objectEnd(v, c, clauseEnd(v, c, b)) : clauseEnd(v, c, b));
      if (sp && s) {
        out.push({ ...s, attribution: { cueFirst: k, cueLast: c - 1, speaker: sp, position: 'before', form: 'subject' } });
        k = v.tokenAtOrAfter(s.end);
      }
      continue;
    }
    if (STANCE_NOUNS.has(l) && NOUN_LINKS.has(v.lower[k + 1] ?? '')) {
      // The possessor: "his", "their", or a name with "'s" ("Ruiz’s claim that").
      const p = k - 1;
      let sp: Phrase | null = null;
      if (POSSESSIVES.has(v.lower[p]!)) sp = { first: p, last: p };
      else if (/^['’]s?$/.test(v.tokens[p]!.text) && p - 1 >= a && v.isCapitalized(p - 1)) {
        let f = p - 1;
        while (f - 1 >= a && v.isCapitalized(f - 1)) f--;
        sp = { first: f, last: p - 1 };
      }
      const c2 = k + 2;
      const s = sp && span(v, c2, clauseEnd(v, c2, b));
      if (sp && s) {
        out.push({ ...s, attribution: { cueFirst: k, cueLast: k + 1, speaker: sp, position: 'before', form: 'subject' } });
        k = v.tokenAtOrAfter(s.end);
      }
    }
  }
  return out;
}
