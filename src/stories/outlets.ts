/*
 * The outlet registry: one folded name per outlet, however a document names it ("The Washington
 * Post", "Washington Post", "WaPo", or only its address washingtonpost.com). An outlet the
 * registry does not know is its folded name, or the name its web address spells.
 */
import type { DocMeta } from '../core/meta.js';

interface OutletEntry {
  /** The folded name every form leads to. */
  readonly name: string;
  /** Other names and short forms, as written (folded when the registry is built). */
  readonly aliases?: readonly string[];
  /** Registrable domains (without www.). */
  readonly domains: readonly string[];
}

const OUTLETS: readonly OutletEntry[] = [
  { name: 'washington post', aliases: ['WaPo', 'Wash Post', 'Wash-Post'], domains: ['washingtonpost.com'] },
  { name: 'new york times', aliases: ['NYT', 'NY Times', 'New York Times Co'], domains: ['nytimes.com'] },
  { name: 'wall street journal', aliases: ['WSJ'], domains: ['wsj.com'] },
  { name: 'usa today', aliases: ['USA-Today'], domains: ['usatoday.com'] },
  { name: 'huffpost', aliases: ['Huffington Post', 'HuffPo', 'Huff Post', 'Huff-Post'], domains: ['huffpost.com', 'huffingtonpost.com', 'huffingtonpost.co.uk'] },
  { name: 'politico', domains: ['politico.com', 'politico.eu'] },
  { name: 'breitbart', aliases: ['Breitbart News', 'Breitbart News Network'], domains: ['breitbart.com'] },
  { name: 'western journal', aliases: ['West Journal', 'West-Journal', 'Western Journalism'], domains: ['westernjournal.com', 'westernjournalism.com'] },
  { name: 'los angeles times', aliases: ['LA Times', 'L.A. Times'], domains: ['latimes.com'] },
  { name: 'chicago tribune', domains: ['chicagotribune.com'] },
  { name: 'boston globe', domains: ['bostonglobe.com'] },
  { name: 'new york post', aliases: ['NY Post'], domains: ['nypost.com'] },
  { name: 'daily news', aliases: ['New York Daily News', 'NY Daily News'], domains: ['nydailynews.com'] },
  { name: 'the hill', aliases: ['The Hill'], domains: ['thehill.com'] },
  { name: 'axios', domains: ['axios.com'] },
  { name: 'npr', aliases: ['National Public Radio'], domains: ['npr.org'] },
  { name: 'pbs', aliases: ['PBS NewsHour'], domains: ['pbs.org'] },
  { name: 'cnn', aliases: ['Cable News Network'], domains: ['cnn.com'] },
  { name: 'fox news', aliases: ['Fox News Channel'], domains: ['foxnews.com'] },
  { name: 'nbc news', aliases: ['NBC'], domains: ['nbcnews.com'] },
  { name: 'cbs news', aliases: ['CBS'], domains: ['cbsnews.com'] },
  { name: 'abc news', aliases: ['ABC'], domains: ['abcnews.go.com', 'abcnews.com'] },
  { name: 'msnbc', domains: ['msnbc.com'] },
  { name: 'bbc', aliases: ['BBC News', 'British Broadcasting Corporation'], domains: ['bbc.co.uk', 'bbc.com'] },
  { name: 'guardian', aliases: ['The Guardian', 'Guardian US'], domains: ['theguardian.com', 'guardian.co.uk'] },
  { name: 'financial times', aliases: ['FT'], domains: ['ft.com'] },
  { name: 'economist', aliases: ['The Economist'], domains: ['economist.com'] },
  { name: 'times', aliases: ['The Times', 'Times of London'], domains: ['thetimes.co.uk'] },
  { name: 'telegraph', aliases: ['Daily Telegraph', 'The Telegraph'], domains: ['telegraph.co.uk'] },
  { name: 'independent', aliases: ['The Independent'], domains: ['independent.co.uk'] },
  { name: 'daily mail', aliases: ['Mail Online', 'MailOnline'], domains: ['dailymail.co.uk'] },
  { name: 'al jazeera', aliases: ['Al Jazeera English', 'Aljazeera'], domains: ['aljazeera.com', 'aljazeera.net'] },
  { name: 'le monde', domains: ['lemonde.fr'] },
  { name: 'der spiegel', aliases: ['Spiegel', 'Spiegel Online'], domains: ['spiegel.de'] },
  { name: 'deutsche welle', aliases: ['DW'], domains: ['dw.com'] },
  { name: 'france 24', domains: ['france24.com'] },
  { name: 'times of india', domains: ['timesofindia.indiatimes.com', 'indiatimes.com'] },
  { name: 'south china morning post', aliases: ['SCMP'], domains: ['scmp.com'] },
  { name: 'sydney morning herald', domains: ['smh.com.au'] },
  { name: 'globe and mail', aliases: ['The Globe and Mail'], domains: ['theglobeandmail.com'] },
  { name: 'haaretz', domains: ['haaretz.com'] },
  { name: 'times of israel', domains: ['timesofisrael.com'] },
  { name: 'kyiv independent', domains: ['kyivindependent.com'] },
  { name: 'yahoo news', aliases: ['Yahoo'], domains: ['news.yahoo.com', 'yahoo.com'] },
  { name: 'associated press', aliases: ['AP', 'The Associated Press', 'AP News'], domains: ['apnews.com', 'ap.org'] },
  { name: 'reuters', aliases: ['Thomson Reuters'], domains: ['reuters.com'] },
  { name: 'agence france-presse', aliases: ['AFP', 'Agence France Presse'], domains: ['afp.com'] },
  { name: 'bloomberg', aliases: ['Bloomberg News'], domains: ['bloomberg.com'] },
  { name: 'united press international', aliases: ['UPI'], domains: ['upi.com'] },
];

/** Two-label public suffixes under which a registrable domain has three labels (bbc.co.uk). */
const SECOND_LEVEL = new Set(['co.uk', 'org.uk', 'ac.uk', 'com.au', 'net.au', 'org.au', 'co.nz', 'co.jp', 'co.in', 'com.br', 'co.za', 'com.mx', 'com.tr', 'com.cn', 'com.hk', 'co.il']);

/**
 * Folded form of an outlet's name: case, accents, apostrophes and punctuation folded, "&" read
 * as "and", a leading "The" dropped ("The Washington Post" -> "washington post").
 */
export function foldOutletName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/&/g, ' and ').replace(/['’]/g, '').replace(/[^\p{L}\p{N}-]+/gu, ' ').replace(/\s+-|-\s+/g, ' ')
    .replace(/\s+/g, ' ').trim().replace(/^the /, '');
}

/** Spaces and hyphens dropped: how a web address spells a name ("washington post" ~ "washingtonpost"). */
const squeeze = (folded: string) => folded.replace(/[\s-]+/g, '');

const byName = new Map<string, string>();
const byDomain = new Map<string, string>();
for (const o of OUTLETS) {
  for (const n of [o.name, ...(o.aliases ?? [])]) {
    byName.set(foldOutletName(n), o.name);
    byName.set(squeeze(foldOutletName(n)), o.name);
  }
  for (const d of o.domains) byDomain.set(d, o.name);
}

/** The registry's name for an outlet name, else the name folded. */
export function outletFromName(name: string): string | undefined {
  const f = foldOutletName(name);
  if (!f) return undefined;
  return byName.get(f) ?? byName.get(squeeze(f)) ?? f;
}

/** The registrable domain of a host (news.bbc.co.uk -> bbc.co.uk). */
function registrable(host: string): string {
  const labels = host.split('.');
  const keep = labels.length > 2 && SECOND_LEVEL.has(labels.slice(-2).join('.')) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** The outlet a web address belongs to: the registry's, else the name its domain spells ("harbour-times.com" -> "harbour times"). */
export function outletFromUrl(url: string): string | undefined {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return undefined;
  }
  if (!host || /^[\d.]+$/.test(host) || host.includes(':')) return undefined;
  const labels = host.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const known = byDomain.get(labels.slice(i).join('.'));
    if (known) return known;
  }
  const domain = registrable(host);
  const label = domain.split('.')[0] ?? '';
  if (!label) return undefined;
  return byName.get(label) ?? foldOutletName(label.replace(/-/g, ' '));
}

/** A document's outlet, folded: its `outlet` when given, else its address's. */
export function outletOf(meta: DocMeta): string | undefined {
  return (meta.outlet ? outletFromName(meta.outlet) : undefined) ?? (meta.url ? outletFromUrl(meta.url) : undefined);
}

/**
 * Whether two folded source names are one outlet: equal, or equal once spaces and hyphens go
 * ("harbour times" named in full and "harbourtimes" from an address the registry does not know).
 */
export function sameSource(a: string, b: string): boolean {
  return a === b || squeeze(a) === squeeze(b);
}

/** The key under which a source is counted once: its name folded, spaces and hyphens dropped. */
export function sourceKey(source: string): string {
  return squeeze(foldOutletName(source));
}
