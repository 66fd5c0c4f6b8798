import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isFigurative } from './figurative.js';

const fig = (type: 'attack' | 'fight' | 'killing' | 'injury', clause: string, trigger: string, cls: { actorCls?: string; targetCls?: string } = {}) =>
  isFigurative({ type, clause, trigger, before: clause.slice(0, clause.indexOf(trigger)), after: clause.slice(clause.indexOf(trigger) + trigger.length), ...cls });

test('words and causes are figures; weapons and wounds are not', () => {
  assert.ok(fig('attack', 'the senator attacked her record on trade', 'attacked'));
  assert.ok(fig('killing', 'the committee killed the bill', 'killed'));
  assert.ok(fig('fight', 'she has fought for lower taxes', 'fought'));
  assert.ok(fig('attack', 'that would be shooting itself in the foot', 'shooting'));
  assert.ok(fig('attack', 'Roe attacked Poe on television', 'attacked', { actorCls: 'P', targetCls: 'P' }));
  assert.ok(!fig('attack', 'gunmen attacked the senator with knives', 'attacked', { targetCls: 'P' }));
  assert.ok(!fig('killing', 'the senator was killed in a bombing', 'killed', { targetCls: 'P' }));
  assert.ok(!fig('injury', 'the bill injured nobody', 'injured'));
  assert.ok(fig('killing', 'her uncle died of lung cancer last year', 'died'));
  assert.ok(!fig('killing', 'her uncle died of his wounds', 'died'));
  assert.ok(!fig('attack', 'militants attacked the base', 'attacked', { actorCls: 'O', targetCls: 'L' }));
});
