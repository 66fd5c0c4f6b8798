import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quoteKey } from './assertions.js';
import { buildClaims, sameQuote, type ClaimRow } from './build.js';

let n = 0;
/** An assertion row as the store returns it; each gets a document of its own unless given one. */
function row(r: Partial<ClaimRow> & Pick<ClaimRow, 'kind' | 'subject' | 'key'>): ClaimRow {
  n++;
  return { seq: 0, doc: `d${n}`, start: 0, end: 10, detail: { text: 'evidence' }, outlet: `Outlet ${n}`, ...r };
}
const event = (actor: string | undefined, target: string | undefined, day: string, extra: Partial<ClaimRow> = {}) =>
  row({ kind: 'event', key: 'attack', subject: (actor ?? target)!, ...(actor && target ? { other: target } : {}), day, ...extra,
    detail: { text: 'attack', ...(actor ? { actor: true } : {}), ...extra.detail } });

test('events: same type, actor and target within a few days are one claim; a week apart are two', () => {
  const claims = buildClaims([
    event('ORG:front', 'GPE:dalmara', '2024-03-05'),
    event('ORG:front', 'GPE:dalmara', '2024-03-07'),
    event('ORG:front', undefined, '2024-03-06'),
    event('ORG:front', 'GPE:dalmara', '2024-03-14'),
  ]);
  assert.deepEqual(claims.map((c) => c.documents), [3, 1]);
  assert.deepEqual(claims.flatMap((c) => c.conflicts), []);
});

test('events: a place on both sides must agree', () => {
  const claims = buildClaims([
    event('ORG:front', undefined, '2024-03-05', { detail: { text: 'x', place: 'dalmara' } }),
    event('ORG:front', undefined, '2024-03-05', { detail: { text: 'x', place: 'korova' } }),
  ]);
  assert.equal(claims.length, 2);
});

test('events: asserted by some and denied by others conflict; so does another perpetrator, not the other side of a fight', () => {
  const claims = buildClaims([
    event('ORG:front', 'GPE:dalmara', '2024-03-05'),
    event('ORG:front', 'GPE:dalmara', '2024-03-05'),
    event('ORG:front', 'GPE:dalmara', '2024-03-07', { negated: true }),
    event('ORG:brigade', 'GPE:dalmara', '2024-03-06'),
  ]);
  const asserted = claims.find((c) => c.subject.id === 'ORG:front' && !c.negated);
  const denied = claims.find((c) => c.negated);
  const other = claims.find((c) => c.subject.id === 'ORG:brigade');
  assert.deepEqual([asserted!.documents, asserted!.negated, denied!.negated], [2, undefined, true]);
  assert.equal(denied!.statement, 'denied: attack by ORG:front on GPE:dalmara, 2024-03-07');
  assert.deepEqual(new Set(asserted!.conflicts), new Set([denied!.id, other!.id]));
  assert.deepEqual(other!.conflicts, [asserted!.id]);
  // A attacks B and B attacks A on one day: two claims that both hold.
  const fight = buildClaims([event('ORG:front', 'ORG:army', '2024-03-05'), event('ORG:army', 'ORG:front', '2024-03-05')]);
  assert.deepEqual(fight.flatMap((c) => c.conflicts), []);
});

test('figures: overlapping ranges merge, figures a week apart neither merge nor conflict', () => {
  const fig = (lo: number, hi: number | undefined, day: string) =>
    row({ kind: 'quantity', subject: 'ORG:front', key: 'fighter|attack', lo, ...(hi !== undefined ? { hi } : {}), day, detail: { text: 'n', unit: 'fighters' } });
  const claims = buildClaims([fig(100, undefined, '2024-03-05'), fig(108, 132, '2024-03-05'), fig(27, 33, '2024-03-06'), fig(27, 33, '2024-03-20')]);
  const [agreed, low, later] = claims;
  assert.deepEqual([agreed!.documents, agreed!.min, agreed!.max], [2, 108, 132]);
  assert.deepEqual(agreed!.conflicts, [low!.id]);
  assert.deepEqual(later!.conflicts, []);
  assert.equal(agreed!.statement, 'fighters of ORG:front, 2024-03-05: 108-132');
});

test('quotes: the same words carried by many outlets are one claim, punctuation and a shortened version included', () => {
  const said = '“We will rebuild the bridge before the rains come, whatever it costs,” she said';
  const q = (text: string, speaker = 'PERSON:ilse varga') => row({ kind: 'quote', subject: speaker, speaker, key: quoteKey(text), detail: { text } });
  assert.ok(sameQuote(quoteKey(said), quoteKey('"We will rebuild the bridge before the rains come"')));
  assert.ok(!sameQuote(quoteKey(said), quoteKey('“We will rebuild”')), 'too short to say it is the same quote');
  const claims = buildClaims([
    q(said),
    q('"We will rebuild the bridge before the rains come, whatever it costs."'),
    q('“We will rebuild the bridge before the rains come”'),
    q('“The bridge can wait,” he said'),
    q(said, 'PERSON:tomas reyl'),
  ]);
  assert.deepEqual(claims.map((c) => [c.subject.id, c.documents]), [['PERSON:ilse varga', 3], ['PERSON:ilse varga', 1], ['PERSON:tomas reyl', 1]]);
  // Ids come from the key, not from the order rows arrive in.
  const again = buildClaims([q(said, 'PERSON:tomas reyl')]);
  assert.equal(again[0]!.id, claims[2]!.id);
});

test('relations: asserted and denied conflict', () => {
  const r = (negated: boolean) => row({ kind: 'relation', subject: 'ORG:front', other: 'ORG:brigade', key: 'allies', ...(negated ? { negated } : {}) });
  const [yes, no] = buildClaims([r(false), r(false), r(true)]);
  assert.deepEqual([yes!.documents, yes!.conflicts, no!.conflicts], [2, [no!.id], [yes!.id]]);
});
