import type { Mention, Sentence, Token } from '../../core/layers.js';
import type { DocTokens } from './features.js';
import type { NerModel } from './model.js';
import { wordInfos } from './features.js';
import { extendPersonNames, joinPatronymics, widenToGazetteer } from './names.js';
import { nameEdges } from './name-edges.js';
import { fineType } from './types.js';

/*
 * From tokens and sentences to typed mention spans. Possessive clitics and stray
 * punctuation never belong to a name ("Daesh’s" gives "Daesh"), whatever the model says.
 */

const EDGE_JUNK = /^(?:['’‘`"“”«»()[\]{},;:!?\-–—…]|['’]s|['’])$/u;

export function docTokens(tokens: readonly Token[], sentences: readonly Sentence[]): DocTokens {
  const words = tokens.map((t) => t.text);
  const ranges: [number, number][] = [];
  let at = 0;
  for (const s of sentences) {
    // Tokens the splitter left out still get decoded, as their own sentence.
    if (s.tokenStart > at) ranges.push([at, s.tokenStart]);
    if (s.tokenEnd > s.tokenStart) ranges.push([s.tokenStart, s.tokenEnd]);
    at = Math.max(at, s.tokenEnd);
  }
  if (at < tokens.length) ranges.push([at, tokens.length]);
  return { words, sentences: ranges };
}

export function findMentions(text: string, tokens: readonly Token[], sentences: readonly Sentence[], model: NerModel): Mention[] {
  const out: Mention[] = [];
  const words = docTokens(tokens, sentences);
  // Looked up once for the tagger and for the gazetteer's lower-case forms.
  const infos = wordInfos(words.words, model.lexicon);
  const dt = { ...words, infos };
  const ends = new Uint32Array(tokens.length);
  for (const [s, e] of dt.sentences) ends.fill(e, s, e);
  const sentenceEnd = (i: number) => ends[i]!;
  const tagged = extendPersonNames(joinPatronymics(model.tag(dt), dt.words, sentenceEnd), dt.words, sentenceEnd);
  for (const m of widenToGazetteer(tagged, dt.words, infos.map((x) => x.lower), sentenceEnd)) {
    let s = m.start, e = m.end;
    while (s < e && EDGE_JUNK.test(tokens[s]!.text)) s++;
    while (e > s && EDGE_JUNK.test(tokens[e - 1]!.text)) e--;
    const edges = s < e ? nameEdges(tokens, s, e) : undefined;
    if (!edges) continue;
    [s, e] = edges;
    const start = tokens[s]!.start, end = tokens[e - 1]!.end;
    const surface = text.slice(start, end);
    out.push({ start, end, text: surface, type: fineType(m.cls, surface), kind: 'name' });
  }
  return out;
}
