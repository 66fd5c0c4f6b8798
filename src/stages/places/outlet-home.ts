import type { Gazetteer, GazRecord } from '../../geo/gazetteer.js';
import { gazetteerHits, isCityCode } from './recognize.js';
import { prior } from './resolve.js';
import { scanWords } from './words.js';

// Words of newspaper names that are also the names of small towns ("Globe", "Post", "Star").
const MASTHEAD_WORDS: ReadonlySet<string> = new Set([
  'times', 'post', 'globe', 'star', 'sun', 'herald', 'tribune', 'journal', 'news', 'daily', 'record', 'press', 'mirror',
  'guardian', 'independent', 'observer', 'examiner', 'chronicle', 'gazette', 'courier', 'express', 'telegraph', 'dispatch',
  'register', 'sentinel', 'bee', 'monitor', 'review', 'standard', 'mail', 'republic', 'inquirer', 'enquirer', 'leader',
  'eagle', 'ledger', 'citizen', 'free press', 'hill', 'nation', 'world', 'union', 'democrat', 'republican', 'advocate',
]);

/**
 * Where an outlet is at home, when its name says so ("The Denver Post", "Arizona Republic"): a
 * town of at least 10,000 people or a first-level division, read as a local paper's readers
 * would ("Aurora" in a Denver paper is the Colorado city). A country ("USA Today") says too
 * little to count: national outlets report the world. Undefined when the name holds no place.
 */
export function outletHome(outlet: string | undefined, gaz: Gazetteer): GazRecord | undefined {
  if (!outlet?.trim()) return undefined;
  const text = outlet.trim().slice(0, 200);
  for (const h of gazetteerHits({ text, words: scanWords(text), gaz, mentions: [] })) {
    if (MASTHEAD_WORDS.has(h.key)) continue;
    let top: GazRecord | undefined;
    for (const c of h.cands) {
      if (!(c.code === 'ADM1' || (isCityCode(c.code) && c.population >= 10000))) continue;
      if (!top || prior(c) > prior(top)) top = c;
    }
    // A name that is also a country's reads as the country.
    if (top && !h.cands.some((c) => c.code === 'PCLI')) return top;
  }
  return undefined;
}
