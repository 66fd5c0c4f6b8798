import type { EntityType } from '../../core/layers.js';
import { blockingKeys, nameForm } from '../../kb/names.js';
import type { NewsRecord } from '../../output/record.js';
import { Lru } from '../../core/lru.js';
import { normalizeName } from '../keys.js';
import type { EntityInfo, KbCandidate } from '../store.js';
import { CACHE_SIZE, CANDIDATES_PER_KEY, CONTEXT_DOCS, CONTEXT_SIZE, LOOSE_CANDIDATES_PER_KEY, MAX_PER_KEY, NAMES_COMPARED, notesOf, type EntityNote } from '../kb-notes.js';
import { all, one, run, type Db, type Row } from './db.js';

const MAX_HOPS = 16;

/** What one document says of one entity row, and the entity's name and type when known. */
export interface NoteItem {
  readonly row: number;
  readonly note: EntityNote;
  readonly current?: { readonly name: string; readonly type: string };
}

/** Rows of cells as one array per column, for unnest(). */
function columns(rows: readonly (readonly unknown[])[], n: number): unknown[][] {
  return Array.from({ length: n }, (_, i) => rows.map((r) => r[i]));
}

/**
 * Where ids lead once merges have folded them into others (`table`: entity_redirects or
 * story_redirects): one query per hop for all of them, a few hops at most.
 */
export async function followAll(db: Db, table: string, ids: Iterable<string>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const id of ids) out.set(id, id);
  let open = [...new Set(out.values())];
  for (let hop = 0; hop < MAX_HOPS && open.length; hop++) {
    const rows = await all(db, `SELECT old, new FROM ${table} WHERE old = ANY(?::text[])`, [open]);
    if (!rows.length) break;
    const next = new Map(rows.map((r) => [String(r.old), String(r.new)]));
    for (const [id, cur] of out) if (next.has(cur)) out.set(id, next.get(cur)!);
    open = [...new Set(next.values())];
  }
  return out;
}

/**
 * The knowledge-base tables of the PostgreSQL store, as SqliteKb keeps them for SQLite: name
 * and type counts per entity, the keys resolution finds candidates by, redirects of merged ids,
 * the candidates themselves. Every method takes the connection to run on: the write
 * transaction's client, or the pool for reads.
 */
export class PgKb {
  // The same caches as SqliteKb, with the same rules, so resolution weighs what it weighs on
  // SQLite: a candidate's names and places while its documents grow by less than a tenth, an
  // entity's company until its documents grow by a quarter.
  private readonly cache = new Lru<number, { stamp: string; documents: number; value: Omit<KbCandidate, 'notSame' | 'keys'> }>(CACHE_SIZE);
  private readonly company = new Lru<number, { documents: number; ids: string[] }>(CACHE_SIZE);

  /** Where an id leads now that merges may have folded it into another. */
  async current(db: Db, id: string): Promise<string> {
    return (await followAll(db, 'entity_redirects', [id])).get(id)!;
  }

  /**
   * Counts one document's names, types and places for its entities (sign -1 when it leaves), as
   * SqliteKb.note does entity by entity, in a few statements for all of them: every name bumped
   * in one, every type in one, the new keys in one. The name and type are chosen again only for
   * the entities this document can change (SqliteKb.note's rule, with each count read as it stood
   * at that point of SqliteKb's loop).
   */
  async noteAll(db: Db, items: readonly NoteItem[], sign: 1 | -1): Promise<void> {
    // An entity twice (two ids leading to one) is counted in turn, as one after the other.
    const rounds: NoteItem[][] = [];
    for (const it of items) {
      let round = rounds.find((r) => !r.some((x) => x.row === it.row));
      if (!round) rounds.push((round = []));
      round.push(it);
    }
    for (const round of rounds) await this.noteRound(db, round, sign);
  }

  private async noteRound(db: Db, items: readonly NoteItem[], sign: 1 | -1): Promise<void> {
    const names = items.map((it) => {
      const seen = new Map<string, string>();
      for (const name of it.note.names) {
        const norm = normalizeName(name);
        if (norm && !seen.has(norm)) seen.set(norm, name);
      }
      return [...seen];
    });
    const own = items.map((it) => (it.current === undefined ? '' : normalizeName(it.current.name)));
    // The entities' own name and type counts before this document, for the comparisons below.
    const before = await all(db, `SELECT 'n' AS kind, entity, norm AS k, documents FROM entity_names
        WHERE (entity, norm) IN (SELECT * FROM unnest(?::bigint[], ?::text[]))
      UNION ALL SELECT 't', entity, type, documents FROM entity_types
        WHERE (entity, type) IN (SELECT * FROM unnest(?::bigint[], ?::text[]))`,
    [items.map((it) => it.row), own, items.map((it) => it.row), items.map((it) => it.current?.type ?? '')]);
    const pre = new Map(before.map((r) => [`${r.kind}\u0000${r.entity}\u0000${r.k}`, Number(r.documents)]));
    const nameRows = items.flatMap((it, i) => names[i]!.map(([norm, name]) => [it.row, norm, name, sign]));
    const typeRows = items.flatMap((it) => [...it.note.types].map((t) => [it.row, t, sign]));
    const post = new Map<string, number>();
    for (const r of nameRows.length ? await all(db, `INSERT INTO entity_names (entity, norm, name, documents)
        SELECT * FROM unnest(?::bigint[], ?::text[], ?::text[], ?::int[])
      ON CONFLICT (entity, norm) DO UPDATE SET documents = greatest(0, entity_names.documents + excluded.documents) RETURNING entity, norm, documents`,
    columns(nameRows, 4)) : []) post.set(`n\u0000${r.entity}\u0000${r.norm}`, Number(r.documents));
    for (const r of typeRows.length ? await all(db, `INSERT INTO entity_types (entity, type, documents)
        SELECT * FROM unnest(?::bigint[], ?::text[], ?::int[])
      ON CONFLICT (entity, type) DO UPDATE SET documents = greatest(0, entity_types.documents + excluded.documents) RETURNING entity, type, documents`,
    columns(typeRows, 3)) : []) post.set(`t\u0000${r.entity}\u0000${r.type}`, Number(r.documents));
    const keys: [string, number][] = [];
    const recheck: number[] = [];
    items.forEach((it, i) => {
      const count = (kind: string, k: string, bumped: boolean) =>
        (bumped ? post : pre).get(`${kind}\u0000${it.row}\u0000${k}`) ?? 0;
      let again = sign < 0 || it.current === undefined;
      let ownDocs: number | undefined;
      let ownBumped = false;
      for (const [norm, name] of names[i]!) {
        const docs = count('n', norm, true);
        if (sign > 0 && docs === 1) {
          for (const t of it.note.types) for (const k of blockingKeys(nameForm(name, t))) keys.push([k, it.row]);
          again = true;
        }
        if (!again && norm !== own[i]) {
          ownDocs ??= count('n', own[i]!, ownBumped);
          if (docs > ownDocs) again = true;
        }
        if (norm === own[i]) ownBumped = true;
      }
      let ownTypeDocs: number | undefined;
      let typeBumped = false;
      for (const t of it.note.types) {
        const docs = count('t', t, true);
        if (docs <= 1) again = true;
        else if (!again && t !== it.current?.type) {
          ownTypeDocs ??= count('t', it.current?.type ?? '', typeBumped);
          if (docs > ownTypeDocs) again = true;
        }
        if (t === it.current?.type) typeBumped = true;
      }
      if (sign > 0) for (const g of it.note.places) keys.push([`g:${g}`, it.row]);
      if (again) recheck.push(it.row);
    });
    // Another document with the names, types and places the entity had leaves its description
    // as it was (as in SqliteKb.note).
    for (const [key, row] of await this.addKeys(db, keys)) if (key.startsWith('g:')) this.cache.delete(row);
    for (const row of recheck) {
      this.cache.delete(row);
      await this.rename(db, row);
    }
  }

  /** A name a user gave the entity: kept with no documents yet, with its keys, so resolution finds it. */
  async chosen(db: Db, row: number, name: string, type: EntityType): Promise<void> {
    await run(db, `INSERT INTO entity_names (entity, norm, name, documents) VALUES (?, ?, ?, 0) ON CONFLICT (entity, norm) DO NOTHING`,
      [row, normalizeName(name), name]);
    const keys = blockingKeys(nameForm(name, type));
    await run(db, 'INSERT INTO kb_keys (key, entity) SELECT unnest(?::text[]), ? ON CONFLICT DO NOTHING', [[...new Set(keys)], row]);
  }

  /**
   * Makes entity `from` part of `into` in every table by updates (as SqliteKb.fold): `relinked`
   * rewrites one document's record and returns it as it was, so what both entities counted in
   * one document is counted once.
   */
  async fold(db: Db, into: number, from: number, intoKey: string, fromKey: string, relinked: (doc: number) => Promise<NewsRecord>): Promise<void> {
    const docs = (await all(db, 'SELECT doc FROM doc_entities WHERE entity = ? ORDER BY doc', [from])).map((r) => Number(r.doc));
    const shared = new Set((await all(db, 'SELECT doc FROM doc_entities WHERE entity = ? AND doc IN (SELECT doc FROM doc_entities WHERE entity = ?)', [into, from])).map((r) => Number(r.doc)));
    const twice: EntityNote[] = [];
    for (const doc of docs) {
      const rec = await relinked(doc);
      if (!shared.has(doc)) continue;
      const notes = notesOf(rec);
      const a = notes.get(intoKey), b = notes.get(fromKey);
      if (a && b) {
        const names = new Set([...a.names].filter((x) => [...b.names].some((m) => normalizeName(m) === normalizeName(x))));
        twice.push({ names, types: new Set([...a.types].filter((t) => b.types.has(t))), places: new Set() });
      }
    }
    await run(db, 'UPDATE mentions SET entity = ? WHERE entity = ?', [into, from]);
    await run(db, 'UPDATE quotes SET speaker = ? WHERE speaker = ?', [into, from]);
    for (const [table, cols] of [['events', ['actor', 'target']], ['relations', ['a', 'b']]] as const) {
      for (const c of cols) await run(db, `UPDATE ${table} SET ${c} = ? WHERE ${c} = ?`, [intoKey, fromKey]);
    }
    await run(db, `UPDATE doc_entities de SET mentions = de.mentions + f.mentions FROM doc_entities f
      WHERE de.entity = ? AND f.entity = ? AND f.doc = de.doc`, [into, from]);
    await run(db, 'DELETE FROM doc_entities WHERE entity = ? AND doc IN (SELECT doc FROM doc_entities WHERE entity = ?)', [from, into]);
    await run(db, 'UPDATE doc_entities SET entity = ?, type = (SELECT type FROM entities WHERE rowid = ?) WHERE entity = ?', [into, into, from]);
    await run(db, `UPDATE entities SET documents = (SELECT count(*) FROM doc_entities WHERE entity = ?),
      mentions = (SELECT coalesce(sum(mentions), 0) FROM doc_entities WHERE entity = ?) WHERE rowid = ?`, [into, into, into]);
    await run(db, 'DELETE FROM entity_months WHERE entity IN (?, ?)', [into, from]);
    await run(db, `INSERT INTO entity_months (entity, month, documents, mentions)
      SELECT ?, substr(day, 1, 7), count(*), sum(mentions) FROM doc_entities WHERE entity = ? AND day IS NOT NULL GROUP BY substr(day, 1, 7)`, [into, into]);
    await run(db, `INSERT INTO entity_names (entity, norm, name, documents) SELECT ?, norm, name, documents FROM entity_names WHERE entity = ?
      ON CONFLICT (entity, norm) DO UPDATE SET documents = entity_names.documents + excluded.documents`, [into, from]);
    await run(db, `INSERT INTO entity_types (entity, type, documents) SELECT ?, type, documents FROM entity_types WHERE entity = ?
      ON CONFLICT (entity, type) DO UPDATE SET documents = entity_types.documents + excluded.documents`, [into, from]);
    await run(db, 'INSERT INTO kb_keys (key, entity) SELECT key, ? FROM kb_keys WHERE entity = ? ON CONFLICT DO NOTHING', [into, from]);
    await this.noteAll(db, twice.map((note) => ({ row: into, note })), -1);
    this.cache.delete(into);
    this.company.delete(into);
    await this.rename(db, into);
  }

  /**
   * Adds keys in order; a key that already finds MAX_PER_KEY entities stops growing (as in
   * SqliteKb.addKey): the counts and the pairs already there are read at once, the rest decided here.
   */
  private async addKeys(db: Db, pairs: readonly [string, number][]): Promise<[string, number][]> {
    if (!pairs.length) return [];
    const distinct = [...new Set(pairs.map(([k]) => k))];
    const counts = new Map((await all(db, `SELECT k.key, (SELECT count(*) FROM (SELECT 1 FROM kb_keys WHERE key = k.key LIMIT ${MAX_PER_KEY}) x) AS n
      FROM unnest(?::text[]) AS k(key)`, [distinct])).map((r) => [String(r.key), Number(r.n)]));
    const had = new Set((await all(db, 'SELECT key, entity FROM kb_keys WHERE key = ANY(?::text[]) AND entity = ANY(?::bigint[])',
      [distinct, [...new Set(pairs.map(([, row]) => row))]])).map((r) => `${r.key}\u0000${r.entity}`));
    const add: [string, number][] = [];
    for (const [key, row] of pairs) {
      const id = `${key}\u0000${row}`;
      if (had.has(id) || (counts.get(key) ?? 0) >= MAX_PER_KEY) continue;
      had.add(id);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      add.push([key, row]);
    }
    if (add.length) await run(db, 'INSERT INTO kb_keys (key, entity) SELECT * FROM unnest(?::text[], ?::bigint[])', columns(add, 2));
    return add;
  }

  /** The name most documents use (a person's full name first) and the type most give it, unless a user chose the name. */
  private async rename(db: Db, row: number): Promise<void> {
    const e = await one(db, 'SELECT pinned, name, type FROM entities WHERE rowid = ?', [row]);
    if (!e) return;
    const types = await all(db, 'SELECT type, documents FROM entity_types WHERE entity = ? ORDER BY documents DESC, type', [row]);
    const type = types[0] && Number(types[0].documents) > 0 ? String(types[0].type) : String(e.type);
    let name = String(e.name);
    if (!e.pinned) {
      const names = (await this.names(db, row)).filter((x) => x.documents > 0);
      const full = type === 'PERSON' ? names.filter((x) => /\S\s+\S/.test(x.name)) : [];
      const best = (full.length ? full : names)[0];
      if (best) name = best.name;
    }
    if (name !== e.name || type !== e.type) {
      await run(db, 'UPDATE entities SET name = ?, norm = ?, type = ? WHERE rowid = ?', [name, normalizeName(name), type, row]);
    }
  }

  private async names(db: Db, row: number): Promise<{ name: string; documents: number }[]> {
    return (await all(db, 'SELECT name, documents FROM entity_names WHERE entity = ? ORDER BY documents DESC, length(name) DESC, name', [row]))
      .map((n) => ({ name: String(n.name), documents: Number(n.documents) }));
  }

  /** What the entity page shows beside the counts (as SqliteKb.profile). */
  async profile(db: Db, row: number, key: string): Promise<Pick<EntityInfo, 'names' | 'types' | 'firstSeen' | 'lastSeen' | 'outlets' | 'formerIds'>> {
    const seen = await one(db, 'SELECT min(day) AS first, max(day) AS last FROM doc_entities WHERE entity = ?', [row]);
    const former = (await all(db, 'SELECT old FROM entity_redirects WHERE new = ? ORDER BY old', [key])).map((r) => String(r.old));
    const types = await all(db, 'SELECT type, documents FROM entity_types WHERE entity = ? AND documents > 0 ORDER BY documents DESC, type', [row]);
    // Outlets grouped without case, each shown as one of its spellings (SQLite's GROUP BY … COLLATE NOCASE).
    const outlets = await all(db, `SELECT min(d.outlet) AS outlet, count(*) AS n FROM doc_entities de JOIN documents d ON d.rowid = de.doc
      WHERE de.entity = ? AND d.outlet IS NOT NULL GROUP BY lower(d.outlet) ORDER BY n DESC, 1 LIMIT 20`, [row]);
    return {
      names: (await this.names(db, row)).filter((n) => n.documents > 0),
      types: types.map((t) => ({ type: String(t.type) as EntityType, documents: Number(t.documents) })),
      ...(seen?.first != null ? { firstSeen: String(seen.first), lastSeen: String(seen.last) } : {}),
      outlets: outlets.map((o) => ({ outlet: String(o.outlet), documents: Number(o.n) })),
      ...(former.length ? { formerIds: former } : {}),
    };
  }

  /**
   * Candidates for resolution: the most reported entities of every key, with the names most
   * documents use and their places, each read for all candidates in one query.
   */
  async candidates(db: Db, keys: readonly string[]): Promise<KbCandidate[]> {
    if (!keys.length) return [];
    const hits = await all(db, `SELECT hit, rowid, key, type, name, norm, documents FROM (
        SELECT k.key AS hit, e.rowid, e.key, e.type, e.name, e.norm, e.documents,
               row_number() OVER (PARTITION BY k.key ORDER BY e.documents DESC, e.rowid) AS rank
        FROM kb_keys k JOIN entities e ON e.rowid = k.entity WHERE k.key = ANY(?::text[])) t
      WHERE rank <= CASE WHEN substr(hit, 1, 2) IN ('s:', 'p:') THEN ${LOOSE_CANDIDATES_PER_KEY} ELSE ${CANDIDATES_PER_KEY} END`, [[...new Set(keys)]]);
    const rows = new Map<number, { row: Row; keys: string[] }>();
    // Keys in the order asked, as SQLite's json_each reads them.
    const order = new Map(keys.map((k, i) => [k, i]));
    hits.sort((a, b) => order.get(String(a.hit))! - order.get(String(b.hit))! || Number(b.documents) - Number(a.documents) || Number(a.rowid) - Number(b.rowid));
    for (const r of hits) {
      const hit = rows.get(Number(r.rowid));
      if (hit) hit.keys.push(String(r.hit));
      else rows.set(Number(r.rowid), { row: r, keys: [String(r.hit)] });
    }
    if (!rows.size) return [];
    const described = new Map<number, Omit<KbCandidate, 'notSame' | 'keys'>>();
    const stale: Row[] = [];
    for (const { row: r } of rows.values()) {
      const row = Number(r.rowid), documents = Number(r.documents);
      const hit = this.cache.get(row);
      if (hit && hit.stamp === stampOf(r) && documents >= hit.documents && documents <= hit.documents * 1.1 + 1) {
        described.set(row, hit.value.documents === documents ? hit.value : { ...hit.value, documents });
      } else stale.push(r);
    }
    if (stale.length) {
      const ids = stale.map((r) => Number(r.rowid));
      // The names some stored document still uses, and the entity's own (a user's choice may be used by none).
      const names = await all(db, `SELECT entity, name, documents FROM (
          SELECT n.entity, n.name, n.documents, row_number() OVER (PARTITION BY n.entity ORDER BY n.documents DESC, length(n.name) DESC, n.name) AS rank
          FROM entity_names n JOIN entities e ON e.rowid = n.entity
          WHERE n.entity = ANY(?::bigint[]) AND (n.documents > 0 OR n.norm = e.norm)) t
        WHERE rank <= ${NAMES_COMPARED} ORDER BY entity, rank`, [ids]);
      const places = await all(db, `SELECT entity, substr(key, 3) AS g FROM kb_keys WHERE entity = ANY(?::bigint[]) AND key >= 'g:' AND key < 'g;' ORDER BY entity, key`, [ids]);
      const namesOf = group(names), placesOf = group(places);
      for (const r of stale) {
        const row = Number(r.rowid), documents = Number(r.documents);
        const own = String(r.norm);
        const ps = (placesOf.get(row) ?? []).map((p) => Number(p.g)).filter(Number.isFinite);
        const value = {
          id: String(r.key), type: String(r.type) as EntityType, name: String(r.name), documents,
          names: (namesOf.get(row) ?? [])
            .filter((n) => Number(n.documents) > 0 || normalizeName(String(n.name)) === own)
            .map((n) => ({ name: String(n.name), documents: Number(n.documents) })),
          ...(ps.length ? { places: ps } : {}),
        };
        this.cache.set(row, { stamp: stampOf(r), documents, value });
        described.set(row, value);
      }
    }
    const apart = await this.apart(db, rows.values());
    return [...rows.values()]
      .sort((a, b) => Number(b.row.documents) - Number(a.row.documents) || Number(a.row.rowid) - Number(b.row.rowid))
      .map(({ row: r, keys: matched }) => ({ ...described.get(Number(r.rowid))!, keys: matched, notSame: apart.get(String(r.key)) ?? [] }));
  }

  /** The entities users said are not these ones, both ways (pairs since undone no longer). */
  private async apart(db: Db, rows: Iterable<{ row: Row }>): Promise<Map<string, string[]>> {
    const keys = [...rows].map((r) => String(r.row.key));
    const out = new Map<string, string[]>();
    const pairs = await all(db, `SELECT a, b FROM kb_decisions WHERE action = 'not-same' AND b IS NOT NULL AND undone IS NULL
      AND (a = ANY(?::text[]) OR b = ANY(?::text[])) ORDER BY seq`, [keys, keys]);
    const add = (a: string, b: string) => {
      const list = out.get(a);
      if (list) list.push(b);
      else out.set(a, [b]);
    };
    for (const p of pairs) {
      add(String(p.a), String(p.b));
      add(String(p.b), String(p.a));
    }
    return out;
  }

  /**
   * For each entity row (with its documents), the entities most often reported with it in its
   * newest documents; those not cached read in one query.
   */
  async context(db: Db, entities: readonly { row: number; documents: number }[]): Promise<Map<number, string[]>> {
    const out = new Map<number, string[]>();
    const stale: { row: number; documents: number }[] = [];
    for (const e of entities) {
      const hit = this.company.get(e.row);
      if (hit && e.documents <= hit.documents * 1.25 + 2) out.set(e.row, hit.ids);
      else stale.push(e);
    }
    if (stale.length) {
      // Its newest documents as SQLite's (entity, day, doc) index gives them backwards.
      const rows = await all(db, `SELECT x.entity, e.key, count(*) AS n FROM unnest(?::bigint[]) AS x(entity)
          CROSS JOIN LATERAL (SELECT doc FROM doc_entities WHERE entity = x.entity ORDER BY day DESC NULLS LAST, doc DESC LIMIT ${CONTEXT_DOCS}) d
          JOIN doc_entities de ON de.doc = d.doc AND de.entity <> x.entity JOIN entities e ON e.rowid = de.entity
        GROUP BY x.entity, e.key ORDER BY x.entity, n DESC, e.key`, [[...new Set(stale.map((e) => e.row))]]);
      const byRow = group(rows);
      for (const e of stale) {
        const ids = (byRow.get(e.row) ?? []).slice(0, CONTEXT_SIZE).map((c) => String(c.key));
        this.company.set(e.row, { documents: e.documents, ids });
        out.set(e.row, ids);
      }
    }
    return out;
  }
}

/** What a cached candidate was described under: it is read again when any of these change. */
function stampOf(r: Row): string {
  return `${String(r.key)}\u0000${String(r.name)}\u0000${String(r.type)}`;
}

/** Rows by their `entity` column. */
function group(rows: readonly Row[]): Map<number, Row[]> {
  const out = new Map<number, Row[]>();
  for (const r of rows) {
    const k = Number(r.entity);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}
