import type { Command } from 'commander';

/**
 * `newsgraph eval <area>`: scores the pipeline against a user's own gold data.
 * Each area (ner, times, geo, quotes, relations) registers its subcommand here.
 */
export function registerEval(program: Command): void {
  const evalCmd = program.command('eval').description('measure quality against gold annotations');
  void evalCmd;
}
