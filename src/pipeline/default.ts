import { mentionsStage } from '../stages/entities/stage.js';
import { placesStage } from '../stages/places/stage.js';
import { quantitiesStage } from '../stages/quantities/stage.js';
import { quotesStage } from '../stages/quotes/stage.js';
import { resolveStage } from '../stages/resolve/stage.js';
import { sentencesStage } from '../stages/sentences/stage.js';
import { timesStage } from '../stages/times/stage.js';
import { tokensStage } from '../stages/tokens/stage.js';
import { eventsStage } from '../stages/events/stage.js';
import { relationsStage } from '../stages/relations/stage.js';
import { kbStage } from '../kb/stage.js';
import { copiesStage } from '../stories/stage.js';
import { storiesStage } from '../stories/story-stage.js';
import { Collection, type CollectionStage } from './collection.js';
import { Pipeline } from './pipeline.js';
import type { Stage } from './stage.js';

/** The stages of a full run, in data-flow order (the pipeline checks it against their declarations). */
export function defaultStages(): Stage[] {
  return [tokensStage, sentencesStage, mentionsStage, resolveStage, timesStage, quotesStage, quantitiesStage, placesStage, relationsStage, eventsStage];
}

let shared: Pipeline | undefined;
/** One pipeline per process: models and gazetteers inside stages load once and are shared. */
export function defaultPipeline(): Pipeline {
  return (shared ??= new Pipeline(defaultStages()));
}

/** The collection stages a store runs as each document lands. */
export function defaultCollectionStages(): CollectionStage[] {
  return [kbStage, copiesStage, storiesStage];
}

let sharedCollection: Collection | undefined;
export function defaultCollection(): Collection {
  return (sharedCollection ??= new Collection(defaultCollectionStages()).check(defaultPipeline().provides));
}
