import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Quantity } from '../../core/layers.js';
import { recognizeQuantities } from './recognize.js';

/*
 * One table per kind of number: a sentence, the words looked for, and the fields the quantity
 * covering them must have (only those named are compared; `null` means the quantity is absent).
 */

type Want = Partial<Pick<Quantity, 'text' | 'value' | 'min' | 'max' | 'qualifier' | 'unit' | 'currency' | 'per'>> | null;
type Row = [sentence: string, words: string, want: Want];

function check(rows: readonly Row[]): void {
  const failures: string[] = [];
  for (const [sentence, words, want] of rows) {
    const at = sentence.indexOf(words);
    assert.ok(at >= 0, `"${words}" is in "${sentence}"`);
    const found = recognizeQuantities(sentence).find((x) => x.start < at + words.length && at < x.end);
    const got = found && want ? Object.fromEntries(Object.keys(want).map((k) => [k, found[k as keyof typeof found]])) : found ? found : null;
    if (JSON.stringify(got) !== JSON.stringify(want)) failures.push(`${sentence} "${words}": got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  }
  assert.deepEqual(failures, []);
}

test('currencies by code or symbol, before or after the amount', () => check([
  ['A ticket costs 40 rmb at the gate.', '40', { text: '40 rmb', value: 40, currency: 'CNY' }],
  ['He paid 20 usd for the permit.', '20', { value: 20, currency: 'USD' }],
  ['The fee is 10 $ per page.', '10', { text: '10 $', value: 10, currency: 'USD' }],
  ['The fund raised $ 75 million last year.', '75', { text: '$ 75 million', value: 75e6, currency: 'USD' }],
  ['Rooms start at 90 EUR a night.', '90', { value: 90, currency: 'EUR' }],
  ['Bread now costs 5€ a loaf.', '5', { value: 5, currency: 'EUR' }],
  ['The loan was GBP 2 million.', '2', { value: 2e6, currency: 'GBP' }],
  ['A meal was 300 inr in the town.', '300', { value: 300, currency: 'INR' }],
  ['They sold it for 15 bucks.', '15', { value: 15, currency: 'USD' }],
  // Words that look like codes are not read as money.
  ['Players try 3 try lines.', '3', { currency: undefined }],
]));

test('fractions and halves in words', () => check([
  ['Two thirds of the members voted yes.', 'Two', { text: 'Two thirds', value: 0.666667, unit: 'members' }],
  ['About three-quarters of the crop failed.', 'three', { value: 0.75 }],
  ['Half a million people marched.', 'Half', { value: 500000 }],
  ['A quarter of a million homes lost power.', 'quarter', { value: 250000 }],
  ['One and a half million tickets were sold.', 'One', { value: 1.5e6 }],
  ['The journey took two and a half days of walking.', 'two', { value: 2.5 }],
  ['Only one fifth of the roads are paved.', 'fifth', { value: 0.2 }],
]));

test('dollars and cents make one amount', () => check([
  ['Milk rose to 3 dollars 50 cents.', '3', { text: '3 dollars 50 cents', value: 3.5, currency: 'USD' }],
  ['The fare is $2 and 25 cents.', '$2', { value: 2.25, currency: 'USD' }],
  ['A stamp costs 60 cents now.', '60', { value: 0.6, currency: 'USD' }],
]));

test('measures joined by a hyphen', () => check([
  ['A 3-inch pipe burst.', '3', { text: '3-inch', value: 3, unit: 'inch' }],
  ['They began a six-mile march.', 'six', { value: 6, unit: 'mile' }],
  ['A 10-storey block collapsed.', '10', { value: 10, unit: 'storey' }],
  ['The 500-pound bomb failed.', '500', { value: 500, unit: 'pound' }],
  // Ages and compounds stay out.
  ['A 35-year-old man was held.', '35', null],
  ['An F-16 crashed.', '16', null],
]));

test('measures written against their number', () => check([
  ['The parcel weighed 5kg at the depot.', '5', { text: '5kg', value: 5, unit: 'kg' }],
  ['Runners set off on a 10km loop.', '10', { text: '10km', value: 10, unit: 'km' }],
  ['Gusts reached 80mph overnight.', '80', { value: 80, unit: 'mph' }],
  ['The dam feeds a 2GW plant.', '2', { value: 2, unit: 'GW' }],
]));

test('numbers below zero', () => check([
  ['The night fell to minus 12 degrees.', '12', { text: 'minus 12', value: -12, unit: 'degrees' }],
  ['Output shrank by -0.4 percent.', '0.4', { text: '-0.4 percent', value: -0.4, unit: 'percent' }],
  // A dash between numbers is a range, and one after a word a compound.
  ['They won 4-2 at home.', '2', null],
  ['The margin of error is plus or minus 3 points.', '3', { value: 3 }],
]));

test('a time zone offset is no count', () => check([
  ['The post is stamped 10:42 GMT+0300.', '0300', null],
]));

test('scale suffixes', () => check([
  ['Starting pay is 10k a year.', '10k', { value: 10000, per: 'year' }],
  ['Revenue reached 1.2b in the period.', '1.2b', { value: 1.2e9 }],
  ['Exports fell to $3bn.', '3bn', { value: 3e9, currency: 'USD' }],
  ['The firm would owe $65.4 billion in tax.', '65.4', { value: 65.4e9, currency: 'USD' }],
  ['The budget is €4.5M this year.', '4.5M', { value: 4.5e6, currency: 'EUR' }],
  ['Article 4b applies.', '4b', null],
]));

test('bounds after the number', () => check([
  ['Five hundred or more people came.', 'Five', { text: 'Five hundred or more', value: 500, qualifier: 'at_least', min: 500 }],
  ['Donations of $20 or less are anonymous.', '20', { qualifier: 'up_to', max: 20 }],
  ['Some 20 or so men waited.', '20', { qualifier: 'about' }],
  ['A 500-plus crowd gathered.', '500', { qualifier: 'at_least', min: 500 }],
  ['Children aged 12 and under ride free.', '12', { qualifier: 'up_to', max: 12 }],
  ['They hired 40+ engineers.', '40', { qualifier: 'at_least', min: 40 }],
]));

test('percent signs of encoded text are not percentages', () => check([
  ['See example.org/search?q=war%20crimes%28report%29 for more.', '20', null],
  ['See example.org/search?q=war%20crimes%28report%29 for more.', '28', null],
  ['Turnout reached 62% in the north.', '62', { value: 62, unit: 'percent' }],
  ['Turnout reached 62 % in the north.', '62', { value: 62, unit: 'percent' }],
]));

test('names, markup values and heights count nothing', () => check([
  ['“It is over,” Zero Hedge said on its site.', 'Zero', null],
  ['Work at the Three Mile Island plant stopped.', 'Three', null],
  ['Fact-checkers gave the claim Two Pinocchios.', 'Two', { value: 2 }],
  ['<blockquote data-time="1474387200" lang="en">', '1474387200', null],
  ['He is 6\'3" tall and weighs 200 pounds.', '3"', null],
  ['Three officers arrived later.', 'Three', { value: 3, unit: 'officers' }],
]));
