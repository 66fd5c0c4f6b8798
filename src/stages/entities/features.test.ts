import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFeatures, lowerForm, wordInfo } from './features.js';
import { hashString, mix2 } from './hash.js';
import { gazLookup, catBit } from './gazetteer.js';
import { Casing, casing, longShape, shortShape } from './shape.js';

test('word shapes and casing classes', () => {
  assert.equal(shortShape('Mosul'), 'Xx');
  assert.equal(longShape('Mosul'), 'Xxxxx');
  assert.equal(longShape('Constantinople'), 'Xxxxx');
  assert.equal(shortShape('al-Adnani'), 'x-Xx');
  assert.equal(shortShape('U.N.'), 'X.X.');
  assert.equal(shortShape('60,000'), 'd,d');
  assert.equal(casing('NATO'), Casing.AllCaps);
  assert.equal(casing('Kirkuk'), Casing.Title);
  assert.equal(casing('McAllister'), Casing.Mixed);
  assert.equal(casing('fighters'), Casing.Lower);
  assert.equal(casing('1996'), Casing.Digit);
});

test('curly and straight apostrophes share one lower form', () => {
  assert.equal(lowerForm('Hay’at'), lowerForm("Hay'at"));
});

test('features are deterministic and headlines drop raw-case word features', () => {
  const doc = { words: ['REBELS', 'SEIZE', 'TOWN', 'Rebels', 'seized', 'Kirkuk', '.'], sentences: [[0, 3], [3, 7]] as [number, number][] };
  const a = extractFeatures(doc, undefined), b = extractFeatures(doc, undefined);
  assert.deepEqual([...a.feats], [...b.feats]);
  assert.equal(a.offsets.length, 8);
  assert.deepEqual([...a.sentenceOf], [0, 0, 0, 1, 1, 1, 1]);
  // Same lowercase word, different casing context: feature sets differ.
  const f0 = new Set(a.feats.subarray(a.offsets[0], a.offsets[1]));
  const f3 = new Set(a.feats.subarray(a.offsets[3], a.offsets[4]));
  assert.ok([...f0].some((h) => !f3.has(h)));
});

test('gazetteer lookups know places, groups and demonyms', () => {
  assert.ok(gazLookup('Raqqa') & catBit('city'));
  assert.ok(gazLookup('Hay’at Tahrir al-Sham') & catBit('org'));
  assert.ok(gazLookup('Kurdish') & catBit('norp'));
  assert.equal(gazLookup('fighters'), 0);
});

test('shape and affix hashes are those of the strings they stand for', () => {
  for (const w of ['Mosul', 'al-Adnani', 'U.N.', '60,000', 'Constantinople', 'AAAAAAx', 'Hay’at', 'İstanbul', 'x', '', 'ÆØÅ-123', '😀ok']) {
    const x = wordInfo(w, undefined);
    assert.equal(x.shape, hashString(shortShape(w)), w);
    assert.equal(x.long, hashString(longShape(w)), w);
    const l = lowerForm(w);
    for (let k = 1; k <= 4 && k < l.length; k++) {
      assert.equal(x.prefixes[k - 1], mix2(k, hashString(l.slice(0, k))), `${w} prefix ${k}`);
      assert.equal(x.suffixes[k - 1], mix2(k, hashString(l.slice(l.length - k))), `${w} suffix ${k}`);
    }
  }
});
