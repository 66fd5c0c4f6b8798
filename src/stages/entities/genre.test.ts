import { test } from 'node:test';
import assert from 'node:assert/strict';
import { docWords, GenreModel, trainGenre } from './genre.js';

test('the genre classifier separates report-style from newswire-style word sets', () => {
  const report = ['coalition', 'forces', 'conducted', 'strikes', 'against', 'targets', 'near'];
  const news = ['shares', 'rose', 'in', 'trading', 'on', 'monday', 'analysts', 'said'];
  const docs = [];
  for (let i = 0; i < 20; i++) {
    docs.push({ words: docWords([...report.slice(i % 3), 'the', `r${i}`]), label: 1 });
    docs.push({ words: docWords([...news.slice(i % 3), 'the', `n${i}`]), label: 0 });
  }
  const g = new GenreModel(trainGenre(docs, { epochs: 20, rate: 0.1, l2: 0, seed: 1, minDocs: 2 }));
  assert.equal(g.domainOf(docWords(['Coalition', 'strikes', 'near', 'Mosul'])), 1);
  assert.equal(g.domainOf(docWords(['Shares', 'rose', 'on', 'Monday'])), 0);
});
