// The highest recall any relations layer could reach on a re3d file under the relations scorer,
// given the names the entities layer finds: the scorer credits a relation when a *name* mention
// (the record's `mentions`, not its `references`) of each side overlaps the gold span, and one
// predicted relation counts once, however many gold rows it matches (re3d lists most symmetric
// relations in both directions). Prints the ceiling, and how many gold sides no name overlaps
// (pronouns, descriptions, weapons) against those a name overlaps.
// Usage: node scripts/re3d-ceiling.mjs FILE   (e.g. /tmp/re3d-dev.jsonl from split-re3d.mjs)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { RE3D_SYMMETRIC as SYMMETRIC, RE3D_TYPE } from '../dist/eval/relations.js';

// The re3d types the scorer reads (those our relation types map onto).
const TYPES = new Set(Object.values(RE3D_TYPE));
const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/re3d-ceiling.mjs FILE');
  process.exit(2);
}
const input = readFileSync(file, 'utf8');
const docs = input.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const r = spawnSync(process.execPath, ['dist/cli/main.js', 'extract', '--from', 'jsonl', '-'], { input, encoding: 'utf8', maxBuffer: 1 << 30 });
if (r.status !== 0) {
  console.error(`re3d-ceiling: extract failed: ${r.stderr.slice(-500)}`);
  process.exit(1);
}
const records = new Map(r.stdout.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)).map((rec) => [String(rec.id), rec]));

const overlaps = (m, s, e) => m.start < e && s < m.end;
let gold = 0, reachable = 0, bothNamed = 0, sidesNamed = 0, sidesOther = 0;
for (const d of docs) {
  const named = (records.get(String(d.id))?.mentions ?? []).filter((m) => m.entity);
  const entitiesOver = (s, e) => [...new Set(named.filter((m) => overlaps(m, s, e)).map((m) => m.entity))];
  const predicted = new Set();
  for (const g of d.relations ?? []) {
    if (!TYPES.has(g.type) || g.confidence < 0.5) continue;
    gold++;
    const a = entitiesOver(g.sourceBegin, g.sourceEnd), b = entitiesOver(g.targetBegin, g.targetEnd);
    for (const side of [a, b]) side.length ? sidesNamed++ : sidesOther++;
    // A relation links two entities: a gold row both of whose sides are one entity cannot be predicted.
    const pairs = a.flatMap((x) => b.filter((y) => y !== x).map((y) => `${g.type}|${SYMMETRIC.has(g.type) && y < x ? `${y}|${x}` : `${x}|${y}`}`));
    if (!pairs.length) continue;
    bothNamed++;
    if (!pairs.some((p) => predicted.has(p))) predicted.add(pairs[0]);
  }
  reachable += predicted.size;
}
const pct = (x) => (100 * x).toFixed(1);
console.log(`${file}: ${gold} gold relations; ${bothNamed} have two different named entities on their sides;`);
console.log(`gold sides overlapping a name: ${sidesNamed}, overlapping none (pronouns, descriptions, objects): ${sidesOther}`);
console.log(`recall ceiling: ${reachable} distinct relations could be credited, ${pct(reachable / gold)}% of ${gold}`);
