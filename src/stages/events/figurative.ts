import type { EventType } from './lexicon.js';
import { POLITICAL, VIOLENCE, WEAPON } from './features.js';

/*
 * Attacks, fights and killings that are figures of speech: political news "attacks" records,
 * "fights" climate change and "kills" bills. An attack so read is PLOVER DISAPPROVE; a fight or
 * a killing so read is no event, and so is a death no one caused ("died of cancer").
 */

/** Phrases that are figures whatever the clause says: "personal attacks", "shooting itself in the foot", "killed the bill", "even if it kills us". */
export const FIGURE = /\b(?:personal|political|verbal|legislative|partisan|rhetorical|negative|scathing|sharp|blistering|fierce|withering|relentless|constant|campaign|twitter|online|media|ad hominem)\s+(?:attacks?|assaults?|battles?|fights?|offensive)\b|\b(?:shoot\w*|shot)\s+(?:\w+self|themselves|ourselves|yourselves)\s+in\s+the\s+foot|\bbattle\s+lines?\b|\battack\s+(?:ads?|dogs?|lines?|mode)\b|\bstand(?:s|ing)?\s+up\s+to\s+(?:the\s+|these\s+|those\s+|such\s+)?attacks\b|\battack\w*\s+(?:[\w-]+\s+){0,5}?(?:and|or)\s+(?:critici[sz]\w*|critique\w*|condemn\w*|denounc\w*|mock\w*|insult\w*|smear\w*|ridicul\w*|belittl\w*|blam\w*)|\b(?:critici[sz]\w*|critique\w*|condemn\w*|denounc\w*|mock\w*|insult\w*|smear\w*|ridicul\w*|belittl\w*|blam\w*)\s+(?:and|or)\s+attack\w*|\bwar\s+of\s+words\b|\b(?:fight(?:s|ing)?|fought|battl(?:e|es|ed|ing))\s+about\b|\b(?:fight(?:ing|s)?|fought)\s+(?:for|to\s+\w+)\s+(?:[\w-]+\s+){0,2}?(?:taxes|rights|justice|change|jobs|reform|freedom|equality|wages|health|care|families|workers|votes?|seats?|survival|access|funding|money|bill|law|legislation|policy|policies|future|cause|causes|business|businesses|industry|industries|markets?|profits?|interests|livelihoods?|brands?|reputations?|legacy|title|contracts?)\b|\btargeted\s+(?:employment|areas?|ads?|advertising|audiences?|voters?|messages?|tax|relief|programs?)\b|\bexploded\s+(?:to|in|into|from|over|onto)\b|\bkill(?:ed|s|ing)?\s+(?:the\s+|a\s+|his\s+|her\s+|their\s+|its\s+)?(?:bill|deal|plan|proposal|measure|legislation|idea|momentum|buzz|mood|story|time|it)\b|\b(?:it|this|that)\s+(?:(?:is|was|will|would|could|might|'s|’s)\s+)?kill(?:ed|s|ing)?\s+(?:me|us|you)\b|\b(?:uphill|legal|court|courtroom|political|budget|custody|ratings|public relations|losing|winning|long)\s+battles?\b|\bfighting\s+(?:force|chance|spirit|words|shape)\b|\b(?:flawless|perfect|poor|flawed|smooth|good|bad|strong|weak|careful)\s+execution\b|\bbattl\w*\s+(?:through|with|against)\s+(?:[\w-]+\s+){0,4}?(?:cancer|pneumonia|illness|disease|addiction|depression|injur\w*|flu)\b/i;

/** Deaths no one caused: "died of cancer", "people who have died or moved away". */
const NATURAL_DEATH = /\b(?:died|dies|die|dying)\s+(?:(?:of|from)\s+(?:[\w-]+\s+){0,2}?(?:cancer|disease|illness|complications|natural causes|old age|heart|stroke|pneumonia|aids|covid|flu|infection|overdose|malaria|cholera)|(?:or|and)\s+(?:moved|left|retired))\b/i;

/** What an attack or fight is aimed at when it is aimed at words, plans or abstractions. */
const ABSTRACT_OBJECT = /^\s+(?:(?:on|upon|against)\s+)?(?:(?:the|a|an|his|her|their|its|our|my|your|this|that|these|those)\s+)?(?:[\w-]+\s+)?(?:record|records|plan|plans|policy|policies|proposal|proposals|loopholes?|bill|bills|idea|ideas|comments?|remarks|claims?|statements?|positions?|views|stance|climate|change|poverty|corruption|inflation|drugs|cancer|taxes|tax|regulations?|rules|deficit|media|press|credibility|integrity|character|candidacy|nomination|agenda|law|legislation|ruling|decision|budget|reform|rhetoric|tweets?|speech|opponents?|rivals?|critics?|nominee|candidates?|moderators?|wife|husband|father|mother|family|journalists?|reporters?|democrats?|republicans?|establishment|officials?|leaders?)\b/i;

/** Causes and ills that are fought or attacked only in words: "fight climate change", "an attack on poverty". */
const ISSUE_OBJECT = /^\s+(?:(?:on|upon|against)\s+)?(?:(?:the|a|an|our|their|this|its)\s+)?(?:[\w-]+\s+)?(?:climate|poverty|corruption|inflation|drugs|cancer|diseases?|crime|obesity|hunger|unemployment|racism|discrimination|injustice|inequality|pandemic|virus|epidemic|addiction|deficits?|debt)\b/i;
/** A message that "attacks": "a tweet attacking the mayor", "an ad that attacked her". */
const MESSAGE_BEFORE = /\b(?:tweets?|posts?|ads?|adverts?|advertisements?|commercials?|op-eds?|editorials?|columns?|articles?|letters?|speech(?:es)?|statements?|videos?|books?|essays?|reports?|interviews?|messages?|emails?|memos?|remarks|comments?|headlines?|websites?|blogs?)\s+(?:that\s+|which\s+)?(?:also\s+|repeatedly\s+|sharply\s+)?$/i;
/** A policy or practice that "targets" or "attacks" people: "tactics that have aggressively targeted the poor". */
const POLICY_BEFORE = /\b(?:tactics|polic(?:y|ies)|laws?|measures?|rules?|regulations?|programs?|programmes?|practices?|reforms?|ordinances?|mandates?|budget cuts|cuts)\s+(?:that\s+|which\s+)?(?:(?:have|has|had|will|would|also|often|repeatedly)\s+|\w+ly\s+)*$/i;
/** Money spent attacking someone buys advertising: "has spent $10 million since June attacking her". */
const SPENDING_BEFORE = /\bspen(?:t|d|ds|ding)\s+(?:[\w$.,-]+\s+){0,5}?(?:million|billion|dollars|\$[\d.,]+)\s+(?:[\w-]+\s+){0,4}?(?:on\s+)?$/i;
/** The attack is what someone said: "attacked the senator, saying ...". */
const SAYING_AFTER = /^[^,;.]{0,80},\s+(?:saying|calling|accusing|claiming|describing|labell?ing|branding|arguing|charging|dismissing)\b/i;
/** The verb, not the noun: in "denied carrying out the attack on X, saying ..." the denier speaks. */
const saidAttacking = (x: FigureContext) =>
  /(?:ed|ing)$/i.test(x.trigger) && !/\b(?:the|a|an|this|that|its|their|his|her)\s+$/i.test(x.before ?? '') && SAYING_AFTER.test(x.after);

const FIGURATIVE_TYPES = new Set<EventType>(['attack', 'fight', 'killing']);

/** Words that say a person died, without saying anyone caused it. */
const DEATH_WORD = /^(?:die[sd]?|dying|perished|deaths?|dead)$/i;
/** What makes a death a killing when the sentence gives it: a weapon, a blow, a killer, a fatal act. */
const CAUSED = /\b(?:fatal\w*|toll|at the hands of|murder\w*|massacre\w*|execut\w*|clash\w*|fighting|battle\w*|combat|air ?strikes?|shelling|attack\w*|ambush\w*|violence|war|crossfire|fire|blaze|flames|riot\w*|lynch\w*|protests?|unrest|crackdown|uprising|caus\w*)\b/i;
/** Harm a person does to themselves is no attack or killing of another ("shot himself"), unless others share it. */
const SELF_HARM = /^\s+(?:him|her|them|my|your|our)sel(?:f|ves)\b(?!\s+(?:and|along|together|with)\b)/i;
/** Killing animals ("kill and sacrifice animals", "culled the herd") is no event of violence. */
const ANIMALS = /^\s+(?:(?:and|or)\s+)?(?:[\w-]+\s+){0,3}?(?:animals?|cattle|sheep|goats?|livestock|birds?|poultry|chickens?|fish|deer|cows?|pigs?|dogs?|cats?|herds?|flocks?|wolves|wolf|rats?|mosquitoes|insects|pests)\b/i;
/** "Executed" a plan, a campaign or an order: carried out, not put to death. */
const PLANS = String.raw`plans?|campaigns?|strateg\w+|orders?|operations?|programs?|programmes?|contracts?|deals?|warrants?|trades?|transactions?|agreements?|policy|policies|projects?|moves?|play|maneuvers?|manoeuvres?`;
const CARRIED_OUT = new RegExp(String.raw`\b(?:${PLANS})\b`, 'i');

/** An attack only acted out or practised: "simulated an attack", "a mock assault", "attack drills". */
const REHEARSED_BEFORE = /\b(?:simulat\w*|mock|rehears\w*|practi[cs]\w*|pretend\w*|staged?\s+a\s+(?:mock|fake))\s+(?:(?:an?|the|their|its)\s+)?(?:[\w-]+\s+)?$/i;
const REHEARSED_AFTER = /^\s+(?:drills?|exercises?|simulations?|rehearsals?|training)\b/i;
/** Attacks on computers: "hackers targeted the systems", "a cyber attack"; no one is hurt. */
const CYBER = /\b(?:hackers?|hacking|cyber\w*|malware|ransomware|phishing|DDoS|botnets?)\b/i;
/** A name that holds an event word: "the Death in Custody Reporting Act". */
const IN_NAME_AFTER = /^(?:\s+(?:in|of|and|for|on|to|the|[A-Z][\w'-]*))*?\s+(?:Act|Bill|Law|Amendment|Prize|Awards?|Foundation|Fund|Project|Commission|Committee|Initiative|Program|Programme)\b/;
/** "A campaign is being executed", "the plan was executed": the thing carried out comes right before. */
const CARRIED_OUT_BEFORE = new RegExp(String.raw`\b(?:${PLANS})\s+(?:is|was|were|are|be|being|been|has been|had been|have been)\s+(?:being\s+)?(?:\w+ly\s+)?$`, 'i');

/**
 * Harm the sentence does not show anyone doing to another: a death with no cause in its sentence
 * ("my father died", "friends were dying"), a suicide ("shot himself"), animals killed, a plan
 * "executed", an attack rehearsed or made on computers, an event word inside a name ("the Death
 * in Custody Reporting Act"). Not a figure of speech, so no DISAPPROVE either: no event.
 */
export function isNoHarm(x: FigureContext & { readonly sentence: string }): boolean {
  if (!FIGURATIVE_TYPES.has(x.type)) return false;
  if (REHEARSED_BEFORE.test(x.before ?? '') || REHEARSED_AFTER.test(x.after) || (CYBER.test(x.clause) && !WEAPON.test(x.clause))) return true;
  if (/^\p{Lu}/u.test(x.trigger) && (x.before ?? '').trim() !== '' && IN_NAME_AFTER.test(x.after)) return true;
  if (x.type === 'fight') return false;
  if (SELF_HARM.test(x.after) || ANIMALS.test(x.after)) return true;
  if (x.type !== 'killing') return false;
  if (/^execut/i.test(x.trigger) && (CARRIED_OUT_BEFORE.test(x.before ?? '')
    || (CARRIED_OUT.test(x.clause) && !/\b(?:prisoners?|inmates?|hostages?|captives?|civilians?|soldiers?|men|women|people|firing squad|hanging|behead\w*)\b/i.test(x.clause)))) return true;
  if (!DEATH_WORD.test(x.trigger.trim())) return false;
  const rest = x.sentence.replace(x.trigger, ' ');
  const causes = rest.replace(/\b(?:dead|deaths?|die[sd]?|dying)\b/gi, ' ');
  return !(VIOLENCE.test(causes) || WEAPON.test(causes) || CAUSED.test(causes));
}

export interface FigureContext {
  readonly type: EventType;
  /** The clause as written (names included). */
  readonly clause: string;
  readonly trigger: string;
  /** The clause text right after the trigger. */
  readonly after: string;
  /** The clause text right before the trigger. */
  readonly before?: string;
  /** Classes of the actor and target the clause gave (frame.ts ArgClass), when it gave them. */
  readonly actorCls?: string;
  readonly targetCls?: string;
}

/** Whether the event is a figure of speech rather than physical harm. */
export function isFigurative(x: FigureContext): boolean {
  if (!FIGURATIVE_TYPES.has(x.type)) return false;
  const rest = x.clause.replace(x.trigger, ' ');
  // Set phrases hold the trigger: only its neighbourhood is searched.
  const near = `${(x.before ?? '').slice(-40)}${x.trigger}${x.after.slice(0, 70)}`;
  if (FIGURE.test(near) || (x.type === 'killing' && NATURAL_DEATH.test(near))) return true;
  if (/\bpolitical\s+weapons?\b/i.test(x.clause) && !/\b(?:kill\w*|wound\w*|injur\w*|dead|bomb\w*)\b/i.test(rest)) return true;
  if (VIOLENCE.test(rest) || WEAPON.test(rest)) return false;
  if (x.type !== 'killing' && (ISSUE_OBJECT.test(x.after) || MESSAGE_BEFORE.test(x.before ?? '') || POLICY_BEFORE.test(x.before ?? '') || SPENDING_BEFORE.test(x.before ?? '') || saidAttacking(x))) return true;
  const people = (c?: string) => !c || c === 'P' || c === 'O';
  if (!people(x.actorCls) || !people(x.targetCls)) return false;
  if (x.type !== 'killing' && ABSTRACT_OBJECT.test(x.after)) return true;
  // "His attacks on ...": one person's attacks with no weapon or wound in the clause are words.
  if (x.type === 'attack' && /\b(?:his|her)\s+(?:[\w-]+\s+)?$/i.test(x.before ?? '')) return true;
  // A named person "attacked" without a weapon or a wound in the clause is, in news, almost always words.
  if (x.type === 'attack' && x.targetCls === 'P') return true;
  return POLITICAL.test(x.clause);
}
