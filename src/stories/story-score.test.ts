import assert from 'node:assert/strict';
import { test } from 'node:test';
import { record } from '../store/contract.js';
import type { NewsRecord } from '../output/record.js';
import { storyFeatures, type StoryFeatures } from './story-features.js';
import { addToCentroid, asCentroid, emptyCentroid } from './story-centroid.js';
import { chooseStory, docVectors, heaviest, STORY_PARAMS, storyScore, type StoryCentroid, type StoryStats } from './story-score.js';

// Invented reports: two outlets on one flood in Velmora, the same kind of flood in Ostrava Lake
// a year later, and an unrelated council vote.
const FLOOD_A = 'The Tamsin river burst its banks in Velmora on Tuesday, flooding 300 homes. Mayor Ilse Konrad said rescue boats reached the old quarter by night. Two people are missing.';
const FLOOD_B = 'Rescue boats reached the old quarter of Velmora after the Tamsin river flooded 300 homes, Mayor Ilse Konrad said. Two residents remain missing after Tuesday’s flood.';
const FLOOD_LATER = 'The Tamsin river burst its banks in Ostrava Lake on Monday, flooding 120 homes. Mayor Petr Halas said rescue boats were sent to the lower town. No one is missing.';
const COUNCIL = 'The harbour council of Brenmouth voted to raise berth fees by four percent from April, citing repairs to the northern pier.';

const ENT: Record<string, string> = { 'Ilse Konrad': 'PERSON:ilse konrad', 'Petr Halas': 'PERSON:petr halas', Tamsin: 'LOC:tamsin', Velmora: 'GPE:velmora', 'Ostrava Lake': 'GPE:ostrava lake', Brenmouth: 'GPE:brenmouth' };
const PLACE: Record<string, number> = { Velmora: 1001, 'Ostrava Lake': 1002, Brenmouth: 1003 };

function report(text: string, published: string, outlet: string): NewsRecord {
  const names = Object.keys(ENT).filter((n) => text.includes(n));
  return record(text, { published, outlet }, {
    entities: names.map((n, i) => ({ id: `e${i + 1}`, type: ENT[n]!.split(':')[0] as 'GPE', name: n, aliases: [], kb: ENT[n]! })),
    places: names.filter((n) => PLACE[n]).map((n, i) => ({ id: `p${i + 1}`, start: text.indexOf(n), end: text.indexOf(n) + n.length, text: n, name: n, geonameId: PLACE[n]!, lat: 0, lon: 0 })),
  });
}

function statsOf(fs: readonly StoryFeatures[]): StoryStats {
  const df = new Map<string, number>();
  for (const f of fs) for (const k of [...f.terms.keys(), ...f.entities.map((e) => `e:${e}`), ...f.places.map((g) => `g:${g}`)]) df.set(k, (df.get(k) ?? 0) + 1);
  return { documents: fs.length, df };
}

const a = storyFeatures(report(FLOOD_A, '2024-03-05', 'Valley Post'));
const b = storyFeatures(report(FLOOD_B, '2024-03-06', 'Harbour Times'));
const later = storyFeatures(report(FLOOD_LATER, '2025-02-10', 'Valley Post'));
const council = storyFeatures(report(COUNCIL, '2024-03-06', 'Harbour Times'));
const stats = statsOf([a, b, later, council]);
/** A story of the given reports, as a store would keep it. */
function storyOf(id: string, members: readonly StoryFeatures[], st: StoryStats = stats): StoryCentroid {
  const c = emptyCentroid();
  for (const f of members) addToCentroid(c, docVectors(f, st), f);
  return asCentroid(id, c);
}
const score = (x: StoryFeatures, y: StoryFeatures) => storyScore(x, docVectors(x, stats), storyOf('s', [y]));

test('features: words without function words, kb entities, places, the publication day, years', () => {
  assert.equal(a.terms.get('tamsin'), 1);
  assert.equal(a.terms.has('the'), false);
  assert.deepEqual([...a.entities].sort(), ['GPE:velmora', 'LOC:tamsin', 'PERSON:ilse konrad']);
  assert.deepEqual(a.places, [1001]);
  assert.equal(a.day, '2024-03-05');
  // Without a publication date, the first full date of the text stands for it.
  const undated = storyFeatures({ ...report(FLOOD_A, '', 'x'), meta: {}, times: [
    { start: 0, end: 4, text: '2019', value: '2019', type: 'DATE' }, { start: 10, end: 20, text: 'May 2, 2023', value: '2023-05-02', type: 'DATE' },
  ] });
  assert.equal(undated.day, '2023-05-02');
  assert.deepEqual(undated.years, [2019, 2023]);
});

test('two reports of one flood score high; another town, a year later, is vetoed by the dates', () => {
  const same = score(a, b), council0 = score(a, council);
  assert.ok(same.score > 0.5, `same flood ${same.score}`);
  assert.ok(council0.score < STORY_PARAMS.join, `unrelated ${council0.score}`);
  assert.equal(score(a, later).veto, 'dates');
  // Undated, the near miss still scores below the same event: other town, other mayor.
  const undated = (f: StoryFeatures): StoryFeatures => ({ ...f, day: undefined } as StoryFeatures);
  assert.ok(score(undated(a), undated(later)).score < same.score - 0.2);
});

test('clustering as documents land: one story per event, near misses apart, ids kept', () => {
  const landed: { story: string; features: StoryFeatures }[] = [];
  const opened: string[] = [];
  const order = (id: string) => opened.indexOf(id);
  const land = (doc: string, f: StoryFeatures) => {
    const st = statsOf(landed.map((x) => x.features));
    const stories = opened.map((id) => storyOf(id, landed.filter((x) => x.story === id).map((x) => x.features), st));
    const c = chooseStory(f, stories, st, order);
    const story = c.story ?? `story:${doc}`;
    if (!c.story) opened.push(story);
    landed.push({ story, features: f });
    return story;
  };
  assert.equal(land('a', a), 'story:a');
  assert.equal(land('council', council), 'story:council');
  assert.equal(land('b', b), 'story:a');
  assert.equal(land('later', later), 'story:later');
});

test('a document tied strongly to two stories merges the younger into the older', () => {
  const c = chooseStory(b, [storyOf('story:y', [a]), storyOf('story:x', [a]), storyOf('story:c', [council])], stats, (s) => ({ 'story:x': 1, 'story:y': 2, 'story:c': 3 })[s] ?? 9);
  assert.equal(c.story, 'story:x');
  assert.deepEqual(c.merge, ['story:y']);
});

test('a document leaving a story takes its words out of the centroid', () => {
  const c = emptyCentroid();
  const va = docVectors(a, stats), vb = docVectors(b, stats);
  addToCentroid(c, va, a);
  addToCentroid(c, vb, b);
  addToCentroid(c, vb, b, -1);
  for (const [k, x] of va.words) assert.ok(Math.abs((c.words.get(k) ?? 0) - x) < 1e-9, k);
  assert.equal(c.words.size, va.words.size);
});

test('a document is weighed by its heaviest words: ties keep the order the words came in', () => {
  const v = new Map([['harbour', 0.2], ['ferry', 0.5], ['pier', 0.2], ['storm', 0.4]]);
  assert.deepEqual([...heaviest(v, 3)], [['ferry', 0.5], ['storm', 0.4], ['harbour', 0.2]]);
  assert.equal(heaviest(v, 4), v);
});
