import type { CollectionStage } from '../pipeline/collection.js';
import { defineStage } from '../pipeline/version.js';
import type { StoryPool } from '../store/store.js';
import { storyFeatures, type StoryFeatures } from './story-features.js';
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
  // A document that joined (or opened) a story while the stories of its event were young was
  // compared with little; once the story has doubled, its first documents are weighed again
  // against the stories as they are now. Each story settles at sizes 2, 4, 8, ..., and each of
  // its first SETTLE_DOCS documents is weighed once, when the story has doubled since it joined:
  // about one document in two is weighed again, whatever the store's size; a story of one
  // document has had nothing join it to reconsider (most reports of a large store).
  async settle(store) {
    let moved = 0, settled = 0;
    const choose = (f: StoryFeatures, pool: StoryPool) => chooseStory(f, pool.stories, pool, (s) => pool.order[s] ?? Number.MAX_SAFE_INTEGER).story;
    for (let round = 0; round < SETTLE_ROUNDS; round++) {
      const ids = await store.unsettledStories(SETTLE_BATCH);
      if (!ids.length) break;
      for (const id of ids) {
        moved += await store.settleStory(id, choose, SETTLE_DOCS);
        settled++;
      }
    }
    return moved ? `${moved} document${moved === 1 ? '' : 's'} moved to another story (${settled} stories settled)` : undefined;
  },
});

/** A story's first documents, which joined it young: those weighed again as it settles. */
const SETTLE_DOCS = 10;
const SETTLE_BATCH = 500;
/** A bound on the rounds of one settle step: moves grow other stories, which then settle too. */
const SETTLE_ROUNDS = 50;
