import { CLOSE, OPEN, type Arg, type Frame } from '../../text/frame.js';
import { OFFICE_WORD } from '../../text/titles.js';
import { lemma } from '../events/features.js';
import { ROLE_WORD } from './lexicon.js';

/**
 * The features the relation model (model.ts) reads for an ordered pair of resolved mentions
 * x, y (x first) of one sentence: their classes, the words between them (as written and as
 * lemmas, grouped by the rules' cue words), the words around them, their head words, distance,
 * punctuation and what the pattern rules made of the pair.
 */

/** At most this many words between two mentions for the pair to be read at all. */
export const MAX_PAIR_DISTANCE = 24;
/** At most this many pairs per sentence, the closest first. */
export const MAX_PAIRS_PER_SENTENCE = 48;

const WORD = new RegExp(`${OPEN}\\d+[A-Z]${CLOSE}|[A-Za-z][\\w'’-]*|\\d[\\d.,]*|[^\\s\\w]`, 'g');

/** A word of a masked sentence: its text and offset; `arg` the argument index of a placeholder. */
export interface Token {
  readonly w: string;
  readonly at: number;
  readonly arg?: number;
}

export function tokensOf(f: Frame): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(f.masked); m; m = WORD.exec(f.masked)) {
    const w = m[0];
    out.push(w.startsWith(OPEN) ? { w: `E${w.slice(-2, -1)}`, at: m.index, arg: Number(w.slice(1, -2)) } : { w, at: m.index });
  }
  return out;
}

/** Cue-word groups, the words the pattern rules are written with (lexicon.ts). */
const CUES: readonly [string, RegExp][] = [
  ['fight', /^(?:fight\w*|fought|battl\w*|combat\w*|attack\w*|target\w*|strik\w*|struck|bomb\w*|shell\w*|ambush\w*|raid\w*|defeat\w*|besieg\w*|expel\w*|oust\w*|rout\w*|overr[au]n|clash\w*|war|wars|offensive|assault|insurgency|crackdown|enemy|enemies|hostilities|conflict|against|airstrikes?|counter\w*|resist\w*|confront\w*|liberat\w*|retak\w*|retook|recaptur\w*|degrad\w*|destroy\w*|kill\w*)$/i],
  ['ally', /^(?:all(?:y|ies|ied)|alliance|partners?|partnership|coalition|backed|backing|backs|support\w*|arm(?:s|ed|ing)|fund\w*|sponsor\w*|alongside|together|help\w*|aid\w*|assist\w*|cooperat\w*|collaborat\w*|joint\w*|train\w*|advis\w*|equip\w*)$/i],
  ['alias', /^(?:known|aka|alias|called|calls|named|renamed|rebranded|formerly|otherwise|also|or|acronym|referred)$/i],
  ['member', /^(?:members?|part|joined|joins|join|component|units?|battalions?|brigades?|regiments?|division|forces|troops|soldiers|assigned|serv\w*|belong\w*|within|affiliat\w*|branch|wing|offshoot|loyal\w*)$/i],
  ['talk', /^(?:talks|met|meet\w*|negotiat\w*|discuss\w*|consult\w*|conferr?\w*|spoke|speak\w*|talk\w*|phon\w*|telephon\w*|call|calls|summit|dialogue|agreement|deal|accord|hosted|visit\w*|urg\w*|invit\w*)$/i],
  ['say', /^(?:said|says|told|stated|added|announced|reported|according)$/i],
];

function cueOf(w: string): string | undefined {
  if (ROLE_WORD.test(w)) return 'role';
  for (const [name, re] of CUES) if (re.test(w)) return name;
  return undefined;
}

const ACRONYM_SKIP = /^(?:of|the|and|for|in|on|al|el|a|an|de|du|la|le)$/i;
/** Whether `short` is written as the initials of `long` ("ISIL", "Islamic State of Iraq and the Levant"). */
export function acronymOf(short: string, long: string): boolean {
  const s = short.replace(/[^A-Za-z]/g, '');
  if (s.length < 2 || s.length > 8 || s !== s.toUpperCase()) return false;
  const words = long.split(/[\s-]+/).filter((w) => /^[A-Za-z]/.test(w));
  const all = words.map((w) => w[0]!.toUpperCase()).join('');
  const content = words.filter((w) => !ACRONYM_SKIP.test(w)).map((w) => w[0]!.toUpperCase()).join('');
  return s === all || s === content;
}

const dist = (n: number) => (n <= 2 ? String(n) : n <= 4 ? '3-4' : n <= 8 ? '5-8' : n <= 14 ? '9-14' : '15+');
/** What is read from one mention on its own (its head word, whether it names an office), once per mention. */
const argInfo = new WeakMap<Arg, { head: string; title: boolean }>();
function infoOf(a: Arg): { head: string; title: boolean } {
  let v = argInfo.get(a);
  if (!v) argInfo.set(a, (v = { head: a.text.toLowerCase().split(/\s+/).pop()!.replace(/[^\w'’-]/g, ''), title: OFFICE_WORD.test(a.text) }));
  return v;
}

/**
 * Features of the pair of arguments at tokens `i` < `j` of `toks`. `rules`: the relation types
 * the pattern rules read for the pair, with `>` when x is their `a` and `<` when y is.
 */
export function pairFeatures(f: Frame, toks: readonly Token[], i: number, j: number, rules: readonly string[]): string[] {
  const x = f.args[toks[i]!.arg!]!, y = f.args[toks[j]!.arg!]!;
  const xy = `${x.cls}${y.cls}`;
  const between = toks.slice(i + 1, j);
  const low = between.map((t) => (t.arg === undefined ? t.w.toLowerCase() : t.w));
  const out = [`cls=${xy}`, `d=${dist(between.length)}`, `xh=${infoOf(x).head}`, `yh=${infoOf(y).head}`, `xk=${x.kind ?? 'name'}|${y.kind ?? 'name'}`];
  if (x.entity === y.entity) out.push('same');
  // A title read as a person next to a name: "the Foreign Secretary, Jane Roe".
  const titles = `${infoOf(x).title ? 'T' : '-'}${infoOf(y).title ? 'T' : '-'}`;
  if (titles !== '--') out.push(`titles=${titles}`, `titles=${titles}|${xy}|${dist(between.length)}`);
  if (acronymOf(y.text, x.text) || acronymOf(x.text, y.text)) out.push('acronym');
  if (between.length <= 4) out.push(`bs=${low.join(' ')}`, `bs=${low.join(' ')}|${xy}`);
  out.push(`b1=${low[0] ?? 'NONE'}`, `bl=${low[low.length - 1] ?? 'NONE'}`);
  const before = toks[i - 1], after = toks[j + 1];
  out.push(`pre=${before ? (before.arg === undefined ? before.w.toLowerCase() : before.w) : 'START'}`);
  out.push(`post=${after ? (after.arg === undefined ? after.w.toLowerCase() : after.w) : 'END'}`);
  if (before?.w === '(' && after?.w === ')') out.push('bothParen');
  let args = 0, commas = 0;
  const cues = new Set<string>();
  for (const [k, t] of between.entries()) {
    if (t.arg !== undefined) {
      args++;
      continue;
    }
    if (t.w === ',') commas++;
    const l = lemma(t.w);
    out.push(`bw=${l}`);
    const c = cueOf(t.w);
    if (c) cues.add(c);
  }
  for (const c of cues) out.push(`cue=${c}`, `cue=${c}|${xy}`);
  out.push(`args=${Math.min(args, 2)}`, `commas=${Math.min(commas, 2)}`);
  for (const r of rules) out.push(`rule=${r}`, `rule=${r.replace(/[<>]$/, '')}`);
  if (!rules.length) out.push('norule');
  return out;
}
