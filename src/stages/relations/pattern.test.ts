import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFrames } from '../../text/frame.js';
import { fixtureDoc } from '../fixture.js';
import { RELATION_PATTERNS } from './lexicon.js';
import { compile, openingWords, WordTrie } from './pattern.js';

const sorted = (src: string) => openingWords(src)?.sort();

test('opening words: alternatives, optional letters and groups, nested groups', () => {
  assert.deepEqual(sorted('\\b(?:attacks?|fought) <B:GRP>'), ['attack', 'attacks', 'fought']);
  assert.deepEqual(sorted('\\b(?:is |was )?(?:based|active) in <B:PLC>'), ['active', 'based', 'is', 'was']);
  assert.deepEqual(sorted('\\b(?:(?:is|are) at war|waged war) with <B:GRP>'), ['are', 'is', 'waged']);
  assert.deepEqual(sorted('\\b(?:work(?:s|ed)?|co-led) <B:ORG>'), ['co', 'work', 'worked', 'works']);
  assert.deepEqual(sorted('\\b(?:free(?= (?:the|a))|freed) <B:GRP>'), ['free', 'freed']);
  assert.deepEqual(sorted('\\b(?<!\\bin )(?:a|the) war against <B:GRP>'), ['a', 'the']);
  assert.deepEqual(sorted('\\brenamed from <A:ORG> to <B:ORG>'), ['renamed']);
});

test('opening words after a first argument', () => {
  assert.deepEqual(sorted('<A:GRP> and <B:GRP> clashed'), ['and']);
  assert.deepEqual(sorted('<A:ORG>,? (?:aka|a\\.k\\.a\\.) <B:ORG>'), ['a', 'aka']);
  assert.deepEqual(sorted('<B:GRP>-(?:backed|armed) <A:GRP>'), ['armed', 'backed']);
  // A possessive may come first: its "s" is then the opening word.
  assert.deepEqual(sorted('<A:GRP><POS>? (?:ally|partner) <B:GRP>'), ['ally', 'partner', 's']);
  assert.equal(openingWords('<A:ORG><POS>? (?:<W> ){0,2}?branch of <B:ORG>'), undefined);
  // A repeated group of whole words reads as an optional one; one that may run on into the next word does not.
  assert.deepEqual(sorted('<A:PER>,? (?:(?:has|was) )*named <B:ORG>'), ['has', 'named', 'was']);
  assert.equal(openingWords('<A:PER> (?:re)*named <B:ORG>'), undefined);
});

test('opening words: none for patterns that may start anywhere or with anything', () => {
  // Starts inside a word, or with a class of characters, or with any word.
  assert.equal(openingWords('(?:fought|clashed) with <B:GRP>'), undefined);
  assert.equal(openingWords('\\b\\w+ly attacked <B:GRP>'), undefined);
  assert.equal(openingWords('\\b(?:<W> )?fought <B:GRP>'), undefined);
  // A top-level alternative may match anywhere.
  assert.equal(openingWords('\\bfought <B:GRP>|<A:GRP> fought'), undefined);
  // A word that may run on ("attack" + any letters) has no fixed opening.
  assert.equal(openingWords('\\battack[a-z]* <B:GRP>'), undefined);
  assert.equal(openingWords('\\b(?:attack)'), undefined);
});

test('word trie: whole runs of letters, either case', () => {
  const trie = new WordTrie([['war', [1]], ['co', [2]], ['fought', [3, 4]]]);
  const hits = (s: string) => {
    const out: number[] = [];
    trie.scan(s, (v) => out.push(v));
    return out;
  };
  assert.deepEqual(hits('The WAR went on'), [1]);
  assert.deepEqual(hits('a prewar plan, warlike wars'), []);
  assert.deepEqual(hits('anti-war co-founded'), [1, 2]);
  assert.deepEqual(hits('they Fought'), [3, 4]);
  // Anything but an ASCII letter ends a run, digits too (a hit too many only lets a pattern run).
  assert.deepEqual(hits('\u00e9war 2war war2 war_ warm'), [1, 1, 1, 1]);
});

// Sentences of every kind the patterns read; each match of a pattern that has opening words must
// start with one of them, or the gate would hide it.
const SENTENCES = [
  '[The Red Cell|ORG|rc] clashed with [Blue Dawn|ORG|bd] {in 2011|2011} and was at war with [the Guard|ORG|g].',
  'Fighters of [the Lions Brigade|ORG|lb] broke away from [the Southern Army|ORG|sa] and later co-founded [New Dawn|ORG|nd].',
  'It is based mainly in [Dara|GPE|d] and retains a presence in [Kolo|GPE|k], where [the Guard|ORG|g] was attacked by [the Front|ORG|f].',
  '[Veloria|GPE|v] has been arming [the Militia|ORG|m], which fought alongside [the Guard|ORG|g] against [the Front|ORG|f].',
  'After talks between [Veloria|GPE|v] and [Ostia|GPE|o], [Jane Roe|PERSON|jr] spoke by phone with [John Doe|PERSON|jd].',
  '[Katiba Rimal|ORG|kr] pledged allegiance to [the Old Front|ORG|of] and changed its name to [Rimal Front|ORG|rf].',
  'Now known as [Liwa Haqq|ORG|lh] after a makeover, [the Valley Brigade|ORG|vb] seized the town from [the Guard|ORG|g].',
  '[John Doe|PERSON|jd], who joined [the Front|ORG|f] in 2014, led [the Militia|ORG|m] in its war against [the Guard|ORG|g].',
  'Attacks from [the Front|ORG|f] and shelling by [the Guard|ORG|g] killed ten, said [Jane Roe|PERSON|jr] of [the Monitor|ORG|mo].',
  'The merger of [New Dawn|ORG|nd] and [the Militia|ORG|m] was announced; [Ostia|GPE|o] is a member of [the League|ORG|l].',
];

test('opening words never hide a match of a relation pattern', () => {
  const frames = SENTENCES.flatMap((s) => buildFrames(fixtureDoc(s)));
  let checked = 0;
  for (const p of RELATION_PATTERNS) {
    const words = openingWords(p.src);
    if (!words) continue;
    const re = compile(p.src);
    for (const f of frames) {
      re.lastIndex = 0;
      for (let m = re.exec(f.masked); m; m = re.exec(f.masked)) {
        // After the first argument, for a pattern that starts with one.
        const body = p.src.startsWith('<') ? m[0].replace(/^(?:[Tt]he )?\uE000\d+[A-Z]\uE001/, '') : m[0];
        const first = /[A-Za-z]+/.exec(body)?.[0].toLowerCase();
        assert.ok(first && words.includes(first), `${p.src} matched "${m[0]}" opening with ${first}`);
        checked++;
        re.lastIndex = m.index + 1;
      }
    }
  }
  // The sentences exercise many patterns: a gate that hid them would show here.
  assert.ok(checked >= 15, `only ${checked} matches checked`);
});
