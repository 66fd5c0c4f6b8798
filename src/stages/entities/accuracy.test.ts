import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { prf, scoreNer, total } from '../../eval/ner.js';
import { splitSentences } from '../sentences/split.js';
import { tokenize } from '../tokens/tokenize.js';
import { readConll } from './corpora.js';
import { findMentions } from './mentions.js';
import { defaultModel, defaultModelPath } from './model.js';

const dev = resolve(process.cwd(), '../shared/data/conll2003/dev.conll');
const skip = (!existsSync(dev) && 'needs ../shared/data') || (!existsSync(defaultModelPath()) && 'needs models/ner/model.bin');

test('accuracy floor on CoNLL-2003 dev (PER/ORG/LOC F1)', { skip }, () => {
  const model = defaultModel()!;
  const s = scoreNer(readConll(dev), {
    mentions: (text) => {
      const t = tokenize(text);
      return findMentions(text, t, splitSentences(text, t), model);
    },
  });
  const f = prf(total(s, ['PER', 'ORG', 'LOC'])).f;
  assert.ok(f >= 0.9, `F1 ${f.toFixed(3)} below the floor`);
});
