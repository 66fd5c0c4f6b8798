import { readFileSync } from 'node:fs';

/*
 * Readers for annotated NER corpora, giving documents as text plus character spans with a
 * coarse class (PER, ORG, LOC, MISC). CoNLL documents are rebuilt the way the project's
 * evaluation does: tokens joined by spaces, sentences by newlines, a new article at each
 * headline that precedes a dateline.
 */

export interface GoldSpan {
  start: number;
  end: number;
  type: string;
}

export interface GoldDoc {
  id: string;
  text: string;
  spans: GoldSpan[];
}

export function readConll(file: string): GoldDoc[] {
  const sents = readFileSync(file, 'utf8')
    .split(/\n\s*\n/)
    .map((b) => b.split('\n').filter(Boolean).map((l) => l.split(' ')))
    .filter((s) => s.length && !(s.length === 1 && s[0]![0] === '-DOCSTART-'));
  const groups: string[][][][] = [];
  let cur: string[][][] | null = null;
  sents.forEach((s, i) => {
    const next = sents[i + 1];
    const opens = next !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(next[next.length - 1]![0]!);
    if (!cur || opens) groups.push((cur = []));
    cur.push(s);
  });
  return groups.map((g, di) => {
    let text = '';
    const spans: GoldSpan[] = [];
    g.forEach((s, si) => {
      if (si) text += '\n';
      let open: GoldSpan | null = null;
      s.forEach((tok, ti) => {
        if (ti) text += ' ';
        const start = text.length;
        text += tok[0];
        const end = text.length;
        const tag = tok[tok.length - 1]!;
        if (tag === 'O' || tag.startsWith('B-') || (open && open.type !== tag.slice(2))) {
          if (open) spans.push(open);
          open = null;
        }
        if (tag !== 'O') {
          if (!open) open = { start, end, type: tag.slice(2) };
          else open.end = end;
        }
      });
      if (open) spans.push(open);
    });
    return { id: `c${di}`, text, spans };
  });
}

const RE3D_TYPES: Record<string, string> = { Person: 'PER', Organisation: 'ORG', Location: 'LOC', Nationality: 'MISC' };

/**
 * re3d documents. Its annotations nest and overlap; a sequence model needs one layer, so
 * confident, capitalised (named) spans are kept, most confident and then longest first
 * (unless `nested` asks for all of them, as scoring does).
 */
export function readRe3d(file: string, opts: { all?: boolean; nested?: boolean } = {}): GoldDoc[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const d = JSON.parse(l) as { id: string; text: string; entities: { begin: number; end: number; type: string; value: string; confidence: number }[] };
      const cands = d.entities
        .filter((e) => RE3D_TYPES[e.type] && e.confidence >= 0.5 && (opts.all || /^[A-Z]/.test(e.value)) && d.text.slice(e.begin, e.end) === e.value)
        .sort((a, b) => b.confidence - a.confidence || b.end - b.begin - (a.end - a.begin) || a.begin - b.begin);
      const spans: GoldSpan[] = [];
      for (const e of cands) {
        // Scoring keeps nested gold (each span is a target); training needs one flat layer.
        if (!opts.nested && spans.some((s) => s.start < e.end && e.begin < s.end)) continue;
        spans.push({ start: e.begin, end: e.end, type: RE3D_TYPES[e.type]! });
      }
      spans.sort((a, b) => a.start - b.start);
      return { id: d.id, text: d.text, spans };
    });
}
