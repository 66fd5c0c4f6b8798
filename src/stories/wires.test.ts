import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wireCredit } from './wires.js';

const body = 'The town council met on Monday to discuss the closure of the old bridge.\n\nResidents asked for a footbridge.\n';
const wireOf = (text: string) => wireCredit(text)?.wire;

test('datelines: the wire in parentheses after the place, with its span', () => {
  const text = `Bridge closes.\n\nKESSEL, Ostmark (AP) — ${body}`;
  const c = wireCredit(text)!;
  assert.equal(c.wire, 'associated press');
  assert.equal(text.slice(c.start, c.end), 'AP');
  assert.equal(wireOf(`PORT ALDEN (Reuters) - ${body}`), 'reuters');
  assert.equal(wireOf(`NEW VARNA, March 3 (UPI) — ${body}`), 'united press international');
  assert.equal(wireOf(`DALMORA (Agence France-Presse) — ${body}`), 'agence france-presse');
  assert.equal(wireOf(`KESSEL (AFP): ${body}`), 'agence france-presse');
});

test('credit lines at the top or bottom, and bylines ending in a wire', () => {
  assert.equal(wireOf(`Bridge closes.\n\nBy Reuters\n\n${body}`), 'reuters');
  assert.equal(wireOf(`${body}\n— Agence France-Presse\n`), 'agence france-presse');
  assert.equal(wireOf(`${body}\nAssociated Press\n`), 'associated press');
  assert.equal(wireOf(`Bridge closes.\n\nBy Ilse Brandt, Associated Press\n\n${body}`), 'associated press');
  assert.equal(wireOf(`${body}\nCopyright 2024 The Associated Press. All rights reserved.\n`), 'associated press');
  assert.equal(wireOf(`${body}\nSource: AFP\n`), 'agence france-presse');
  assert.equal(wireOf(`${body}\nThe mayor spoke to reporters afterwards. — Reuters\n`), 'reuters');
});

test('a wire named in the body, a lower-case "ap", or parentheses without a dash credit nothing', () => {
  assert.equal(wireOf(`${body}\nThe mayor told Reuters that the span would be replaced.\n\nMore residents came to the meeting than ever before.\n\nThe council will meet again.\n\nVoting starts in May.\n`), undefined);
  assert.equal(wireOf(`Bridge closes.\n\nby ap\n\n${body}`), undefined);
  assert.equal(wireOf(`The Associated Press (AP) reported the closure first, the mayor said.\n\n${body}`), undefined);
  assert.equal(wireOf(`HARRISBURG, Pa. — ${body}`), undefined);
});
