import type { Token } from '../../core/layers.js';
import { isAddress } from '../../text/addresses.js';
import { ALL_PRONOUNS } from '../../text/pronouns.js';
import { NAME_TITLES, PERSON_TITLES } from '../../text/titles.js';

/*
 * Name shape: what a name can start and end with, whatever the tagger's span. A name never
 * starts or ends with a conjunction ("Mr. Comey and"), a bracket the name does not close
 * ("Vladimir] Putin") or an article or title alone; an e-mail address, a web address or a
 * pronoun with its clitic ("You're") is never a name.
 */

const CONJUNCTIONS = new Set(['and', 'or', 'but', 'nor', '&', 'und', 'et', 'y']);
const EDGE_WORDS = new Set(['the', 'a', 'an', 'of', 'for', 'to', 'in', 'on', 'at', 'by', 'with', 'from']);
const OPENERS = '([{', CLOSERS = ')]}';
const CLITIC = /^(?:['’](?:re|s|ll|d|ve|m)|n['’]t)$/i;
const CLITIC_END = /['’](?:re|s|ll|d|ve|m)$/i;

const lower = (t: Token) => t.text.toLowerCase().replace(/\.$/, '');
const isTitle = (t: Token) => NAME_TITLES.has(lower(t)) || PERSON_TITLES.has(lower(t));

/**
 * The token range [s, e) narrowed to a well-formed name, or undefined when nothing of it is one.
 */
export function nameEdges(tokens: readonly Token[], s: number, e: number): [number, number] | undefined {
  for (let i = s; i < e; i++) if (isAddress(tokens[i]!.text)) return undefined;
  // A bracket inside the span that the span does not pair cuts the name there.
  for (let i = s; i < e; i++) {
    const t = tokens[i]!.text;
    const close = CLOSERS.indexOf(t), open = OPENERS.indexOf(t);
    if (close >= 0 && !tokens.slice(s, i).some((x) => x.text === OPENERS[close])) s = i + 1;
    else if (open >= 0 && !tokens.slice(i + 1, e).some((x) => x.text === CLOSERS[open])) {
      e = i;
      break;
    }
  }
  let changed = true;
  while (changed && s < e) {
    changed = false;
    const first = tokens[s]!, last = tokens[e - 1]!;
    if (CONJUNCTIONS.has(lower(first)) || (e - s > 1 && EDGE_WORDS.has(lower(first)) && !/^\p{Lu}/u.test(first.text))) {
      s++;
      changed = true;
    } else if (CONJUNCTIONS.has(lower(last)) || EDGE_WORDS.has(lower(last))) {
      e--;
      changed = true;
    }
  }
  if (s >= e) return undefined;
  const words = tokens.slice(s, e);
  // Only articles, titles or a pronoun: no name is left.
  if (words.every((t) => EDGE_WORDS.has(lower(t)) || isTitle(t) || CONJUNCTIONS.has(lower(t)))) return undefined;
  // A pronoun with its clitic ("You're") is no name; a bare pronoun stays, for resolution to read as one.
  const clitic = CLITIC_END.test(lower(words[0]!)) || (words.length > 1 && words.slice(1).every((t) => CLITIC.test(t.text)));
  if (clitic && ALL_PRONOUNS.has(lower(words[0]!).replace(CLITIC_END, ''))) return undefined;
  return [s, e];
}
