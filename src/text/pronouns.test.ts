import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALL_PRONOUNS, PERSON_SUBJECT_PRONOUNS, SPEAKER_PRONOUNS, SUBJECT_PRONOUNS } from './pronouns.js';

test('pronoun sets picked out by grammar', () => {
  const sorted = (s: ReadonlySet<string>) => [...s].sort();
  assert.equal(ALL_PRONOUNS.size, 16);
  assert.deepEqual(sorted(SUBJECT_PRONOUNS), ['he', 'i', 'it', 'she', 'they', 'we', 'you']);
  assert.deepEqual(sorted(SPEAKER_PRONOUNS), ['he', 'i', 'she', 'they', 'we']);
  assert.deepEqual(sorted(PERSON_SUBJECT_PRONOUNS), ['he', 'she']);
});
