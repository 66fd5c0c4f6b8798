import { readFile } from 'node:fs/promises';
import { cleanMeta } from '../core/meta.js';
import { errorMessage } from '../core/errors.js';
import type { RawDoc, ReadItem, ReadOptions } from './types.js';

// Minimal reader set (plain text, byline records, JSON Lines); the full set of readers lives beside it.

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

const BYLINE = /^([^|\n]{1,120})\|[ \t]*([^|\n]{1,120})\n/;

export function parseByline(text: string): RawDoc[] | undefined {
  if (!BYLINE.test(text)) return undefined;
  const out: RawDoc[] = [];
  let rest = text;
  while (rest.trim()) {
    const m = BYLINE.exec(rest);
    if (!m) return undefined;
    rest = rest.slice(m[0].length);
    const close = rest.search(/ \|[ \t]*(\n|$)/);
    const body = close >= 0 ? rest.slice(0, close) : rest;
    rest = close >= 0 ? rest.slice(close).replace(/^ \|[ \t]*\n?/, '') : '';
    // The byline line is blanked, not cut, so offsets into the text are offsets into the record.
    out.push({ text: ' '.repeat(m[0].length - 1) + '\n' + body, meta: cleanMeta({ author: m[1], outlet: m[2] }) });
  }
  return out;
}

function parseJsonl(text: string, source: string): ReadItem[] {
  const items: ReadItem[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${source}:${i + 1}`;
    try {
      const o = JSON.parse(line) as Record<string, unknown>;
      const body = o.text ?? o.body ?? o.content;
      if (typeof body !== 'string' || !body.trim()) throw new Error('no text field (text, body or content)');
      items.push({
        ok: true,
        source: where,
        doc: { text: body, id: o.id != null ? String(o.id) : undefined, meta: cleanMeta({ ...o, published: o.published ?? o.date, origin: where }) },
      });
    } catch (err) {
      items.push({ ok: false, source: where, error: errorMessage(err) });
    }
  });
  return items;
}

export async function* readInputs(inputs: readonly string[], opts: ReadOptions = {}): AsyncGenerator<ReadItem> {
  for (const input of inputs) {
    const source = input === '-' ? 'stdin' : input;
    let text: string;
    try {
      const buf = input === '-' ? await readStdin() : await readFile(input);
      if (buf.length === 0) throw new Error('empty input');
      text = buf.toString('utf8');
    } catch (err) {
      yield { ok: false, source, error: errorMessage(err) };
      continue;
    }
    if (opts.from === 'jsonl' || (!opts.from && /\.jsonl$/i.test(input))) {
      yield* parseJsonl(text, source);
      continue;
    }
    const records = opts.from === 'text' ? undefined : parseByline(text.replace(/^\uFEFF/, ''));
    if (records) {
      let i = 0;
      for (const doc of records) yield { ok: true, source, doc: { ...doc, meta: { ...doc.meta, origin: records.length > 1 ? `${source}#${++i}` : source } } };
      continue;
    }
    yield { ok: true, source, doc: { text, meta: cleanMeta({ origin: source }) } };
  }
}
