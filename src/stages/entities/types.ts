import type { EntityType } from '../../core/layers.js';
import { catBit, gazLookup } from './gazetteer.js';

/*
 * Fine mention types from the model's coarse class. The model learns PER/ORG/LOC/MISC from
 * CoNLL-style data; GPE vs LOC vs FAC and NORP vs EVENT vs MISC are told apart by the
 * gazetteer and by the head word of the name.
 */

const FAC_HEADS = new Set(['airport', 'bridge', 'dam', 'mosque', 'base', 'square', 'palace', 'hospital', 'stadium', 'prison', 'church', 'cathedral', 'tower', 'towers', 'street', 'road', 'highway', 'gate', 'embassy', 'barracks', 'museum', 'temple', 'shrine', 'refinery', 'port', 'harbour', 'harbor', 'station', 'building', 'centre', 'center', 'hotel', 'park', 'arena', 'field', 'camp', 'compound', 'plant', 'checkpoint', 'crossing', 'university']);
const LOC_HEADS = new Set(['river', 'mountains', 'mountain', 'mount', 'mt.', 'sea', 'ocean', 'gulf', 'valley', 'desert', 'lake', 'island', 'islands', 'peninsula', 'region', 'strait', 'straits', 'coast', 'bay', 'plain', 'plains', 'hills', 'basin', 'canal', 'delta', 'corridor', 'front', 'belt']);
const GPE_HEADS = new Set(['province', 'governorate', 'state', 'city', 'district', 'county', 'republic', 'kingdom', 'emirate', 'oblast', 'prefecture', 'town', 'village', 'municipality']);
const EVENT_WORDS = new Set(['war', 'games', 'olympics', 'olympic', 'cup', 'championship', 'championships', 'open', 'summit', 'conference', 'revolution', 'spring', 'uprising', 'intifada', 'election', 'elections', 'tournament', 'grand', 'prix', 'festival', 'crisis', 'massacre', 'offensive', 'operation', 'battle', 'league', 'tour', 'series', 'marathon', 'rally', 'accords', 'agreement', 'treaty']);
const WORK_WORDS = new Set(['book', 'film', 'novel', 'album', 'song', 'report', 'magazine', 'show']);
const NORP_SUFFIX = /(?:ian|ians|ean|eans|ese|ish|i|is|ic|an|ans|ite|ites|ist|ists)$/;

const COUNTRY = catBit('country'), CITY = catBit('city'), STATE = catBit('state'), LOCB = catBit('loc'), FAC = catBit('fac'), NORP = catBit('norp'), ORG = catBit('org');

export function fineType(coarse: string, text: string): EntityType {
  const mask = gazLookup(text);
  const words = text.toLowerCase().split(/\s+/);
  const head = words[words.length - 1] ?? '';
  switch (coarse) {
    case 'PER':
      return 'PERSON';
    case 'ORG':
      return 'ORG';
    case 'LOC':
      if (mask & FAC) return 'FAC';
      if (mask & (COUNTRY | CITY | STATE)) return 'GPE';
      if (mask & LOCB) return 'LOC';
      if (words.length > 1 && FAC_HEADS.has(head)) return 'FAC';
      if (LOC_HEADS.has(head) || LOC_HEADS.has(words[0]!)) return 'LOC';
      if (GPE_HEADS.has(head)) return 'GPE';
      if (/^(?:north|south|east|west|central|upper|lower)(?:ern)?\b/.test(words[0]!) && words.length > 1) return 'LOC';
      return 'GPE';
    default:
      if (mask & NORP) return 'NORP';
      if (mask & ORG) return 'ORG';
      if (words.some((w) => EVENT_WORDS.has(w)) || /^\d{4}\b/.test(text)) return 'EVENT';
      if (words.length > 1 && WORK_WORDS.has(head)) return 'WORK';
      if (words.length === 1 && NORP_SUFFIX.test(head) && /^\p{Lu}/u.test(text)) return 'NORP';
      return 'MISC';
  }
}
