/*
 * Links one document's entities to knowledge-base entities: candidates found by name keys,
 * scored by how well the names match, whether the types agree, and which other entities the
 * candidate is reported with. Pure over a lookup, so the store that answers it can be SQLite,
 * PostgreSQL or memory.
 */
import type { Entity, EntityType } from '../core/layers.js';
import type { Span } from '../core/span.js';
import type { NewsRecord } from '../output/record.js';
import { entityKey } from '../store/keys.js';
import type { KbCandidate } from '../store/store.js';
import { compareNames, lookupKeys, nameForm, type NameForm, type NameMatch } from './names.js';
import { isNamedEntity } from '../layers/entities.js';

export interface KbLookup {
  /** Entities filed under any of these keys (see blockingKeys and lookupKeys), most documents first. */
  candidates(keys: readonly string[]): Promise<KbCandidate[]>;
  /** For each entity, the entities most often reported with it. */
  context(ids: readonly string[]): Promise<Record<string, readonly string[]>>;
}

export interface KbMerge {
  readonly into: string;
  readonly from: string;
  /** The words of the document that prove it: a name of the entity that both go by. */
  readonly evidence: Span & { readonly text: string };
}

export interface Resolution {
  /** Document entity id -> knowledge-base id (an existing one, or a new one to create). */
  readonly links: Map<string, string>;
  /** Existing entities this document shows to be one. */
  readonly merges: KbMerge[];
}

const WEIGHT: Record<NameMatch, number> = { exact: 1, person: 0.92, variant: 0.88, contains: 0.72, acronym: 0.75, head: 0.7, surname: 0.66, none: 0, conflict: 0 };
const STRONG = new Set<NameMatch>(['exact', 'person', 'variant']);
const LINK = 0.6;
const PLACE_TYPES = new Set<EntityType>(['GPE', 'LOC', 'FAC']);
const CONTEXT = 0.25;
const SHARE = 0.08;

interface Local {
  readonly entity: Entity;
  readonly forms: NameForm[];
  readonly places: number[];
  /** The keys its names are found by. */
  readonly keys: Set<string>;
}

interface Scored {
  readonly c: KbCandidate;
  readonly score: number;
  readonly match: NameMatch;
  /** The document's name behind the best match. */
  readonly via: string;
}

interface CandidateForms {
  readonly type: EntityType;
  readonly forms: readonly NameForm[];
  /** The documents that use each name. */
  readonly documents: ReadonlyMap<NameForm, number>;
}

/**
 * Keyed by the candidate's list of names, which the store hands out unchanged while the
 * candidate's names are: a popular entity is a candidate for document after document, with
 * dozens of names to parse each time.
 */
const formsCache = new WeakMap<KbCandidate['names'], CandidateForms>();

function candidateForms(c: KbCandidate): CandidateForms {
  const hit = formsCache.get(c.names);
  if (hit && hit.type === c.type) return hit;
  const documents = new Map<NameForm, number>();
  for (const n of c.names) {
    const f = nameForm(n.name, c.type);
    if (f.fold) documents.set(f, n.documents);
  }
  const value = { type: c.type, forms: [...documents.keys()], documents };
  formsCache.set(c.names, value);
  return value;
}

/** Exact single words are weaker than exact full names: "Jackson" may be anyone. */
function nameWeight(m: NameMatch, form: NameForm): number {
  return m === 'exact' && form.words.length < 2 ? 0.85 : WEIGHT[m];
}

function typePenalty(a: EntityType, b: EntityType, m: NameMatch, form: NameForm): number {
  // A headline fragment around a full name is typed at random.
  if (a === b || m === 'contains') return a === b ? 0 : 0.05;
  const strongName = STRONG.has(m) && form.words.length >= 2;
  // One outlet's ORG is another's GPE for the same strong name; a person is rarely a place.
  if (a === 'PERSON' || b === 'PERSON') return strongName ? 0.12 : 0.4;
  return strongName ? 0.04 : 0.15;
}

function score(local: Local, c: KbCandidate, { forms: cForms, documents: namesDocs }: CandidateForms): Scored | undefined {
  const person = local.entity.type === 'PERSON' || c.type === 'PERSON';
  let best: Scored | undefined;
  let conflict = false, fullMatch = false;
  for (const f of local.forms) {
    for (const cf of cForms) {
      const m = compareNames(f, cf, person);
      if (m === 'conflict') conflict = true;
      if (m === 'none' || m === 'conflict') continue;
      if (m !== 'surname' && f.words.length >= 2 && cf.words.length >= 2) fullMatch = true;
      // A name that is the candidate's own (most of its documents use it) beats one it was
      // given in passing: "South Korea" is South Korea before it is a Korea some report merged.
      // (Full names only: a bare surname says nothing about whose it is most.)
      const share = c.documents > 0 && f.words.length >= 2 ? Math.min(1, (namesDocs.get(cf) ?? 0) / c.documents) : 0;
      const s = nameWeight(m, f) - typePenalty(local.entity.type, c.type, m, f) + SHARE * share;
      if (!best || s > best.score) best = { c, score: s, match: m, via: f.fold };
    }
  }
  // Two given names on one surname are two people ("Bill" and "Hillary Clinton"), unless a full
  // name of each matches too (a headline fragment "Nominates Regina Benjamin" has a false given name).
  if (conflict && !fullMatch) return undefined;
  if (local.places.length && c.places?.length) {
    // Resolved places weigh in: the same GeoNames entry settles it; two different entries of one
    // name (Portland, Oregon and Maine) count against, short of a veto, as geocoding can err.
    if (c.places.some((p) => local.places.includes(p))) best = { c, score: Math.max(best?.score ?? 0, 1), match: 'exact', via: best?.via ?? '' };
    else if (best) best = { ...best, score: best.score - 0.3 };
  }
  return best;
}

/**
 * Candidates reported with the entities this document settled score higher. Their company is
 * asked for only where it can change the choice: several candidates within its reach of the
 * best, or a best that it lifts over the bar.
 */
async function withContext(scored: Scored[], context: ReadonlySet<string>, kb: KbLookup): Promise<Scored[]> {
  if (!context.size || !scored.length) return scored;
  const top = Math.max(...scored.map((s) => s.score));
  const near = scored.filter((s) => s.score >= top - CONTEXT && s.score + CONTEXT >= LINK);
  if (near.length < 2 && !(top < LINK && top + CONTEXT >= LINK)) return scored;
  const company = await kb.context(near.map((s) => s.c.id));
  return scored.map((s) => {
    if (!near.includes(s)) return s;
    const shared = (company[s.c.id] ?? []).filter((x) => context.has(x) && x !== s.c.id).length;
    return { ...s, score: s.score + CONTEXT * Math.min(1, shared / Math.min(context.size, 3)) };
  });
}

/** The best candidate when it stands out; a close second with the same name evidence makes it ambiguous. */
function choose(scored: Scored[]): Scored | undefined {
  scored.sort((a, b) => b.score - a.score || b.c.documents - a.c.documents || (a.c.id < b.c.id ? -1 : 1));
  const [first, second] = scored;
  if (!first || first.score < LINK) return undefined;
  if (!second || first.score - second.score >= 0.1) return first;
  // A bare surname or a fragment that fits two entities names neither; a full name that
  // does goes to the one reported more often.
  if (first.match === 'surname' || first.match === 'contains' || first.match === 'head') return first.c.documents >= 3 * Math.max(1, second.c.documents) ? first : undefined;
  return first;
}

export async function resolveRecord(rec: NewsRecord, kb: KbLookup): Promise<Resolution> {
  const placesOf = new Map<string, number[]>();
  for (const p of rec.places ?? []) {
    if (p.entity && p.geonameId != null && !p.modifier && !p.embedded) placesOf.set(p.entity, [...(placesOf.get(p.entity) ?? []), p.geonameId]);
  }
  const locals: Local[] = (rec.entities ?? []).filter(isNamedEntity).map((e) => {
    const forms = [...new Set([e.name, ...(e.aliases ?? [])])].map((n) => nameForm(n, e.type)).filter((f) => f.fold);
    const places = PLACE_TYPES.has(e.type) ? placesOf.get(e.id) ?? [] : [];
    return { entity: e, forms, places, keys: new Set([...forms.flatMap(lookupKeys), ...places.map((g) => `g:${g}`)]) };
  });
  const asserted = new Set<string>();
  for (const r of rec.relations ?? []) if (r.type === 'alias' || r.type === 'rebrand') { asserted.add(r.a); asserted.add(r.b); }
  const keys = new Set(locals.flatMap((l) => [...l.keys]));
  const candidates = keys.size ? await kb.candidates([...keys]) : [];
  const formsOf = new Map(candidates.map((c) => [c.id, candidateForms(c)]));

  // Each entity is weighed against the candidates its own keys found.
  const scoredOf = (l: Local) =>
    candidates.filter((c) => !c.keys || c.keys.some((k) => l.keys.has(k)))
      .map((c) => score(l, c, formsOf.get(c.id)!)).filter((s): s is Scored => !!s);
  // First the entities whose names settle them alone; they are the context for the rest.
  const context = new Set<string>();
  const base = new Map(locals.map((l) => [l, scoredOf(l)]));
  for (const l of locals) {
    const pick = choose([...base.get(l)!]);
    if (pick && STRONG.has(pick.match)) context.add(pick.c.id);
  }
  const links = new Map<string, string>();
  const merges: KbMerge[] = [];
  const taken = new Set(candidates.map((c) => c.id));
  for (const l of locals) {
    const scored = await withContext(base.get(l)!, context, kb);
    const pick = choose(scored);
    let id: string;
    if (pick) id = pick.c.id;
    else {
      id = freshId(l.entity, taken);
      taken.add(id);
    }
    links.set(l.entity.id, id);
    if (pick) merges.push(...provenSame(l, pick, scored, rec, asserted.has(l.entity.id)));
  }
  return { links, merges: keepApart(dedupeMerges(merges), candidates) };
}

/**
 * Other candidates this entity names, by a different name of its own, as strongly as the chosen
 * one: the document says they are one ("ISIS, also known as Daesh"; "Barack Obama ... Obama").
 * Names of several words count, and single words when the text asserts the alias; a person
 * known by a surname alone joins the one full name known with that surname.
 */
function provenSame(l: Local, pick: Scored, scored: readonly Scored[], rec: NewsRecord, asserted: boolean): KbMerge[] {
  const out: KbMerge[] = [];
  const fullNames = scored.filter((s) => s.c.type === 'PERSON' && s.c.names.some((n) => /\S\s+\S/.test(n.name)) && s.match !== 'conflict');
  for (const s of scored) {
    if (s.c.id === pick.c.id || s.c.notSame.includes(pick.c.id) || pick.c.notSame.includes(s.c.id)) continue;
    let proven = false;
    if (l.forms.length >= 2 && STRONG.has(s.match) && s.score >= 0.85 && STRONG.has(pick.match) && s.via !== pick.via) {
      const words = (via: string) => via.split(' ');
      // Without an alias the text asserts, a document that groups "New York" with "New York
      // Times", or an ORG with a GPE, is more likely wrong than two entities are one.
      // Two full names with no word in common were joined by an alias pattern of the text.
      const a = words(s.via), b = words(pick.via);
      const nested = nests(a, b) || nests(b, a);
      const disjoint = !a.some((w) => b.includes(w));
      proven = asserted
        ? l.entity.type !== 'PERSON' || (a.length >= 2 && b.length >= 2)
        : a.length >= 2 && b.length >= 2 && !nested && (disjoint || s.c.type === pick.c.type);
    }
    // A surname-only entity, and this document names the one person of that surname in full.
    if (!proven && l.entity.type === 'PERSON' && pick.match !== 'surname' && isFragment(s.c) && fullNames.length === 1 && fullNames[0]!.c.id === pick.c.id) {
      proven = l.forms.some((f) => f.given && s.c.names.some((n) => nameForm(n.name, 'PERSON').surname === f.surname));
    }
    if (!proven) continue;
    const [into, from] = pick.c.documents >= s.c.documents ? [pick.c.id, s.c.id] : [s.c.id, pick.c.id];
    out.push({ into, from, evidence: evidenceFor(rec, l.entity.id, s.via) });
  }
  return out;
}

/** The short name's words run inside the long one's ("New York" in "New York Times"). */
function nests(short: readonly string[], long: readonly string[]): boolean {
  if (short.length >= long.length) return false;
  for (let i = 0; i + short.length <= long.length; i++) if (short.every((w, j) => long[i + j] === w)) return true;
  return false;
}

/** A person known only by a single name so far. */
function isFragment(c: KbCandidate): boolean {
  return c.type === 'PERSON' && c.names.every((n) => !/\S\s+\S/.test(n.name));
}

function evidenceFor(rec: NewsRecord, entity: string, folded: string): Span & { text: string } {
  const m = (rec.mentions ?? []).find((x) => x.entity === entity && nameForm(x.text, x.type).fold === folded)
    ?? (rec.mentions ?? []).find((x) => x.entity === entity);
  return m ? { start: m.start, end: m.end, text: m.text } : { start: 0, end: 0, text: '' };
}

function dedupeMerges(ms: KbMerge[]): KbMerge[] {
  const seen = new Set<string>();
  return ms.filter((m) => {
    const k = `${m.into}\u0000${m.from}`;
    if (seen.has(k) || m.into === m.from) return false;
    seen.add(k);
    return true;
  });
}

/**
 * The merges, in order, less any that would join two entities a user said are different, also
 * through an earlier merge of this document (A = B here and B = C there, with A not C).
 */
function keepApart(ms: readonly KbMerge[], candidates: readonly KbCandidate[]): KbMerge[] {
  const apart = new Map(candidates.map((c) => [c.id, new Set(c.notSame)]));
  const groups = new Map<string, Set<string>>();
  const groupOf = (id: string) => groups.get(id) ?? new Set([id]);
  return ms.filter((m) => {
    const a = groupOf(m.into), b = groupOf(m.from);
    for (const x of a) for (const y of b) if (apart.get(x)?.has(y) || apart.get(y)?.has(x)) return false;
    const joined = new Set([...a, ...b]);
    for (const id of joined) groups.set(id, joined);
    return true;
  });
}

/** A readable id for a new entity: its type and name, numbered when another entity has it. */
function freshId(e: Entity, taken: ReadonlySet<string>): string {
  const base = entityKey(e.type, e.name);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}~${n}`)) return `${base}~${n}`;
}
