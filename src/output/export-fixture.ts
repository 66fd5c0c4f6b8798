import { Writable } from 'node:stream';
import { extractEvents } from '../stages/events/extract.js';
import { fixtureDoc } from '../stages/fixture.js';
import { toRecord, type NewsRecord } from './record.js';

/** A stored-like record with hand-made layers and the events found in it, for export writer tests. */
export function eventRecord(marked: string, meta: { published?: string; url?: string; outlet?: string } = {}): NewsRecord {
  let doc = fixtureDoc(marked).withMeta(meta);
  const ids = new Map<string, number>();
  for (const p of doc.layer('places')) if (!ids.has(p.name)) ids.set(p.name, ids.size);
  doc = doc.with({ places: doc.layer('places').map((p) => ({ ...p, lat: 34 + ids.get(p.name)!, lon: 36 + ids.get(p.name)!, geonameId: 1000 + ids.get(p.name)!, country: 'ZZ' })) });
  doc = doc.with({ events: extractEvents(doc) });
  return toRecord({ doc, timings: [], diagnostics: [] });
}

export async function* records(...rs: NewsRecord[]): AsyncIterable<NewsRecord> {
  for (const r of rs) yield r;
}

/** A writable that keeps what it is given. */
export function sink(): { out: Writable; text: () => string } {
  const chunks: string[] = [];
  const out = new Writable({ write(c, _e, cb) { chunks.push(String(c)); cb(); } });
  return { out, text: () => chunks.join('') };
}
