import type { RelationType } from '../../layers/relations.js';
import { CLOSE, OPEN } from '../../text/frame.js';

/**
 * The relation patterns. Each is written over masked sentences (see src/text/frame.ts and pattern.ts).
 * A pattern either names both arguments (<A:..> and <B:..>), or names one and takes the other
 * from the subject of the clause on its left (`subject`).
 */

export type { RelationType };

export interface RelationPattern {
  readonly type: RelationType | 'role';
  readonly src: string;
  /** Which argument is the clause subject on the left of the match, and its allowed classes. */
  /**
   * Which argument is the clause subject on the left of the match, and its allowed classes;
   * `nearest`: the closest argument on the left instead, for nominal phrases whose possessor
   * is the last group named ("supported X in its efforts to defeat Y").
   */
  readonly subject?: { readonly slot: 'a' | 'b'; readonly classes: string; readonly nearest?: boolean };
  readonly symmetric?: boolean;
  /** Both arguments are people and one of them must read as a title ("the Foreign Secretary"). */
  readonly titled?: boolean;
}

/** Role nouns: which relation a person's role implies. */
const LEADER = 'leaders?|chiefs?|commanders?|emirs?|founders?|co-founders?|mastermind|deputy leader|supreme leader|ringleader';
const MEMBER = 'members?|militants?|fighters?|operatives?|loyalists?|recruits?|supporters?|jihadists?|insurgents?|gunm[ae]n|activists?';
const SPOKES = 'spokesman|spokeswoman|spokesperson|spokesmen';
const PROFESSIONAL =
  'analysts?|researchers?|(?:senior |research |visiting )?fellows?|professors?|scholars?|experts?|directors?|head|officials?|economists?|' +
  'scientists?|lecturers?|advis[eo]rs?|consultants?|executives?|chairman|chairwoman|chair|president|vice president|editors?|correspondents?|' +
  'reporters?|lawyers?|attorneys?|managers?|strategists?|specialists?|historians?|chief executive|CEO|secretary|ministers?|ambassadors?|' +
  'envoys?|representatives?|diplomats?|founding director|executive director|program director|coordinator|investigators?|officers?';
export const ROLE = `${SPOKES}|${LEADER}|${MEMBER}|${PROFESSIONAL}`;

export const ROLE_WORD = new RegExp(`^(?:${SPOKES}|${LEADER}|${MEMBER}|${PROFESSIONAL})$`, 'i');
const LEADER_RE = new RegExp(`^(?:${LEADER})$`, 'i');
const MEMBER_RE = new RegExp(`^(?:${MEMBER}|${SPOKES})$`, 'i');

/** Relation type for a role noun; a role inside a sub-unit ("head of X's program") is affiliation. */
export function roleRelation(noun: string, subUnit: boolean): 'leader' | 'member' | 'affiliation' {
  if (subUnit) return 'affiliation';
  if (LEADER_RE.test(noun)) return 'leader';
  if (MEMBER_RE.test(noun)) return 'member';
  return 'affiliation';
}

const POSTED = /^(?:ambassadors?|envoys?|emissar(?:y|ies)|consuls?)$/i;
/** Posted to a state, though "a representative for" a company or a campaign speaks for it. */
const POSTED_TO_STATE = /^(?:(?:special )?representatives?|diplomats?)$/i;
/**
 * Whether a diplomatic role before an organisation or state is a posting to it ("envoy for Y",
 * "the ambassador to Y"): `before` is the text just before the name, `cls` its argument class.
 */
export function postedTo(noun: string, before: string, cls: string): boolean {
  return (POSTED.test(noun) || (cls === 'G' && POSTED_TO_STATE.test(noun))) && /\b(?:to|for|in|at) (?:the )?$/i.test(before);
}

/** Normalised role label stored on the relation. */
export function roleLabel(noun: string): string {
  const n = noun.toLowerCase().replace(/\s+/g, ' ');
  if (/^spokes/.test(n)) return 'spokesman';
  return n.replace(/(?<=[a-z]{3})(?:men)$/, 'man').replace(/(?<!s)s$/, '');
}

const ORGISH = 'group|organi[sz]ation|movement|faction|network|militia|party|coalition|outfit';
// Words that may sit between a cue verb and its object: not a locative or other preposition
// (so "fighting in Syria" never makes Syria the enemy).
/** What is taken from someone without a fight: "took jobs away from", "seized the floor from". */
const NOT_GROUND = `(?!(?:the |a |an |its |their |his |her |our |more |most )?(?:floor|jobs?|seats?|votes?|lead|momentum|initiative|nomination|title|crown|spotlight|headlines|business|customers|market share|money|cash|credit|advantage|attention|ideas?|inspiration|lessons?|notes?|questions?|calls?|donations?|support|advice|cues?|part|place|office)\\b)`;
const OBJ_FILLER = `(?:(?!(?:in|at|near|from|into|across|inside|outside|throughout|during|with|for|to|by|on|since|after|before|over|under|around|as|than|and|or|but|said|says|\\w+ing)\\b)<W> ){0,6}?`;
/** Modifiers between an organisation and a role noun ("ISIL gang leader"), never a preposition. */
/** Words between a verb of talking and whom it was with: titles, not a preposition starting another phrase. */
const TALK_FILLER = '(?:(?!(?:in|at|on|for|about|over|after|before|during|since|from|by|against|and|or|but|said|says)\\b)<W> ){0,3}?';
const ROLE_FILLER = '(?:(?!(?:as|in|of|for|to|at|on|by|with|from|over|about|against|under|after|before|during|between|among|into|through|toward|and|or|said|says|told|is|are|was|were|has|have|had|will|would|\\w+ing|\\w+ed)\\b)<W> ){0,2}?';

/** Up to two words modifying a noun: not a conjunction, preposition or relative word. */
const MODIFIERS = '(?:(?!(?:and|or|but|nor|of|in|on|at|to|for|with|from|by|as|than|that|which|who|after|before|during|about|against)\\b)<W> ){0,2}?';

/** Verbs of appointment, passive and active. */
const APPOINTED = '(?:appointed|named|nominated|elected|promoted|installed|chosen|picked|tapped|made|confirmed|sworn in)';
const APPOINTS = '(?:appointed|appoints|appoint|named|names|nominated|nominates|elected|elects|promoted|promotes|installed|installs|chose|chooses|picked|picks|tapped|taps|made|makes)';

export const RELATION_PATTERNS: readonly RelationPattern[] = [
  // ---- alias -------------------------------------------------------------------------
  // Not when the bracket sits inside a longer name ("Task Force (TF) 50").
  { type: 'alias', src: '<A:ORGPER><POS>? \\((?:also |otherwise |or |aka |a\\.k\\.a\\. |also known as |known as |also called )?<B:ORGPER>\\)(?! ?\\d)', symmetric: true },
  { type: 'alias', src: '<A:ORGPER>(?: ?\\([^()]{0,60}\\))?,? (?:also|otherwise|better|widely|commonly|sometimes) (?:known|referred to|called)(?: by(?: (?:<W>|<X>)){0,4}?)? (?:as )?<B:ORGPER>', symmetric: true },
  // "The Foreign Secretary, Jane Roe, said": a title the tagger read as a person, in apposition with the name.
  { type: 'alias', src: '(?:^|[.;:“"]\\s*|\\b(?:said|says|met|with|by|and) )<A:PER>,? <B:PER>(?=,| (?:said|says|told|responds|responded|welcomes|welcomed|made|visited|met|added|announced|released|marks)\\b)', titled: true, symmetric: true },
  { type: 'alias', src: '<A:ORGPER>,? (?:aka|a\\.k\\.a\\.|alias) <B:ORGPER>', symmetric: true },
  { type: 'alias', src: '<A:ORG>, (?:which|who) (?:calls|call|called) (?:itself|themselves) <B:ORG>', symmetric: true },
  { type: 'alias', src: '<A:ORG>, or <B:ORG>,', symmetric: true },
  { type: 'alias', src: '<A:ORG> (?:\\(<X>\\) )?(?:is|are) (?:also )?(?:known|referred to) (?:in <W> )?as <B:ORG>', symmetric: true },

  // ---- rebrand (a: old name, b: new name) ---------------------------------------------
  { type: 'rebrand', src: '\\b(?:now|since|later|recently|today|currently|subsequently) (?:known as|called|named|renamed|rebranded as) <B:ORG>(?: [^,;]{0,60})?, <A:ORG>' },
  { type: 'rebrand', src: '\\b(?:renamed|rebranded)(?: as)? <B:ORG>(?: [^,;]{0,60})?, <A:ORG>' },
  { type: 'rebrand', src: '<A:ORG>,? (?:which is |which was |which has been |who are |now )?(?:now|since|later|subsequently|recently) (?:known as|called|named|renamed(?: as)?|rebranded(?: as)?) <B:ORG>' },
  { type: 'rebrand', src: '<A:ORG> (?:has |have |had )?(?:was |were |been )?(?:later |since |subsequently |recently |officially |formally )?(?:renamed|rebranded|re-branded)(?: itself| themselves)?(?: as| to)? <B:ORG>' },
  { type: 'rebrand', src: '<A:ORG> (?:changed|changes|change) (?:its|their) name to <B:ORG>' },
  { type: 'rebrand', src: '<B:ORG>,? (?:\\()?(?:formerly|previously|once|originally) (?:known as |called |named )?<A:ORG>' },
  { type: 'rebrand', src: '\\brenamed from <A:ORG> to <B:ORG>' },
  { type: 'rebrand', src: '\\b(?:changed|changes|change) (?:its|their) name to <B:ORG>', subject: { slot: 'a', classes: 'O' } },

  // ---- split ---------------------------------------------------------------------------
  { type: 'split', src: '<A:GRP> and <B:GRP> (?:have |had |formally |publicly |later |then |finally |eventually )*(?:split|parted ways|broke up|broke apart|severed ties|cut ties|fell out)', symmetric: true },
  { type: 'split', src: '\\b(?:split|splits|splitting|broke away|breaking away|broken away|breaks away|broke off|splintered|seceded|defected|severed ties|cut ties|parted ways|distanced itself|break away) (?:from|with) <B:GRP>', subject: { slot: 'a', classes: 'ON' }, symmetric: true },
  { type: 'split', src: '<A:ORG>, (?:an?|the) (?:<W> ){0,2}?(?:splinter group|splinter faction|breakaway group|breakaway faction|splinter) (?:of|from) <B:ORG>', symmetric: true },
  // Organisations only: a territory "split between Syria and Iraq" is no split of states.
  { type: 'split', src: '\\b(?:split|rift|schism|break) (?:between|of) <A:ORG> and <B:ORG>', symmetric: true },

  // ---- merge ---------------------------------------------------------------------------
  { type: 'merge', src: '<A:ORG> and <B:ORG> (?:have |had |later |then |formally )*(?:merged|united|joined forces to form|combined to form|amalgamated)', symmetric: true },
  { type: 'merge', src: '\\b(?:merged|merges|merging|merge|amalgamated) (?:with|into) <B:ORG>', subject: { slot: 'a', classes: 'O' }, symmetric: true },
  { type: 'merge', src: '\\b(?:merger|union|amalgamation) (?:of|between) <A:ORG> and <B:ORG>', symmetric: true },

  // ---- branch / affiliate (a: the branch, b: the parent) -------------------------------
  { type: 'branch', src: '<A:ORG>,? (?:(?:is|was|became|as|a|an|the|its|one of the) )*(?:<W> ){0,2}?(?:branch|branches|offshoot|wing|arm|franchise|chapter|province|front group|front) (?:of|for) <B:ORG>' },
  { type: 'branch', src: '<A:ORG>, (?:the |a |an )?<B:ORG><POS>? (?:<W> ){0,2}?(?:branch|offshoot|wing|arm|franchise|chapter|front)\\b' },
  { type: 'branch', src: '<B:ORG><POS>? (?:<W> ){0,2}?(?:branch|offshoot|wing|arm|franchise|chapter)(?: in <X>)?,? (?:known as |called )?<A:ORG>' },
  { type: 'affiliate', src: '<A:ORG>,? (?:(?:is|was|became|as|a|an|the|its|one of the) )*(?:<W> ){0,2}?(?:affiliate|affiliates|ally and affiliate|proxy|subsidiary) (?:of|to) <B:ORG>' },
  { type: 'affiliate', src: '<A:ORG>, (?:the |a |an )?<B:ORG><POS>? (?:<W> ){0,2}?(?:affiliate|proxy|subsidiary)\\b' },
  { type: 'affiliate', src: '<B:ORG><POS>? (?:<W> ){0,2}?(?:affiliate|proxy)(?: in <X>)?,? (?:known as |called )?<A:ORG>' },
  { type: 'affiliate', src: '\\b(?:pledged|pledges|pledge|pledging|swore|swears|sworn|swearing|declared|declares|renewed) (?:its |their |his |an oath of )?(?:allegiance|loyalty|fealty|bay[’\']?ah) to <B:ORG>', subject: { slot: 'a', classes: 'ON' } },
  { type: 'affiliate', src: '\\b(?:is |are |was |were )?(?:affiliated|aligned) with <B:ORG>', subject: { slot: 'a', classes: 'O' } },

  // ---- allies --------------------------------------------------------------------------
  { type: 'allies', src: '<A:GRP> and <B:GRP> (?:are|were|have been|had been|became|remain|remained) (?:close |key |longtime |long-time |natural |strategic )?(?:allies|partners|allied)', symmetric: true },
  { type: 'allies', src: '\\b(?:alliance|partnership|coalition|pact) (?:between|of) <A:GRP> and <B:GRP>', symmetric: true },
  { type: 'allies', src: '<A:GRP>, (?:an?|the|a close|a key) (?:<W> ){0,2}?(?:ally|allies|partner|backer|patron) of <B:GRP>', symmetric: true },
  { type: 'allies', src: '<A:GRP><POS>? (?:<W> )?(?:ally|allies|partner|partners),? (?:including )?<B:GRP>', symmetric: true },
  { type: 'allies', src: '<B:GRP>-(?:backed|supported|allied|aligned|sponsored) (?:<W> ){0,2}?<A:GRP>', symmetric: true },
  { type: 'allies', src: '\\b(?:allied|aligned|allies|ally|allying|teamed up|joined forces|joins forces|join forces|joining forces|sided|sides|siding|cooperat(?:e|es|ed|ing)|collaborat(?:e|es|ed|ing)) with <B:GRP>', subject: { slot: 'a', classes: 'OGN' }, symmetric: true },
  { type: 'allies', src: '\\b(?:fight(?:s|ing)?|fought|work(?:s|ing|ed)?|operat(?:e|es|ing|ed)|battl(?:e|es|ing|ed)) (?:alongside|together with|in coordination with|in cooperation with|jointly with|side by side with) <B:GRP>', subject: { slot: 'a', classes: 'OGN' }, symmetric: true },
  // "support" alone is often political or humanitarian; arming, funding and backing are alliances.
  { type: 'allies', src: `\\b(?:backs|backed|backing|arms|armed|arming|funds|funded|funding|sponsors|sponsored|sponsoring|bankrolls|bankrolled|equips|equipped|equipping|trains and equips) ${'(?:(?!(?:in|at|near|from|into|across|for|to|by|with|against|and|or)\\b)<W> ){0,2}?'}<B:GRP>`, subject: { slot: 'a', classes: 'OGN' }, symmetric: true },
  { type: 'allies', src: '\\b(?:backed|aided|armed|funded|sponsored) by (?:<W> ){0,3}?<B:GRP>', subject: { slot: 'a', classes: 'OGN' }, symmetric: true },
  { type: 'allies', src: '\\b(?:backed|aided|supported|helped|assisted) by (?:<W> ){0,3}?(?:support|help|assistance|backing|air support|cover) from (?:<W> ){0,2}?<B:GRP>', subject: { slot: 'a', classes: 'OGN' }, symmetric: true },
  { type: 'allies', src: '\\bwith the (?:<W> )?(?:aid|help|support|assistance|backing) of <B:GRP>', subject: { slot: 'a', classes: 'OGN', nearest: true }, symmetric: true },

  // ---- talks: meetings, calls, negotiations and agreements between people, groups, states ----
  { type: 'talks', src: `\\b(?:talks|meetings?|negotiations|discussions|consultations|dialogue|(?:phone |telephone )?calls?|contacts|summit|agreement|deal|accord|memorandum of understanding) (?:(?:reached|held|signed|struck|brokered) )?(?:<W> ){0,2}?between <A:AGT> and <B:AGT>`, symmetric: true },
  // "met" only as a meeting: "X and Y met on Monday", not "X and Y met their targets".
  { type: 'talks', src: `<A:AGT> and <B:AGT> (?:(?:have|had|also|later|then|will|would|to|are to|were to|plan to|agreed to|briefly|separately) )*(?:(?:met|meet)(?=[,.;]| (?:on|in|at|for|last|this|next|yesterday|today|twice|again|privately|briefly|behind|to discuss)\\b)|held talks|hold talks|holding talks|spoke|speak|talked|negotiated|negotiating|signed (?:an? |the )?(?:<W> ){0,2}?(?:agreement|deal|accord|memorandum|truce|ceasefire))`, symmetric: true },
  { type: 'talks', src: `\\b(?:met|meets|meet|meeting) (?:with )?${TALK_FILLER}<B:AGT>`, subject: { slot: 'a', classes: 'POGN' }, symmetric: true },
  { type: 'talks', src: `\\b(?:held|holds|hold|holding|had|has|have|opened|began|begun|resumed|started|conducted|conducts) (?:<W> ){0,4}?(?:talks|meetings?|negotiations|discussions|consultations|a (?:<W> )?(?:call|conversation)) with ${TALK_FILLER}<B:AGT>`, subject: { slot: 'a', classes: 'POGN' }, symmetric: true },
  { type: 'talks', src: `\\b(?:spoke|speaks|speak|spoken|speaking|talked|talking|negotiated|negotiates|negotiate|negotiating|consulted|consults|consult|consulting|conferred|confers) (?:(?:by|on the|over the) (?:tele)?phone )?(?:with|to) ${TALK_FILLER}<B:AGT>`, subject: { slot: 'a', classes: 'POGN' }, symmetric: true },
  { type: 'talks', src: `\\b(?:telephoned|phoned|hosted|hosts|hosting) ${TALK_FILLER}<B:AGT>`, subject: { slot: 'a', classes: 'POGN' }, symmetric: true },

  // ---- fights --------------------------------------------------------------------------
  { type: 'fights', src: '\\b(?:fighting|clashes|war|wars|battle|battles|hostilities|conflict|confrontation|confrontations|fight) between <A:GRP> and <B:GRP>', symmetric: true },
  { type: 'fights', src: '<A:GRP> and <B:GRP> (?:have |had |are |were |repeatedly |often )*(?:clashed|fought|at war|fighting|battled|battling)', symmetric: true },
  // The words before the noun modify it ("X's brutal air war"): "X and attacks on Y" is no attack by X.
  { type: 'fights', src: `<A:GRP><POS>? ${MODIFIERS}(?:fight|war|battle|campaign|offensive|struggle|operations?|operation|strikes?|airstrikes?|air strikes?|attacks?|raids?|assault|bombardment|insurgency|crackdown) (?:against|on) <B:GRP>`, symmetric: true },
  {
    type: 'fights',
    src: `\\b(?:fights|fight|fighting|fought|battles|battled|battling|combats|combating|combatting|attack|attacks|attacked|attacking|target|targets|targeted|targeting|strike|strikes|striking|struck|bomb|bombs|bombed|bombing|shelled|shelling|ambushed|ambushing|raided|raiding|defeat|defeats|defeated|defeating|besieged|besieging|expelled|expelling|drove|ousted|routed|overran) (?:against |on )?${OBJ_FILLER}<B:GRP>`,
    subject: { slot: 'a', classes: 'OGN' },
    symmetric: true,
  },
  { type: 'fights', src: '\\b(?:clashed|clashes|clashing|clash|(?:is|are|was|were|been) at war|went to war|go to war|waged war|wages war|waging war|declared war|declares war|(?<!\\b(?:in|into) )(?:a|the|its|their) (?:fight|war|campaign|offensive|struggle|operations?|strikes?|airstrikes?|attacks?|raids?|assault) against|(?:a|the|its|their) (?:war|attacks?|assault|offensive) on|launched (?:an? )?(?:<W> )?(?:offensive|attack|assault|campaign|operation|operations|strikes|airstrikes) (?:against|on)) (?:with |on |against )?(?:<W> ){0,2}?<B:GRP>', subject: { slot: 'a', classes: 'OGN' }, symmetric: true },
  { type: 'fights', src: `\\b(?:conducted|conducts|conducting|launched|launches|launching|carried out|carries out|carrying out|flew|flies|fly|flying|delivered|mounted|staged|used|uses|using|deployed) [^;.${OPEN}]{0,70}?\\b(?:strikes?|airstrikes?|air strikes?|attacks?|raids?|missions?|sorties|operations|weapons|munitions|bombs|rockets|missiles|vehicles|IEDs) (?:<W> ){0,3}?against ${OBJ_FILLER}<B:GRP>`, subject: { slot: 'a', classes: 'OGN' }, symmetric: true },
  { type: 'fights', src: '\\b(?:confront|confronts|confronted|confronting|resist|resists|resisted|resisting|unite against|united against|stand against|stood against|rose up against|rise up against|rebelled against|counter|countering) <B:GRP>', subject: { slot: 'a', classes: 'OGN' }, symmetric: true },
  // Taken from a group: ground, not jobs, seats or the floor; "free" as a verb ("free the town"), not in "free trade".
  { type: 'fights', src: `\\b(?:seize|seized|seizing|retake|retook|retaking|recapture|recaptured|recapturing|liberate|liberated|liberating|free(?= (?:the|a|an|its|their|his|her|our|all|${OPEN}))|freed|freeing|take|took|taking|clear|cleared|clearing|wrest|wrested) ${NOT_GROUND}[^;.${OPEN}]{0,50}?(?:${OPEN}\\d+[GLM]${CLOSE})?[^;.${OPEN}]{0,30}?(?<!\\band )\\bfrom <B:GRP>`, subject: { slot: 'a', classes: 'OGN' }, symmetric: true },
  { type: 'fights', src: '\\b(?:its|their) (?:<W> )?(?:positions|defenses|defences|lines|operations|campaign|offensive|strikes|airstrikes|attacks|raids|missions|sorties|war|fight|struggle|battle) against <B:GRP>', subject: { slot: 'a', classes: 'OGN' }, symmetric: true },
  { type: 'fights', src: '\\b(?:fire|attacks?|shelling|rockets|mortars|mortar fire|gunfire) from <B:GRP>', subject: { slot: 'a', classes: 'OGN' }, symmetric: true },
  { type: 'fights', src: '\\b(?:efforts?|campaign|fight|struggle|war|strategy|drive|bid|mission) to (?:defeat|destroy|degrade|eliminate|dislodge|expel|oust|crush|counter) (?:and (?:defeat|destroy|degrade|eliminate) )?<B:GRP>', subject: { slot: 'a', classes: 'OGN', nearest: true }, symmetric: true },
  { type: 'fights', src: '\\b(?:in|into) (?:the|its|their|his|her) (?:fight|war|battle|campaign|struggle) against <B:GRP>', subject: { slot: 'a', classes: 'OGN', nearest: true }, symmetric: true },
  { type: 'fights', src: '\\b(?:was|were|been|being|is|are) (?:\\w+ly )?(?:attacked|targeted|bombed|struck|defeated|ambushed|shelled|besieged|routed|driven out|expelled|ousted|pushed back|fought) by (?:<W> ){0,2}?<A:GRP>', subject: { slot: 'b', classes: 'OGN' }, symmetric: true },

  // ---- people: member / leader / spokesman / affiliation (a: person, b: organisation) ----
  { type: 'role', src: `<A:PER>(?:,| (?:is|was|became|becomes|remains|served as|serves as|as)) (?:(?:who is|who was|is|was|now|then|also|a|an|the|one|its|their|his|her|former|senior|top|chief|longtime|long-time|self-styled|self-proclaimed|de facto) )*(?:<W> ){0,3}?(?<cue>${ROLE}) (?:of|for|with|at|in|from|to) <B:ORGGPE>` },
  { type: 'role', src: `<B:ORGGPE><POS>? ${ROLE_FILLER}(?<cue>${ROLE}),? <A:PER>` },
  { type: 'role', src: `<A:PER>, (?:the |a |an |its |their )?(?:former |senior |top |chief |then )?<B:ORGGPE><POS>? ${ROLE_FILLER}(?<cue>${ROLE})\\b` },
  { type: 'affiliation', src: '<A:PER> of <B:ORG>(?=,| said| says| told| wrote| writes| argued| added| \\(|\\.|$)' },
  // Appointments: "X was named the new commander of Y", "Z appointed X head of Y", "Y named X as its spokesman".
  // Only an organisation after "of/for/at": an envoy "for Syria" or ambassador "to France" does not belong to it.
  { type: 'role', src: `<A:PER>,? (?:(?:has|have|had|was|were|is|are|will|would|be|been|being|later|recently|newly|formally|officially|then|also|just) )*${APPOINTED} (?:as |to (?:be )?)?(?:the |a |an |its |their )?${ROLE_FILLER}(?:<X> )?(?<cue>${ROLE}) (?:of|for|at) <B:ORG>` },
  { type: 'role', src: `\\b${APPOINTS} <A:PER>,? (?:as |to be )?(?:the |a |an |its |their )?${ROLE_FILLER}(?:<X> )?(?<cue>${ROLE}) (?:of|for|at) <B:ORG>` },
  { type: 'role', src: `<B:ORGGPE> (?:(?:has|have|had|later|then|recently|formally|officially) )*${APPOINTS} <A:PER>,? (?:as )?(?:its|their) ${ROLE_FILLER}(?<cue>${ROLE})\\b` },
  { type: 'member', src: '\\b(?:joined|joins|join|joining|defected to|enlisted in|was recruited by|were recruited by|recruited into) <B:ORG>', subject: { slot: 'a', classes: 'P' } },
  // A state or unit inside a coalition or larger force: "the UK, as part of the coalition".
  { type: 'member', src: '<A:GRP>,? (?:(?:is|are|was|were|as|became|remains|one|a|an|the) )*(?:founding |full |key |leading |integral )?(?:part|member|members|component) of <B:ORG>' },
  { type: 'member', src: '\\b(?:as|is|are|was|were) (?:a |an )?(?:founding |full |key |integral )?(?:part|member|component) of <B:ORG>', subject: { slot: 'a', classes: 'OGNM' } },
  // "Y, led by X", "Y is headed by its founder X".
  { type: 'leader', src: '<B:ORG>,? (?:(?:which|who) )?(?:(?:is|are|was|were|has been|had been|now|then|currently|once|originally) )?(?:led|headed|commanded|founded|co-founded|chaired) by (?:(?:its|their|the) )?(?:<W> ){0,2}?<A:PER>' },
  { type: 'leader', src: '\\b(?:leads|led|heads|headed|commands|commanded|founded|co-founded|runs|ran) <B:ORG>(?! (?:offensive|attack|campaign|assault|operation|forces|troops|strikes|coalition))', subject: { slot: 'a', classes: 'P' } },

  // ---- located / operating in (a: organisation, b: place) ------------------------------
  { type: 'located', src: '\\b(?:is |are |was |were |remains? |remained )?(?:based|headquartered|active|present|operating|operates|operate|operated|entrenched|stationed|deployed|embedded|concentrated) (?:mainly |mostly |primarily |largely |chiefly |heavily )?in (?:<W> ){0,3}?<B:PLC>', subject: { slot: 'a', classes: 'O' } },
  { type: 'located', src: `\\b(?:retains?|retained|retaining|has|had|have|maintains?|maintained|maintaining|established|establishes|establishing|built|builds|set up|sets up|keeps?|kept) (?:an? |its |their )?(?:<W> ){0,2}?(?:presence|foothold|base|bases|stronghold|strongholds|headquarters|cells|branch|branches|safe havens?|sanctuary) in (?:<W> ){0,3}?<B:PLC>`, subject: { slot: 'a', classes: 'O' } },
  { type: 'located', src: '<A:ORG><POS>? (?:<W> ){0,2}?(?:presence|stronghold|strongholds|headquarters|base|bases|de facto capital|capital) in (?:<W> ){0,3}?<B:PLC>' },
  { type: 'located', src: `<A:ORG>, (?:(?:a|an|the) (?:<W> ){0,3}?(?:${ORGISH}) )?(?:based|headquartered|active) in (?:<W> ){0,3}?<B:PLC>` },
];
