import type { EventType } from '../../layers/events.js';

/**
 * Event triggers (see ONTOLOGY.md). Each trigger is a word or phrase on the masked sentence;
 * `form` says how its actor and target are read.
 */
export type { EventType };

export interface Trigger {
  readonly type: EventType;
  /** Alternation of trigger forms (regex source, matched on word boundaries, case-insensitive). */
  readonly words: string;
  /** verb: subject is the actor, object the target (passive swaps); noun: actor from a modifier, "by X" or a support verb. */
  readonly form: 'verb' | 'noun';
  /** The event only exists with a place read from its clause (territory changes hands somewhere). */
  readonly needsPlace?: boolean;
  /** The event only exists when its clause names armed people or an organisation moves (fighters arrived). */
  readonly needsPersonnel?: boolean;
  /** The object of the verb is a place, not a target (captured the town). */
  readonly objectIsPlace?: boolean;
  /** The subject undergoes the event (died, was hurt): it is the target, and there is no actor. */
  readonly subjectIsTarget?: boolean;
}

export const TRIGGERS: readonly Trigger[] = [
  { type: 'airstrike', form: 'noun', words: 'airstrikes?|air strikes?|air raids?|drone strikes?|aerial bombardments?|bombing raids?|aerial attacks?' },
  { type: 'attack', form: 'noun', words: '(?:suicide |terror |terrorist |militant |rocket |mortar |car bomb |bomb |gun |knife |truck |vehicle |coordinated |deadly )?(?:attacks?|bombings?|assaults?|ambush(?:es)?|massacres?|car bombs?|suicide bombings?|shooting rampage|raids?)' },
  { type: 'attack', form: 'noun', words: 'explosions?|blasts?|detonations?|shootings?|gunfire|gunshots?|(?:failed |attempted )?assassination attempts?|shootouts?' },
  { type: 'attack', form: 'verb', words: 'exploded|explodes|explode|exploding|detonated|detonating|detonates|detonate|blew up|blown up|blowing up|blew (?:him|her|them|itself|himself|herself|themselves) up|went off|gone off|going off|opened fire|shot at|shooting at|shot|shooting|fired at|firing at|stabbed|stabbing|hijacked' },
  { type: 'attack', form: 'verb', words: 'attacked|attacks|attacking|attack|ambushed|ambushing|bombed|bombing|stormed|storming|raided|raiding|shelled|shelling|struck|strikes|striking|opened fire on|fired on|fired rockets at' },
  { type: 'killing', form: 'verb', words: 'killed|kills|killing|kill|assassinated|assassinating|executed|executing|beheaded|beheading|murdered|murdering|slain|slew|shot dead|gunned down' },
  { type: 'killing', form: 'noun', words: 'killings?|assassinations?|executions?|beheadings?|murders?|slayings?|slaughter|homicides?|deaths?|death toll|dead' },
  { type: 'killing', form: 'verb', subjectIsTarget: true, words: 'died|dies|die|dying|perished' },
  { type: 'killing', form: 'verb', words: 'slaughtered|slaughtering' },
  { type: 'injury', form: 'verb', words: 'injured|injuring|injures|injure|wounded|wounding|wounds|wound|hurt|hurting|maimed|maiming|mutilated|mutilating' },
  { type: 'injury', form: 'noun', words: 'injur(?:y|ies)|casualt(?:y|ies)' },
  { type: 'charge', form: 'verb', words: 'charged|charging|indicted|indicting|indicts|prosecuted|prosecuting|accused in court' },
  { type: 'charge', form: 'noun', words: 'charges|indictments?|prosecution' },
  { type: 'trial', form: 'verb', words: 'tried(?! to)|testified|testifying|stood trial|stand trial|standing trial|faces? trial|facing trial' },
  { type: 'trial', form: 'noun', words: 'trials?|hearings?|court case' },
  { type: 'sentence', form: 'verb', words: 'sentenced|sentencing|sentences|jailed(?= for (?:[\\w-]+ ){0,3}?(?:years?|months?|life|decades?))|imprisoned(?= for (?:[\\w-]+ ){0,3}?(?:years?|months?|life|decades?))' },
  { type: 'sentence', form: 'noun', words: '(?:prison |jail |life |death |suspended )sentences?|sentences? of' },
  { type: 'damage', form: 'verb', words: 'destroyed|destroying|destroys|destroy|damaged|damaging|damages|razed|razing|torched|torching|set fire to|set on fire|burned down|burnt down|burned|demolished|demolishing|flattened|wrecked|shattered|shattering|ripped through|tore through|tearing through' },
  { type: 'damage', form: 'noun', words: 'damage|destruction' },
  { type: 'arrest', form: 'verb', words: 'arrested|arresting|arrests|arrest|detained|detaining|detains|apprehended|taken into custody|took into custody|rounded up|jailed|imprisoned|held in custody' },
  { type: 'arrest', form: 'noun', words: 'arrests?|detentions?' },
  { type: 'movement', form: 'verb', needsPersonnel: true, words: 'arrived|arrives|arriving|arrive|travell?ed|travell?ing|relocated|relocating|moved|moving|crossed into|crossing into|headed|heading|returned|returning|fled|fleeing|flocked|poured|infiltrated|infiltrating|made (?:their|its) way|making (?:their|its) way|make (?:their|its) way|redeployed|regrouped|streamed|escaped|escaping' },
  { type: 'territory_capture', form: 'verb', needsPlace: true, objectIsPlace: true, words: 'captured|capturing|captures|seized|seizing|seizes|took control of|taken control of|taking control of|takes control of|gained control of|retook|retaken|retaking|recaptured|recapturing|overran|overrun|liberated|liberating|conquered|took over|taken over|fell to|stormed into' },
  { type: 'territory_capture', form: 'noun', needsPlace: true, words: '(?:capture|seizure|recapture|liberation|takeover|fall) of' },
  { type: 'territory_loss', form: 'verb', needsPlace: true, objectIsPlace: true, words: 'lost control of|lost|losing control of|losing|retreated from|retreating from|withdrew from|withdrawing from|withdrawn from|pulled out of|pulling out of|driven out of|drove out of|expelled from|ousted from|pushed out of|abandoned|evacuated' },
  { type: 'territory_loss', form: 'noun', needsPlace: true, words: '(?:loss|withdrawal|retreat) (?:of|from)' },
  { type: 'fight', form: 'verb', words: 'fighting|fought|fights|fight|clashed|clashing|clash|battled|battling|battles|targeting|targeted|targets|combating|combatting|waging war on|waged war on|wages war on' },
  { type: 'fight', form: 'noun', words: 'clashes|clash|battles?|fighting|offensive|counteroffensive|counter-offensive|firefights?|gunfights?|skirmish(?:es)?|hostilities' },
  { type: 'protest', form: 'verb', words: 'protested|protesting|protests|protest|demonstrated|demonstrating|marched|marching|rallied against|rallying against' },
  { type: 'protest', form: 'noun', words: 'protests?|demonstrations?|protest rall(?:y|ies)|sit-ins?|strikes? by workers|marches|march' },
  { type: 'mobilize', form: 'verb', needsPersonnel: true, words: 'mobili[sz]ed|mobili[sz]ing|deployed|deploying|deploys|sent (?:troops|reinforcements|fighters)|massed|massing|recruited|recruiting' },
  { type: 'mobilize', form: 'noun', words: 'mobili[sz]ation|deployments?|reinforcements' },
  { type: 'agree', form: 'verb', words: 'agreed|agreeing|agrees|signed (?:an? |the )?(?:agreement|deal|accord|ceasefire|truce|treaty|pact)|reached (?:an? )?(?:agreement|deal|accord|ceasefire|truce)' },
  { type: 'agree', form: 'noun', words: 'ceasefire|cease-fire|truce|peace deal|peace agreement|peace accord|armistice' },
  { type: 'coerce', form: 'verb', words: 'besieged|besieging|blockaded|blockading|sanctioned|sanctioning|imposed sanctions on|expelled|deported|banned' },
  { type: 'coerce', form: 'noun', words: 'siege of|blockade of|sanctions (?:on|against)' },
  { type: 'threaten', form: 'verb', words: 'threatened|threatening|threatens|vowed|vows|pledged more violence|warned of|warned' },
  { type: 'threaten', form: 'noun', words: 'threats?|warnings?|ultimatums?' },
];

/** Words naming armed people or a contingent, whose presence makes a movement verb an event. */
export const PERSONNEL_WORDS = /\b(?:fighters|militants|members|troops|forces|soldiers|jihadists|insurgents|rebels|recruits|operatives|gunmen|militias?|contingent|group|groups|battalions?|brigades?|units?|convoy|columns?|cells?|volunteers|mercenaries|commanders)\b/i;

/** Support verbs that make their subject the actor of an event noun: "X carried out the attack". */
export const SUPPORT_VERB = /\b(?:carried out|carry out|carrying out|carries out|conducted|conduct|conducting|launched|launch|launching|staged|stage|staging|mounted|mounting|perpetrated|committed|orchestrated|plotted|planned|ordered|(?:is|was|were|are|been|being) behind|claimed|claims|claiming|claim|(?:took|take|takes|taking|claimed|claiming|claims|claim|accepted) (?:credit|responsibility) for|denied|denies|deny|denying|responsible for)\b(?: (?:the|a|an|its|their|this|that|last|these|those|another|responsibility for|credit for|involvement in|any role in|carrying out|a role in))*\s*$/i;

/** Claims of responsibility around an event. */
export const CLAIM = /\b(?:claimed|claims|claiming|claim|took responsibility|takes responsibility|taken responsibility|accepted responsibility|took credit|taking credit)\b/i;

/** Prepositions that introduce the place of an event. */
export const LOCATIVE = /\b(?:in|at|near|outside|inside|into|to|across|around|on|throughout|within|toward|towards)\s+(?:(?:the|a|an|northern|southern|eastern|western|central|north|south|east|west|northeast|northwest|southeast|southwest|rural|downtown|parts of|the city of|the town of|the village of|the province of|the region of)\s+){0,3}$/i;

/** The PLOVER category each event type belongs to (ONTOLOGY.md). */
export const PLOVER: Readonly<Record<EventType, string>> = {
  attack: 'ASSAULT', airstrike: 'ASSAULT', killing: 'ASSAULT', arrest: 'COERCE', movement: 'MOBILIZE',
  territory_capture: 'SEIZE', territory_loss: 'YIELD', fight: 'FIGHT', protest: 'PROTEST', mobilize: 'MOBILIZE',
  agree: 'AGREE', coerce: 'COERCE', threaten: 'THREATEN', disapprove: 'DISAPPROVE',
  injury: 'ASSAULT', charge: 'ACCUSE', trial: 'ACCUSE', sentence: 'COERCE', damage: 'ASSAULT',
};
