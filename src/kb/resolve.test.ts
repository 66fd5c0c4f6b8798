import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Entity } from '../core/layers.js';
import { record } from '../store/contract.js';
import type { KbCandidate } from '../store/store.js';
import { resolveRecord } from './resolve.js';

// Three invented armed groups already in the knowledge base, Alder and Cedar told apart by a user.
function kb(apart: boolean): KbCandidate[] {
  const group = (name: string, documents: number, notSame: string[]): KbCandidate => ({
    id: `ORG:${name.toLowerCase()}`, type: 'ORG', name, names: [{ name, documents }], documents, notSame: apart ? notSame : [],
  });
  return [group('Alder Front', 3, ['ORG:cedar front']), group('Birch Front', 2, []), group('Cedar Front', 1, ['ORG:alder front'])];
}

const lookup = (apart: boolean) => ({ candidates: async () => kb(apart), context: async () => ({}) });
const doc = (...entities: Entity[]) => record(`Fighters of ${entities.map((e) => e.name).join(' and ')} met.`, {}, { entities });
const org = (id: string, name: string, aliases: string[]): Entity => ({ id, type: 'ORG', name, aliases });
const pairs = (ms: { into: string; from: string }[]) => ms.map((m) => [m.into, m.from]);

test('a document naming two entities as one merges them, unless a user said they are different', async () => {
  const both = doc(org('e1', 'Alder Front', ['Cedar Front']));
  assert.deepEqual(pairs((await resolveRecord(both, lookup(false))).merges), [['ORG:alder front', 'ORG:cedar front']]);
  const kept = await resolveRecord(both, lookup(true));
  assert.deepEqual(kept.merges, []);
  assert.equal(kept.links.get('e1'), 'ORG:alder front');
});

test('two entities told apart are not joined through a third in one document', async () => {
  // Alder is Birch here, and Cedar is Birch too: both merges would make Alder and Cedar one.
  const chain = doc(org('e1', 'Alder Front', ['Birch Front']), org('e2', 'Cedar Front', ['Birch Front']));
  assert.deepEqual(pairs((await resolveRecord(chain, lookup(false))).merges), [['ORG:alder front', 'ORG:birch front'], ['ORG:birch front', 'ORG:cedar front']]);
  assert.deepEqual(pairs((await resolveRecord(chain, lookup(true))).merges), [['ORG:alder front', 'ORG:birch front']]);
});
