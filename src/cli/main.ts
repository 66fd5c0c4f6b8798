#!/usr/bin/env node
import { Command } from 'commander';
import { registerEval } from './commands/eval.js';
import { registerExtract } from './commands/extract.js';

const program = new Command();
program.name('newsgraph').description('Turn news articles into a sourced, searchable knowledge base.');
registerExtract(program);
registerEval(program);

await program.parseAsync(process.argv);
