/*
 * Verbs that introduce reported speech or a reported belief ("said", "warned", "fears"), read
 * by the quotes stage to find attributions and by resolve to find the subject a pronoun
 * stands for. Forms are listed inflected (no lemmatiser in the pipeline) and looked up lower-cased.
 */

const REPORTING_LEMMAS = [
  'say', 'tell', 'add', 'ask', 'argue', 'claim', 'state', 'explain', 'note', 'warn', 'report', 'announce',
  'insist', 'write', 'tweet', 'acknowledge', 'admit', 'suggest', 'predict', 'assert', 'contend', 'maintain',
  'declare', 'estimate', 'confirm', 'deny', 'reveal', 'stress', 'emphasize', 'emphasise', 'recall', 'reply',
  'respond', 'answer', 'continue', 'concede', 'observe', 'remark', 'comment', 'testify', 'allege', 'complain',
  'boast', 'vow', 'promise', 'pledge', 'urge', 'caution', 'charge', 'counter', 'joke', 'quip', 'shout', 'yell',
  'whisper', 'scream', 'mutter', 'exclaim', 'conclude', 'point', 'believe', 'think', 'fear', 'hope', 'worry',
  'recount', 'describe', 'call', 'post', 'blog', 'email', 'text', 'told', 'indicate', 'signal', 'agree', 'disagree', 'realize', 'assume',
  'show', 'find', 'found', 'learn', 'hint', 'muse', 'retort', 'demand', 'threaten', 'proclaim', 'predict',
  'reiterate', 'repeat', 'recommend', 'propose', 'announce', 'disclose', 'inform', 'assure', 'advise', 'lament',
  'speculate', 'guess', 'reckon', 'figure', 'imply', 'mention', 'brag', 'bemoan', 'concur', 'posit', 'surmise',
  'read', 'acknowledge', 'forecast', 'expect', 'doubt', 'know', 'feel', 'understand', 'recognize', 'recognise',
  'accuse', 'criticize', 'criticise', 'praise', 'thank', 'blame', 'deride', 'dismiss', 'label', 'dub', 'term',
  'refer', 'brand', 'hail', 'chant', 'slam', 'blast', 'mock', 'tout', 'wonder', 'decry', 'denounce', 'condemn', 'applaud',
  'characterize', 'characterise', 'portray', 'cite', 'quote', 'declare', 'tease', 'rip', 'lash', 'pitch', 'frame', 'insist',
  'recommend', 'instruct', 'order', 'beg', 'plead', 'implore', 'invite', 'encourage', 'sing', 'cry', 'holler', 'chide',
  'scold', 'rebuke', 'lambaste', 'ridicule', 'taunt', 'dare', 'challenge', 'question', 'query', 'inquire', 'concede',
];

function inflect(lemma: string): string[] {
  const irregular: Record<string, string[]> = {
    say: ['say', 'says', 'said', 'saying'], tell: ['tell', 'tells', 'told', 'telling'], write: ['write', 'writes', 'wrote', 'written', 'writing'],
    think: ['think', 'thinks', 'thought', 'thinking'], find: ['find', 'finds', 'found', 'finding'], found: [],
    know: ['know', 'knows', 'knew', 'known'], feel: ['feel', 'feels', 'felt'], understand: ['understand', 'understands', 'understood'],
    read: ['read', 'reads'], forecast: ['forecast', 'forecasts', 'forecasted'], learn: ['learn', 'learns', 'learned', 'learnt'],
    show: ['show', 'shows', 'showed', 'shown'], told: [], text: ['texted'], post: ['posted'], call: ['call', 'calls', 'called', 'calling'],
    refer: ['referred', 'refers', 'referring'], rip: ['ripped', 'rips', 'ripping'], sing: ['sang', 'sings', 'singing'],
    dub: ['dub', 'dubs', 'dubbed', 'dubbing'], beg: ['begged', 'begs', 'begging'], plead: ['pleaded', 'pled', 'pleads'],
    cry: ['cried', 'cries', 'crying'], slam: ['slams', 'slammed', 'slamming'], admit: ['admit', 'admits', 'admitted', 'admitting'],
    commit: [], quote: ['quoted'], order: ['ordered'], frame: ['framed'], pitch: ['pitched'], question: ['questioned'],
  };
  if (irregular[lemma]) return irregular[lemma]!;
  const out = [lemma];
  if (/(s|sh|ch|x|z)$/.test(lemma)) out.push(lemma + 'es');
  else if (/[^aeiou]y$/.test(lemma)) out.push(lemma.slice(0, -1) + 'ies');
  else out.push(lemma + 's');
  if (lemma.endsWith('e')) out.push(lemma + 'd', lemma.slice(0, -1) + 'ing');
  else if (/[^aeiou]y$/.test(lemma)) out.push(lemma.slice(0, -1) + 'ied', lemma + 'ing');
  else if (/^(quip|vow)$/.test(lemma)) out.push(lemma === 'quip' ? 'quipped' : 'vowed', lemma === 'quip' ? 'quipping' : 'vowing');
  else out.push(lemma + 'ed', lemma + 'ing');
  return out;
}

/** Inflected reporting verbs, lower-cased. */
export const REPORTING_VERBS: ReadonlySet<string> = new Set(REPORTING_LEMMAS.flatMap(inflect));

/** Verbs that report speech itself (strong cues); the rest report beliefs or findings. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set(
  ['say', 'tell', 'add', 'ask', 'argue', 'claim', 'state', 'explain', 'note', 'warn', 'write', 'tweet', 'insist', 'continue',
    'reply', 'respond', 'recall', 'testify', 'declare', 'conclude', 'concede', 'acknowledge', 'admit', 'announce', 'joke', 'quip',
    'exclaim', 'observe', 'remark', 'comment', 'tell', 'report', 'stress', 'emphasize', 'emphasise', 'assert', 'contend', 'counter',
    'caution', 'predict', 'vow', 'recount', 'muse', 'retort', 'post', 'allege', 'complain', 'boast', 'lament', 'reiterate']
    .flatMap(inflect),
);

/** Verbs reporting a stance or belief with a content clause ("officials fear the dam may fail"). */
export const BELIEF_VERBS: ReadonlySet<string> = new Set(
  ['believe', 'think', 'fear', 'worry', 'hope', 'expect', 'suspect', 'doubt', 'estimate', 'suggest', 'indicate', 'predict', 'reckon', 'feel',
    'show', 'find', 'know', 'agree', 'reveal', 'acknowledge', 'learn', 'conclude', 'assume', 'recognize', 'realize', 'deny', 'insist', 'argue']
    .flatMap(inflect),
);
