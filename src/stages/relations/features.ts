import { CLOSE, OPEN, type Arg, type Frame } from '../../text/frame.js';
import { OFFICE_WORD } from '../../text/titles.js';
import { Lru } from '../../core/lru.js';
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

function readCue(w: string): string | undefined {
  if (ROLE_WORD.test(w)) return 'role';
  for (const [name, re] of CUES) if (re.test(w)) return name;
  return undefined;
}

/*
 * What is read of a word or a name on its own is remembered across documents: the same few
 * thousand words and names come back in every article, and each costs several pattern tests.
 */
const cues = new Lru<string, string | null>(20_000);
function cueOf(w: string): string | undefined {
  // Every cue word starts with a letter: punctuation and numbers need no lookup.
  const first = w.charCodeAt(0) | 0x20;
  if (first < 97 || first > 122) return undefined;
  let c = cues.get(w);
  if (c === undefined) cues.set(w, (c = readCue(w) ?? null));
  return c ?? undefined;
}

const ACRONYM_SKIP = /^(?:of|the|and|for|in|on|al|el|a|an|de|du|la|le)$/i;
/** Whether `short` is written as the initials of `long` ("ISIL", "Islamic State of Iraq and the Levant"). */
export function acronymOf(short: string, long: string): boolean {
  if (!acronymShaped(short)) return false;
  const s = short.replace(/[^A-Za-z]/g, '');
  const words = long.split(/[\s-]+/).filter((w) => /^[A-Za-z]/.test(w));
  const all = words.map((w) => w[0]!.toUpperCase()).join('');
  const content = words.filter((w) => !ACRONYM_SKIP.test(w)).map((w) => w[0]!.toUpperCase()).join('');
  return s === all || s === content;
}

const dist = (n: number) => (n <= 2 ? String(n) : n <= 4 ? '3-4' : n <= 8 ? '5-8' : n <= 14 ? '9-14' : '15+');
/** Whether a name can be an acronym at all (acronymOf's first test), read once per mention. */
const acronymShaped = (t: string) => {
  const s = t.replace(/[^A-Za-z]/g, '');
  return s.length >= 2 && s.length <= 8 && s === s.toUpperCase();
};

interface ArgInfo {
  /** Its head-word features, as the first and as the second of a pair. */
  readonly xh: string;
  readonly yh: string;
  /** Whether it names an office ("the Foreign Secretary"). */
  readonly title: boolean;
  readonly acronym: boolean;
}
/** What is read from one name on its own, once per name written the same way. */
const argInfo = new Lru<string, ArgInfo>(5_000);
function infoOf(a: Arg): ArgInfo {
  let v = argInfo.get(a.text);
  if (!v) {
    const head = a.text.toLowerCase().split(/\s+/).pop()!.replace(/[^\w'’-]/g, '');
    argInfo.set(a.text, (v = { xh: `xh=${head}`, yh: `yh=${head}`, title: OFFICE_WORD.test(a.text), acronym: acronymShaped(a.text) }));
  }
  return v;
}

/**
 * What the pairs of one sentence read of its words, filled as pairs first need them: a word lies
 * between many pairs, and reusing one string per word also spares the model hashing it again.
 */
type Around = 'b1' | 'bl' | 'pre' | 'post';

export class SentenceWords {
  private readonly low: (string | undefined)[] = [];
  private readonly bw: (string | undefined)[] = [];
  private readonly cue: (string | null | undefined)[] = [];
  private readonly around: Record<Around, (string | undefined)[]> = { b1: [], bl: [], pre: [], post: [] };
  constructor(private readonly toks: readonly Token[]) {}

  /** The word's feature as the first or last word between a pair, or as the word before or after it. */
  aroundOf(kind: Around, k: number): string {
    return (this.around[kind][k] ??= `${kind}=${this.lowOf(k)}`);
  }

  /** Lower-cased, or the placeholder's class ("EO") for an argument. */
  lowOf(k: number): string {
    const t = this.toks[k]!;
    return (this.low[k] ??= t.arg === undefined ? t.w.toLowerCase() : t.w);
  }

  bwOf(k: number): string {
    return (this.bw[k] ??= `bw=${lemma(this.toks[k]!.w)}`);
  }

  cueOf(k: number): string | undefined {
    return (this.cue[k] ??= cueOf(this.toks[k]!.w) ?? null) ?? undefined;
  }
}

/**
 * Features of the pair of arguments at tokens `i` < `j` of `toks`. `rules`: the relation types
 * the pattern rules read for the pair, with `>` when x is their `a` and `<` when y is.
 * `words`: the sentence's word cache, when the caller reads several of its pairs.
 */
export function pairFeatures(f: Frame, toks: readonly Token[], i: number, j: number, rules: readonly string[], words = new SentenceWords(toks)): string[] {
  const x = f.args[toks[i]!.arg!]!, y = f.args[toks[j]!.arg!]!;
  const xy = `${x.cls}${y.cls}`;
  const between = j - i - 1;
  const xi = infoOf(x), yi = infoOf(y);
  const out = [`cls=${xy}`, `d=${dist(between)}`, xi.xh, yi.yh, `xk=${x.kind ?? 'name'}|${y.kind ?? 'name'}`];
  if (x.entity === y.entity) out.push('same');
  // A title read as a person next to a name: "the Foreign Secretary, Jane Roe".
  const titles = `${xi.title ? 'T' : '-'}${yi.title ? 'T' : '-'}`;
  if (titles !== '--') out.push(`titles=${titles}`, `titles=${titles}|${xy}|${dist(between)}`);
  if ((yi.acronym && acronymOf(y.text, x.text)) || (xi.acronym && acronymOf(x.text, y.text))) out.push('acronym');
  if (between <= 4) {
    let bs = '';
    for (let k = i + 1; k < j; k++) bs += k > i + 1 ? ` ${words.lowOf(k)}` : words.lowOf(k);
    out.push(`bs=${bs}`, `bs=${bs}|${xy}`);
  }
  out.push(between ? words.aroundOf('b1', i + 1) : 'b1=NONE', between ? words.aroundOf('bl', j - 1) : 'bl=NONE');
  out.push(i > 0 ? words.aroundOf('pre', i - 1) : 'pre=START');
  out.push(j + 1 < toks.length ? words.aroundOf('post', j + 1) : 'post=END');
  if (toks[i - 1]?.w === '(' && toks[j + 1]?.w === ')') out.push('bothParen');
  let args = 0, commas = 0;
  // In the order first met, as a Set would keep them: a handful at most.
  const cues: string[] = [];
  for (let k = i + 1; k < j; k++) {
    if (toks[k]!.arg !== undefined) {
      args++;
      continue;
    }
    if (toks[k]!.w === ',') commas++;
    out.push(words.bwOf(k));
    const c = words.cueOf(k);
    if (c && !cues.includes(c)) cues.push(c);
  }
  for (const c of cues) out.push(`cue=${c}`, `cue=${c}|${xy}`);
  out.push(ARGS[Math.min(args, 2)]!, COMMAS[Math.min(commas, 2)]!);
  for (const r of rules) out.push(`rule=${r}`, `rule=${r.replace(/[<>]$/, '')}`);
  if (!rules.length) out.push('norule');
  return out;
}

const ARGS = ['args=0', 'args=1', 'args=2'];
const COMMAS = ['commas=0', 'commas=1', 'commas=2'];
