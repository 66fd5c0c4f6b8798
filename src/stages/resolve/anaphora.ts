import type { EntityType, Mention, Paragraph, Sentence, Token } from '../../core/layers.js';
import type { Span } from '../../core/span.js';
import { SpanIndex } from '../../core/span-index.js';
import { PERSON_SUBJECT_PRONOUNS } from '../../text/pronouns.js';
import { findQuotedSpans } from '../../text/quote-marks.js';
import { REPORTING_VERBS } from '../../text/reporting-verbs.js';

/** Nouns that, after "the" and an ORG, name that organisation again. */
const ORG_NOUNS = new Set(['group', 'organization', 'organisation', 'movement', 'militia', 'network', 'alliance', 'coalition', 'faction', 'outfit', 'insurgency']);
const ADVERBS = new Set(['also', 'later', 'then', 'has', 'had', 'have', 'once', 'again', 'previously', 'further', 'repeatedly', 'recently']);

interface Resolved {
  readonly mention: Mention;
}

/** Entity ids of named mentions of a type inside [from, to), outside quotation marks. */
function namedIn(ms: SpanIndex<Mention>, from: number, to: number, types: ReadonlySet<EntityType>, quoted: SpanIndex<Span>): string[] {
  const out: string[] = [];
  // Widened by one so a mention at either edge is found whatever its length.
  for (const m of ms.overlapping(from - 1, to + 1)) {
    if (m.start < from || m.end > to || !m.entity || !types.has(m.type) || m.kind === 'pronoun' || m.kind === 'nominal') continue;
    if (quoted.overlapping(m.start - 1, m.end + 1).some((q) => q.start <= m.start && m.end <= q.end)) continue;
    if (!out.includes(m.entity)) out.push(m.entity);
  }
  return out;
}

/**
 * The one entity of the wanted types named in the nearest stretch before `at`: the sentence
 * so far, else the closest earlier sentence (up to `back`) that names any. Two candidates
 * in that stretch means the text is not clear, and nothing is returned.
 */
function soleAntecedent(ms: SpanIndex<Mention>, sentences: readonly Sentence[], si: number, at: number, types: ReadonlySet<EntityType>, quoted: SpanIndex<Span>, back: number): string | undefined {
  const here = namedIn(ms, sentences[si]!.start, at, types, quoted);
  if (here.length) return here.length === 1 ? here[0] : undefined;
  for (let s = si - 1; s >= 0 && s >= si - back; s--) {
    const c = namedIn(ms, sentences[s]!.start, sentences[s]!.end, types, quoted);
    if (c.length) return c.length === 1 ? c[0] : undefined;
  }
  return undefined;
}

/**
 * Pronoun and nominal mentions where the text makes their referent clear:
 * "he"/"she" as the subject of a reporting verb ("he said", "said she") after one named
 * person, and "the group" / "the militant organization" after one named organisation.
 * Quoted words are neither searched for antecedents nor resolved.
 */
export function resolveAnaphora(text: string, tokens: readonly Token[], sentences: readonly Sentence[], paragraphs: readonly Paragraph[], named: readonly Mention[]): Resolved[] {
  // Looked up by binary search: a long document has many quotes and names.
  const quoted = new SpanIndex<Span>(findQuotedSpans(text, paragraphs));
  const names = new SpanIndex(named);
  const inQuote = (s: number) => quoted.overlapsAny(s, s + 1);
  const out: Resolved[] = [];
  const person = new Set<EntityType>(['PERSON']);
  const org = new Set<EntityType>(['ORG']);
  const taken = new Set(named.map((m) => m.start));
  for (let si = 0; si < sentences.length; si++) {
    const sent = sentences[si]!;
    for (let i = sent.tokenStart; i < sent.tokenEnd; i++) {
      const t = tokens[i]!;
      if (taken.has(t.start)) continue;
      const l = t.text.toLowerCase();
      if (PERSON_SUBJECT_PRONOUNS.has(l)) {
        let k = i + 1;
        while (k < sent.tokenEnd && ADVERBS.has(tokens[k]!.text.toLowerCase())) k++;
        const next = tokens[k]?.text.toLowerCase() ?? '';
        const prev = tokens[i - 1]?.text.toLowerCase() ?? '';
        if (!REPORTING_VERBS.has(next) && !REPORTING_VERBS.has(prev)) continue;
        if (inQuote(t.start)) continue;
        const e = soleAntecedent(names, sentences, si, t.start, person, quoted, 3);
        if (e) out.push({ mention: { start: t.start, end: t.end, text: t.text, type: 'PERSON', kind: 'pronoun', entity: e } });
        continue;
      }
      if (l === 'the' && i + 1 < sent.tokenEnd) {
        // "the group", "the militant organization": one optional modifier before the noun.
        let k = i + 1;
        let noun = tokens[k]!.text.toLowerCase();
        if (!ORG_NOUNS.has(noun) && k + 1 < sent.tokenEnd && /^[a-z-]+$/.test(tokens[k]!.text)) noun = tokens[++k]!.text.toLowerCase();
        if (!ORG_NOUNS.has(noun)) continue;
        if (inQuote(t.start)) continue;
        const e = soleAntecedent(names, sentences, si, t.start, org, quoted, 2);
        if (e) out.push({ mention: { start: t.start, end: tokens[k]!.end, text: text.slice(t.start, tokens[k]!.end), type: 'ORG', kind: 'nominal', entity: e } });
        i = k;
      }
    }
  }
  return out;
}
