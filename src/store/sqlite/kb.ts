import type Database from 'better-sqlite3';
import type { EntityType } from '../../core/layers.js';
import { Lru } from '../../core/lru.js';
import { blockingKeys, nameForm } from '../../kb/names.js';
import type { NewsRecord } from '../../output/record.js';
import { normalizeName } from '../keys.js';
import type { EntityInfo, KbCandidate } from '../store.js';
import { CACHE_SIZE, CANDIDATES_PER_KEY, CONTEXT_DOCS, CONTEXT_SIZE, LOOSE_CANDIDATES_PER_KEY, MAX_PER_KEY, NAMES_COMPARED, notesOf, type EntityNote } from '../kb-notes.js';
import { followRedirects } from './redirects.js';
import { docFacetsSql, entityOutletsSql } from './schema.js';

type Row = Record<string, unknown>;


/**
 * The knowledge-base tables of the SQLite store: name and type counts per entity, the keys
 * resolution finds candidates by, redirects of merged ids, and the candidates themselves.
 */
export class SqliteKb {
  private readonly s: Record<string, Database.Statement>;
  private readonly cache = new Lru<number, { stamp: string; documents: number; value: Omit<KbCandidate, 'notSame' | 'keys'> }>(CACHE_SIZE);
  private readonly company = new Lru<number, { documents: number; ids: string[] }>(CACHE_SIZE);
  /** Every not-same pair users decided, both ways: few, and asked of every candidate. */
  private apart = new Map<string, string[]>();
  private decisionsSeen = -1;

  constructor(private readonly db: Database.Database) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      bumpName: p(`INSERT INTO entity_names (entity, norm, name, documents) VALUES (?, ?, ?, ?)
                   ON CONFLICT(entity, norm) DO UPDATE SET documents = max(0, documents + excluded.documents) RETURNING documents`),
      bumpType: p(`INSERT INTO entity_types (entity, type, documents) VALUES (?, ?, ?)
                   ON CONFLICT(entity, type) DO UPDATE SET documents = max(0, documents + excluded.documents) RETURNING documents`),
      addKey: p('INSERT OR IGNORE INTO kb_keys (key, entity) VALUES (?, ?)'),
      keyCount: p(`SELECT count(*) AS n FROM (SELECT 1 FROM kb_keys WHERE key = ? LIMIT ${MAX_PER_KEY})`),
      names: p('SELECT name, documents FROM entity_names WHERE entity = ? ORDER BY documents DESC, length(name) DESC, name'),
      topNames: p(`SELECT name, documents FROM entity_names WHERE entity = ? AND (documents > 0 OR norm = ?)
                   ORDER BY documents DESC, length(name) DESC, name LIMIT ${NAMES_COMPARED}`),
      types: p('SELECT type, documents FROM entity_types WHERE entity = ? ORDER BY documents DESC, type'),
      pinned: p('SELECT pinned, name, type FROM entities WHERE rowid = ?'),
      setNameType: p('UPDATE entities SET name = ?, type = ? WHERE rowid = ?'),
      // A key's most reported entities, read in rank order from its index: a common surname's
      // key finds up to MAX_PER_KEY people, and only the first few are worth weighing; fewer
      // still for a surname or a consonant skeleton, which many names share and which only propose.
      topOfKey: p('SELECT entity FROM kb_keys WHERE key = ? ORDER BY rank DESC, entity LIMIT ?'),
      described: p('SELECT rowid, key, type, name, documents FROM entities WHERE rowid IN (SELECT value FROM json_each(?))'),
      places: p(`SELECT substr(key, 3) AS g FROM kb_keys WHERE entity = ? AND key >= 'g:' AND key < 'g;'`),
      context: p(`SELECT e.key, count(*) AS n FROM doc_entities de JOIN entities e ON e.rowid = de.entity
                  WHERE de.doc IN (SELECT doc FROM doc_entities WHERE entity = ? ORDER BY day DESC LIMIT ${CONTEXT_DOCS}) AND de.entity != ?
                  GROUP BY de.entity ORDER BY n DESC, e.key LIMIT ${CONTEXT_SIZE}`),
      notSame: p(`SELECT a, b FROM kb_decisions WHERE action = 'not-same' AND b IS NOT NULL AND undone IS NULL`),
      redirect: p('SELECT new FROM entity_redirects WHERE old = ?'),
      nameDocs: p('SELECT documents FROM entity_names WHERE entity = ? AND norm = ?'),
      typeDocs: p('SELECT documents FROM entity_types WHERE entity = ? AND type = ?'),
      lastDecision: p('SELECT max(seq) AS seq FROM kb_decisions'),
      seen: p('SELECT min(day) AS first, max(day) AS last FROM doc_entities WHERE entity = ?'),
      outlets: p('SELECT outlet, documents AS n FROM entity_outlets WHERE entity = ? ORDER BY documents DESC, outlet COLLATE BINARY LIMIT 20'),
      former: p('SELECT old FROM entity_redirects WHERE new = ? ORDER BY old'),
    };
  }

  /** Where an id leads now that merges may have folded it into another. */
  current(id: string): string {
    return followRedirects(this.s.redirect!, id);
  }

  /** Counts one document's names, types and places for an entity (sign -1 when it leaves). */
  note(row: number, n: EntityNote, sign: 1 | -1, current?: { name: string; type: string }): void {
    const seen = new Set<string>();
    // The name and type are chosen again only when this document can change them: a name or type
    // new to the entity, one leaving, or another name now used more than the entity's own.
    let recheck = sign < 0 || current === undefined;
    const own = current === undefined ? '' : normalizeName(current.name);
    let ownDocs: number | undefined;
    for (const name of n.names) {
      const norm = normalizeName(name);
      if (!norm || seen.has(norm)) continue;
      seen.add(norm);
      const docs = Number((this.s.bumpName!.get(row, norm, name, sign) as Row).documents);
      if (sign > 0 && docs === 1) {
        // A name new to the entity: the keys it is found by.
        for (const t of n.types) for (const k of blockingKeys(nameForm(name, t))) this.addKey(k, row);
        recheck = true;
      }
      if (!recheck && norm !== own) {
        ownDocs ??= Number((this.s.nameDocs!.get(row, own) as Row | undefined)?.documents ?? 0);
        if (docs > ownDocs) recheck = true;
      }
    }
    let ownTypeDocs: number | undefined;
    for (const t of n.types) {
      const docs = Number((this.s.bumpType!.get(row, t, sign) as Row).documents);
      if (docs <= 1) recheck = true;
      else if (!recheck && t !== current?.type) {
        ownTypeDocs ??= Number((this.s.typeDocs!.get(row, current?.type) as Row | undefined)?.documents ?? 0);
        if (docs > ownTypeDocs) recheck = true;
      }
    }
    let placed = false;
    if (sign > 0) for (const g of n.places) placed = this.addKey(`g:${g}`, row) || placed;
    // Another document with the names, types and places the entity had leaves its description
    // as it was (described() reads it again once the documents have grown enough).
    if (recheck || placed) this.cache.delete(row);
    if (recheck) this.rename(row);
  }

  /**
   * A name a user gave the entity: kept with no documents yet, and with its keys, so resolution
   * finds the entity when a document uses the name.
   */
  chosen(row: number, name: string, type: EntityType): void {
    this.s.bumpName!.run(row, normalizeName(name), name, 0);
    for (const k of blockingKeys(nameForm(name, type))) this.s.addKey!.run(k, row);
  }

  /**
   * Makes entity `from` part of `into` in every table, by updates rather than by storing its
   * documents again: mentions, quotes, events, relations, per-document and per-month counts,
   * names, types and keys. `relinked` rewrites one document's record and returns it as it was,
   * so what it counted twice (a name both entities had in one document) is counted once.
   */
  fold(into: number, from: number, intoKey: string, fromKey: string, relinked: (doc: number) => NewsRecord): void {
    const run = (sql: string, ...args: unknown[]) => this.db.prepare(sql).run(...args);
    const docs = (this.db.prepare('SELECT doc FROM doc_entities WHERE entity = ?').all(from) as Row[]).map((r) => Number(r.doc));
    const shared = new Set((this.db.prepare('SELECT doc FROM doc_entities WHERE entity = ? AND doc IN (SELECT doc FROM doc_entities WHERE entity = ?)').all(into, from) as Row[]).map((r) => Number(r.doc)));
    const twice: EntityNote[] = [];
    for (const doc of docs) {
      const rec = relinked(doc);
      if (!shared.has(doc)) continue;
      const notes = notesOf(rec);
      const a = notes.get(intoKey), b = notes.get(fromKey);
      if (a && b) {
        const names = new Set([...a.names].filter((n) => [...b.names].some((m) => normalizeName(m) === normalizeName(n))));
        twice.push({ names, types: new Set([...a.types].filter((t) => b.types.has(t))), places: new Set() });
      }
    }
    run('UPDATE mentions SET entity = ? WHERE entity = ?', into, from);
    run('UPDATE quotes SET speaker = ? WHERE speaker = ?', into, from);
    for (const [table, cols] of [['events', ['actor', 'target']], ['relations', ['a', 'b']]] as const) {
      for (const c of cols) run(`UPDATE ${table} SET ${c} = ? WHERE ${c} = ?`, intoKey, fromKey);
    }
    run(`UPDATE doc_entities SET mentions = mentions + (SELECT f.mentions FROM doc_entities f WHERE f.doc = doc_entities.doc AND f.entity = ?)
         WHERE entity = ? AND doc IN (SELECT doc FROM doc_entities WHERE entity = ?)`, from, into, from);
    run('DELETE FROM doc_entities WHERE entity = ? AND doc IN (SELECT doc FROM doc_entities WHERE entity = ?)', from, into);
    run('UPDATE doc_entities SET entity = ?, type = (SELECT type FROM entities WHERE rowid = ?) WHERE entity = ?', into, into, from);
    const refacet = this.db.prepare(docFacetsSql('WHERE doc = @doc'));
    for (const doc of docs) refacet.run({ doc });
    run(`UPDATE entities SET documents = (SELECT count(*) FROM doc_entities WHERE entity = ?),
         mentions = (SELECT coalesce(sum(mentions), 0) FROM doc_entities WHERE entity = ?) WHERE rowid = ?`, into, into, into);
    run('DELETE FROM entity_months WHERE entity IN (?, ?)', into, from);
    run('DELETE FROM entity_outlets WHERE entity IN (?, ?)', into, from);
    run(entityOutletsSql('AND de.entity = ?'), into);
    run(`INSERT INTO entity_months (entity, month, documents, mentions)
         SELECT ?, substr(day, 1, 7), count(*), sum(mentions) FROM doc_entities WHERE entity = ? AND day IS NOT NULL GROUP BY substr(day, 1, 7)`, into, into);
    run(`INSERT INTO entity_names (entity, norm, name, documents) SELECT ?, norm, name, documents FROM entity_names WHERE entity = ? AND true
         ON CONFLICT(entity, norm) DO UPDATE SET documents = documents + excluded.documents`, into, from);
    run(`INSERT INTO entity_types (entity, type, documents) SELECT ?, type, documents FROM entity_types WHERE entity = ? AND true
         ON CONFLICT(entity, type) DO UPDATE SET documents = documents + excluded.documents`, into, from);
    run('INSERT OR IGNORE INTO kb_keys (key, entity) SELECT key, ? FROM kb_keys WHERE entity = ?', into, from);
    for (const n of twice) this.note(into, n, -1);
    this.cache.delete(into);
    this.company.delete(into);
    this.rename(into);
  }

  /**
   * A key that already finds many entities (a common surname, two-letter initials) tells them
   * apart no better than no key: it stops growing, so finding candidates stays bounded however
   * large the knowledge base (the entity is still found by its other keys).
   */
  private addKey(key: string, row: number): boolean {
    return Number((this.s.keyCount!.get(key) as Row).n) < MAX_PER_KEY && this.s.addKey!.run(key, row).changes > 0;
  }

  /** The name most documents use (for a person, a full name first) and the type most give it, unless a user chose the name. */
  private rename(row: number): void {
    const e = this.s.pinned!.get(row) as Row | undefined;
    if (!e) return;
    const types = this.s.types!.all(row) as Row[];
    const type = types[0] && Number(types[0].documents) > 0 ? String(types[0].type) : String(e.type);
    let name = String(e.name);
    if (!Number(e.pinned)) {
      const names = (this.s.names!.all(row) as Row[]).filter((n) => Number(n.documents) > 0);
      const full = type === 'PERSON' ? names.filter((n) => /\S\s+\S/.test(String(n.name))) : [];
      const best = (full.length ? full : names)[0];
      if (best) name = String(best.name);
    }
    if (name !== e.name || type !== e.type) this.s.setNameType!.run(name, type, row);
  }

  /** What the entity page shows beside the counts: names and types with documents, when and where it was reported. */
  profile(row: number, key: string): Pick<EntityInfo, 'names' | 'types' | 'firstSeen' | 'lastSeen' | 'outlets' | 'formerIds'> {
    const seen = this.s.seen!.get(row) as Row;
    const former = (this.s.former!.all(key) as Row[]).map((r) => String(r.old));
    return {
      names: (this.s.names!.all(row) as Row[]).filter((n) => Number(n.documents) > 0).map((n) => ({ name: String(n.name), documents: Number(n.documents) })),
      types: (this.s.types!.all(row) as Row[]).filter((t) => Number(t.documents) > 0).map((t) => ({ type: String(t.type) as EntityType, documents: Number(t.documents) })),
      ...(seen?.first != null ? { firstSeen: String(seen.first), lastSeen: String(seen.last) } : {}),
      outlets: (this.s.outlets!.all(row) as Row[]).map((o) => ({ outlet: String(o.outlet), documents: Number(o.n) })),
      ...(former.length ? { formerIds: former } : {}),
    };
  }

  /**
   * The names resolution weighs an entity by: those some stored document still uses, and its own
   * name (a user's choice may be used by none). A name whose documents left, split off or
   * deleted, no longer pulls new documents back to the entity.
   */
  private liveNames(row: number, name: string): { name: string; documents: number }[] {
    const own = normalizeName(name);
    // The names most documents use are enough to compare with: an entity reported for years
    // gathers hundreds of spellings, and every one would cost each candidate lookup.
    return (this.s.topNames!.all(row, own) as Row[])
      .filter((n) => Number(n.documents) > 0 || normalizeName(String(n.name)) === own)
      .map((n) => ({ name: String(n.name), documents: Number(n.documents) }));
  }

  /** A write taken back may have made or changed entities kept here: they are read again. */
  rolledBack(): void {
    this.cache.clear();
    this.company.clear();
    this.decisionsSeen = -1;
  }

  candidates(keys: readonly string[]): KbCandidate[] {
    this.readDecisions();
    const keysOf = new Map<number, string[]>();
    const top = this.s.topOfKey!.pluck();
    for (const key of keys) {
      const loose = key.startsWith('s:') || key.startsWith('p:');
      for (const row of top.all(key, loose ? LOOSE_CANDIDATES_PER_KEY : CANDIDATES_PER_KEY) as number[]) {
        const hit = keysOf.get(row);
        if (hit) hit.push(key);
        else keysOf.set(row, [key]);
      }
    }
    if (!keysOf.size) return [];
    const rows = this.s.described!.all(JSON.stringify([...keysOf.keys()])) as Row[];
    return rows
      .sort((a, b) => Number(b.documents) - Number(a.documents) || Number(a.rowid) - Number(b.rowid))
      .map((r) => ({ ...this.described(r), keys: keysOf.get(Number(r.rowid))!, notSame: this.notSame(String(r.key)) }));
  }

  /** Entities users said are not this one. */
  private notSame(id: string): string[] {
    return this.apart.get(id) ?? [];
  }

  /**
   * The not-same pairs, read again whenever a decision was added (by this process or another):
   * a merge rewrites the pairs of the entity it folds away.
   */
  private readDecisions(): void {
    const seq = Number((this.s.lastDecision!.get() as Row).seq ?? 0);
    if (seq === this.decisionsSeen) return;
    this.decisionsSeen = seq;
    const apart = new Map<string, string[]>();
    const add = (a: string, b: string) => {
      const list = apart.get(a);
      if (list) list.push(b);
      else apart.set(a, [b]);
    };
    for (const r of this.s.notSame!.all() as Row[]) {
      add(String(r.a), String(r.b));
      add(String(r.b), String(r.a));
    }
    this.apart = apart;
  }

  /**
   * The entities most often reported with this one in its newest documents. Kept until its
   * documents grow by a quarter: company changes slowly, and the query is the costly one.
   */
  context(row: number, documents: number): string[] {
    const hit = this.company.get(row);
    if (hit && documents <= hit.documents * 1.25 + 2) return hit.ids;
    const ids = (this.s.context!.all(row, row) as Row[]).map((c) => String(c.key));
    this.company.set(row, { documents, ids });
    return ids;
  }

  /**
   * A candidate's names and places, kept while its name and type stay as they are and its
   * documents grow by less than a tenth: the same entities are candidates for document after
   * document, and a popular one gains a document with nearly every one of them.
   */
  private described(r: Row): Omit<KbCandidate, 'notSame' | 'keys'> {
    const row = Number(r.rowid), documents = Number(r.documents);
    const stamp = `${String(r.key)}\u0000${String(r.name)}\u0000${String(r.type)}`;
    const hit = this.cache.get(row);
    if (hit && hit.stamp === stamp && documents >= hit.documents && documents <= hit.documents * 1.1 + 1) {
      return hit.value.documents === documents ? hit.value : { ...hit.value, documents };
    }
    const places = (this.s.places!.all(row) as Row[]).map((p) => Number(p.g)).filter(Number.isFinite);
    const value = {
      id: String(r.key), type: String(r.type) as EntityType, name: String(r.name), documents,
      names: this.liveNames(row, String(r.name)),
      ...(places.length ? { places } : {}),
    };
    this.cache.set(row, { stamp, documents, value });
    return value;
  }
}
