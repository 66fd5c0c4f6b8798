import type { CollectionStage } from '../pipeline/collection.js';
import { defineStage } from '../pipeline/version.js';
import { storyFeatures } from './story-features.js';
import { PRIOR_FILE } from './story-prior.js';
import { chooseStory } from './story-score.js';

/**
 * Stories as documents land: each joins the story of the stored documents that report the same
 * event (words, knowledge-base entities, places and dates; dates far apart veto), or opens one.
 * A copy joins its original's story. When a document ties two stories strongly, the younger
 * story is merged into the older, whose id stays; the merged id redirects.
 */
export const storiesStage = defineStage<CollectionStage>(import.meta.url, {
  name: 'stories',
  // Entities carry their knowledge-base ids once kb has run; places their GeoNames ids; times dates.
  requires: ['entities', 'places', 'times'],
  optional: ['copyOf'],
  updates: ['story'],
  // The word frequencies a young store starts from.
  assets: [PRIOR_FILE],
  async run(rec, ctx) {
    if (rec.copyOf) {
      const original = await ctx.store.get(rec.copyOf);
      // A merge relabels stored records, so the original's story is current.
      if (original?.story) return { story: original.story };
    }
    const f = storyFeatures(rec);
    const pool = await ctx.store.storyPool(rec.id, f);
    const choice = chooseStory(f, pool.stories, pool, (s) => pool.order[s] ?? Number.MAX_SAFE_INTEGER);
    for (const from of choice.merge) {
      await ctx.store.mergeStories(choice.story!, from);
      ctx.diagnostic({ level: 'info', rule: 'stories.merge', message: `story ${from} merged into ${choice.story}: this document reports both` });
    }
    // Alone in its story, a document keeps that story's id when it is clustered again.
    const story = choice.story ?? (pool.own?.alone ? pool.own.story : pool.newId);
    return { story };
  },
});
