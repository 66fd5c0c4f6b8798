import assert from 'node:assert/strict';
import { test } from 'node:test';
import { article, BRIDGE, HARBOUR, LIBRARY } from './fixture.js';
import { containment, foldedWords, ownShingles, SAMPLE_EVERY, shingleSet, sketch } from './shingles.js';

const share = (a: string, b: string) => containment(ownShingles(sketch(a)), shingleSet(sketch(b)));
const original = article(BRIDGE);

test('folding: case, accents, apostrophes, quotes and dashes do not change the words', () => {
  assert.deepEqual(foldedWords('“We’re NOT going” — said Ílse'), foldedWords('"We\'re not going" -- said Ilse'));
  assert.deepEqual(foldedWords('Mayor Ilse Brandt’s office'), ['mayor', 'ilse', 'brandts', 'office']);
});

test('retyped quotes, dashes, spaces, line wrapping and case leave every shingle found', () => {
  const retyped = original.replace(/[“”]/g, '"').replace(/’/g, "'").replace(/\. /g, '.   ').replace(/, /g, ',\n').toUpperCase();
  assert.equal(share(retyped, original), 1);
});

test('a dateline and credit line added, bottom paragraphs cut, an update inserted: still most of the text', () => {
  const [title, ...body] = BRIDGE;
  const datelined = article([title!, `KESSEL (AP) — ${body[0]}`, ...body.slice(1), 'Associated Press']);
  assert.ok(share(datelined, original) > 0.9, String(share(datelined, original)));
  const cut = article([title!, ...body.slice(0, 2)]);
  assert.equal(share(cut, original), 1);
  const updated = article([title!, body[0]!, 'UPDATE: The council voted on Tuesday evening to set aside emergency money for a temporary footbridge beside the closed span.', ...body.slice(1)]);
  const s = share(updated, original);
  assert.ok(s > 0.75 && s < 1, String(s));
});

test('containment is asymmetric: a cut copy is all in its original, the original only partly in the copy', () => {
  const cut = article(BRIDGE.slice(0, 3));
  assert.equal(share(cut, original), 1);
  assert.ok(share(original, cut) < 0.6);
});

test('articles on the same town, or unrelated, share next to nothing', () => {
  assert.ok(share(article(LIBRARY), original) < 0.05);
  assert.equal(share(article(HARBOUR), original), 0);
});

test('lines left out as boilerplate take their shingles out of the document’s own text', () => {
  const footer = 'Sign up for the Valley Courier morning letter to get every story from the valley in your inbox each weekday.';
  const text = article([...HARBOUR.slice(0, 2), footer]);
  const sk = sketch(text);
  const footerLine = sk.lines.length - 2;
  assert.ok(sk.edges.includes(footerLine), 'the last line is an edge line');
  const all = ownShingles(sk), own = ownShingles(sk, new Set([footerLine]));
  assert.ok(own.size < all.size - 10);
  // None of the footer's own shingles remains.
  assert.equal(containment(own, shingleSet(sketch(footer))), 0);
});

test('the sample is the same share of every document, and the same shingles in each', () => {
  const a = sketch(original), b = sketch(article(BRIDGE.slice(0, 4)));
  assert.ok(a.sample.every((h) => h % SAMPLE_EVERY === 0));
  const inA = new Set(a.sample);
  assert.ok(b.sample.length > 0 && b.sample.every((h) => inA.has(h)));
  assert.equal(new Set(a.sample).size, a.sample.length);
});
