import { MONTHS } from '../../text/months.js';
import { WEEKDAY_NAMES } from '../../text/weekdays.js';

/** Small closed word classes that decide whether a capitalised name is a place here. */

/** Place-type words after a name, and what they say about it. */
export type HeadKind = 'admin' | 'county' | 'city' | 'street' | 'water' | 'land' | 'facility';
export const HEADS: ReadonlyMap<string, HeadKind> = new Map<string, HeadKind>([
  ...(['province', 'governorate', 'state', 'region', 'oblast', 'prefecture', 'territory', 'emirate', 'canton', 'department'] as const).map((w) => [w, 'admin'] as [string, HeadKind]),
  ...(['county', 'district', 'parish', 'borough', 'township', 'municipality'] as const).map((w) => [w, 'county'] as [string, HeadKind]),
  ...(['city', 'town', 'village'] as const).map((w) => [w, 'city'] as [string, HeadKind]),
  ...(['street', 'st.', 'avenue', 'ave', 'road', 'rd', 'boulevard', 'blvd', 'lane', 'drive', 'highway', 'square', 'plaza', 'bridge', 'way', 'parkway', 'crossing'] as const).map((w) => [w, 'street'] as [string, HeadKind]),
  ...(['river', 'lake', 'bay', 'sea', 'ocean', 'gulf', 'strait', 'canal', 'creek', 'harbor', 'harbour', 'falls', 'springs', 'beach', 'coast'] as const).map((w) => [w, 'water'] as [string, HeadKind]),
  ...(['mountain', 'mountains', 'hills', 'valley', 'canyon', 'island', 'islands', 'peninsula', 'desert', 'forest', 'heights', 'plain', 'plains', 'park'] as const).map((w) => [w, 'land'] as [string, HeadKind]),
  ...(['airport', 'stadium', 'arena', 'mosque', 'palace', 'camp', 'base', 'dam', 'refinery', 'prison', 'church', 'cathedral', 'theatre', 'theater', 'racecourse', 'library', 'museum', 'hall', 'quarter', 'market', 'mall', 'building', 'tower', 'center', 'centre'] as const).map((w) => [w, 'facility'] as [string, HeadKind]),
]);

/** Words after a name that make the whole an organisation, the name still a place ("Boise Fire Department"). */
export const ORG_HEADS: ReadonlySet<string> = new Set([
  'department', 'university', 'college', 'school', 'police', 'council', 'ministry', 'government', 'army', 'forces',
  'airlines', 'airways', 'air', 'bank', 'times', 'post', 'news', 'herald', 'tribune', 'journal', 'gazette', 'party',
  'club', 'fc', 'company', 'corporation', 'corp', 'group', 'hospital', 'center', 'centre', 'church', 'office',
  'institute', 'association', 'committee', 'commission', 'court', 'parliament', 'senate', 'assembly', 'board',
  'authority', 'agency', 'service', 'services', 'guard', 'federation', 'league', 'union', 'chamber', 'museum',
  'library', 'sheriff', 'fire', 'public', 'national', 'state', 'international', 'regional', 'county', 'city',
  'general', 'health', 'water', 'electric', 'energy', 'power', 'telecom', 'railway', 'railways', 'metro', 'transit',
]);

/** Lower-case words after a town's name for its own public bodies and people ("Kokomo police"). */
export const CIVIC: ReadonlySet<string> = new Set([
  'police', 'officials', 'council', 'councilors', 'councillors', 'mayor', 'residents', 'schools', 'firefighters', 'leaders', 'officers', 'voters',
]);

/** Nationality words of a country's constituent parts, and the part's name ("an English city" is in England). */
export const PART_NATIONALITIES: ReadonlyMap<string, string> = new Map([['english', 'england'], ['scottish', 'scotland'], ['welsh', 'wales']]);

/** Prepositions that put a place after them ("in Mosul", "near Tal Afar"). */
export const LOCATIVE: ReadonlySet<string> = new Set([
  'in', 'at', 'near', 'from', 'to', 'outside', 'inside', 'across', 'around', 'into', 'towards', 'toward', 'through',
  'throughout', 'via', 'between', 'of', 'visited', 'visit', 'west', 'east', 'north', 'south', 'northern', 'southern',
  'eastern', 'western', 'central', 'downtown', 'suburban',
]);

/**
 * Words after a nationality word that show it modifies no noun: it names a language or a people
 * ("learning English will", "English is", "French to gain").
 */
export const NOT_MODIFIED: ReadonlySet<string> = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'has', 'have', 'had',
  'does', 'did', 'and', 'or', 'but', 'to', 'in', 'on', 'at', 'of', 'for', 'with', 'as', 'by', 'from', 'than', 'that', 'which', 'who', 'need', 'needs',
]);

/** Lower-case words allowed inside a multi-word name ("Strait of Hormuz", "Bosnia and Herzegovina"). */
export const CONNECTORS: ReadonlySet<string> = new Set(['of', 'the', 'and', 'de', 'del', 'la', 'le', 'du', 'da', 'on', 'upon', 'al', 'el', 'ul', 'sur', 'am', 'an', 'der', 'di', 'do', 'dos', 'das', 'los', 'las', 'y']);

/** Month and weekday names: capitalised, and sometimes place names too (Mayo, Marcha). */
export const CALENDAR: ReadonlySet<string> = new Set([...Object.keys(MONTHS), ...WEEKDAY_NAMES]);
