import type { Command } from 'commander';
import { NewsgraphError } from '../../core/errors.js';
import { DB_HELP, DEFAULT_DB, describeDb, openStore } from '../../store/open.js';
import type { StoryDetail, StoryInfo } from '../../store/store.js';
import { positiveInt } from '../report.js';
import { jsonText, out } from '../terminal.js';

const span = (s: StoryInfo) => (s.first ? (s.first === s.last ? s.first : `${s.first} to ${s.last}`) : 'undated');

export function formatStory(s: StoryInfo): string {
  return `${s.id}  ${s.documents} document${s.documents === 1 ? '' : 's'}, ${span(s)}\n   ${s.title}${s.outlets.length ? `\n   ${s.outlets.join(', ')}` : ''}\n`;
}

export function formatStoryDetail(s: StoryDetail): string {
  const lines = s.items.map((d) => `  ${d.published?.slice(0, 10) ?? '----------'}  ${d.outlet ?? '(no outlet)'}  ${d.title ?? ''}  doc ${d.doc}${d.copyOf ? ` (copy of ${d.copyOf})` : ''}`);
  return `${formatStory(s)}${lines.join('\n')}\n`;
}

export function registerStories(program: Command): void {
  program
    .command('stories [id]')
    .description('stories (documents that report the same event), most documents first; or one story with its documents in order of publication')
    .option('--db <path>', DB_HELP, DEFAULT_DB)
    .option('--limit <n>', 'most stories shown', '20')
    .option('--json', 'print JSON (one story per line for the list)')
    .action(async (id: string | undefined, o: { db: string; limit?: string; json?: boolean }) => {
      const store = openStore(o.db, { mustExist: true });
      try {
        if (id) {
          const s = await store.story(id);
          if (!s) throw new NewsgraphError('stories.not-found', `no story "${id}" in ${describeDb(o.db)}`, 404);
          out(o.json ? jsonText(s) + '\n' : formatStoryDetail(s));
          return;
        }
        const list = await store.stories({ limit: positiveInt('--limit', o.limit, 20) });
        if (o.json) out(list.map((s) => jsonText(s) + '\n').join(''));
        else if (list.length) out(list.map(formatStory).join(''));
        else process.stderr.write('no stories stored\n');
      } finally {
        await store.close();
      }
    });
}
