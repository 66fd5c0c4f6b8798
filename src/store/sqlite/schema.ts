import type Database from 'better-sqlite3';
import { NewsgraphError } from '../../core/errors.js';
import { writeCopySummary } from './copy-summary.js';

/**
 * Schema migrations, applied in order; PRAGMA user_version records how many have run.
 * Never edit a released step: append a new one.
 */
/** An entity's popularity rank on a key: 0 without documents, else 1 + floor(log2(documents)). */
function popularity(documents: string): string {
  return `(CASE WHEN ${documents} > 0 THEN 1 + CAST(log2(${documents}) AS INTEGER) ELSE 0 END)`;
}

/** Schema steps in order: SQL, or a function for what SQL cannot compute; one user_version per step. */
export const MIGRATIONS: readonly (string | ((db: Database.Database) => void))[] = [
  `
  -- Kept small (metadata only) so joins from search hits stay in the page cache.
  CREATE TABLE documents (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL UNIQUE,
    title TEXT, author TEXT, outlet TEXT, url TEXT, published TEXT, origin TEXT, lang TEXT,
    day TEXT,                -- YYYY-MM-DD of published, for date ranges and timelines
    added TEXT NOT NULL
  );
  CREATE INDEX documents_day ON documents(day);
  CREATE INDEX documents_outlet ON documents(outlet COLLATE NOCASE);

  -- The text lives here, once: FTS5 keeps it for snippets and get() reads it back by rowid.
  -- Porter stemming: a search for "attack" finds "attacks" and "attacked".
  CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, tokenize='porter unicode61 remove_diacritics 2'
  );

  -- The newsgraph/1 record as JSON, without its text.
  CREATE TABLE records (
    rowid INTEGER PRIMARY KEY REFERENCES documents(rowid) ON DELETE CASCADE,
    record TEXT NOT NULL
  );

  CREATE TABLE entities (
    rowid INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,   -- type:normalised name, the cross-document id
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT,
    documents INTEGER NOT NULL DEFAULT 0,
    mentions INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX entities_type ON entities(type, documents);
  CREATE TABLE entity_names (
    entity INTEGER NOT NULL REFERENCES entities(rowid) ON DELETE CASCADE,
    norm TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (entity, norm)
  ) WITHOUT ROWID;
  CREATE INDEX entity_names_norm ON entity_names(norm);

  CREATE TABLE doc_entities (
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    entity INTEGER NOT NULL REFERENCES entities(rowid),
    mentions INTEGER NOT NULL,
    PRIMARY KEY (doc, entity)
  ) WITHOUT ROWID;
  CREATE INDEX doc_entities_entity ON doc_entities(entity, doc);

  CREATE TABLE mentions (
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL, type TEXT NOT NULL, kind TEXT,
    entity INTEGER REFERENCES entities(rowid)
  );
  CREATE INDEX mentions_doc ON mentions(doc);
  CREATE INDEX mentions_entity ON mentions(entity);

  CREATE TABLE quotes (
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    kind TEXT NOT NULL, text TEXT NOT NULL,
    speaker INTEGER REFERENCES entities(rowid),
    speaker_text TEXT, speaker_norm TEXT, cue TEXT
  );
  CREATE INDEX quotes_doc ON quotes(doc);
  CREATE INDEX quotes_speaker ON quotes(speaker);
  CREATE INDEX quotes_speaker_norm ON quotes(speaker_norm);

  CREATE TABLE places (
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL, name TEXT NOT NULL, norm TEXT NOT NULL,
    lat REAL, lon REAL, country TEXT, geoname_id INTEGER
  );
  CREATE INDEX places_doc ON places(doc);
  CREATE INDEX places_norm ON places(norm);

  CREATE TABLE events (
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    type TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    actor TEXT, target TEXT, place TEXT, time TEXT,
    day TEXT,               -- the event's date when it has one, else the document's
    item TEXT NOT NULL
  );
  CREATE INDEX events_doc ON events(doc);
  CREATE INDEX events_day ON events(day);
  CREATE INDEX events_actor ON events(actor);
  CREATE INDEX events_target ON events(target);

  CREATE TABLE relations (
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    type TEXT NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, time TEXT,
    item TEXT NOT NULL
  );
  CREATE INDEX relations_doc ON relations(doc);
  CREATE INDEX relations_a ON relations(a);
  CREATE INDEX relations_b ON relations(b);

  CREATE TABLE times (
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL, value TEXT NOT NULL, type TEXT, mod TEXT
  );
  CREATE INDEX times_doc ON times(doc);
  CREATE INDEX times_value ON times(value);

  CREATE TABLE quantities (
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL, value REAL, min REAL, max REAL,
    unit TEXT, currency TEXT, qualifier TEXT, per TEXT
  );
  CREATE INDEX quantities_doc ON quantities(doc);
  `,
  // 2: the entity type beside each document's entity, so the type facet needs no join.
  `
  ALTER TABLE doc_entities ADD COLUMN type TEXT;
  UPDATE doc_entities SET type = (SELECT type FROM entities WHERE entities.rowid = doc_entities.entity);
  `,
  // 3: documents and mentions per entity and month, kept up to date by put() and delete(), so an
  // entity's timeline reads a few dozen rows however many articles name it.
  `
  CREATE TABLE entity_months (
    entity INTEGER NOT NULL REFERENCES entities(rowid) ON DELETE CASCADE,
    month TEXT NOT NULL,
    documents INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (entity, month)
  ) WITHOUT ROWID;
  INSERT INTO entity_months (entity, month, documents, mentions)
    SELECT de.entity, substr(d.day, 1, 7), count(*), sum(de.mentions)
    FROM doc_entities de JOIN documents d ON d.rowid = de.doc WHERE d.day IS NOT NULL
    GROUP BY de.entity, substr(d.day, 1, 7);
  `,
  // 4: the entity types each document names (",GPE,PERSON,"), so the type filter and facet read the
  // document row alone; places indexed with their names, so the place facet reads the index alone.
  `
  ALTER TABLE documents ADD COLUMN types TEXT;
  UPDATE documents SET types = (SELECT ',' || group_concat(type, ',') || ','
    FROM (SELECT DISTINCT type FROM doc_entities WHERE doc = documents.rowid ORDER BY type));
  CREATE INDEX places_doc_norm ON places(doc, norm, name);
  DROP INDEX places_doc;
  `,
  // 5: each document's day beside its entities, so "the newest articles naming X" walks one index
  // range instead of sorting every article that names X.
  `
  ALTER TABLE doc_entities ADD COLUMN day TEXT;
  UPDATE doc_entities SET day = (SELECT day FROM documents WHERE rowid = doc_entities.doc);
  CREATE INDEX doc_entities_entity_day ON doc_entities(entity, day, doc);
  DROP INDEX doc_entities_entity;
  `,
  // 6: the knowledge base. Entities are knowledge-base entities (key = stable id); each name
  // counts the documents that use it, each type the documents that gave it; kb_keys are the
  // name keys resolution finds candidates by; merged-away ids redirect; corrections are kept.
  `
  ALTER TABLE entity_names ADD COLUMN documents INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE entities ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;  -- name set by a user
  CREATE TABLE entity_types (
    entity INTEGER NOT NULL REFERENCES entities(rowid) ON DELETE CASCADE,
    type TEXT NOT NULL,
    documents INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (entity, type)
  ) WITHOUT ROWID;
  CREATE TABLE kb_keys (
    key TEXT NOT NULL,
    entity INTEGER NOT NULL REFERENCES entities(rowid) ON DELETE CASCADE,
    PRIMARY KEY (key, entity)
  ) WITHOUT ROWID;
  CREATE INDEX kb_keys_entity ON kb_keys(entity);
  CREATE TABLE entity_redirects (old TEXT PRIMARY KEY, new TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE kb_decisions (
    seq INTEGER PRIMARY KEY,
    action TEXT NOT NULL,    -- merge, split, rename, not-same
    a TEXT NOT NULL, b TEXT, name TEXT,
    who TEXT NOT NULL, at TEXT NOT NULL, note TEXT,
    doc TEXT, start INTEGER, "end" INTEGER, evidence TEXT
  );
  CREATE INDEX kb_decisions_a ON kb_decisions(a);
  CREATE INDEX kb_decisions_b ON kb_decisions(b);
  `,
  // 7: copies and sources (src/stories). The record's copyOf, copyShare and source beside its
  // metadata, so independence is read from document rows; each original's sampled shingles
  // (candidates for the copies stage) and its first and last lines per outlet (boilerplate).
  // Records stored before have no rows here until reprocess runs the copies stage on them.
  `
  ALTER TABLE documents ADD COLUMN copy_of TEXT;
  ALTER TABLE documents ADD COLUMN copy_share REAL;
  ALTER TABLE documents ADD COLUMN source TEXT;
  CREATE INDEX documents_copy_of ON documents(copy_of);
  CREATE TABLE copy_sketch (
    hash INTEGER NOT NULL,
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    PRIMARY KEY (hash, doc)
  ) WITHOUT ROWID;
  CREATE INDEX copy_sketch_doc ON copy_sketch(doc);
  CREATE TABLE copy_lines (
    outlet TEXT NOT NULL,
    hash INTEGER NOT NULL,
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    PRIMARY KEY (outlet, hash, doc)
  ) WITHOUT ROWID;
  CREATE INDEX copy_lines_doc ON copy_lines(doc);
  `,
  // 8: claims (src/claims): one row per assertion a record makes, about knowledge-base ids
  // (subject, other side, speaker), with its period and figure bounds; claims are built from them
  // on read, with the copy and source of their documents from the documents table.
  // claim_rules holds the version of the rules that derived the rows.
  `
  CREATE TABLE claim_rows (
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL, subject TEXT NOT NULL, other TEXT, speaker TEXT,
    key TEXT NOT NULL,       -- what else must be equal: unit and event type, event or relation type, quote words
    day TEXT,                -- YYYY-MM-DD the claim is about
    lo REAL, hi REAL,        -- the values a figure allows; hi NULL is unbounded
    negated INTEGER NOT NULL DEFAULT 0,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    detail TEXT NOT NULL,
    PRIMARY KEY (doc, seq)
  ) WITHOUT ROWID;
  CREATE INDEX claim_rows_subject ON claim_rows(subject, day);
  CREATE INDEX claim_rows_other ON claim_rows(other, day);
  CREATE INDEX claim_rows_speaker ON claim_rows(speaker);
  CREATE INDEX claim_rows_key ON claim_rows(kind, key, day);
  CREATE INDEX claim_rows_day ON claim_rows(day);
  CREATE TABLE claim_rules (version TEXT NOT NULL);
  `,
  // 9: stories (src/stories). Each story's centroid; each document's story and features; index
  // keys (heaviest words, rarest entities and places) posting documents, read newest first;
  // document frequencies of every key (key '' counts documents); merged-away ids redirect.
  `
  CREATE TABLE stories (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    documents INTEGER NOT NULL DEFAULT 0,
    centroid TEXT NOT NULL DEFAULT ''  -- summed word, entity and place vectors, days, years (JSON)
  );
  CREATE INDEX stories_documents ON stories(documents);
  CREATE TABLE story_docs (
    doc INTEGER PRIMARY KEY REFERENCES documents(rowid) ON DELETE CASCADE,
    story INTEGER NOT NULL REFERENCES stories(rowid),
    features TEXT NOT NULL,  -- entities, places, day, years (JSON)
    vector TEXT NOT NULL,    -- heaviest words with their weights when stored
    terms TEXT NOT NULL      -- word counts, to take its frequencies out when it leaves
  );
  CREATE INDEX story_docs_story ON story_docs(story, doc);
  CREATE TABLE story_keys (
    key TEXT NOT NULL,
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    PRIMARY KEY (key, doc)
  ) WITHOUT ROWID;
  CREATE INDEX story_keys_doc ON story_keys(doc);
  CREATE TABLE story_df (key TEXT PRIMARY KEY, documents INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TABLE story_redirects (old TEXT PRIMARY KEY, new TEXT NOT NULL) WITHOUT ROWID;
  `,
  // 10: times: the last end of a range and the stretch beside a counted date.
  `
  ALTER TABLE times ADD COLUMN to_value TEXT;
  ALTER TABLE times ADD COLUMN duration TEXT;
  `,
  // 11: the users' not-same decisions found without reading the merges resolution records.
  `
  CREATE INDEX kb_decisions_action ON kb_decisions(action);
  `,
  // 12: each key's entities in order of how often they are reported, by doublings of their
  // documents, so that resolution reads a key's most reported few straight from an index instead
  // of ranking all of them. The rank changes only when the documents cross a power of two.
  `
  ALTER TABLE kb_keys ADD COLUMN rank INTEGER NOT NULL DEFAULT 0;
  UPDATE kb_keys SET rank = (SELECT ${popularity('documents')} FROM entities WHERE rowid = kb_keys.entity);
  CREATE INDEX kb_keys_rank ON kb_keys(key, rank DESC, entity);
  CREATE TRIGGER kb_keys_ranked AFTER INSERT ON kb_keys BEGIN
    UPDATE kb_keys SET rank = (SELECT ${popularity('documents')} FROM entities WHERE rowid = new.entity)
    WHERE key = new.key AND entity = new.entity;
  END;
  CREATE TRIGGER kb_keys_rerank AFTER UPDATE OF documents ON entities
  WHEN ${popularity('new.documents')} != ${popularity('old.documents')} BEGIN
    UPDATE kb_keys SET rank = ${popularity('new.documents')} WHERE entity = new.rowid;
  END;
  `,
  // 13: the size at which each story was last settled (its young joins weighed again).
  `
  ALTER TABLE stories ADD COLUMN settled INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX stories_unsettled ON stories(rowid) WHERE documents >= 2 AND documents >= 2 * settled;
  `,
  // 14: undoing corrections: what undoing a decision needs (JSON; none: it cannot be undone),
  // and the seq of the decision that undid it.
  `
  ALTER TABLE kb_decisions ADD COLUMN undo TEXT;
  ALTER TABLE kb_decisions ADD COLUMN undone INTEGER;
  `,
  // 15: each document's facet values in one row (outlet, day, entity types; its entities'
  // rowids; its places' norms, each with its first name), so that a search's facets read one
  // row per hit, not one per mention.
  `
  CREATE TABLE doc_facets (
    doc INTEGER PRIMARY KEY REFERENCES documents(rowid) ON DELETE CASCADE,
    outlet TEXT, day TEXT, types TEXT, entities BLOB, places TEXT
  );
  ${docFacetsSql('')}
  CREATE TABLE entity_outlets (
    entity INTEGER NOT NULL REFERENCES entities(rowid) ON DELETE CASCADE,
    outlet TEXT NOT NULL COLLATE NOCASE,
    documents INTEGER NOT NULL,
    PRIMARY KEY (entity, outlet)
  ) WITHOUT ROWID;
  ${entityOutletsSql('')}
  `,
  // 16: an entity page's reads answered from indexes: the mentions of it in a few documents
  // (quotes about it), a speaker's quotes document by document, and places with their coordinates.
  `
  DROP INDEX mentions_entity;
  CREATE INDEX mentions_entity ON mentions(entity, doc, start, "end");
  DROP INDEX quotes_speaker;
  CREATE INDEX quotes_speaker ON quotes(speaker, doc);
  DROP INDEX places_doc_norm;
  CREATE INDEX places_doc_norm ON places(doc, norm, name, lat, lon, country, geoname_id);
  `,
  // 17: story_df counts the documents filed up to row `through`; those filed after it are counted
  // from their story_docs rows (their features and word counts), and folded in every so many
  // documents (src/store/sqlite/stories.ts).
  `
  CREATE TABLE story_df_through (through INTEGER NOT NULL);
  INSERT INTO story_df_through SELECT coalesce(max(doc), 0) FROM story_docs;
  `,
  // 18: the copies' and stories' postings are written to small tables of recent rows, moved into
  // the large ones every so many documents (recent-postings.ts); `through` is the last document
  // row stored when they were last moved.
  `
  CREATE TABLE copy_sketch_new (
    hash INTEGER NOT NULL,
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    PRIMARY KEY (hash, doc)
  ) WITHOUT ROWID;
  CREATE INDEX copy_sketch_new_doc ON copy_sketch_new(doc);
  CREATE TABLE story_keys_new (
    key TEXT NOT NULL,
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    PRIMARY KEY (key, doc)
  ) WITHOUT ROWID;
  CREATE INDEX story_keys_new_doc ON story_keys_new(doc);
  CREATE TABLE postings_moved (through INTEGER NOT NULL);
  INSERT INTO postings_moved SELECT coalesce(max(rowid), 0) FROM documents;
  `,
  // 19: a Bloom filter of copy_sketch's hashes as of the last move (copy-summary.ts), so that a
  // landing document looks up only the hashes the index may hold; 20: built for the rows there.
  `
  CREATE TABLE copy_sketch_summary (bits BLOB NOT NULL, entries INTEGER NOT NULL, through INTEGER NOT NULL);
  `,
  writeCopySummary,
  // 21: the recent postings in document order (recent-postings.ts): a group's rows fill the
  // table's last pages instead of one page each; connections look them up by key in memory.
  `
  CREATE TABLE copy_sketch_recent (
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    hash INTEGER NOT NULL,
    PRIMARY KEY (doc, hash)
  ) WITHOUT ROWID;
  INSERT INTO copy_sketch_recent (doc, hash) SELECT doc, hash FROM copy_sketch_new;
  DROP TABLE copy_sketch_new;
  ALTER TABLE copy_sketch_recent RENAME TO copy_sketch_new;
  CREATE TABLE story_keys_recent (
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    key TEXT NOT NULL,
    PRIMARY KEY (doc, key)
  ) WITHOUT ROWID;
  INSERT INTO story_keys_recent (doc, key) SELECT doc, key FROM story_keys_new;
  DROP TABLE story_keys_new;
  ALTER TABLE story_keys_recent RENAME TO story_keys_new;
  `,
  // 22: a middle tier between the recent postings and the large tables (recent-postings.ts):
  // moved into every 2,000 documents, itself moved into the large tables every 10 moves.
  `
  CREATE TABLE copy_sketch_mid (
    hash INTEGER NOT NULL,
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    PRIMARY KEY (hash, doc)
  ) WITHOUT ROWID;
  CREATE INDEX copy_sketch_mid_doc ON copy_sketch_mid(doc);
  CREATE TABLE story_keys_mid (
    key TEXT NOT NULL,
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    PRIMARY KEY (key, doc)
  ) WITHOUT ROWID;
  CREATE INDEX story_keys_mid_doc ON story_keys_mid(doc);
  ALTER TABLE postings_moved ADD COLUMN mid_moves INTEGER NOT NULL DEFAULT 0;
  `,
];

/**
 * Counts the documents of each entity per outlet (letter case folded), for every entity or
 * (`AND de.entity = ?`-style condition given) one, so an entity's page reads its outlets in a few
 * rows however many documents name it; put(), delete and merges keep the counts.
 */
export function entityOutletsSql(and: string): string {
  return `INSERT INTO entity_outlets (entity, outlet, documents)
    SELECT de.entity, min(d.outlet), count(*) FROM doc_entities de JOIN documents d ON d.rowid = de.doc
    WHERE d.outlet IS NOT NULL ${and} GROUP BY de.entity, d.outlet COLLATE NOCASE;`;
}

/**
 * Fills doc_facets from documents, doc_entities and places, for every document or (`WHERE doc =
 * ?`-style condition given) one: entity rowids as 32-bit big-endian integers, read without
 * parsing; "norm\x01name" pairs joined by \x02.
 */
export function docFacetsSql(where: string): string {
  return `WITH p AS (SELECT doc, norm, min(name) AS name FROM places ${where} GROUP BY doc, norm),
    pc AS (SELECT doc, group_concat(norm || char(1) || name, char(2)) AS places FROM p GROUP BY doc),
    ec AS (SELECT doc, unhex(group_concat(printf('%08X', entity), '')) AS entities FROM doc_entities ${where} GROUP BY doc)
  INSERT OR REPLACE INTO doc_facets (doc, outlet, day, types, entities, places)
    SELECT d.rowid, d.outlet, d.day, d.types, ec.entities, pc.places FROM documents d LEFT JOIN ec ON ec.doc = d.rowid LEFT JOIN pc ON pc.doc = d.rowid
    ${where ? where.replace('doc', 'd.rowid') : ''};`;
}

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings the database up to the current schema; refuses one written by a newer newsgraph. All
 * steps run in one IMMEDIATE transaction: a second process opening the same new store waits for
 * it, then finds the version already current (it is read again under the lock) and runs nothing.
 */
export function migrate(db: Database.Database): void {
  const version = (): number => {
    const v = db.pragma('user_version', { simple: true }) as number;
    if (v > MIGRATIONS.length) {
      throw new NewsgraphError('store.schema-newer', `database schema version ${v} is newer than this newsgraph supports (${MIGRATIONS.length}); upgrade newsgraph`);
    }
    return v;
  };
  if (version() === MIGRATIONS.length) return;
  db.transaction(() => {
    const current = version();
    for (let v = current; v < MIGRATIONS.length; v++) {
      const step = MIGRATIONS[v]!;
      if (typeof step === 'string') db.exec(step);
      else step(db);
    }
    if (current < MIGRATIONS.length) db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}
