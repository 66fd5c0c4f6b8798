import { francAll } from 'franc-min';

/** ISO 639-3 code of English, the one language the extraction stages are written for. */
export const ENGLISH = 'eng';
/** Languages the extraction stages read; `und` is read as English. */
export const SUPPORTED: readonly string[] = [ENGLISH, 'und'];
/** ISO 639-3 "undetermined": too little text, or too close a call, to name a language. */
export const UNDETERMINED = 'und';

/** How much text is read: a few paragraphs tell the language as well as a whole article. */
const SAMPLE = 4000;
/** Fewer letters than this and trigram statistics say little. */
const MIN_LETTERS = 20;
/**
 * English scoring this close to the best language (franc scores the best 1) is too close a call:
 * short English texts full of names score just under Spanish or Romanian. Real French, German
 * or Spanish prose puts English near 0.6–0.7.
 */
const CLOSE_CALL = 0.8;

/**
 * The language of a text as an ISO 639-3 code (franc-min: the 80 or so languages with the most
 * speakers), or `und` when it cannot be told.
 */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE);
  if ((sample.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return UNDETERMINED;
  const scores = francAll(sample, { minLength: 1 });
  const [best] = scores[0] ?? [UNDETERMINED];
  if (best === ENGLISH || best === UNDETERMINED) return best;
  const english = scores.find(([code]) => code === ENGLISH)?.[1] ?? 0;
  return english >= CLOSE_CALL ? UNDETERMINED : best;
}

const NAMES: Readonly<Record<string, string>> = {
  eng: 'English', fra: 'French', deu: 'German', spa: 'Spanish', por: 'Portuguese', ita: 'Italian',
  nld: 'Dutch', swe: 'Swedish', pol: 'Polish', ron: 'Romanian', ces: 'Czech', hun: 'Hungarian',
  tur: 'Turkish', rus: 'Russian', ukr: 'Ukrainian', bul: 'Bulgarian', srp: 'Serbian', hrv: 'Croatian',
  ell: 'Greek', arb: 'Arabic', pes: 'Persian', urd: 'Urdu', hin: 'Hindi', ben: 'Bengali',
  cmn: 'Chinese', jpn: 'Japanese', kor: 'Korean', vie: 'Vietnamese', ind: 'Indonesian',
  zlm: 'Malay', tha: 'Thai', swh: 'Swahili', hau: 'Hausa', amh: 'Amharic', heb: 'Hebrew',
  und: 'undetermined',
};

/** A language's English name for messages ("French"), or its code when not listed. */
export function languageName(code: string): string {
  return NAMES[code] ?? code;
}
