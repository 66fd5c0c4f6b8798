import { SpanIndex } from '../../core/span-index.js';
import type { Gazetteer, GazRecord } from '../../geo/gazetteer.js';
import { nameKey, withoutArticle } from '../../geo/normalize.js';
import type { Mention } from '../../core/layers.js';
import { ADMIN1_ABBREVIATIONS } from '../../geo/tables.js';
import { ARABIC_ARTICLES, looseName } from '../../text/names.js';
import { PERSON_TITLES } from '../../text/titles.js';
import { CALENDAR, CIVIC, CONNECTORS, HEADS, LOCATIVE, NOT_MODIFIED, ORG_HEADS, PART_NATIONALITIES, type HeadKind } from './lexicon.js';
import { joins, type Word } from './words.js';

/** A stretch of text taken to name a place, with the gazetteer entries it could be. */
export interface Hit {
  start: number;
  end: number;
  /** Lookup key of the name (without a head word such as "province"). */
  key: string;
  cands: GazRecord[];
  /** Place-type word right after the name ("Anbar province", "Royal Street"). */
  head?: HeadKind;
  /** "city of X", "town of X". */
  cityCue?: boolean;
  /** Word range [wi, wj) of the name. */
  wi: number;
  wj: number;
  /** Entity id of the mention it came from. */
  entity?: string;
  /** How sure recognition is that this is a place, 0..1; resolution multiplies it in. */
  conf: number;
  /** Recognised by a pattern that needs no further checks ("Helena, Mont."). */
  fixed?: boolean;
  /** Proposed by the entity layer rather than the gazetteer scan. */
  fromMention?: boolean;
}

const MAX_WORDS = 6;
const DIRECTIONS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'upper', 'lower', 'greater', 'northeast', 'northwest', 'southeast', 'southwest', 'mid', 'middle', 'inner', 'outer']);
export const isCityCode = (c: string) => c.startsWith('PPL');
/** A place news names without needing context: a country, division, region or large city. */
export const isMajor = (r: GazRecord) => !isCityCode(r.code) || r.population >= 100000;
/** Regions, seas and landmarks written for the gazetteer (no GeoNames feature class of their own). */
export const handWrittenRegion = (r: GazRecord) => !isCityCode(r.code) && r.code !== 'ADM1' && r.code !== 'PCLI';
const maxPop = (cs: readonly GazRecord[]) => cs.reduce((m, c) => Math.max(m, isCityCode(c.code) ? c.population : 0), 0);

export interface RecognizeContext {
  readonly text: string;
  readonly words: readonly Word[];
  readonly gaz: Gazetteer;
  readonly mentions: readonly Mention[];
}

function startsName(w: Word, next: Word | undefined): boolean {
  if (w.cap || w.upper) return true;
  return w.text.length <= 3 && next !== undefined && next.sep === '-' && next.cap && ARABIC_ARTICLES.has(w.text.toLowerCase());
}

/**
 * The longest gazetteer name starting at word i, if any. Keys grow a word at a time from the
 * words' own keys, and stop as soon as no longer name starts with what is there.
 */
function longestAt(ctx: RecognizeContext, i: number, wordKeys: readonly string[]): { n: number; key: string; cands: GazRecord[] } | undefined {
  const { words, gaz } = ctx;
  let best: { n: number; key: string; cands: GazRecord[] } | undefined;
  let key = wordKeys[i]!;
  for (let n = 1; ; n++) {
    const last = words[i + n - 1]!;
    if (key && (last.cap || last.upper)) {
      let cands = gaz.lookup(key);
      if (!cands.length && n > 1) {
        const bare = withoutArticle(key);
        if (bare) cands = gaz.lookup(bare);
      }
      if (cands.length) best = { n, key, cands };
    }
    if (n >= MAX_WORDS || i + n >= words.length || !joins(words[i + n]!.sep)) break;
    const w = words[i + n]!;
    if (!w.cap && !w.upper && !CONNECTORS.has(w.text.toLowerCase()) && !/^\d+$/.test(w.text)) break;
    if (!gaz.hasLonger(key)) break;
    key = key ? key + ' ' + wordKeys[i + n]! : wordKeys[i + n]!;
  }
  return best;
}

/** Finds gazetteer names in capitalised word runs; no filtering yet. */
export function gazetteerHits(ctx: RecognizeContext): Hit[] {
  const { words } = ctx;
  const hits: Hit[] = [];
  const wordKeys = words.map((w) => (w.cap || w.upper || CONNECTORS.has(w.text.toLowerCase()) || ARABIC_ARTICLES.has(w.text.toLowerCase()) ? nameKey(w.text) : ''));
  for (let i = 0; i < words.length; ) {
    const w = words[i]!;
    if (!startsName(w, words[i + 1])) { i++; continue; }
    const m = longestAt(ctx, i, wordKeys);
    if (!m) { i++; continue; }
    const last = words[i + m.n - 1]!;
    const hit: Hit = { start: w.start, end: last.end, key: m.key, cands: m.cands, wi: i, wj: i + m.n, conf: 1 };
    // "Republic of Armenia": the formal name is one place name.
    if (m.cands.some((c) => c.code === 'PCLI')) {
      const formal = FORMAL.exec(ctx.text.slice(Math.max(0, w.start - 60), w.start));
      if (formal) hit.start = w.start - formal[0].length;
    }
    hits.push(hit);
    i += m.n;
    const abbr = divisionAbbreviation(ctx, last.end);
    if (abbr) {
      hits.push(abbr.hit);
      while (i < words.length && words[i]!.start < abbr.hit.end) i++;
      abbr.hit.wi = abbr.hit.wj = i;
    }
  }
  return hits;
}

const FORMAL = /(?:(?:Islamic|People['’]s|Federal|Democratic|Arab|Socialist|United|Hashemite|Bolivarian|Plurinational)\s+)*(?:Republic|Kingdom|State|Sultanate|Principality|Commonwealth|Federation)\s+of\s+(?:the\s+)?$/;

let abbrevIndex: Map<string, [string, string][]> | undefined;
/** "Town, Mont." / "Town, BC": the division abbreviation right after a comma, as a hit. */
function divisionAbbreviation(ctx: RecognizeContext, at: number): { hit: Hit } | undefined {
  if (ctx.text.slice(at, at + 2) !== ', ') return undefined;
  if (!abbrevIndex) {
    abbrevIndex = new Map();
    for (const [cc, divs] of Object.entries(ADMIN1_ABBREVIATIONS)) {
      for (const [code, abbrs] of Object.entries(divs)) {
        for (const a of abbrs) {
          let l = abbrevIndex.get(a);
          if (!l) abbrevIndex.set(a, (l = []));
          l.push([cc, code]);
        }
      }
    }
  }
  const m = /^[A-Z][A-Za-z]{0,4}\.?(?: ?[A-Z][a-z]?\.)*/.exec(ctx.text.slice(at + 2, at + 12));
  if (!m) return undefined;
  for (let len = m[0].length; len >= 2; len--) {
    const a = m[0].slice(0, len);
    const after = ctx.text[at + 2 + len] ?? ' ';
    if (/[\p{L}\p{N}]/u.test(after)) continue;
    const refs = abbrevIndex.get(a);
    if (!refs) continue;
    const cands = refs.map(([cc, code]) => ctx.gaz.admin1(cc, code)).filter((r): r is GazRecord => r !== undefined);
    if (!cands.length) continue;
    const start = at + 2;
    return { hit: { start, end: start + len, key: nameKey(a), cands, wi: 0, wj: 0, conf: 1, fixed: true } };
  }
  return undefined;
}

/** Surnames of people named in the document: the last word of "Firstname Lastname" runs. */
export function personSurnames(ctx: RecognizeContext): Set<string> {
  const { words, gaz } = ctx;
  const out = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i]!, b = words[i + 1]!;
    // "Gov. Jeb Bush", "Rep. Gabby Giffords": a title's period does not end the name.
    if (!a.cap || !b.cap || !(b.sep === ' ' || (b.sep === '. ' && PERSON_TITLES.has(a.text.toLowerCase())))) continue;
    const la = a.text.toLowerCase();
    const first = gaz.word(la);
    const titled = PERSON_TITLES.has(la.replace(/\.$/, ''));
    if (!(first?.firstName || titled)) continue;
    // Skip the middle initial: "George W. Bush".
    let j = i + 1;
    while (j + 1 < words.length && /^\p{Lu}\.?$/u.test(words[j]!.text) && (joins(words[j + 1]!.sep) || words[j + 1]!.sep === '. ')) j++;
    let k = j;
    while (k + 1 < words.length && words[k + 1]!.cap && words[k + 1]!.sep === ' ') k++;
    const surname = words[k]!.text;
    if (HEADS.has(surname.toLowerCase()) || ORG_HEADS.has(surname.toLowerCase())) continue;
    out.add(nameKey(surname));
  }
  return out;
}

/** Evidence about the document gathered from hits that need no context. */
export interface DocContext {
  /** Country code -> weight (countries named, demonyms, large places). */
  readonly countries: Map<string, number>;
  /** "CC.admin1" of divisions named -> the name keys that put the document there. */
  readonly admin1s: Map<string, Set<string>>;
  /** Points of places named unambiguously (for proximity), with the key of the name. */
  readonly anchors: { lat: number; lon: number; key: string }[];
  /** Weight of the leading country. */
  readonly top: number;
  /** Name key -> country -> the weight the name's own large readings gave that country. */
  readonly ownWeights: Map<string, Map<string, number>>;
}

function prevWord(words: readonly Word[], i: number): Word | undefined {
  return i > 0 && joins(words[i]!.sep) ? words[i - 1] : undefined;
}

export function headAfter(words: readonly Word[], j: number): { kind: HeadKind; capital: boolean } | undefined {
  const w = words[j];
  if (!w || !joins(w.sep)) return undefined;
  const kind = HEADS.get(w.text.toLowerCase());
  return kind ? { kind, capital: w.cap } : undefined;
}

/**
 * Decides which raw gazetteer hits are places here. Person names, common words, nationality
 * words and names of far-away hamlets that merely look like a capitalised word are dropped;
 * metonymic ("Baghdad said") and modifier ("the Mosul offensive") uses are kept.
 */
export function filterHits(ctx: RecognizeContext, raw: readonly Hit[], surnames: ReadonlySet<string>, doc: DocContext, trace?: (h: Hit, reason: string | undefined) => void): Hit[] {
  const { words, gaz, text } = ctx;
  const out: Hit[] = [];
  const byStart = new Map(raw.map((h) => [h.start, h]));
  for (const h of raw) {
    const first = words[h.wi]!, last = words[h.wj - 1]!;
    const single = h.wj - h.wi === 1;
    const surface = text.slice(h.start, h.end);
    const lower = surface.toLowerCase();
    const info = single ? gaz.word(lower) : undefined;
    const major = h.cands.some(isMajor);
    const veryMajor = h.cands.some((c) => !isCityCode(c.code) || c.population >= 500000);
    const homeWeight = (c: GazRecord) => (doc.top > 0 ? (doc.countries.get(c.country) ?? 0) / doc.top : 0);
    const namesAdmin = h.cands.some((c) => c.code === 'PCLI' || handWrittenRegion(c) || (c.code === 'ADM1' && homeWeight(c) >= 0.5));
    const pop = maxPop(h.cands);
    const prev = prevWord(words, h.wi);
    const prevLower = prev?.text.toLowerCase().replace(/\.$/, '');
    const before = h.wi > 0 ? words[h.wi - 1] : undefined;
    const locativeHere = before !== undefined && LOCATIVE.has(before.text.toLowerCase()) && /^\s+$/.test(first.sep);
    const locative = locativeHere;
    const next = h.wj < words.length && joins(words[h.wj]!.sep) ? words[h.wj] : undefined;
    const head = headAfter(words, h.wj);
    const inFocus = h.cands.some((c) => (doc.countries.get(c.country) ?? 0) > 0 || doc.admin1s.has(c.country + '.' + c.admin1));
    const commaPlace = text.slice(h.end, h.end + 2) === ', ' && words[h.wj]?.cap === true;

    // "Normal, Ill.", "CANTON, Ohio": a town its division pins is a place, whatever else the word is.
    const box = text.slice(h.end, h.end + 2) === ', ' ? byStart.get(h.end + 2) : undefined;
    const pinned = !!box && box.cands.some((y) => y.code === 'ADM1' && h.cands.some((c) => isCityCode(c.code) && c.country === y.country && c.admin1 === y.admin1));
    let reason: string | undefined;
    decide: {
      if (h.fixed || pinned) break decide;
      if (CALENDAR.has(lower)) { reason = 'calendar'; break decide; }
      if (info?.demonym !== undefined || gaz.word(last.text.toLowerCase())?.demonym !== undefined) { reason = 'demonym'; break decide; }
      if (single && surface.replace(/\./g, '').length < 2) { reason = 'short'; break decide; }
      const acronym = first.upper && last.upper && surface.replace(/[^\p{L}]/gu, '').length <= 4;
      // Short all-capital words are acronyms unless the name is a country's or region's short form
      // (US, EU), or the line shouts (a dateline "LONDON (Reuters) -", a headline).
      if (acronym && !lineIsUpper(text, h.start) && !isDateline(text, h)) {
        if (!h.cands.some((c) => c.code === 'PCLI' || handWrittenRegion(c) || (c.code === 'ADM1' && homeWeight(c) >= 0.5))) { reason = 'acronym'; break decide; }
        if (surface.replace(/\./g, '').length > 3 && !h.cands.some((c) => c.code === 'PCLI')) { reason = 'acronym-long'; break decide; }
        h.cands = h.cands.filter((c) => c.code === 'PCLI' || handWrittenRegion(c) || (c.code === 'ADM1' && homeWeight(c) >= 0.5));
      }
      // Titles make a person: "President Jordan", "Gen. Austin".
      if (prevLower && PERSON_TITLES.has(prevLower) && prev!.cap) { reason = 'title'; break decide; }
      if (single && surnames.has(h.key) && !(major && locative)) { reason = 'surname'; break decide; }
      // Part of a longer capitalised run.
      if (prev && prev.cap && !prev.initial && prev.sep !== '-' && !h.cands.some((c) => c.code === 'PCLI')) {
        const pl = prev.text.toLowerCase();
        if (gaz.word(pl)?.firstName || /^\p{Lu}\.$/u.test(prev.text)) { reason = 'after-first-name'; break decide; }
        if (!major) { reason = 'inside-name'; break decide; }
      }
      if (next && next.cap && !head) {
        const nl = next.text.toLowerCase();
        // "Central American", "North African": a compound nationality word, not a place.
        if (gaz.word(nl)?.demonym !== undefined) { reason = 'demonym'; break decide; }
        // "West Surrey", "Northern Europe" the gazetteer lacks: the direction word alone is no place.
        if (single && DIRECTIONS.has(lower)) { reason = 'direction'; break decide; }
        if (single && (info?.firstName || info?.lastName) && !h.cands.some((c) => c.code === 'PCLI')) { reason = 'first-name-before-name'; break decide; }
        // "Jordan Henderson", "Chad Miller": a first name and a surname, even when the first is a country.
        if (single && info?.firstName && !ORG_HEADS.has(nl) && (gaz.word(nl)?.lastName || !gaz.lookup(nameKey(next.text)).length)) { reason = 'first-name-before-name'; break decide; }
        if (gaz.word(nl)?.lastName && !ORG_HEADS.has(nl) && !major) { reason = 'before-last-name'; break decide; }
        // A known place before an unknown name is still named ("the Slidell council"), when the
        // document is about that country and the next word is no person's name.
        const nextInfo = gaz.word(nl);
        if (!ORG_HEADS.has(nl) && !major && !(inFocus && !nextInfo?.firstName && !nextInfo?.lastName && pop >= 15000)) { reason = 'before-name'; break decide; }
      }
      if (acronym) break decide;
      // Words English uses in lower case too (Police, Reading): only as countries, divisions or
      // regions mid-sentence, or as large cities after a preposition.
      if (info?.common) {
        const ok = first.initial ? major && h.cands.some((c) => c.code === 'PCLI') : namesAdmin || (pop >= 100000 && locative);
        if (!ok) { reason = 'common-word'; break decide; }
      }
      // First names and surnames (Chad, Austin, Nelson, Mary) need a place's context.
      // A large place standing alone ("Houston", "Virginia") is the place; a surname already seen
      // as a person's was dropped above.
      const alone = !(prev && prev.cap) && !(next && next.cap);
      if (info && (info.firstName || info.lastName) && !(veryMajor && alone && !first.initial)) {
        const ok = h.cands.some((c) => c.code === 'PCLI' || handWrittenRegion(c)) || h.cands.some((c) => homeWeight(c) >= 0.5 && (c.code === 'ADM1' || locative || commaPlace)) ||
          (veryMajor && (locative || commaPlace));
        if (!ok) { reason = 'person-name'; break decide; }
      }
      if (!major && hasLowerUse(text, surface)) { reason = 'lower-use'; break decide; }
      // A one-word name that is neither large nor written as the place writes itself ("Bloomberg" for
      // Blomberg, "Fox" for an alternate name of Victor) is a coincidence of spelling.
      const spelled = h.cands.some((c) => !isCityCode(c.code) || looseName(c.name) === looseName(surface));
      if (single && !major && !spelled) { reason = 'loose-match'; break decide; }
      // Large places under another spelling or an old name ("Irbil", "Motown") need some context.
      if (single && !spelled && !(locative || commaPlace || head || h.cands.some((c) => homeWeight(c) >= 0.5 && isMajor(c)))) { reason = 'loose-match'; break decide; }
      // A one-word division of a country the document otherwise never mentions ("Federal", "Bay").
      const container = h.start >= 2 && text.slice(h.start - 2, h.start) === ', ' && h.wi > 0 && words[h.wi - 1]!.cap;
      if (single && !locative && !commaPlace && !head && !container && h.cands.some((c) => c.code === 'ADM1') && h.cands.every((c) => c.code === 'ADM1' || (isCityCode(c.code) && c.population < 100000)) &&
          !h.cands.some((c) => c.code === 'ADM1' && (doc.countries.get(c.country) ?? 0) >= 0.7)) {
        reason = 'foreign-division'; break decide;
      }
      // Small places must be supported by the document: the country named often, or named and a
      // preposition or "Town, State" here.
      if (!major) {
        const small = pop < 15000;
        // The entity layer's word counts as much as a preposition.
        const locative = locativeHere || h.fromMention === true;
        // Home-country towns need a little more: a preposition, a comma pair, a place-type word, their
        // division named, or a few thousand people (not every US hamlet named "Congress" is meant).
        const home = h.cands.some((c) => isCityCode(c.code) && (doc.countries.get(c.country) ?? 0) >= 0.5 * doc.top && doc.top >= 1 &&
          (locative || commaPlace || !!head || doc.admin1s.has(c.country + '.' + c.admin1) || c.population >= 5000));
        // "Kokomo police said", "Tupelo officials": a town of some size before the word for its
        // police, officials or council is that town.
        const civic = !small && next !== undefined && !next.cap && CIVIC.has(next.text.toLowerCase());
        if (first.initial && single && !inFocus && !civic) { reason = 'initial-unsupported'; break decide; }
        if (small && !home && !(inFocus && (locative || commaPlace || head))) { reason = 'small-unsupported'; break decide; }
        if (!small && !inFocus && !locative && !commaPlace && !head && !civic && (info !== undefined || pop < 50000)) { reason = 'mid-unsupported'; break decide; }
      }
    }
    trace?.(h, reason);
    if (reason) continue;
    const hit: Hit = { ...h };
    if (pinned) hit.fixed = true;
    if (head) {
      hit.head = head.kind;
      // A capitalised head is part of the name ("Anbar Province", "Royal Street").
      if (head.capital) hit.end = words[h.wj]!.end;
    }
    const b2 = h.wi >= 2 ? words[h.wi - 2] : undefined;
    if (before && b2 && before.text.toLowerCase() === 'of' && /^(city|town|village)$/i.test(b2.text)) hit.cityCue = true;
    hit.conf = major ? 1 : pop >= 15000 ? 0.8 : 0.6;
    out.push(hit);
  }
  return out;
}

/** "COLUMBUS, Ohio (AP) —", "NAIROBI, Kenya -": capitals at a line's start, then a comma or bracket. */
function isDateline(text: string, h: { start: number; end: number }): boolean {
  const s = text.lastIndexOf('\n', h.start) + 1;
  if (/\p{Ll}/u.test(text.slice(s, h.start)) || h.start - s > 40) return false;
  return /^\s*(?:,|\(|—|–|-\s)/.test(text.slice(h.end, h.end + 3));
}

function lineIsUpper(text: string, at: number): boolean {
  const s = text.lastIndexOf('\n', at) + 1;
  let e = text.indexOf('\n', at);
  if (e < 0) e = text.length;
  const line = text.slice(s, Math.min(e, s + 200));
  // A dateline ("BAGHDAD (Reuters) -") or a headline in capitals.
  const lead = line.split(/[(—–]|\s-\s/)[0] ?? '';
  return (at - s < lead.length && !/\p{Ll}/u.test(lead)) || !/\p{Ll}/u.test(line);
}

/** The words of the last text asked about (runs of letters and digits), for hasLowerUse. */
let wordsOf: { text: string; words: Set<string> } | undefined;

/** True when the word also appears in lower case mid-sentence in this text ("the reading"). */
function hasLowerUse(text: string, surface: string): boolean {
  if (surface.includes(' ')) return false;
  const l = surface.toLowerCase();
  if (l === surface) return false;
  // A word of letters and digits only is found as a whole run of them: one pass over the text
  // per document instead of one per place name.
  if (/^[\p{L}\p{N}]+$/u.test(l)) {
    if (wordsOf?.text !== text) wordsOf = { text, words: new Set(text.match(/[\p{L}\p{N}]+/gu) ?? []) };
    return wordsOf.words.has(l);
  }
  let at = text.indexOf(l);
  while (at >= 0) {
    const b = at > 0 ? text[at - 1]! : ' ';
    const a = text[at + l.length] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(b) && !/[\p{L}\p{N}]/u.test(a)) return true;
    at = text.indexOf(l, at + 1);
  }
  return false;
}

/**
 * Names ending in a place-type word that the gazetteer lacks ("Royal Street", "Marigny Canal",
 * "Cuyahoga County"): places all the same, placed later by what they contain or the document's focus.
 */
export function headedNames(ctx: RecognizeContext, taken: readonly Hit[]): Hit[] {
  const { words, text } = ctx;
  const out: Hit[] = [];
  const covered = (s: number, e: number) => taken.some((h) => h.start < e && s < h.end);
  for (let j = 1; j < words.length; j++) {
    const w = words[j]!;
    const kind = HEADS.get(w.text.toLowerCase());
    if (!kind || !w.cap || kind === 'admin' || kind === 'city' || !joins(w.sep)) continue;
    let i = j;
    while (i > 0 && joins(words[i]!.sep) && words[i - 1]!.cap && j - i < 4 && !NAME_STOP.has(words[i - 1]!.text.toLowerCase()) && !ORG_HEADS.has(words[i - 1]!.text.toLowerCase())) {
      i--;
      if (words[i]!.initial) break;
    }
    if (i === j) continue;
    // Leading "The" and titles are not part of the name.
    while (i < j && /^(the|a|an)$/i.test(words[i]!.text)) i++;
    if (i === j) continue;
    // A common word opening a sentence before a place-type word is no name ("Every Street"), but
    // before "County" it is ("Story County supervisors").
    if (kind !== 'county' && words[i]!.initial && ctx.gaz.word(words[i]!.text.toLowerCase())?.common && j - i === 1) continue;
    const start = words[i]!.start, end = w.end;
    if (covered(start, end)) continue;
    const key = nameKey(text.slice(start, words[j - 1]!.end));
    out.push({ start, end, key, cands: [], head: kind, wi: i, wj: j + 1, conf: 0.5 });
  }
  return out;
}

const NAME_STOP = new Set(['by', 'the', 'a', 'an', 'and', 'or', 'in', 'at', 'on', 'for', 'from', 'to', 'with', 'photo', 'editorial', 'via', 'said', 'says']);

const PLACE_TYPES = new Set(['GPE', 'LOC', 'FAC']);
const NOT_PLACE = new Set(['PERSON', 'NORP']);

/**
 * GPE/LOC/FAC mentions of the entity layer that the gazetteer scan did not start on: the tagger's
 * word adds recall; they still pass the same checks, with less need for support.
 */
export function mentionHits(ctx: RecognizeContext, raw: readonly Hit[]): Hit[] {
  const out: Hit[] = [];
  const rawIndex = new SpanIndex(raw);
  for (const m of ctx.mentions) {
    if (!PLACE_TYPES.has(m.type) || m.kind === 'pronoun' || m.kind === 'nominal') continue;
    if (rawIndex.overlapsAny(m.start, m.end)) continue;
    const lead = /^(?:the|The)\s+/.exec(m.text);
    const start = m.start + (lead ? lead[0].length : 0);
    const surface = ctx.text.slice(start, m.end);
    // Only names: capitalised words, no digits, addresses or clause fragments.
    if (!/^\p{Lu}/u.test(surface) || /[\d@/:,;!?()+&]|\s(?:and|or|was|is|who|this|how)\b/.test(surface) || surface.split(/\s+/).length > 5) continue;
    const wi = ctx.words.findIndex((w) => w.start >= start);
    let wj = wi;
    while (wj < ctx.words.length && ctx.words[wj]!.end <= m.end) wj++;
    if (wi < 0 || wj <= wi) continue;
    const key = nameKey(surface);
    const cands = ctx.gaz.lookup(key);
    if (!cands.length) continue;
    out.push({ start, end: ctx.words[wj - 1]!.end, key, cands, wi, wj, conf: 0.7, fromMention: true, ...(m.entity ? { entity: m.entity } : {}) });
  }
  return out;
}

/**
 * A person or nationality mention over a doubtful hit settles it; over a country, division or
 * large city the gazetteer's reading stands (the tagger often takes "Hawaii" for a person).
 * Place mentions lend their entity ids.
 */
export function applyMentions(ctx: RecognizeContext, hits: readonly Hit[]): Hit[] {
  if (!ctx.mentions.length) return [...hits];
  const mentions = new SpanIndex(ctx.mentions);
  const out = hits.filter((h) => !mentions.overlapping(h.start, h.end).some((m) => NOT_PLACE.has(m.type) && m.start <= h.start && h.end <= m.end && !h.fixed &&
    (!h.cands.some(isMajor) || (m.type === 'PERSON' && m.end - m.start > h.end - h.start && h.cands.every((c) => isCityCode(c.code))))));
  for (const h of out) {
    if (h.entity) continue;
    const m = mentions.overlapping(h.start, h.end).find((x) => PLACE_TYPES.has(x.type) && x.entity && x.start < h.end && h.start < x.end);
    if (m?.entity) h.entity = m.entity;
  }
  return out;
}

/**
 * Nationality adjectives used as modifiers ("Russian hackers", "the British government"), as
 * hits on their country ("European rules" on Europe). Off by default: a nationality word names people, not a place; corpora
 * such as GeoWebNews annotate the modifier use as a toponym, and this reproduces that reading.
 */
export function modifierHits(ctx: RecognizeContext, taken: readonly Hit[]): Hit[] {
  const out: Hit[] = [];
  const takenIndex = new SpanIndex(taken);
  ctx.words.forEach((w, i) => {
    if (!w.cap || takenIndex.overlapsAny(w.start, w.end)) return;
    const lower = w.text.toLowerCase();
    const cc = ctx.gaz.word(lower)?.demonym;
    if (cc === undefined) return;
    const next = ctx.words[i + 1];
    // A modifier: another word follows in the same phrase ("Russian hackers"), not "the Russians".
    if (!next || next.sep !== ' ' || /s$/.test(w.text)) return;
    const nl = next.text.toLowerCase();
    // "African American": one compound nationality word.
    if (next.cap && ctx.gaz.word(nl)?.demonym !== undefined) return;
    // "learning English is", "French to gain": the language or the people, not a modifier; "Russian
    // and Chinese hackers", "Irish and other migrants" still modify.
    const after = ctx.words[i + 2];
    if (NOT_MODIFIED.has(nl) && !((nl === 'and' || nl === 'or') && after && (after.cap || after.text === 'other'))) return;
    // "North American", "Southeast Asian", "Eastern European": the region the two words name.
    const prev = ctx.words[i - 1];
    const region = prev && prev.cap && w.sep === ' ' && !takenIndex.overlapsAny(prev.start, prev.end) ? regionOfCompound(ctx.gaz, prev.text.toLowerCase(), lower) : undefined;
    if (region && prev) {
      out.push({ start: prev.start, end: w.end, key: nameKey(`${prev.text} ${w.text}`), cands: [region], wi: i - 1, wj: i + 1, conf: 0.5, fixed: true });
      return;
    }
    const place = adjectivePlace(ctx.gaz, lower, cc);
    if (!place) return;
    out.push({ start: w.start, end: w.end, key: nameKey(w.text), cands: [place], wi: i, wj: i + 1, conf: 0.5, fixed: true });
  });
  return out;
}

const adjectivePlaces = new WeakMap<Gazetteer, Map<string, GazRecord | undefined>>();
/** The place a nationality word used as a modifier stands for, remembered per gazetteer. */
function adjectivePlace(gaz: Gazetteer, lower: string, cc: string): GazRecord | undefined {
  let known = adjectivePlaces.get(gaz);
  if (!known) adjectivePlaces.set(gaz, (known = new Map()));
  if (known.has(lower)) return known.get(lower);
  const part = PART_NATIONALITIES.get(lower);
  const place = (part && gaz.lookup(part).find((c) => c.code === 'ADM1' && c.country === cc)) || (cc ? gaz.country(cc) : regionOfAdjective(gaz, lower));
  known.set(lower, place);
  return place;
}

/** A continent or region named by a direction word and a nationality word ("Central" + "American"). */
function regionOfCompound(gaz: Gazetteer, first: string, lower: string): GazRecord | undefined {
  return DIRECTIONS.has(first) || first === 'latin' ? formedFrom(gaz, `${first} `, lower, REGION_CODES, 3) : undefined;
}

/**
 * The continent or division a nationality word of no single country is formed from: "European"
 * Europe, "African" Africa, "Californian" California (the word less its "-n" or "-an").
 */
function regionOfAdjective(gaz: Gazetteer, lower: string): GazRecord | undefined {
  return lower.endsWith('n') ? formedFrom(gaz, '', lower, ADJECTIVE_CODES, 2) : undefined;
}

const REGION_CODES: ReadonlySet<string> = new Set(['CONT', 'RGN']);
const ADJECTIVE_CODES: ReadonlySet<string> = new Set(['CONT', 'ADM1']);

/** The entry of one of `codes` named `prefix` and the word less its last one to `cuts` letters. */
function formedFrom(gaz: Gazetteer, prefix: string, lower: string, codes: ReadonlySet<string>, cuts: number): GazRecord | undefined {
  for (let k = 1; k <= cuts; k++) {
    const key = prefix + lower.slice(0, -k);
    const r = gaz.lookup(key).find((c) => codes.has(c.code) && nameKey(c.name) === key);
    if (r) return r;
  }
  return undefined;
}
