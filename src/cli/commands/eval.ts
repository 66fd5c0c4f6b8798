import type { Command } from 'commander';
import { runNerEval } from '../../eval/ner.js';

/**
 * `newsgraph eval <area>`: scores the pipeline against a user's own gold data.
 * Each area (ner, times, geo, quotes, relations) registers its subcommand here.
 */
export function registerEval(program: Command): void {
  const evalCmd = program.command('eval').description('measure quality against gold annotations');
  evalCmd
    .command('ner')
    .description('named entities: precision, recall and F1 per type (exact span, coarse type)')
    .option('--conll <file>', 'CoNLL-2003 format file (token POS chunk NER, IOB2)')
    .option('--re3d <file>', 're3d JSON Lines file')
    .action((o: { conll?: string; re3d?: string }) => { runNerEval(o); });
  void evalCmd;
}
