import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * Raw article texts for unsupervised statistics (casing, word clusters). Held-out and
 * development portions are never read here.
 */
export interface RawText {
  source: string;
  text: string;
}

export function readUnlabelledTexts(dataDir: string): RawText[] {
  const texts: RawText[] = [];
  const polnear = join(dataDir, 'polnear/train/text');
  if (existsSync(polnear)) for (const f of readdirSync(polnear).sort()) texts.push({ source: 'polnear', text: readFileSync(join(polnear, f), 'utf8') });
  for (const f of ['re3d/train.jsonl', 'geowebnews/gwn-dev.jsonl', 'timebank/aquaint.jsonl']) {
    const p = join(dataDir, f);
    if (!existsSync(p)) continue;
    for (const line of readFileSync(p, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const d = JSON.parse(line) as { text?: string };
      if (d.text) texts.push({ source: f.split('/')[0]!, text: d.text });
    }
  }
  return texts;
}
