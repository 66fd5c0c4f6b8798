import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { Doc } from './doc.js';
import { detectLanguage, languageName } from './language.js';
import { defaultPipeline } from '../pipeline/default.js';

const FRENCH = 'Le conseil municipal a voté jeudi soir la fermeture du vieux pont sur la rivière, après des semaines de débats. ' +
  'Selon la maire, Claire Dubois, les travaux commenceront au printemps et dureront près de deux ans.';
const GERMAN = 'Der Stadtrat hat am Donnerstagabend beschlossen, die alte Brücke über den Fluss zu schließen. ' +
  'Nach Angaben der Bürgermeisterin Claudia Weber beginnen die Arbeiten im Frühjahr und dauern fast zwei Jahre.';
const RUSSIAN = 'Городской совет в четверг вечером проголосовал за закрытие старого моста через реку после нескольких недель споров.';
const ENGLISH = 'The city council voted on Thursday evening to close the old bridge over the river after weeks of debate. ' +
  'Mayor Claire Dubois said the work would start in the spring and last nearly two years.';

test('tells English from other languages, and says when it cannot tell', () => {
  assert.equal(detectLanguage(ENGLISH), 'eng');
  assert.equal(detectLanguage(FRENCH), 'fra');
  assert.equal(detectLanguage(GERMAN), 'deu');
  assert.equal(detectLanguage(RUSSIAN), 'rus');
  assert.equal(detectLanguage('Rome, 2024.'), 'und');
  assert.equal(languageName('fra'), 'French');
  assert.equal(languageName('xyz'), 'xyz');
});

test('the pipeline files the language in meta and runs English stages on English only, saying so', () => {
  const fr = defaultPipeline().run(Doc.create(FRENCH));
  assert.equal(fr.doc.meta.language, 'fra');
  assert.deepEqual(fr.doc.layer('mentions'), []);
  assert.deepEqual(fr.doc.layer('quantities'), []);
  assert.ok(fr.doc.layer('tokens').length > 0, 'language-neutral stages still run');
  const d = fr.diagnostics.find((x) => x.rule === 'language.unsupported');
  assert.ok(d, 'a diagnostic says why the layers are empty');
  assert.match(d.message, /French \(fra\).*mentions/);
  // Every stage is still stamped, so reprocessing knows which build decided.
  assert.equal(fr.timings.length, defaultPipeline().stages.length);

  const en = defaultPipeline().run(Doc.create(ENGLISH));
  assert.equal(en.doc.meta.language, 'eng');
  assert.ok(en.doc.layer('mentions').length > 0);
  assert.equal(en.diagnostics.find((x) => x.rule === 'language.unsupported'), undefined);
});

const data = resolve(process.cwd(), '../shared/data');
test('no English news article of the shared data is taken for another language', { skip: !existsSync(data) && 'needs ../shared/data' }, () => {
  const texts: string[] = [];
  for (const f of ['geowebnews/gwn-dev.jsonl', 'timebank/aquaint.jsonl', 'ecbplus/dev.jsonl', 'wikievents/dev.jsonl']) {
    for (const line of readFileSync(resolve(data, f), 'utf8').split('\n')) if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
  }
  for (const f of readdirSync(resolve(data, 'polnear/dev/text'))) texts.push(readFileSync(resolve(data, 'polnear/dev/text', f), 'utf8'));
  const wrong = texts.map(detectLanguage).filter((l) => l !== 'eng' && l !== 'und');
  assert.ok(texts.length > 400);
  assert.deepEqual(wrong, []);
});
