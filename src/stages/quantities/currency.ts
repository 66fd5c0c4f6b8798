/**
 * Currencies by symbol, ISO code and name, with the currencies of the regions the news
 * covers most (Middle East, Central and South Asia, North and East Africa).
 */

/** Codes that are also English words in lower case. */
const LOWER_WORDS = new Set(['TRY', 'ALL', 'CAD', 'MAD', 'SOS', 'RS', 'BUCK', 'BUCKS']);
/** Symbols written before the amount. Longest first so "US$" wins over "$". */
export const SYMBOLS: Record<string, string> = {
  'US$': 'USD', 'U.S.$': 'USD', 'A$': 'AUD', 'AU$': 'AUD', 'C$': 'CAD', 'CA$': 'CAD', 'HK$': 'HKD', 'NZ$': 'NZD', 'S$': 'SGD',
  '$': 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₺': 'TRY', '₽': 'RUB', '₪': 'ILS', '₦': 'NGN', '₩': 'KRW',
  '₴': 'UAH', '₨': 'PKR', '﷼': 'IRR', '؋': 'AFN',
};

/** Any symbol, longest first so "US$" wins over "$". */
const SYMBOL_SOURCE = Object.keys(SYMBOLS).sort((a, b) => b.length - a.length).map((s) => s.replace(/[$.]/g, '\\$&')).join('|');
/** Other names of codes, as people write them after an amount ("40 rmb"). */
const CODE_ALIASES: Record<string, string> = { RMB: 'CNY', NIS: 'ILS', YTL: 'TRY', RS: 'INR', BUCK: 'USD', BUCKS: 'USD' };
export const CODES = new Set([
  'USD', 'EUR', 'GBP', 'JPY', 'CNY', 'CHF', 'CAD', 'AUD', 'RUB', 'TRY', 'ILS', 'INR', 'PKR', 'AFN', 'IRR', 'IQD', 'SYP',
  'SAR', 'AED', 'QAR', 'KWD', 'BHD', 'OMR', 'YER', 'JOD', 'LBP', 'EGP', 'SDG', 'LYD', 'TND', 'DZD', 'MAD', 'NGN', 'KES',
  'ETB', 'SOS', 'UAH', 'BDT', 'MMK',
]);

/** Currency nouns after the amount; an adjective of nationality picks among same-named currencies. */
const NAMED: Record<string, { code?: string; by?: Record<string, string> }> = {
  dollar: { code: 'USD', by: { us: 'USD', 'u.s.': 'USD', american: 'USD', canadian: 'CAD', australian: 'AUD', 'hong kong': 'HKD', 'new zealand': 'NZD', singapore: 'SGD', zimbabwean: 'ZWL' } },
  euro: { code: 'EUR' },
  // Bare "pounds" is as often a weight as money: only a nationality makes it a currency.
  pound: { by: { british: 'GBP', sterling: 'GBP', syrian: 'SYP', egyptian: 'EGP', lebanese: 'LBP', sudanese: 'SDG', 'south sudanese': 'SSP' } },
  sterling: { code: 'GBP' },
  dinar: { by: { iraqi: 'IQD', jordanian: 'JOD', kuwaiti: 'KWD', libyan: 'LYD', tunisian: 'TND', algerian: 'DZD', bahraini: 'BHD', serbian: 'RSD' } },
  lira: { code: 'TRY', by: { turkish: 'TRY', lebanese: 'LBP', syrian: 'SYP' } },
  rial: { code: 'IRR', by: { iranian: 'IRR', omani: 'OMR', yemeni: 'YER' } },
  riyal: { code: 'SAR', by: { saudi: 'SAR', qatari: 'QAR', yemeni: 'YER' } },
  dirham: { code: 'AED', by: { emirati: 'AED', uae: 'AED', moroccan: 'MAD' } },
  shekel: { code: 'ILS' },
  ruble: { code: 'RUB' },
  rouble: { code: 'RUB' },
  afghani: { code: 'AFN' },
  yuan: { code: 'CNY' },
  renminbi: { code: 'CNY' },
  yen: { code: 'JPY' },
  rupee: { code: 'INR', by: { indian: 'INR', pakistani: 'PKR', 'sri lankan': 'LKR', nepalese: 'NPR' } },
  naira: { code: 'NGN' },
  shilling: { by: { kenyan: 'KES', somali: 'SOS', ugandan: 'UGX', tanzanian: 'TZS' } },
  birr: { code: 'ETB' },
  hryvnia: { code: 'UAH' },
  franc: { code: 'CHF', by: { swiss: 'CHF', cfa: 'XOF' } },
  toman: { code: 'IRR' },
  taka: { code: 'BDT' },
};

const ADJ = [...new Set(Object.values(NAMED).flatMap((n) => Object.keys(n.by ?? {})))].sort((a, b) => b.length - a.length);
const NAME_WORDS = Object.keys(NAMED).sort((a, b) => b.length - a.length);

/** After an amount: "Iraqi dinars", "U.S. dollars", "pounds sterling", "lira". Group 1 the adjective, 2 the noun. */
export const CURRENCY_AFTER = new RegExp(
  `^\\s*(?:of\\s+)?(?:(${ADJ.map((a) => a.replace(/[.]/g, '\\.')).join('|')})\\s+)?(${NAME_WORDS.join('|')})(?:e?s)?(?:\\s+sterling)?\\b`, 'i');

/** The ISO code for a currency noun with an optional adjective, or undefined when it stays ambiguous. */
export function currencyByName(adjective: string | undefined, noun: string, sterling = false): string | undefined {
  const n = NAMED[noun.toLowerCase()];
  if (!n) return undefined;
  if (sterling) return 'GBP';
  const adj = adjective?.toLowerCase();
  if (adj && n.by?.[adj]) return n.by[adj];
  return n.code;
}

/**
 * After an amount: a code in any case or a symbol ("40 rmb", "20 usd", "10 $", "5€"). A code in
 * lower case is read only where it cannot be a word ("try", "all" and "cad" are not taken).
 */
export const CODE_AFTER = new RegExp(
  `^\\s?(?:(${SYMBOL_SOURCE})(?![\\w$])|(${[...CODES, ...Object.keys(CODE_ALIASES)].join('|')})\\b|(${[...CODES, ...Object.keys(CODE_ALIASES)].filter((k) => !LOWER_WORDS.has(k)).join('|').toLowerCase()}|bucks?)\\b)`);
/** The ISO code of what CODE_AFTER matched. */
export function currencyAfter(m: RegExpExecArray): string | undefined {
  if (m[1]) return SYMBOLS[m[1]];
  const code = (m[2] ?? m[3])!.toUpperCase();
  return CODE_ALIASES[code] ?? code;
}

/** Before an amount: "$", "US$", "€", "USD ", "EUR". */
export const CURRENCY_BEFORE = new RegExp(
  `(?:(${SYMBOL_SOURCE})\\s?|\\b(${[...CODES].join('|')})\\s?)$`);
export function currencyBySymbol(symbol: string | undefined, code: string | undefined): string | undefined {
  if (code) return code.toUpperCase();
  return symbol ? SYMBOLS[symbol] : undefined;
}
