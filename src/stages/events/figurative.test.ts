import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isFigurative, isNoHarm } from './figurative.js';

const fig = (type: 'attack' | 'fight' | 'killing' | 'injury', clause: string, trigger: string, cls: { actorCls?: string; targetCls?: string } = {}) =>
  isFigurative({ type, clause, trigger, before: clause.slice(0, clause.indexOf(trigger)), after: clause.slice(clause.indexOf(trigger) + trigger.length), ...cls });

test('words and causes are figures; weapons and wounds are not', () => {
  assert.ok(fig('attack', 'the senator attacked her record on trade', 'attacked'));
  assert.ok(fig('killing', 'the committee killed the bill', 'killed'));
  assert.ok(fig('killing', 'they will finish the season even if it kills them, and this is killing us', 'killing'));
  assert.ok(!fig('killing', 'the shell hit the school and it killed six pupils', 'killed'));
  assert.ok(fig('fight', 'she has fought for lower taxes', 'fought'));
  assert.ok(fig('fight', 'the two wings have been fighting about the budget', 'fighting'));
  assert.ok(fig('attack', 'the fund has spent more than $4 million since May attacking Poe', 'attacking'));
  assert.ok(!fig('attack', 'the militia has spent three years attacking the valley', 'attacking', { targetCls: 'L' }));
  assert.ok(fig('attack', 'that would be shooting itself in the foot', 'shooting'));
  assert.ok(fig('attack', 'Roe attacked Poe on television', 'attacked', { actorCls: 'P', targetCls: 'P' }));
  assert.ok(!fig('attack', 'gunmen attacked the senator with knives', 'attacked', { targetCls: 'P' }));
  assert.ok(!fig('killing', 'the senator was killed in a bombing', 'killed', { targetCls: 'P' }));
  assert.ok(!fig('injury', 'the bill injured nobody', 'injured'));
  assert.ok(fig('killing', 'her uncle died of lung cancer last year', 'died'));
  assert.ok(!fig('killing', 'her uncle died of his wounds', 'died'));
  assert.ok(!fig('attack', 'militants attacked the base', 'attacked', { actorCls: 'O', targetCls: 'L' }));
  assert.ok(fig('attack', 'the mayor vowed to stand up to the attacks', 'attacks'));
  assert.ok(fig('attack', 'critics attack and mock the governor daily', 'attack'));
  assert.ok(fig('attack', 'he kept up his attacks on a former rival', 'attacks'));
  assert.ok(!fig('attack', 'he kept up his attacks on the border posts with mortars', 'attacks'));
});

test('messages, what was said, causes and stakes are what people attack and fight in words', () => {
  assert.ok(fig('attack', 'the governor posted a video attacking Roe', 'attacking', { targetCls: 'M' }));
  assert.ok(fig('fight', 'zoning rules that have quietly targeted renters for years', 'targeted', { targetCls: 'N' }));
  assert.ok(!fig('fight', 'zoning rules that have quietly targeted renters with rifles', 'targeted', { targetCls: 'N' }));
  assert.ok(fig('attack', 'the paper attacked the mayor, saying he had misled the council', 'attacked'));
  assert.ok(fig('fight', 'a new fund to fight climate change', 'fight', { actorCls: 'N' }));
  assert.ok(fig('fight', 'the growers are fighting to save their shrinking industry', 'fighting'));
  assert.ok(fig('attack', 'she attacked the rangers in her district and blamed the agency', 'attacked'));
  assert.ok(!fig('attack', 'gunmen attacked the convoy, killing four guards', 'attacked'));
  assert.ok(!fig('attack', 'the militia attacked the town, saying it sheltered rebels, and shelled the market', 'attacked'));
  assert.ok(!fig('fight', 'troops are fighting to retake the bridge from the insurgents', 'fighting'));
  assert.ok(!fig('attack', 'the front denied carrying out the attack on the town, saying its units were far away', 'attack'));
  // "bombast" and "stable" are no bombs or stabbings.
  assert.ok(fig('attack', 'the blog attacked Poe, calling his speech pure bombast', 'attacked', { targetCls: 'P' }));
});

test('a death no sentence-mate caused, a suicide, animals and plans carried out are no harm done', () => {
  const none = (type: 'attack' | 'killing', sentence: string, trigger: string) => {
    const at = sentence.indexOf(trigger);
    return isNoHarm({ type, clause: sentence, sentence, trigger, before: sentence.slice(0, at), after: sentence.slice(at + trigger.length) });
  };
  assert.ok(none('killing', 'The old poet died in his sleep in March.', 'died'));
  assert.ok(none('killing', 'Her grandmother was dying when the letter came.', 'dying'));
  assert.ok(none('attack', 'The retired judge shot himself at his farm.', 'shot'));
  assert.ok(none('killing', 'Herders kill and roast goats for the feast.', 'kill'));
  assert.ok(none('killing', 'The plan was executed by a small team of accountants.', 'executed'));
  assert.ok(!none('killing', 'Two guards died when the bomb went off.', 'died'));
  assert.ok(!none('killing', 'Four villagers died in the clashes on Sunday.', 'died'));
  assert.ok(!none('killing', 'The rebels executed six prisoners.', 'executed'));
  assert.ok(!none('killing', 'The bomber killed himself and nine shoppers.', 'killed'));
  assert.ok(!none('killing', 'The death toll rose to 30.', 'death toll'));
  assert.ok(!none('killing', 'Dozens have died in a month of street protests.', 'died'));
  assert.ok(!none('attack', 'Gunmen shot the mayor at his office.', 'shot'));
  assert.ok(!none('attack', 'No camera saw the shooting itself.', 'shooting'));
  assert.ok(none('attack', 'The navy simulated an attack on the northern port.', 'attack'));
  assert.ok(none('attack', 'Pupils took part in attack drills on Monday.', 'attack'));
  assert.ok(none('attack', 'Hackers attacked the payroll servers of two banks.', 'attacked'));
  assert.ok(none('attack', 'She backed the Shooting Sports Safety Act last year.', 'Shooting'));
  assert.ok(!none('attack', 'Attacks on the Border Commission offices went on.', 'Attacks'));
  assert.ok(none('killing', 'Officials fear a smear campaign is being methodically executed by people abroad.', 'executed'));
  assert.ok(!none('attack', 'Rebels attacked the northern port at dawn.', 'attacked'));
  assert.ok(!none('killing', 'Villagers were hacked to death with machetes.', 'hacked'));
  assert.ok(!none('attack', 'A mob went hacking at the guards with machetes.', 'hacking'));
  assert.ok(!none('attack', 'He said Attacks on the base began before the Army Commission met.', 'Attacks'));
});
