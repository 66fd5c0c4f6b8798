import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseIsoDate } from '../times/calendar.js';
import { recognizeTimes } from '../times/recognize.js';
import { recognizeQuantities } from './recognize.js';

// The project's example record and its hand-made gold, read at run time (never copied here).
const dir = resolve(process.cwd(), '../shared/data/seed');
const skip = !existsSync(dir + '/gold.json') && 'needs ../shared/data/seed';

interface GoldSpan { begin: number; end: number; text: string }
interface Gold {
  document: { file: string; assumedPublished: string };
  quantities: { text: GoldSpan; value?: number; min?: number; max?: number; currency?: string }[];
  times: { text: GoldSpan; value: string; mod?: string }[];
}

test('the seed record: every gold time and quantity is found with its value', { skip }, () => {
  const gold = JSON.parse(readFileSync(dir + '/gold.json', 'utf8')) as Gold;
  const raw = readFileSync(dir + '/' + gold.document.file, 'utf8');
  const times = recognizeTimes(raw, parseIsoDate(gold.document.assumedPublished));
  const quantities = recognizeQuantities(raw, times);
  const at = <T extends { start: number; end: number }>(xs: T[], g: GoldSpan) => xs.find((x) => x.start < g.end && g.begin < x.end);
  for (const g of gold.times) {
    const t = at(times, g.text);
    assert.equal(t?.value, g.value, g.text.text);
    if (g.mod) assert.equal(t?.mod, g.mod, g.text.text);
  }
  for (const g of gold.quantities) {
    const x = at(quantities, g.text);
    assert.ok(x, g.text.text);
    if (g.value !== undefined) assert.equal(x.value, g.value, g.text.text);
    if (g.min !== undefined) assert.deepEqual([x.min, x.max], [g.min, g.max], g.text.text);
    if (g.currency) assert.equal(x.currency, g.currency, g.text.text);
  }
});
