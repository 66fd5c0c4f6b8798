import type { Gazetteer, GazRecord } from '../../geo/gazetteer.js';
import type { Place } from '../../core/layers.js';
import { nameKey, withoutArticle } from '../../geo/normalize.js';
import { focusCountries } from './focus.js';
import { HEADS, type HeadKind } from './lexicon.js';
import { headAfter, isCityCode, isMajor, type DocContext, type Hit } from './recognize.js';
import type { Word } from './words.js';

export function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const dl = (b.lat - a.lat) * r, dn = (b.lon - a.lon) * r;
  const h = Math.sin(dl / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(dn / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
}

const keyCache = new Map<string, string>();
function primaryKey(c: GazRecord): string {
  let k = keyCache.get(c.name);
  if (k === undefined) {
    k = nameKey(c.name);
    if (keyCache.size > 50000) keyCache.clear();
    keyCache.set(c.name, k);
  }
  return k;
}

/** The entry bears the name as its own and is more than a hamlet (Salisbury, not Calcutta, Ohio). */
const bearsName = (c: GazRecord, key: string) => primaryKey(c) === key && (!isCityCode(c.code) || c.population >= 10000);

const handWritten = (c: GazRecord) => !isCityCode(c.code) && c.code !== 'ADM1' && c.code !== 'PCLI';

/** How likely a name means this entry before reading the document: size and kind. */
export function prior(c: GazRecord): number {
  switch (c.code) {
    case 'PCLI': return 8;
    case 'CONT': return 7.5;
    case 'ADM1': return 5 + Math.min(1, Math.log10(c.population + 1) / 7);
    case 'ADM2': return 5.5;
  }
  if (handWritten(c)) return 7;
  const base = Math.log10(c.population + 10);
  return base + (c.code === 'PPLC' ? 1.2 : c.code === 'PPLA' ? 0.6 : c.code === 'PPLA2' ? 0.3 : 0);
}

// The key the outlet's home is counted under: never a hit's, so it always counts as another place.
const OUTLET_HOME = '\u0000outlet';

/**
 * Country and division evidence from hits that are places whatever the context, and from the
 * outlet's home (outlet-home.ts), which counts as one more named place of the document.
 */
export function docContext(words: readonly Word[], gaz: Gazetteer, hits: readonly Hit[], home?: GazRecord): DocContext {
  const countries = new Map<string, number>();
  const admin1s = new Map<string, Set<string>>();
  const anchors: { lat: number; lon: number; key: string }[] = [];
  const addAdmin1 = (a1: string, key: string) => { const ks = admin1s.get(a1); if (ks) ks.add(key); else admin1s.set(a1, new Set([key])); };
  const ownWeights = new Map<string, Map<string, number>>();
  const add = (cc: string, w: number) => { if (cc) countries.set(cc, (countries.get(cc) ?? 0) + w); };
  for (const h of hits) {
    // "Hampton Avenue", "Bedford Library": a street or building named after a place says nothing of where the story is.
    const head = headAfter(words, h.wj)?.kind;
    if (head && LOCAL_HEADS.has(head)) continue;
    const country = h.cands.find((c) => c.code === 'PCLI');
    // "Georgia" may be the state: a country name that is also a division's is no evidence yet.
    if (country && h.cands.some((c) => c.code === 'ADM1' && primaryKey(c) === h.key)) continue;
    if (country) { add(country.country, 1); continue; }
    const majors = h.cands.filter(isMajor);
    // A large place under a former or other name ("Salisbury" for Harare) is no evidence while
    // another entry bears the name as its own.
    if (majors.length && majors.every((m) => primaryKey(m) !== h.key) && h.cands.some((c) => bearsName(c, h.key))) continue;
    if (majors.length === 1 || (majors.length > 1 && majors.every((m) => m.country === majors[0]!.country))) {
      const m = majors.sort((a, b) => prior(b) - prior(a))[0]!;
      add(m.country, 0.7);
      let own = ownWeights.get(h.key);
      if (!own) ownWeights.set(h.key, (own = new Map()));
      own.set(m.country, (own.get(m.country) ?? 0) + 0.7);
      if (m.code === 'ADM1') addAdmin1(m.country + '.' + m.admin1, h.key);
      else if (isCityCode(m.code)) { addAdmin1(m.country + '.' + m.admin1, h.key); anchors.push({ lat: m.lat, lon: m.lon, key: h.key }); }
    }
  }
  if (home) {
    add(home.country, 0.7);
    addAdmin1(home.country + '.' + home.admin1, OUTLET_HOME);
    if (isCityCode(home.code)) anchors.push({ lat: home.lat, lon: home.lon, key: OUTLET_HOME });
  }
  for (const w of words) {
    if (!w.cap) continue;
    const d = gaz.word(w.text.toLowerCase())?.demonym;
    if (d) add(d, 0.5);
  }
  let top = 0;
  for (const v of countries.values()) top = Math.max(top, v);
  return { countries, admin1s, anchors, top, ownWeights };
}

/**
 * The places a hit's candidates are weighed against for nearness, one entry per position, sorted
 * by latitude: a document naming one city a thousand times costs one comparison per candidate,
 * not a thousand, and only positions within 4 degrees of latitude are measured.
 */
class AnchorIndex {
  private readonly at: { lat: number; lon: number; hit: number; shared: boolean }[];

  constructor(anchors: readonly { lat: number; lon: number; hit: number }[]) {
    const byPos = new Map<string, { lat: number; lon: number; hit: number; shared: boolean }>();
    for (const a of anchors) {
      const k = `${a.lat},${a.lon}`;
      const g = byPos.get(k);
      if (!g) byPos.set(k, { lat: a.lat, lon: a.lon, hit: a.hit, shared: false });
      else if (g.hit !== a.hit) g.shared = true;
    }
    this.at = [...byPos.values()].sort((a, b) => a.lat - b.lat);
  }

  /** Kilometres to the nearest anchor within 4 degrees of latitude that another hit (than `hit`) put there. */
  nearest(c: { lat: number; lon: number }, hit: number): number {
    let lo = 0, hi = this.at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.at[mid]!.lat <= c.lat - 4) lo = mid + 1;
      else hi = mid;
    }
    let near = Infinity;
    for (let j = lo; j < this.at.length && this.at[j]!.lat - c.lat < 4; j++) {
      const a = this.at[j]!;
      if (a.shared || a.hit !== hit) near = Math.min(near, km(a, c));
    }
    return near;
  }
}

interface Scored {
  readonly c: GazRecord;
  readonly s: number;
}

/** Picks the entry each hit names, using priors, the document's countries, cues and neighbours. */
export function resolveHits(text: string, hits: readonly Hit[], doc: DocContext, gaz: Gazetteer): Place[] {
  let maxW = 0;
  for (const w of doc.countries.values()) maxW = Math.max(maxW, w);
  // A name's own large reading does not vouch for its country ("Nelson" for New Zealand).
  const countryBonus = (cc: string, own: ReadonlyMap<string, number> | undefined) => (maxW > 0 ? (2.5 * ((doc.countries.get(cc) ?? 0) - (own?.get(cc) ?? 0))) / maxW : 0);

  const containerOf = (i: number): Hit | undefined => {
    const h = hits[i]!, n = hits[i + 1];
    return n && text.slice(h.end, n.start) === ', ' ? n : undefined;
  };

  // What each hit's candidates say together, the same for both passes.
  const facts = hits.map((h, i) => {
    const box = containerOf(i);
    let hasCountry = false, ownNamed = false, bigNamesake = false;
    const pks = h.cands.map(primaryKey);
    for (let j = 0; j < h.cands.length; j++) {
      const c = h.cands[j]!;
      if (c.code === 'PCLI') hasCountry = true;
      if (pks[j] !== h.key) continue;
      if (bearsName(c, h.key)) ownNamed = true;
      if (isCityCode(c.code) && c.population >= 100000) bigNamesake = true;
    }
    // Not for a list of divisions ("Florida, Georgia and Alabama").
    const inBoxDivision = !!box && !h.cands.some((c, j) => c.code === 'ADM1' && pks[j] === h.key && box.cands.some((y) => y.code === 'ADM1' && y.country === c.country)) &&
      h.cands.some((c) => isCityCode(c.code) && inDivision(box, c));
    const prevHit = i > 0 && text.slice(hits[i - 1]!.end, h.start) === ', ' ? hits[i - 1] : undefined;
    return { box, pks, hasCountry, ownNamed, bigNamesake, inBoxDivision, prevHit };
  });

  const scoreAll = (anchors: AnchorIndex, owner: (i: number) => number): Scored[][] =>
    hits.map((h, i) => {
      const { box, pks, hasCountry, ownNamed, bigNamesake, inBoxDivision, prevHit } = facts[i]!;
      const own = doc.ownWeights.get(h.key);
      return h.cands.map((c, j) => {
        let s = prior(c) + countryBonus(c.country, own);
        // Entries found under their own name beat those found under an alternate one (Mexico, not Mexico City).
        const pk = pks[j]!;
        if (pk === h.key || withoutArticle(pk) === h.key) s += 2.5;
        else if (pk.startsWith(h.key + ' ') || pk.endsWith(' ' + h.key)) s += 1.5;
        // A former name of a large city ("Salisbury" for Harare) yields to places that still bear it.
        else if (ownNamed) s -= 1.5;
        // A division's namesake city ("New York", "Baghdad", "Idlib") is meant unless a cue says otherwise.
        if (isCityCode(c.code) && c.population >= 100000 && h.cands.some((a) => a.code === 'ADM1' && a.country === c.country && a.admin1 === c.admin1)) s += 3;
        // A country's own name or short name means the country (Mexico, Lebanon), unless a division of
        // that name lies in a country the document is more about (Georgia in a US story).
        if (c.code === 'PCLI' && !h.cityCue && h.head !== 'city') s += 10;
        if (c.code === 'ADM1' && hasCountry && pk === h.key) {
          const mine = doc.countries.get(c.country) ?? 0;
          const theirs = Math.max(0, ...h.cands.filter((x) => x.code === 'PCLI').map((x) => doc.countries.get(x.country) ?? 0));
          if (mine > theirs) s += 10 + 2 * (mine - theirs);
        }
        // A populous division named by its own name in the story's country is the division
        // ("Florida" in a US story), not a town that shares the name; a large namesake city
        // ("Washington", "New York") keeps its own claim.
        if (c.code === 'ADM1' && pk === h.key && c.population >= 1000000 && !bigNamesake && (doc.countries.get(c.country) ?? 0) >= 0.5 * doc.top) s += 2;
        if (c.code === 'ADM1' && prevHit?.cands.some((y) => y.country === c.country && y.admin1 === c.admin1 && isCityCode(y.code))) s += 4;
        // A village counts its division and neighbours for less: a state or a world city of its
        // name is more often meant ("Florida", "London") unless the text pins it ("Florida, N.Y.").
        const village = isCityCode(c.code) && c.population < 10000;
        if (c.code !== 'PCLI' && namedByOthers(doc, c, h.key)) s += village ? 1.5 : 2.5;
        if (box && box.cands.some((y) => y.country === c.country && (y.code === 'PCLI' || (y.code === 'ADM1' && y.admin1 === c.admin1)))) s += 6;
        // "Lebanon, N.H.", "Moscow, Idaho": a town the named division holds beats any namesake
        // outside it, however large (the country Lebanon, the capital Moscow).
        if (inBoxDivision && !inDivision(box!, c)) s -= 12;
        if (h.head === 'admin') s += c.code === 'ADM1' ? 4 : -1;
        if (h.head === 'city' || h.cityCue) s += isCityCode(c.code) ? 2 : -2;
        if (h.head === 'county' && c.code === 'ADM1') s -= 1;
        if (isCityCode(c.code) || c.code === 'ADM1') {
          const near = anchors.nearest(c, owner(i));
          if (near < 150) s += village ? 1 : 2;
          else if (near < 400) s += village ? 0.5 : 1;
        }
        return { c, s };
      });
    });

  // Two passes: the first picks with priors and countries; the second adds nearness to the first's picks.
  // A name's own unambiguous reading does not count as its neighbour ("Lafayette" is no evidence for Lafayette).
  const keyIds = new Map<string, number>();
  const keyId = (k: string) => { let id = keyIds.get(k); if (id === undefined) keyIds.set(k, (id = -1 - keyIds.size)); return id; };
  const first = scoreAll(new AnchorIndex(doc.anchors.map((a) => ({ lat: a.lat, lon: a.lon, hit: keyId(a.key) }))), (i) => keyId(hits[i]!.key));
  const anchors: { lat: number; lon: number; hit: number }[] = [];
  first.forEach((ss, i) => {
    const b = best(ss);
    if (b && isCityCode(b.c.code)) anchors.push({ lat: b.c.lat, lon: b.c.lon, hit: i });
  });
  const second = scoreAll(new AnchorIndex(anchors), (i) => i);

  // One sense per document: every mention of a name takes the reading its mentions support most
  // together ("Parkland, Florida" first, then "Parkland" alone). A mention its division pins
  // ("Lebanon, N.H.") keeps its reading and counts four times.
  const byKey = new Map<string, Map<number, number>>();
  second.forEach((ss, i) => {
    const k = hits[i]!.key;
    let m = byKey.get(k);
    if (!m) byKey.set(k, (m = new Map()));
    const b = best(ss);
    const w = containerOf(i) ? 4 : 1;
    for (const x of ss) m.set(x.c.index, (m.get(x.c.index) ?? 0) + (b ? w * Math.exp(x.s - b.s) : 0));
  });
  const pinned = new Set(hits.filter((_, i) => containerOf(i)).map((h) => h.key));
  const places: Place[] = [];
  const pending: number[] = [];
  // Other names' first picks (mentions of the same name do not vouch for each other).
  const firstAnchors = new AnchorIndex(anchors.map((a) => ({ ...a, hit: keyId(hits[a.hit]!.key) })));
  second.forEach((all, i) => {
    const h = hits[i]!;
    let ss = all;
    // "Hampton Avenue", "Carnegie Library", "Morris County": a street, building or county named
    // after a place is not that place; it takes a reading that lies among the document's places,
    // or is placed with the names the gazetteer lacks.
    if (h.head && LOCAL_HEADS.has(h.head)) ss = ss.filter((x) => localReading(x.c, h.head!, doc, firstAnchors, keyId(h.key)));
    // "Washington Square" as another name of a far town: the square is meant, not the town.
    else if (innerHead(h)) ss = ss.filter((x) => !isCityCode(x.c.code) || primaryKey(x.c) === h.key || localReading(x.c, innerHead(h)!, doc, firstAnchors, keyId(h.key)));
    const votes = byKey.get(h.key)!;
    let b = best(ss);
    // A "city of X" or "X city council" follows a pinned mention of X ("Moscow, Idaho") too.
    const cityWord = h.head === 'city' || h.cityCue === true;
    if (b && votes.size > 1 && !containerOf(i) && (cityWord ? pinned.has(h.key) : !h.head)) {
      let top = b, topV = votes.get(b.c.index) ?? 0;
      for (const x of ss) { const v = votes.get(x.c.index) ?? 0; if (v > topV) { top = x; topV = v; } }
      b = top;
    }
    if (!b) { pending.push(i); return; }
    let z = 0;
    for (const x of ss) z += Math.exp(x.s - b.s);
    places.push(toPlace(text, h, b.c, h.conf / z, gaz));
  });
  // Names the gazetteer lacks ("Royal Street") are placed at the document's most local place.
  if (pending.length) {
    const local = localFocus(places);
    for (const i of pending) {
      const h = hits[i]!;
      // Without a local place, the reading left aside stands.
      const b = local ? undefined : best(second[i]!);
      if (b) places.push(toPlace(text, h, b.c, 0.5 * h.conf, gaz));
      else if (local) places.push({ ...toPlace(text, h, local, 0.3 * h.conf, gaz), geonameId: undefined, name: text.slice(h.start, h.end), featureCode: undefined } as Place);
    }
  }
  return places.sort((a, b) => a.start - b.start).map(stripUndefined);
}

/** Head words whose names are read as local features ("street", "facility", "county"). */
const LOCAL_HEADS: ReadonlySet<string> = new Set(['street', 'facility', 'county']);

/**
 * Whether an entry can be what a street, building or county name is named after and lies by:
 * a county or district entry for a county name, or a town in a division the document names or
 * within 150 km of its other places.
 */
function localReading(c: GazRecord, head: string, doc: DocContext, anchors: AnchorIndex, hit: number): boolean {
  if (head === 'county') {
    if (c.code === 'ADM2') return true;
    if (c.code === 'ADM1' || c.code === 'PCLI') return false;
  }
  if (!isCityCode(c.code)) return head !== 'street';
  return namedByOthers(doc, c, '') || anchors.nearest(c, hit) < 150;
}

/** The entry's division is named in the document by some name other than `key`. */
function namedByOthers(doc: DocContext, c: GazRecord, key: string): boolean {
  const ks = doc.admin1s.get(c.country + '.' + c.admin1);
  return !!ks && (ks.size > 1 || !ks.has(key));
}

/** The street or building word a multi-word name ends in ("Washington Square"). */
function innerHead(h: Hit): HeadKind | undefined {
  const sp = h.key.lastIndexOf(' ');
  const kind = sp > 0 ? HEADS.get(h.key.slice(sp + 1)) : undefined;
  return kind === 'street' || kind === 'facility' ? kind : undefined;
}

/** The hit can be read as a first-level division that holds the entry (not the division itself). */
function inDivision(box: Hit, c: GazRecord): boolean {
  return c.code !== 'ADM1' && box.cands.some((y) => y.code === 'ADM1' && y.country === c.country && y.admin1 === c.admin1);
}

function best(ss: readonly Scored[]): Scored | undefined {
  let b: Scored | undefined;
  for (const x of ss) if (!b || x.s > b.s) b = x;
  return b;
}

/**
 * Where a name the gazetteer lacks probably lies: the document's home-country town that is named
 * most, lies in a division the document names, and has most other named places around it.
 */
function localFocus(places: readonly Place[]): GazRecord | undefined {
  const home = focusCountries(places, 1)[0];
  const towns = places.filter((p) => p.featureCode?.startsWith('PPL') && (!home || p.country === home));
  const divisions = new Set(places.filter((p) => p.featureCode === 'ADM1').map((p) => p.country + '.' + p.admin1));
  let top: Place | undefined, topScore = -1;
  for (const p of towns) {
    let sc = (p.score ?? 0.5);
    for (const q of towns) if (q !== p && km(p, q) < 100) sc += q.name === p.name ? 1 : 0.7;
    if (divisions.has(p.country + '.' + p.admin1)) sc += 2;
    if (sc > topScore) { top = p; topScore = sc; }
  }
  const p = top ?? places.find((x) => x.featureCode === 'ADM1' && x.country === home) ?? places.find((x) => x.featureCode === 'PCLI' && x.country === home);
  if (!p) return undefined;
  return { index: -1, geonameId: 0, name: p.name, lat: p.lat, lon: p.lon, code: p.featureCode ?? '', country: p.country ?? '', admin1: '', population: 0 };
}

function toPlace(text: string, h: Hit, c: GazRecord, score: number, gaz: Gazetteer): Place {
  const adm = c.code === 'PCLI' || !c.admin1 ? undefined : c.code === 'ADM1' ? c.name : gaz.admin1(c.country, c.admin1)?.name;
  return {
    start: h.start,
    end: h.end,
    text: text.slice(h.start, h.end),
    name: c.name,
    geonameId: c.geonameId || undefined,
    lat: c.lat,
    lon: c.lon,
    country: c.country || undefined,
    admin1: adm,
    featureCode: c.code,
    score: Math.round(score * 1000) / 1000,
    entity: h.entity,
  } as Place;
}

function stripUndefined(p: Place): Place {
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) if (v !== undefined) o[k] = v;
  return o as unknown as Place;
}
