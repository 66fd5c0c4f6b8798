// Counts violent events (attack, airstrike, killing, fight) in a folder of articles and lists
// them: on political news there should be almost none, the rest being figures of speech
// ("attacked her record", "killed the bill").
// Usage: node scripts/count-violent-events.mjs DIR        (a folder of .txt articles; run `npm run build` first)
//        node scripts/count-violent-events.mjs --records FILE [--as-stored]
//        (records from `newsgraph extract`: the events stage runs again on them, or with --as-stored they are read as they are)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Doc } from '../dist/core/doc.js';
import { defaultPipeline } from '../dist/pipeline/default.js';
import { docFromRecord } from '../dist/output/restore.js';

const { values: a, positionals } = parseArgs({ allowPositionals: true, options: { records: { type: 'string' }, 'as-stored': { type: 'boolean', default: false } } });
const VIOLENT = new Set(['attack', 'airstrike', 'killing', 'fight']);
const pipeline = defaultPipeline();

function* docs() {
  if (a.records) {
    for (const line of readFileSync(a.records, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const rec = JSON.parse(line);
      yield a['as-stored'] ? { id: rec.id, text: rec.text, events: rec.events ?? [] } : { id: rec.id, text: rec.text, events: pipeline.rerun(docFromRecord(rec), ['events']).doc.layer('events') };
    }
    return;
  }
  for (const name of readdirSync(positionals[0]).filter((n) => n.endsWith('.txt')).sort()) {
    // Offsets are into the normalised text the pipeline reads, not the file's.
    const doc = pipeline.run(Doc.create(readFileSync(join(positionals[0], name), 'utf8'), {}, name)).doc;
    yield { id: name, text: doc.text, events: doc.layer('events') };
  }
}

let n = 0, count = 0;
const byType = {};
for (const d of docs()) {
  n++;
  for (const e of d.events) {
    if (!VIOLENT.has(e.type)) continue;
    count++;
    byType[e.type] = (byType[e.type] ?? 0) + 1;
    const t = e.trigger ?? { start: e.triggerStart ?? e.start, end: e.triggerEnd ?? e.end };
    const ctx = d.text.slice(Math.max(0, t.start - 60), t.end + 60).replace(/\s+/g, ' ');
    console.log(`${d.id}\t${e.type}\t${d.text.slice(t.start, t.end)}\t…${ctx}…`);
  }
}
console.log(`${count} violent events in ${n} articles (${Object.entries(byType).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'})`);
