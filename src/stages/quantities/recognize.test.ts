import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Quantity } from '../../core/layers.js';
import { recognizeQuantities } from './recognize.js';

/** The quantities found, without offsets (checked separately). */
function q(text: string): Omit<Quantity, 'id' | 'start' | 'end'>[] {
  return recognizeQuantities(text).map(({ start: _s, end: _e, ...rest }) => rest);
}

test('digits and words', () => {
  assert.deepEqual(q('Officials counted 60,000 fighters.'), [{ text: '60,000', value: 60000, unit: 'fighters' }]);
  assert.deepEqual(q('The fund holds 1.2 million refugees.'), [{ text: '1.2 million', value: 1200000, unit: 'refugees' }]);
  assert.deepEqual(q('Police arrested two dozen protesters.'), [{ text: 'two dozen', value: 24, unit: 'protesters' }]);
  assert.equal(q('It cost a quarter of a million dollars.')[0]!.value, 250000);
  assert.equal(q('Half a million people fled.')[0]!.value, 500000);
  assert.deepEqual(q('Twenty-five soldiers deserted.'), [{ text: 'Twenty-five', value: 25, unit: 'soldiers' }]);
});

test('vague amounts', () => {
  assert.deepEqual(q('The militia once had tens of thousands of fighters.'), [
    { text: 'tens of thousands', min: 20000, max: 99999, unit: 'fighters', vague: true },
  ]);
  assert.deepEqual(q('Hundreds fled the shelling.'), [{ text: 'Hundreds', min: 200, max: 999, vague: true }]);
  assert.deepEqual(q('The war drew thousands of foreign volunteers.'), [
    { text: 'thousands', min: 2000, max: 9999, unit: 'foreign volunteers', vague: true },
  ]);
  assert.deepEqual(q('Several hundred families returned.'), [{ text: 'Several hundred', min: 300, max: 900, unit: 'families', vague: true }]);
  assert.deepEqual(q('It earned millions of dollars from smuggling.'), [
    { text: 'millions of dollars', min: 2e6, max: 9999999, currency: 'USD', vague: true },
  ]);
});

test('qualifiers', () => {
  const cases: [string, string, number][] = [
    ['at least 12 people', 'at_least', 12], ['more than 100 fighters', 'more_than', 100], ['up to 5,000 troops', 'up_to', 5000],
    ['about 300 men', 'about', 300], ['around 20 vehicles', 'about', 20], ['nearly 40 villages', 'nearly', 40],
    ['some 800 families', 'about', 800], ['over 70 towns', 'more_than', 70], ['fewer than 10 doctors', 'less_than', 10],
    ['almost 90 schools', 'nearly', 90],
  ];
  for (const [text, qualifier, value] of cases) {
    const [x] = q(`Reports mention ${text} in the area.`);
    assert.equal(x?.qualifier, qualifier, text);
    assert.equal(x?.value, value, text);
    assert.equal(x?.text, text.split(' ').slice(0, -1).join(' '), text);
  }
  assert.equal(q('at least 12 people')[0]!.min, 12);
  assert.deepEqual(q('Donors who gave $200 or less.'), [{ text: '$200 or less', value: 200, max: 200, qualifier: 'up_to', currency: 'USD' }]);
  assert.equal(q('up to 12 people')[0]!.max, 12);
});

test('ranges', () => {
  assert.deepEqual(q('Recruits earn $500 to $600 a month.'), [
    { text: '$500 to $600 a month', min: 500, max: 600, qualifier: 'range', currency: 'USD', per: 'month' },
  ]);
  assert.deepEqual(q('Between 10 and 15 civilians died.'), [{ text: 'Between 10 and 15', min: 10, max: 15, qualifier: 'range', unit: 'civilians' }]);
  assert.deepEqual(q('A force of 10-15 vehicles moved.'), [{ text: '10-15', min: 10, max: 15, qualifier: 'range', unit: 'vehicles' }]);
  assert.deepEqual(q('The program costs 1 to 2 million euros.'), [{ text: '1 to 2 million euros', min: 1e6, max: 2e6, qualifier: 'range', currency: 'EUR' }]);
  assert.deepEqual(q('Tariffs range from 5 percent to 25 percent.'), [{ text: 'from 5 percent to 25 percent', min: 5, max: 25, qualifier: 'range', unit: 'percent' }]);
  assert.deepEqual(q('Growth of 2% to 3% is forecast.')[0], { text: '2% to 3%', min: 2, max: 3, qualifier: 'range', unit: 'percent' });
  // A score is not a range.
  assert.deepEqual(q('The final ended 3-1.'), []);
});

test('money in the currencies of the regions covered', () => {
  const cases: [string, string, number][] = [
    ['$40', 'USD', 40], ['US$2.5 million', 'USD', 2.5e6], ['€3m', 'EUR', 3e6], ['£250', 'GBP', 250],
    ['5,000 Iraqi dinars', 'IQD', 5000], ['20,000 Syrian pounds', 'SYP', 20000], ['1,000 afghanis', 'AFN', 1000],
    ['300 lira', 'TRY', 300], ['2 billion rials', 'IRR', 2e9], ['50 riyals', 'SAR', 50], ['100 dirhams', 'AED', 100],
    ['40 Egyptian pounds', 'EGP', 40], ['10,000 Lebanese pounds', 'LBP', 10000], ['15 Jordanian dinars', 'JOD', 15],
    ['60 shekels', 'ILS', 60], ['800 rubles', 'RUB', 800], ['USD 700', 'USD', 700], ['7 million dollars', 'USD', 7e6],
  ];
  for (const [text, currency, value] of cases) {
    const [x] = q(`The price was ${text} last time.`);
    assert.equal(x?.currency, currency, text);
    assert.equal(x?.value, value, text);
  }
  // Bare pounds may be a weight: no currency is guessed.
  assert.equal(q('The bomb held 40 pounds of explosives.')[0]!.currency, undefined);
});

test('rates and percentages', () => {
  assert.deepEqual(q('Fighters get $200 per month.')[0]!.per, 'month');
  assert.deepEqual(q('The camp needs 5,000 litres a day.')[0]!.per, 'day');
  assert.deepEqual(q('Turnout was 42 percent.'), [{ text: '42 percent', value: 42, unit: 'percent' }]);
  assert.deepEqual(q('Prices rose 3.5% in a year.')[0], { text: '3.5%', value: 3.5, unit: 'percent' });
});

test('the thing counted', () => {
  assert.equal(q('The blast left 14 people killed.')[0]!.unit, 'people killed');
  assert.equal(q('Officials said 30 civilians died.')[0]!.unit, 'civilians');
  assert.equal(q('A convoy of 12 armoured vehicles arrived.')[0]!.unit, 'armoured vehicles');
  assert.equal(q('Only 3 of the 12 returned.')[0]!.unit, undefined);
  assert.equal(q('A column of rebel fighters from the hills numbering about 300 entered.')[0]!.unit, 'fighters');
});

test('dates, times, ordinals, labels and years are not quantities', () => {
  assert.deepEqual(q('The Mega Millions draw picked balls 11, 28, 31 and 46; Jane Roe, 59, won the 23 rd race.'), []);
  assert.deepEqual(q('It will create many hundreds of thousands of jobs.'), [
    { text: 'many hundreds of thousands', min: 500000, max: 900000, unit: 'jobs', vague: true },
  ]);
  assert.deepEqual(q('The resolution passed on July 4 in 2015.'), []);
  assert.deepEqual(q('The blast hit at 10:30 a.m. on the 3rd floor.'), []);
  assert.deepEqual(q('Resolution 2254 and Article 5 were cited.'), []);
  assert.deepEqual(q('One of the men was an F-16 pilot aged in his 30s, a 35-year-old.'), []);
});

test('offsets cover the quantity in the text', () => {
  const text = 'Witnesses saw “more than 100” trucks and $1.5bn in aid.';
  for (const x of recognizeQuantities(text)) assert.equal(text.slice(x.start, x.end), x.text);
});
