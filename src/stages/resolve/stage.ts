import type { Entity, Mention } from '../../core/layers.js';
import { compareSpans, overlaps } from '../../core/span.js';
import { SpanIndex } from '../../core/span-index.js';
import type { Doc } from '../../core/doc.js';
import type { Layers } from '../../core/layers.js';
import type { Stage, StageContext } from '../../pipeline/stage.js';
import { defineStage } from '../../pipeline/version.js';
import { findAliases } from './aliases.js';
import { resolveAnaphora } from './anaphora.js';
import { descriptionFor } from './descriptions.js';
import { groupNames } from './group.js';
import { isPronoun } from '../../text/name-forms.js';
import { retypeTitles } from './titles.js';

export interface ResolveOptions {
  /**
   * Add "he"/"she" speaker pronouns whose referent is clear as mentions of kind 'pronoun'.
   * On by default; the output record lists them apart from names, under `references`.
   */
  readonly pronouns?: boolean;
  /** Add "the group"-style nominals whose organisation is clear (kind 'nominal'). On by default. */
  readonly nominals?: boolean;
}

/**
 * Within-document entity resolution: groups name mentions into entities (canonical name,
 * aliases, type, description) and fills mention.entity; optionally adds the pronoun and
 * nominal mentions whose referent is clear.
 */
export function createResolveStage(options: ResolveOptions = {}): Stage {
  return defineStage(import.meta.url, {
    name: 'resolve',
    languages: ['eng'],
    requires: ['tokens', 'sentences'],
    optional: ['paragraphs'],
    provides: ['entities'],
    updates: ['mentions'],
    run: (doc, ctx) => resolveDoc(doc, ctx, options),
  });
}

export const resolveStage: Stage = createResolveStage();

function resolveDoc(doc: Doc, ctx: StageContext, options: ResolveOptions): Partial<Layers> {
  const text = doc.text;
  const input = retypeTitles(text, doc.layer('mentions')).sort(compareSpans);
  // Pronouns the tagger took for names ("It" opening a sentence) are not names.
  const others: Mention[] = [];
  let names: Mention[] = [];
  for (const m of input) {
    if (m.kind === 'pronoun' || m.kind === 'nominal') others.push(m);
    else if (isPronoun(m.text)) {
      const { entity: _unlinked, ...rest } = m;
      others.push({ ...rest, kind: 'pronoun' });
    }
    else names.push(m);
  }
  const aliases = findAliases(text, names);
  if (aliases.added.length) {
    // A name an alias pattern spells out replaces the tagger's overlapping pieces of it.
    const added = new SpanIndex(aliases.added);
    names = names.filter((m) => !added.overlapping(m.start, m.end).some((a) => overlaps(a, m)));
    names.push(...aliases.added);
    names.sort(compareSpans);
  }
  const sentences = doc.layer('sentences');
  const sentenceIndex = (offset: number) => {
    let lo = 0, hi = sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sentences[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const sentenceAt = (offset: number) => sentences[sentenceIndex(offset)];
  const groups = groupNames(names, aliases.pairs, (m) => sentenceIndex(m.start));
  const entities: Entity[] = [];
  const linked: Mention[] = names.slice();
  groups.forEach((g, n) => {
    const id = `e${n + 1}`;
    let description: ReturnType<typeof descriptionFor>;
    if (g.type === 'PERSON' || g.type === 'ORG') {
      for (const i of g.members) {
        description = descriptionFor(text, names[i]!, sentenceAt(names[i]!.start));
        if (description) break;
      }
    }
    for (const i of g.members) linked[i] = { ...names[i]!, entity: id, ...(names[i]!.kind ? {} : { kind: 'name' as const }) };
    entities.push({
      id, type: g.type, name: g.name, aliases: g.aliases,
      ...(description ? { description: description.text, descriptionStart: description.start, descriptionEnd: description.end } : {}),
    });
  });
  let anaphora: Mention[] = [];
  const pronouns = options.pronouns ?? true, nominals = options.nominals ?? true;
  if (pronouns || nominals) {
    try {
      anaphora = resolveAnaphora(text, doc.layer('tokens'), sentences, doc.layer('paragraphs'), linked)
        .map((r) => r.mention)
        .filter((m) => (m.kind === 'pronoun' ? pronouns : nominals));
    } catch (err) {
      ctx.diagnostic({ level: 'warning', rule: 'resolve.anaphora', message: `pronoun and nominal resolution skipped: ${String(err)}` });
    }
  }
  // A resolved pronoun replaces the tagger's unresolved one at the same place.
  // Spans looked up by binary search: a long document has many of each.
  const linkedAt = new SpanIndex(linked), othersAt = new SpanIndex(others);
  anaphora = anaphora.filter((m) => !linkedAt.overlapping(m.start, m.end).some((x) => overlaps(x, m)) &&
    !othersAt.overlapping(m.start, m.end).some((x) => overlaps(x, m) && x.kind !== 'pronoun'));
  const anaphoraAt = new SpanIndex(anaphora);
  const rest = others.filter((x) => !anaphoraAt.overlapping(x.start, x.end).some((m) => overlaps(x, m)));
  const mentions = [...linked, ...rest, ...anaphora].sort(compareSpans);
  return { mentions, entities };
}
