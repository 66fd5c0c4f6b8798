import type { Command } from 'commander';
import { TIMES_GOLD_HELP } from '../../eval/times-format.js';
// Scorers load only when their command runs, so other commands start fast.
const load = {
  ner: () => import('../../eval/ner.js'),
  times: () => import('../../eval/times.js'),
  relations: () => import('../../eval/relations.js'),
  geo: () => import('../../eval/geo.js'),
  quotes: () => import('../../eval/quotes.js'),
  copies: () => import('../../eval/copies.js'),
};

/**
 * `newsgraph eval <area>`: scores the pipeline against a user's own gold data.
 * Each area (ner, times, geo, quotes, relations, copies) registers its subcommand here.
 */
export function registerEval(program: Command): void {
  const evalCmd = program.command('eval').description('measure quality against gold annotations');
  evalCmd
    .command('ner')
    .description('named entities: precision, recall and F1 per type (exact span, coarse type)')
    .option('--conll <file>', 'CoNLL-2003 format file (token POS chunk NER, IOB2)')
    .option('--re3d <file>', 're3d JSON Lines file')
    .action(async (o: { conll?: string; re3d?: string }) => { await (await load.ner()).runNerEval(o); });
  evalCmd
    .command('times')
    .description('TIMEX3 dates and durations: span F1 (strict, relaxed) and value F1 against a JSON Lines gold file')
    .addHelpText('after', TIMES_GOLD_HELP)
    .argument('<gold>', 'JSON Lines: {id, published, text, times: [{start, end, value, mod?}]}')
    .option('--min-f1 <n>', 'exit 1 when relaxed F1 (percent) is below this')
    .option('--min-value <n>', 'exit 1 when value F1 (percent) is below this')
    .option('--errors <n>', 'how many errors to print (default 10)')
    .option('--json', 'print the scores as one JSON object')
    .action(async (gold: string, o: { minF1?: string; minValue?: string; errors?: string; json?: boolean }) => { (await load.times()).runTimesEval(gold, o); });
  evalCmd
    .command('relations')
    .description('relations against re3d: precision and recall for FightingAgainst, AlliesOf, BelongsTo, IsSynonymOf (and CommWith apart)')
    .requiredOption('--re3d <file>', 're3d JSON Lines file')
    .option('--min-precision <n>', 'exit 1 when overall precision (percent) is below this')
    .option('--errors <n>', 'how many wrong predictions to print (default 10)')
    .option('--json', 'print the scores as one JSON object')
    .action(async (o: { re3d?: string; minPrecision?: string; errors?: string; json?: boolean }) => { (await load.relations()).runRelationsEval(o); });
  evalCmd
    .command('geo')
    .description('toponyms: recognition F1 (overlap, strict) and accuracy within 161 km, GeoWebNews JSON Lines')
    .argument('<gold>', 'JSON Lines: {id, text, toponyms: [{start, end, text, type, lat, lon}]}')
    .option('--min-f1 <n>', 'exit 1 when overlap F1 (percent) is below this')
    .option('--min-acc <n>', 'exit 1 when accuracy within 161 km (percent) is below this')
    .option('--no-modifiers', 'do not count nationality adjectives used as modifiers ("Iraqi forces") as places')
    .option('--errors <n>', 'how many errors to print (default 20)')
    .option('--json', 'print the scores as one JSON object')
    .action(async (gold: string, o: { minF1?: string; minAcc?: string; errors?: string; json?: boolean; modifiers?: boolean }) => { (await load.geo()).runGeoEval(gold, o); });
  evalCmd
    .command('quotes')
    .description('quotes and attributions: direct-quote F1, speaker accuracy and all-attribution F1 against brat (PolNeAR-style) files')
    .argument('<dir>', 'folder with text/NAME.txt and attributions/NAME_*.ann, or NAME.txt beside NAME.ann')
    .option('--min-f1 <n>', 'exit 1 when direct-quote F1 (percent) is below this')
    .option('--min-speaker <n>', 'exit 1 when speaker accuracy (percent) is below this')
    .option('--errors <n>', 'how many errors to print (default 10)')
    .option('--json', 'print the scores as one JSON object')
    .action(async (dir: string, o: { minF1?: string; minSpeaker?: string; errors?: string; json?: boolean }) => { (await load.quotes()).runQuotesEval(dir, o); });
  evalCmd
    .command('copies')
    .description('copies: pairwise precision, recall and F1 of "is a copy of" on variants built from real articles, and boilerplate-only pairs marked')
    .argument('<dir>', 'folder with metadata.tsv and train/text, dev/text (PolNeAR layout)')
    .option('--sample <n>', 'read only the first N articles')
    .option('--min-f1 <n>', 'exit 1 when F1 (percent) is below this')
    .option('--errors <n>', 'how many errors to print (default 10)')
    .option('--json', 'print the scores as one JSON object')
    .action(async (dir: string, o: { sample?: string; minF1?: string; errors?: string; json?: boolean }) => { await (await load.copies()).runCopiesEval(dir, o); });
}
