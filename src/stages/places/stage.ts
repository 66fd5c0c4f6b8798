import type { Place } from '../../core/layers.js';
import type { Doc } from '../../core/doc.js';
import { GAZETTEER_FILE, sharedGazetteer, type Gazetteer } from '../../geo/gazetteer.js';
import { placeLayer } from '../../layers/places.js';
import { numbered, type Unnumbered } from '../../layers/spec.js';
import type { Stage } from '../../pipeline/stage.js';
import { defineStage } from '../../pipeline/version.js';
import { applyMentions, filterHits, gazetteerHits, headedNames, mentionHits, modifierHits, personSurnames, type RecognizeContext } from './recognize.js';
import { inAddress } from '../../text/addresses.js';
import { markEmbedded } from './embedded.js';
import { docContext, resolveHits } from './resolve.js';
import { outletHome } from './outlet-home.js';
import { scanWords } from './words.js';

export interface PlacesOptions {
  /**
   * Report nationality adjectives used as modifiers ("Russian hackers") as their country (a word
   * of no single country as its continent or division: "European" Europe), marked
   * `modifier: true`; on by default. Demonym nouns for people ("the Russians") are never places.
   */
  readonly modifiers?: boolean;
}

/** Finds and places the toponyms of one document with the given gazetteer. */
export function findPlaces(doc: Doc, gaz: Gazetteer, opts: PlacesOptions = {}): Unnumbered<Place>[] {
  const starts = new Set(doc.layer('sentences').map((s) => s.start));
  const words = scanWords(doc.text, starts.size ? starts : undefined);
  const ctx: RecognizeContext = { text: doc.text, words, gaz, mentions: doc.layer('mentions') };
  const raw = gazetteerHits(ctx);
  const surnames = personSurnames(ctx);
  const context = docContext(words, gaz, raw.filter((h) => !surnames.has(h.key)), outletHome(doc.meta.outlet, gaz));
  const proposed = [...raw, ...mentionHits(ctx, raw)].sort((a, b) => a.start - b.start);
  let hits = applyMentions(ctx, filterHits(ctx, proposed, surnames, context));
  hits = [...hits, ...headedNames(ctx, hits)];
  const modifiers = opts.modifiers === false ? [] : modifierHits(ctx, hits);
  hits = [...hits, ...modifiers].sort((a, b) => a.start - b.start);
  const resolved = resolveHits(doc.text, hits, context, gaz).filter((p) => !inAddress(doc.text, p.start, p.end));
  const places = markEmbedded(doc.text, resolved, ctx.mentions, doc.layer('entities'));
  if (!modifiers.length) return places;
  const at = new Set(modifiers.map((h) => h.start));
  return places.map((p) => (at.has(p.start) ? { ...p, modifier: true } : p));
}

/**
 * Toponyms recognised and resolved to GeoNames entries and coordinates. Reads the entity layer
 * when an earlier stage provides one, and the gazetteer for what the model missed.
 */
export function createPlacesStage(opts: PlacesOptions = {}): Stage {
  return defineStage(import.meta.url, {
    name: 'places',
    languages: ['eng'],
    requires: [],
    // Sentence starts tell a capitalised toponym from a sentence's first word; mentions say what the tagger typed.
    // Entities tell a place's words that stand for a longer name ("Georgetown" for the university).
    optional: ['sentences', 'mentions', 'entities'],
    provides: ['places'],
    assets: [GAZETTEER_FILE],
    run: (doc) => ({ places: numbered(placeLayer, findPlaces(doc, sharedGazetteer(), opts)) }),
  });
}

export const placesStage: Stage = createPlacesStage();
