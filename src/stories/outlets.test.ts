import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldOutletName, outletFromName, outletFromUrl, outletOf, sameSource, sourceKey } from './outlets.js';

test('outlet names fold: "The Washington Post" = "Washington Post" = washingtonpost.com', () => {
  assert.equal(outletFromName('The Washington Post'), 'washington post');
  assert.equal(outletFromName('Washington Post'), 'washington post');
  assert.equal(outletFromName('wash-post'), 'washington post');
  assert.equal(outletFromUrl('https://www.washingtonpost.com/politics/2016/01/02/story.html'), 'washington post');
  assert.equal(outletOf({ url: 'https://www.washingtonpost.com/x' }), 'washington post');
  assert.equal(outletFromUrl('https://news.bbc.co.uk/2/hi/world.stm'), 'bbc');
  assert.equal(outletFromName('NYT'), 'new york times');
});

test('an outlet the registry does not know is its folded name, or its address spelled out', () => {
  assert.equal(foldOutletName('The Harbour  Times & Echo'), 'harbour times and echo');
  assert.equal(outletFromName('Valley Courier'), 'valley courier');
  assert.equal(outletFromUrl('https://www.valley-courier.example/news/1'), 'valley courier');
  assert.equal(outletFromUrl('https://m.harbourtimes.co.uk/a'), 'harbourtimes');
  assert.ok(sameSource('harbour times', 'harbourtimes'));
  assert.equal(sourceKey('Harbour Times'.toLowerCase()), sourceKey('harbourtimes'));
  assert.ok(!sameSource('harbour times', 'harbour post'));
});

test('the outlet given wins over the address; no outlet and no usable address is none', () => {
  assert.equal(outletOf({ outlet: 'Valley Courier', url: 'https://www.washingtonpost.com/x' }), 'valley courier');
  assert.equal(outletOf({}), undefined);
  assert.equal(outletOf({ url: 'not a url' }), undefined);
  assert.equal(outletOf({ url: 'http://192.168.1.4/a' }), undefined);
});
