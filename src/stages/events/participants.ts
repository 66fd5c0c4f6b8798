import type { EventArg, EventType } from '../../layers/events.js';
import type { EntityType } from '../../layers/entities.js';
import type { Span } from '../../core/span.js';
import { OPEN, CLOSE, docSpan, type Frame } from '../../text/frame.js';

/**
 * Generic participants: the noun phrases that name who acted, who suffered and where, when no
 * entity does ("three people were killed", "the bomber", "an attack on a church", "arrested
 * in the village"). They stay document-local argument spans of their event; they are no
 * entities. Every one is read from the trigger's own clause, by its position: subject or object
 * of the verb in active or passive voice, "by X", "on/against Y", "of Y", "in/at Z".
 */

export type ParticipantRole = EventArg['role'];
export type Participant = EventArg;

/** How the trigger reads its sides (what extract.ts found for the entity arguments). */
export interface Voice {
  readonly type: EventType;
  readonly form: 'verb' | 'noun';
  /** "were killed", "people killed in ...": the subject (or the noun before) suffers. */
  readonly passive: boolean;
  /** "died": the subject suffers and there is no doer. */
  readonly subjectIsTarget: boolean;
  /** ", killing 12 people": the verb hangs from the clause before the comma. */
  readonly participle: boolean;
}

/** Which sides an event type has, and which of them a nominal may fill. */
const ROLES: Partial<Record<EventType, readonly ParticipantRole[]>> = {
  attack: ['actor', 'target', 'place'],
  airstrike: ['target', 'place'],
  killing: ['actor', 'target', 'place'],
  injury: ['actor', 'target', 'place'],
  arrest: ['actor', 'target', 'place'],
  protest: ['actor', 'place'],
  threaten: ['actor', 'target'],
  fight: ['actor', 'target', 'place'],
};

const PEOPLE = 'people|persons?|civilians?|soldiers?|troops|police|policem[ae]n|policewom[ae]n|officers?|militants?|gunm[ae]n|bombers?|attackers?|assailants?|shooters?|suspects?|terrorists?|jihadists?|insurgents?|rebels?|fighters?|militias?|militiamen|m[ae]n|wom[ae]n|child|children|kids?|boys?|girls?|teens?|teenagers?|students?|pupils?|worshipp?ers?|protesters?|protestors?|demonstrators?|victims?|passengers?|guards?|residents?|villagers?|pilgrims?|tourists?|journalists?|reporters?|officials?|members?|leaders?|commanders?|others|workers?|employees?|staff|forces|army|military|authorities|agents?|personnel|crowds?|famil(?:y|ies)|relatives|hostages?|prisoners?|detainees?|inmates?|doctors?|nurses?|patients?|shoppers?|spectators?|fans|drivers?|sons?|daughters?|wife|wives|husbands?|fathers?|mothers?|brothers?|sisters?|colleagues?|neighbou?rs?|individuals?|youths?|adults?|mourners|cops?|deputies|deputy|sergeants?|troopers?|marines?|sailors?|recruits?|citizens?|nationals?|migrants?|refugees?|gang|gangs|group|cells?|couple|parents?|friends?|accomplices?|perpetrators?|killers?|murderers?|kidnappers?|hijackers?|extremists?|separatists?|activists?|opponents?|critics?|dissidents?|farmers?|miners?|teachers?|traders?|merchants?|vendors?|shopkeepers?|fishermen|herders?|labou?rers?|truckers?|bystanders?|congregants?|parishioners?|churchgoers?|believers?|lawmakers?|politicians?|candidates?|judges?|lawyers?|prosecutors?|medics?|paramedics?|volunteers?|peacekeepers?|contractors?|servicem[ae]n|infants?|babies|baby|toddlers?|pedestrians?|commuters?|travell?ers?|visitors?|guests?|customers?|diners?|audiences?|guardsmen|paratroopers?|commandos?|snipers?';
const SITES = 'buildings?|church(?:es)?|mosques?|synagogues?|temples?|shrines?|schools?|universit(?:y|ies)|campus|colleges?|markets?|marketplace|hospitals?|clinics?|stations?|city|cities|towns?|villages?|areas?|scene|streets?|roads?|highways?|homes?|houses?|apartments?|residences?|offices?|headquarters|bases?|checkpoints?|compounds?|restaurants?|cafes?|cafés?|hotels?|airports?|embass(?:y|ies)|consulates?|neighbou?rhoods?|stadiums?|arenas?|clubs?|nightclubs?|bars?|concerts?|venues?|squares?|parks?|malls?|shops?|stores?|prisons?|jails?|courts?|courthouses?|facilit(?:y|ies)|camps?|capital|regions?|provinces?|districts?|ports?|bridges?|parking lots?|premises|classrooms?|offices|barracks|outposts?|posts?|positions?|plants?|factor(?:y|ies)|sites?|cathedrals?|chapels?|parish|festival|gathering|rally|ceremony|wedding|funeral|border|baker(?:y|ies)|pharmac(?:y|ies)|banks?|cinemas?|theat(?:re|er)s?|museums?|librar(?:y|ies)|halls?|cent(?:re|er)s?|terminals?|depots?|warehouses?|farms?|fields?|beach(?:es)?|tunnels?|gates?|entrances?|crossings?|stalls?|kiosks?|dormitor(?:y|ies)|hostels?|ministr(?:y|ies)|parliament|palace|barracks|airbase|garrison|refiner(?:y|ies)|pipelines?|mines?';
const VEHICLES = 'vehicles?|cars?|bus(?:es)?|trucks?|convoys?|trains?|planes?|aircraft|ships?|boats?|vessels?|tankers?';
const PRONOUN = 'he|she|they|him|her|them|we|us|who|whom';

const PEOPLE_HEAD = new RegExp(`^(?:${PEOPLE})$`, 'i');
const SITE_HEAD = new RegExp(`^(?:${SITES})$`, 'i');
const THING_HEAD = new RegExp(`^(?:${VEHICLES})$`, 'i');
/** Sites that are areas: an attack on or of one is where it happened ("the bombing of the city"). */
const AREA_HEAD = /^(?:city|cities|towns?|villages?|areas?|regions?|provinces?|districts?|capital|neighbou?rhoods?|countryside|suburbs?|territory)$/i;
const PRONOUN_HEAD = new RegExp(`^(?:${PRONOUN})$`, 'i');
/** Nouns that name the doer of violence by themselves ("the bomber", "gunmen"). */
const ATTACKER_HEAD = /^(?:bombers?|gunm[ae]n|attackers?|assailants?|shooters?|militants?|terrorists?|jihadists?|insurgents?|perpetrators?|killers?|murderers?|hijackers?|extremists?|rebels?|fighters?|militias?|militiamen|brigades?|squads?|commandos?|snipers?)$/i;
/** Nouns that say by themselves who did it, wherever they stand in the clause ("the bomber"). */
const DOER_HEAD = /^(?:bombers?|gunm[ae]n|attackers?|assailants?|shooters?|perpetrators?|hijackers?|killers?|murderers?)$/i;
/** Those who arrest. */
const JAILER_HEAD = /^(?:police|policem[ae]n|officers?|authorities|agents?|troops|soldiers?|forces|cops?|deputies|troopers?|military|army|guards?)$/i;

/** Words a noun phrase may begin with before its modifiers. */
const DETERMINER = /^(?:a|an|the|this|that|these|those|his|her|their|its|our|my|your|some|several|many|more|most|other|another|all|both|each|every|no|few|dozens|hundreds|thousands|scores|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|\d[\d,.]*)$/i;
/** Words that end a noun phrase scanned leftwards, and that no modifier can be. */
const STOP = /^(?:and|or|but|nor|of|in|at|on|by|for|with|from|to|into|onto|near|against|as|than|after|before|during|since|while|when|where|which|that|who|whom|whose|what|if|because|although|though|said|says|say|told|is|are|was|were|be|been|being|has|have|had|do|does|did|will|would|could|can|may|might|must|shall|should|not|never|also|then|there|here|it|its|i|you|he|she|they|we|him|them|us|me|least|most|about|around|over|under|up|down|out|off|including|among|amid|per|via|just|only|even|still|yet|so|too|very|reportedly|allegedly|later|earlier|already|again|now|how|why|killed|wounded|injured|died|attacked|arrested)$/i;
/** Times and dates, which no participant's phrase runs through ("around 4 p.m. One man", "arrested Jan. 6"). */
const DATE_WORD = /^(?:[ap]\.m|jan|feb|sept?|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight)$/i;
/** Auxiliaries and adverbs between a subject and its verb. */
const AUX = /^(?:is|are|was|were|be|been|being|has|have|had|got|get|gets|will|would|could|can|may|might|must|should|reportedly|allegedly|also|later|then|all|both|eventually|subsequently|apparently|not|never|soon|already|just|\w+ly)$/i;

const WORD = new RegExp(`${OPEN}\\d+[A-Z]${CLOSE}(?:[’']s)?|[A-Za-z0-9][\\w’'.-]*|[^\\sA-Za-z0-9]`, 'g');

interface Tok { readonly w: string; readonly s: number; readonly e: number }

/** The words of a stretch of the masked sentence; a placeholder is one word. */
function tokens(masked: string, from: number, to: number): Tok[] {
  const out: Tok[] = [];
  const re = WORD;
  re.lastIndex = 0;
  const s = masked.slice(from, to);
  for (let m = re.exec(s); m; m = re.exec(s)) {
    let w = m[0];
    // Trailing stops belong to the sentence ("the building."), not to the word.
    while (w.length > 1 && /[.]$/.test(w) && !/^(?:[A-Z]\.)+$/.test(w)) w = w.slice(0, -1);
    out.push({ w, s: from + m.index, e: from + m.index + w.length });
  }
  return out;
}

const isWord = (w: string) => /^[A-Za-z0-9]/.test(w) || w.startsWith(OPEN);
const isPlaceholder = (w: string) => w.startsWith(OPEN);

type HeadTest = (w: string) => boolean;
const personHead: HeadTest = (w) => PEOPLE_HEAD.test(w);
const victimHead: HeadTest = (w) => PEOPLE_HEAD.test(w) || PRONOUN_HEAD.test(w);
const siteHead: HeadTest = (w) => SITE_HEAD.test(w);
const targetHead: HeadTest = (w) => PEOPLE_HEAD.test(w) || PRONOUN_HEAD.test(w) || SITE_HEAD.test(w) || THING_HEAD.test(w);

/** A number standing for people ("killed 12", "five more were wounded", "injured another 15"). */
const NUMBER_SOURCE = '\\d[\\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|scores|dozens|hundreds|thousands';
const COUNT = new RegExp(`^(?:${NUMBER_SOURCE}|more|others)$`, 'i');
/** A number before a noun ("four herdsmen"). */
const NUMBER = new RegExp(`^(?:${NUMBER_SOURCE})$`, 'i');
/** A participle in a list of them ("mutilated, injured and ..."). */
const PARTICIPLE_WORD = /^(?:[a-z]+(?:ed|en)|hurt|shot|struck|hit|slain|beaten)$/i;
/** A verb in the past ("killed", "shot", "blew"). */
const PAST = /^(?:[a-z]+ed|shot|struck|hit|beat|stabbed|blew|threw|set|slew|stole|took|seized|held|led)$/i;
const YEAR = /^(?:1[89]|20)\d\d$/;
/** A count is the whole phrase when nothing nominal follows it. */
const bareCount = (ts: Tok[], k: number) => COUNT.test(ts[k]!.w) && !YEAR.test(ts[k]!.w) && (!ts[k + 1] || !isWord(ts[k + 1]!.w) || (STOP.test(ts[k + 1]!.w) && !/^(?:of|more|other)$/i.test(ts[k + 1]!.w)));

type Phrase = { from: number; to: number };

/** A plural noun right after a number ("four herdsmen", "12 tourists"). */
function countedNoun(ts: Tok[], k: number): boolean {
  const w = ts[k]!.w, prev = ts[k - 1]?.w;
  return !!prev && NUMBER.test(prev) && !YEAR.test(prev) && /^[a-z][a-z-]*(?:s|men)$/.test(w) && !STOP.test(w) && !/^(?:years|months|weeks|days|hours|minutes|seconds|times|percent|dollars|euros|pounds|miles|kilometres|kilometers|metres|meters|feet|yards|rounds|shots|bombs|rockets|missiles|shells|attacks|others)$/.test(w);
}

/**
 * The noun phrase beginning at token i: determiners, numbers, modifiers, then a head the test
 * accepts, found within six words; the phrase ends at its head (an "of" phrase after it is
 * left out) or, in a list ("men, women and children"), at the head of the last item. Entity
 * placeholders may be modifiers ("the <ORG> fighters"), never heads. With `counts`, a number
 * alone is a phrase ("wounded 71").
 */
function phraseAt(ts: Tok[], i: number, head: HeadTest, counts = false): Phrase | undefined {
  const p = oneAt(ts, i, head, counts);
  if (!p) return undefined;
  // A list of the same kind of thing.
  for (let n = 0; n < 8; n++) {
    let j = p.to + 1;
    if (ts[j]?.w === ',') j++;
    if (ts[j] && /^(?:and|or)$/i.test(ts[j]!.w)) j++;
    if (j === p.to + 1) break;
    const q = oneAt(ts, j, head, counts);
    if (!q) break;
    p.to = q.to;
  }
  return p;
}

function oneAt(ts: Tok[], i: number, head: HeadTest, counts: boolean): Phrase | undefined {
  // "at least 12 people", "as many as 30 people", "more than 260".
  let k = i;
  if (ts[k] && /^at$/i.test(ts[k]!.w) && ts[k + 1] && /^(?:least|most)$/i.test(ts[k + 1]!.w)) k += 2;
  else if (ts[k] && /^(?:about|around|nearly|almost|some|over|more|up)$/i.test(ts[k]!.w) && ts[k + 1] && /^\d|^(?:than|to)$/i.test(ts[k + 1]!.w)) k += /^(?:than|to)$/i.test(ts[k + 1]!.w) ? 2 : 1;
  const start = k;
  for (let n = 0; k < ts.length && n < 6; k++, n++) {
    const w = ts[k]!.w;
    if ((!isWord(w) && w !== '-') || DATE_WORD.test(w)) return undefined;
    if (!isPlaceholder(w) && head(w)) {
      // A head is the last noun of the phrase: "police officers", not "police" of it.
      let h = k;
      while (h + 1 < ts.length && n < 6 && !isPlaceholder(ts[h + 1]!.w) && head(ts[h + 1]!.w)) { h++; n++; }
      return { from: start, to: h };
    }
    if (counts && bareCount(ts, k)) return { from: start, to: k };
    // "four herdsmen": a plural noun right after a number names a counted group, whatever the noun.
    if (counts && countedNoun(ts, k)) return { from: start, to: k };
    if (isPlaceholder(w)) continue;
    if (n > 0 && DETERMINER.test(w) && !/^\d|^(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|more|other|many|several|few)$/i.test(w)) return undefined;
    if (STOP.test(w) && !DETERMINER.test(w)) return undefined;
  }
  return undefined;
}

/** The noun phrase ending right before token `end` (exclusive), skipping auxiliaries and adverbs after it. */
function phraseBefore(ts: Tok[], end: number, head: HeadTest, skipAux: boolean, counts = false): Phrase | undefined {
  const p = oneBefore(ts, end, head, skipAux, counts);
  if (!p || PRONOUN_HEAD.test(ts[p.to]!.w)) return p;
  // "two women and a child were killed".
  for (let n = 0; n < 8; n++) {
    let j = p.from;
    if (ts[j - 1] && /^(?:and|or)$/i.test(ts[j - 1]!.w)) j--;
    if (ts[j - 1]?.w === ',') j--;
    if (j === p.from) break;
    const q = oneBefore(ts, j, head, false, counts);
    if (!q || PRONOUN_HEAD.test(ts[q.to]!.w)) break;
    p.from = q.from;
  }
  return p;
}

function oneBefore(ts: Tok[], end: number, head: HeadTest, skipAux: boolean, counts: boolean): Phrase | undefined {
  let h = end - 1;
  if (skipAux) while (h >= 0 && AUX.test(ts[h]!.w) && !PRONOUN_HEAD.test(ts[h]!.w)) h--;
  if (h < 0 || isPlaceholder(ts[h]!.w)) return undefined;
  const w0 = ts[h]!.w;
  const counted = counts && countedNoun(ts, h);
  if (!head(w0) && !counted && !(counts && COUNT.test(w0) && !YEAR.test(w0))) return undefined;
  // A pronoun is a phrase by itself.
  if (PRONOUN_HEAD.test(w0)) return { from: h, to: h };
  let from = h;
  // A bare count takes only determiners and numbers ("some 130 more").
  const bare = !head(w0) && !counted;
  for (let k = h - 1, n = 0; k >= 0 && n < 5; k--, n++) {
    const w = ts[k]!.w;
    if ((!isWord(w) && w !== '-') || DATE_WORD.test(w)) break;
    if (/^least$/i.test(w) && ts[k - 1] && /^at$/i.test(ts[k - 1]!.w)) { from = k - 1; break; }
    if (DETERMINER.test(w) || (bare && COUNT.test(w))) { from = k; continue; }
    // An adverb is no modifier ("reportedly"), nor is a capitalised word that is no name ("Photos").
    if (bare || STOP.test(w) || /ly$/i.test(w) || (k > 0 && /^[A-Z][a-z]/.test(w))) break;
    from = k;
  }
  return { from, to: h };
}

function spanOf(raw: string, f: Frame, ts: Tok[], p: { from: number; to: number }, role: ParticipantRole): Participant {
  const d = docSpan(f, ts[p.from]!.s, ts[p.to]!.e);
  return { role, start: d.start, end: d.end, text: raw.slice(d.start, d.end) };
}

/**
 * The nominal participants of one event, for the roles its entity fields left empty
 * (`filled`). `raw` is the document text; `clause` and the trigger are masked offsets of the frame.
 */
export function nominalParticipants(
  raw: string, f: Frame, clause: Span, at: number, end: number, voice: Voice, filled: { actor: boolean; target: boolean; place: boolean },
): Participant[] {
  const roles = ROLES[voice.type];
  if (!roles) return [];
  const want = (r: ParticipantRole) => roles.includes(r) && !filled[r];
  if (!want('actor') && !want('target') && !want('place')) return [];
  const before = tokens(f.masked, clause.start, at);
  const after = tokens(f.masked, end, clause.end);
  const out: Participant[] = [];
  const taken: { from: number; to: number; side: 'before' | 'after' }[] = [];
  const add = (side: 'before' | 'after', p: { from: number; to: number } | undefined, role: ParticipantRole) => {
    if (!p || out.some((o) => o.role === role)) return false;
    out.push(spanOf(raw, f, side === 'before' ? before : after, p, role));
    taken.push({ ...p, side });
    return true;
  };
  const harm = voice.type === 'killing' || voice.type === 'injury';
  const assault = voice.type === 'attack' || voice.type === 'airstrike';
  const sideHead: HeadTest = assault ? targetHead : victimHead;
  // Harm and arrests are counted: "killed 12", "five more were wounded", "thousands were detained".
  const counts = harm || voice.type === 'arrest';
  const areaHead = (w: string) => AREA_HEAD.test(w);
  // "the bomb exploded", "a device went off": what explodes is the weapon, not who set it.
  const selfActing = /^(?:explod|went off|gone off|going off)/i.test(f.masked.slice(at, end));

  // "were mutilated, injured and scarred": a participle in a list is passive when the first one is.
  let subjectEnd = before.length;
  let passive = voice.passive;
  if (voice.form === 'verb') {
    let k = before.length;
    while (k >= 2 && /^(?:,|and|or)$/i.test(before[k - 1]!.w) && PARTICIPLE_WORD.test(before[k - 2]!.w)) {
      k -= 2;
      if (before[k - 1]?.w === ',') k--;
    }
    if (k < before.length && k > 0 && /^(?:is|are|was|were|been|being|be)$/i.test(before[k - 1]!.w)) { passive = true; subjectEnd = k; }
  }
  // "the 12 killed", "of the 130 injured": a number right before the participle is who suffered.
  if (voice.form === 'verb' && !passive && harm && before.length && COUNT.test(before[before.length - 1]!.w) && !YEAR.test(before[before.length - 1]!.w) && before.length >= 2 && /^(?:the|those|these)$/i.test(before[before.length - 2]!.w)) {
    passive = true;
  }

  if (voice.form === 'verb') {
    if (passive || voice.subjectIsTarget) {
      // "Three people were killed", "the men killed in the raid", "two soldiers died".
      if (want('target')) add('before', phraseBefore(before, subjectEnd, sideHead, true, counts), 'target');
      // "were killed by gunmen".
      if (want('actor') && after[0] && /^by$/i.test(after[0].w)) add('after', phraseAt(after, 1, personHead), 'actor');
    } else {
      // "Gunmen killed three people", "police arrested two men".
      if (want('actor') && !voice.participle && !selfActing) {
        const head: HeadTest = voice.type === 'arrest' ? (w) => JAILER_HEAD.test(w) : harm || assault ? (w) => ATTACKER_HEAD.test(w) || JAILER_HEAD.test(w) || /^(?:he|she|they|we|who)$/i.test(w) : personHead;
        const last = before[before.length - 1]?.w;
        if (last && /^and$/i.test(last)) {
          // "They killed 23 soldiers and injured 15": the verbs share the subject that opens the clause.
          const p = phraseAt(before, 0, head);
          if (p && before[p.to + 1] && (PAST.test(before[p.to + 1]!.w) || /^(?:had|have|has|were|was)$/i.test(before[p.to + 1]!.w))) add('before', p, 'actor');
        } else add('before', phraseBefore(before, before.length, head, true), 'actor');
      }
      // The object: "killed three people", ", wounding dozens of others", "stormed the building";
      // a gerund takes it with "of" ("the maiming of children").
      if (want('target') && !selfActing) {
        let i = /ing$/i.test(f.masked.slice(at, end)) && after[0] && /^of$/i.test(after[0].w) ? 1 : 0;
        // "shot dead", "gunned down": a particle before the object; "shot and killed two men": the verbs share it.
        if (after[i] && /^(?:dead|down|up)$/i.test(after[i]!.w)) i++;
        else if (i === 0 && after[1] && /^(?:and|or)$/i.test(after[0]!.w) && PAST.test(after[1]!.w)) i = 2;
        if (!add('after', phraseAt(after, i, sideHead, counts), 'target') && after[i + 1] && /^of$/i.test(after[i + 1]!.w) && COUNT.test(after[i]!.w)) {
          // "wounding dozens of others".
          add('after', phraseAt(after, i + 2, sideHead, counts), 'target');
        }
      }
    }
  } else {
    // Noun triggers: "an attack on the church", "the bombing of a market", "the deaths of two soldiers",
    // "the arrest of a man"; "the killing and maiming of ..." shares its "of".
    // "a death toll of 11" (the trigger is "death").
    const j = after[0] && /^(?:and|or)$/i.test(after[0].w) && after[2] ? 2 : after[0] && /^toll$/i.test(after[0].w) ? 1 : 0;
    if (want('target') && after[j] && /^(?:on|against|targeting|of)$/i.test(after[j]!.w)) {
      const p = phraseAt(after, j + 1, sideHead, counts);
      // An area is where an attack happened, not what it hit.
      if (p && assault && areaHead(after[p.to]!.w)) { if (want('place')) add('after', p, 'place'); }
      else add('after', p, 'target');
    }
    // "nine people were dead".
    if (want('target') && harm && /^dead$/i.test(f.masked.slice(at, end)) && before.length && /^(?:is|are|was|were|been|lay|left)$/i.test(before[before.length - 1]!.w)) {
      add('before', phraseBefore(before, before.length, sideHead, true, counts), 'target');
    }
    if (want('actor') && after.length) {
      // "an attack by gunmen", "an attack on the base by gunmen".
      const reach = 4 + (taken.find((t) => t.side === 'after')?.to ?? 0);
      const by = after.findIndex((t, k) => k < reach && /^by$/i.test(t.w));
      if (by >= 0) add('after', phraseAt(after, by + 1, personHead), 'actor');
    }
  }
  // "clashes between troops and rebels": the first side is the actor, the second the target.
  if (voice.type === 'fight' && want('actor') && want('target') && after[0] && /^between$/i.test(after[0].w)) {
    const a = oneAt(after, 1, personHead, false);
    if (a && after[a.to + 1] && /^and$/i.test(after[a.to + 1]!.w)) {
      const b = oneAt(after, a.to + 2, personHead, false);
      if (b) { add('after', a, 'actor'); add('after', b, 'target'); }
    }
  }
  if (voice.type === 'fight') {
    // A fight has no attacker word or "aimed at" reading: only its place is left.
    return out.concat(placeAfter(raw, f, after, taken, want('place') && !out.some((o) => o.role === 'place')));
  }
  // "attacks aimed at civilians", "bombings targeted at the police".
  if (want('target') && assault && !out.some((o) => o.role === 'target')) {
    const k = after.findIndex((t, n) => n < 8 && /^(?:targeted|aimed|directed)$/i.test(t.w) && !!after[n + 1] && /^(?:at|against)$/i.test(after[n + 1]!.w));
    if (k >= 0) add('after', phraseAt(after, k + 2, sideHead), 'target');
  }
  // "the bomber", "gunmen": a doer of violence named in the clause before the trigger, failing a subject.
  if (want('actor') && (assault || harm) && !out.some((o) => o.role === 'actor')) {
    for (let k = before.length - 1; k >= 0; k--) {
      if (!DOER_HEAD.test(before[k]!.w) || taken.some((t) => t.side === 'before' && t.from <= k && k <= t.to)) continue;
      const p = phraseBefore(before, k + 1, (w) => DOER_HEAD.test(w), false);
      if (!p) continue;
      // Not the object of a preposition or of another verb ("against the militants", "killed the gunman").
      const prev = before[p.from - 1]?.w;
      if (prev && /^(?:against|on|of|killed|shot|arrested|captured|with|at|to|from|for|about)$/i.test(prev)) break;
      add('before', p, 'actor');
      break;
    }
  }
  return out.concat(placeAfter(raw, f, after, taken, want('place')));
}

/**
 * "in the village", "at a checkpoint", "outside the church": a site introduced close after the
 * trigger (or its object), with no comma, auxiliary or conjunction between.
 */
function placeAfter(raw: string, f: Frame, after: Tok[], taken: readonly { to: number; side: 'before' | 'after' }[], wanted: boolean): Participant[] {
  if (!wanted) return [];
  const from = Math.max(0, ...taken.filter((t) => t.side === 'after').map((t) => t.to + 1));
  for (let k = from; k < Math.min(after.length - 1, from + PLACE_REACH); k++) {
    const w = after[k]!.w;
    if (w === ',' || /^(?:is|are|was|were|had|has|have|and|but|which|who|that|when|where|while)$/i.test(w)) break;
    if (!/^(?:in|at|near|outside|inside|into|across|throughout)$/i.test(w)) continue;
    const p = phraseAt(after, k + 1, siteHead);
    if (p) return [spanOf(raw, f, after, p, 'place')];
  }
  return [];
}

/** How many words after the trigger (or its object) its locative may begin. */
const PLACE_REACH = 6;

/**
 * The entity type a participant phrase stands for, read from its last word: people (and bare
 * counts of them) are PERSON, sites FAC (areas LOC), anything else MISC; undefined for a pronoun,
 * which names nobody by itself.
 */
export function participantType(text: string): EntityType | undefined {
  const words = text.match(/[A-Za-z0-9][\w’'-]*/g) ?? [];
  const head = words[words.length - 1] ?? '';
  if (PRONOUN_HEAD.test(head) && words.length === 1) return undefined;
  if (PEOPLE_HEAD.test(head) || NUMBER.test(head) || /^(?:more|others)$/i.test(head)) return 'PERSON';
  if (AREA_HEAD.test(head)) return 'LOC';
  if (SITE_HEAD.test(head)) return 'FAC';
  return 'MISC';
}
