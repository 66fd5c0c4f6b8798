import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES } from './rules.js';
import { ruleMatches, Triggers } from './scan.js';

// Sentences of every kind the rules read, with odd spacing, case and neighbours.
const TEXT = [
  'The talks began on March 3, 2016 and ended in   mid-April.  Two days later, early next Monday afternoon, they met again.',
  'Harvest runs between August and October; the fair is open from Sep to Nov 2012, May 5-10, 2016 and 3 to 7 March 2020.',
  'He left on 3 Aug 96 at 10:35 a.m. (0735 GMT) Friday; the memo is dated 8/10/2012, stamped 2016-11-02T14:30:00Z.',
  'In the 1990s, during the first quarter of 2015, over the past 12 months and in recent years, sales fell every week.',
  'The mayor may march in May. Officials said last week that the weekend of the year was Christmas Eve, not Easter Sunday.',
  'It was the worst drought in five years; within several decades, twenty-five thousand three hundred days-long vigils.',
  'Now, at the end of this Sunday night, tomorrow morning and the day before yesterday are nearer than the distant future.',
  'MONDAY\u00a0at 4 in the morning, the 21st century, that same day, the following week, the   \n  day after, quarterly.',
].join('\n');

test('rules tried near their triggers find what a scan of the whole text finds', () => {
  const triggers = new Triggers(TEXT, RULES);
  for (const rule of RULES) {
    const plain: string[] = [];
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(TEXT); m; m = rule.re.exec(TEXT)) {
      if (m[0].length === 0) rule.re.lastIndex++;
      else plain.push(`${m.index}:${m[0]}:${JSON.stringify(m.groups ?? {})}`);
    }
    const near = [...ruleMatches(rule, TEXT, triggers)].map((m) => `${m.index}:${m[0]}:${JSON.stringify(m.groups ?? {})}`);
    assert.deepEqual(near, plain, rule.name);
  }
});
