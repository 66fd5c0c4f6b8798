import type { Span } from '../../core/span.js';
import { CLOSE, OPEN } from '../../text/frame.js';
import type { Trigger } from './lexicon.js';

/**
 * The features the trigger model (trigger-model.ts) reads for one lexicon hit on a masked
 * sentence: the word and its lemma, its shape, its neighbours, what the clause holds near it
 * (names, numbers, weapons, political words) and what the rules made of it.
 */

const PLACEHOLDER = new RegExp(`${OPEN}\\d+([A-Z])${CLOSE}`, 'g');
const WORD = /[A-Za-z][\w'’-]*|\d[\d.,]*|\uE000\d+[A-Z]\uE001|[^\s\w]/g;

const DETERMINER = /^(?:the|a|an|this|that|these|those|its|their|his|her|our|my|your|any|no|another|such|every|each)$/i;
const AUX = /^(?:was|were|is|are|be|been|being|has|have|had|will|would|could|may|might|can|did|do|does|to|not|never)$/i;
const PREPOSITION = /^(?:of|in|on|at|by|for|with|from|into|against|after|before|during|near|over|under|to|since|across)$/i;
const NUMBER = /^(?:\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|scores?|several|many)$/i;
/** Means of violence: a hit near one is more often a real attack. */
export const WEAPON = /\b(?:bombs?|car bombs?|IEDs?|improvised explosive devices?|explosives?(?: devices?| vests?| belts?)?|suicide vests?|suicide belts?|grenades?|rockets?|missiles?|mortars?|shells?|drones?|guns?|rifles?|pistols?|firearms?|knife|knives|machetes?|vehicles?|trucks?|cars?|pressure cookers?|booby traps?|landmines?|mines?)\b/i;
/** Words of politics and argument: "attacked her record", "killed the bill". */
export const POLITICAL = /\b(?:bill|bills|legislation|law|laws|policy|policies|plan|proposal|record|campaign|candidacy|nominee|nomination|election|vote|votes|voters|poll|polls|debate|debates|speech|remarks|comments|rhetoric|tweets?|twitter|ads?|advertisements?|critics?|criticism|media|press|reporters|congress|senate|senator|republicans?|democrats?|gop|party|administration|reform|amendment|budget|deal|agenda|platform|opponents?|rivals?|rally|convention|primary|caucus|idea|ideas|character|integrity|credibility|reputation|statement|claims?|story|stories|article|report|op-ed|interview)\b/i;
/** Physical violence words; with these, an attack on a person is no figure of speech. */
export const VIOLENCE = /\b(?:kill\w*|wound\w*|injur\w*|shot|shoot\w*|stab(?:s|bed|bings?)?|bomb(?!ast)\w*|gun\w*|knife|knives|weapons?|hospital\w*|dead|death|explosi\w*|grenade|rocket|missile|beat(?:en|ing)?|assassin\w*|hostage|kidnap\w*|raid|blast|militants?|militias?|rebels?|shell(?:ed|ing)|soldiers?|troops|police|officers?|terror\w*|insurgents?|fighters?|gunm[ae]n|attackers?|victims?|civilians?)\b/i;

/** A crude lemma: the word without -ing, -ed or a plural ending (the relation features read it too). */
export function lemma(w: string): string {
  const x = w.toLowerCase();
  if (x.length > 5 && x.endsWith('ing')) return x.slice(0, -3);
  if (x.length > 4 && x.endsWith('ied')) return x.slice(0, -3) + 'y';
  if (x.length > 4 && x.endsWith('ed')) return x.slice(0, -2);
  if (x.length > 4 && x.endsWith('ies')) return x.slice(0, -3) + 'y';
  if (x.length > 3 && x.endsWith('s') && !x.endsWith('ss')) return x.slice(0, -1);
  return x;
}

function wordClass(w: string | undefined): string {
  if (w === undefined) return 'NONE';
  if (w.startsWith(OPEN)) return `ENT${w.replace(PLACEHOLDER, '$1')}`;
  if (DETERMINER.test(w)) return 'DET';
  if (AUX.test(w)) return 'AUX';
  if (PREPOSITION.test(w)) return 'PREP';
  if (NUMBER.test(w)) return 'NUM';
  if (/^[^\w]$/.test(w)) return 'PUNCT';
  if (/^[A-Z]/.test(w)) return 'CAP';
  if (/ly$/.test(w)) return 'ADV';
  return 'W';
}

const norm = (w: string | undefined) => (w === undefined ? 'NONE' : w.startsWith(OPEN) ? wordClass(w) : w.toLowerCase());

export interface Filled {
  readonly actor: boolean;
  readonly target: boolean;
  readonly place: boolean;
  readonly instrument: boolean;
  readonly time: boolean;
  readonly quantities: boolean;
}

/** Features of the hit `masked[at, end)` of trigger `t` inside clause `c`. */
export function triggerFeatures(masked: string, c: Span, at: number, end: number, t: Trigger, filled: Filled): string[] {
  const word = masked.slice(at, end);
  const before = masked.slice(c.start, at).match(WORD) ?? [];
  const after = masked.slice(end, c.end).match(WORD) ?? [];
  const near = masked.slice(Math.max(c.start, at - 60), Math.min(c.end, end + 60));
  const clause = masked.slice(c.start, c.end);
  const head = word.split(/\s+/).pop()!;
  const lem = lemma(head);
  const tf = `${t.type}|${t.form}`;
  const f = [
    `w=${word.toLowerCase()}`, `lem=${lem}`, `tf=${tf}`, `type=${t.type}`, `form=${t.form}`,
    `suf=${head.slice(-3).toLowerCase()}`, `multi=${word.includes(' ')}`,
    `cap=${/^[A-Z]/.test(word) && before.length > 0}`,
    `p1=${norm(before[before.length - 1])}`, `p2=${norm(before[before.length - 2])}`, `n1=${norm(after[0])}`, `n2=${norm(after[1])}`,
    `p1c=${wordClass(before[before.length - 1])}`, `n1c=${wordClass(after[0])}`,
    `p1c|tf=${wordClass(before[before.length - 1])}|${tf}`, `n1c|tf=${wordClass(after[0])}|${tf}`,
    `lem|n1c=${lem}|${wordClass(after[0])}`, `lem|p1c=${lem}|${wordClass(before[before.length - 1])}`,
    `first=${before.length === 0}`,
  ];
  if (before.slice(-4).some((w) => w.startsWith(OPEN))) f.push('entBefore');
  if (after.slice(0, 4).some((w) => w.startsWith(OPEN))) f.push('entAfter');
  if ([...before.slice(-4), ...after.slice(0, 4)].some((w) => NUMBER.test(w))) f.push('numNear');
  if (WEAPON.test(near)) f.push('weaponNear', `weaponNear|${t.type}`);
  const violent = VIOLENCE.test(clause.replace(word, ' '));
  const political = POLITICAL.test(clause);
  if (violent) f.push('violence', `violence|${t.type}`);
  if (political) f.push('political', `political|${t.type}`);
  if (political && !violent) f.push(`politicalOnly|${t.type}`);
  for (const [k, v] of Object.entries(filled)) if (v) f.push(`has=${k}`, `has=${k}|${t.type}`);
  if (!filled.actor && !filled.target && !filled.place) f.push('bare', `bare|${tf}`);
  return f;
}
