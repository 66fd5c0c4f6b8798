import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFrames } from '../../text/frame.js';
import { fixtureDoc } from '../fixture.js';
import { RELATION_PATTERNS } from './lexicon.js';
import { compile, requiredWords, WordTrie } from './pattern.js';

/** The word sets of a pattern, each sorted. */
const sets = (src: string) => requiredWords(src).map((set) => [...set].sort());

test('required words: alternatives, optional letters and groups, nested groups', () => {
  assert.deepEqual(sets('\\b(?:attacks?|fought) <B:GRP>'), [['attack', 'attacks', 'fought']]);
  // The words after an optional group that ends with a space stand at a word's start too: a set
  // holding all of another's words adds nothing.
  assert.deepEqual(sets('\\b(?:is |was )?(?:based|active) in <B:PLC>'), [['active', 'based'], ['in']]);
  assert.deepEqual(sets('\\b(?:(?:is|are) at war|waged war) with <B:GRP>'), [['are', 'is', 'waged'], ['with']]);
  assert.deepEqual(sets('\\b(?:work(?:s|ed)?|co-led) <B:ORG>'), [['co', 'work', 'worked', 'works']]);
  assert.deepEqual(sets('\\b(?:free(?= (?:the|a))|freed) <B:GRP>'), [['free', 'freed']]);
  assert.deepEqual(sets('\\b(?<!\\bin )(?:a|the) war against <B:GRP>'), [['a', 'the'], ['war'], ['against']]);
  assert.deepEqual(sets('\\brenamed from <A:ORG> to <B:ORG>'), [['renamed'], ['from'], ['to']]);
});

test('required words after an argument, a space or a word boundary, outside groups', () => {
  // A word at the very end may run on: "clash" would match "clashes".
  assert.deepEqual(sets('<A:GRP> and <B:GRP> clashed'), [['and']]);
  assert.deepEqual(sets('<A:ORG>,? (?:aka|a\\.k\\.a\\.) <B:ORG>'), [['a', 'aka']]);
  assert.deepEqual(sets('<B:GRP>-(?:backed|armed) <A:GRP>'), [['armed', 'backed']]);
  // A possessive may come first; the words after the space are whole words all the same.
  assert.deepEqual(sets('<A:GRP><POS>? (?:ally|partner) <B:GRP>'), [['ally', 'partner']]);
  // Letters right after it run on from its "s".
  assert.deepEqual(sets('<A:GRP><POS>?(?:ally|partner),'), [['ally', 'partner', 'sally', 'spartner']]);
  // After words that end with a space, the next word starts a word; not after any word (<W>) alone.
  assert.deepEqual(sets('<A:ORG><POS>? (?:<W> ){0,2}?(?:branch|wing) of <B:ORG>'), [['branch', 'wing'], ['of']]);
  assert.deepEqual(sets('<A:ORG> <W>(?:branch|wing) of <B:ORG>'), [['of']]);
  assert.deepEqual(sets('<A:ORG> (<W> |<X> )(?:branch|wing) of <B:ORG>'), [['branch', 'wing'], ['of']]);
  assert.deepEqual(sets('<A:ORG> (?:\\(<X>\\) )?(?:is|are) known as <B:ORG>'), [['are', 'is'], ['known'], ['as']]);
  // A repeated group may match nothing: what follows it decides.
  assert.deepEqual(sets('<A:PER>,? (?:(?:has|was) )*named <B:ORG>'), [['named']]);
  assert.deepEqual(sets('<A:PER>,? (?:(?:has|was) )*<W> <B:ORG>'), []);
  assert.deepEqual(sets('<A:PER>,? (?:(?:has|was) )*(?:named|chosen)\\b'), [['chosen', 'named']]);
  assert.deepEqual(sets('<A:PER> (?:re)*named <B:ORG>'), []);
});

test('required words: none where a word may start anywhere', () => {
  // Inside a word, after a class of characters, after any word.
  assert.deepEqual(sets('(?:fought|clashed) with'), []);
  assert.deepEqual(sets('\\b\\w+ly attacked'), []);
  assert.deepEqual(sets('\\b(?:<W> )?fought'), []);
  // Any character may be a letter.
  assert.deepEqual(sets('<A:ORG>.(?:led|ran) <B:ORG>'), []);
  // A top-level alternative may match anywhere.
  assert.deepEqual(sets('\\bfought <B:GRP>|<A:GRP> fought'), []);
  // A word that may run on ("attack" + any letters) is no whole word.
  assert.deepEqual(sets('\\battack[a-z]* <B:GRP>'), []);
  assert.deepEqual(sets('<A:GRP> (?:attack)'), []);
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

// Sentences of every kind the patterns read; each match of a pattern must hold a word of each of its
// word sets, or the gate would hide it.
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
  '[Jund Sahil|ORG|js], [the Old Front|ORG|of]’s coastal branch, and [Katiba Rimal|ORG|kr], a regional affiliate of [the Old Front|ORG|of], grew.',
  'With the help of [Veloria|GPE|v], [the Militia|ORG|m]’s allies, including [the Guard|ORG|g], kept a base in [Dara|GPE|d].',
  '[Red Cell|ORG|rc] spokesman [Omar Dali|PERSON|od] said [Samir Qadi|PERSON|sq] was appointed the new commander of [Red Cell|ORG|rc].',
];

test('required words never hide a match of a relation pattern', () => {
  const frames = SENTENCES.flatMap((s) => buildFrames(fixtureDoc(s)));
  let checked = 0;
  for (const p of RELATION_PATTERNS) {
    const required = requiredWords(p.src);
    if (!required.length) continue;
    const re = compile(p.src);
    for (const f of frames) {
      // The sentence's whole runs of letters, where they stand.
      const runs = [...f.masked.matchAll(/[A-Za-z]+/g)].map((r) => ({ start: r.index, end: r.index + r[0].length, w: r[0].toLowerCase() }));
      re.lastIndex = 0;
      for (let m = re.exec(f.masked); m; m = re.exec(f.masked)) {
        const inside = runs.filter((r) => r.start < m!.index + m![0].length && m!.index < r.end).map((r) => r.w);
        for (const set of required) assert.ok(set.some((w) => inside.includes(w)), `${p.src} matched "${m[0]}" with none of ${set.join(', ')}`);
        checked++;
        re.lastIndex = m.index + 1;
      }
    }
  }
  // The sentences exercise many patterns: a set that hid them would show here.
  assert.ok(checked >= 15, `only ${checked} matches checked`);
});
