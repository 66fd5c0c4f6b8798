/**
 * How a ranked text search on the server reads the newest matches of its query, chosen from the
 * planner's estimate of how many texts match:
 * - `all`: every match from the text index, no rowid range (a rare word);
 * - `ranges`: the index's matches in ranges of rowids, newest first (neither rare nor common);
 * - `scan`: the newest texts one by one, each matched and ranked as it is read (a common word).
 *
 * A GIN index keeps no order: whatever range is asked, the word's whole posting list is read, and
 * a range of rowids costs a bitmap as long as the range. So a rare word is cheapest read whole
 * (a range sized to hold the window would span most of the table), and a word in most texts is
 * cheapest found by reading the newest texts themselves, where one text in two or three matches.
 */
export type TextReading = 'all' | 'ranges' | 'scan';

// Relative cost per row, measured on PostgreSQL 15 at 1,000,000 texts held in memory (EXPLAIN
// ANALYZE): one match decoded from a posting list 0.25 µs; one rowid in a range's bitmap 0.175 µs;
// one matching row visited 2 µs, or 6 µs when a phrase's positions are checked on its text; one
// text read newest first, matched and ranked 3 µs; one text ranked by rowid afterwards 5 µs.
const PER_MATCH = 0.25;
const PER_RANGE_ROW = 0.175;
const PER_VISIT = 2;
const PER_CHECKED = 6;
const PER_SCANNED = 3;
const PER_RANKED = 5;

export interface ReadingInput {
  /** The planner's estimate of the texts that match. */
  readonly estimate: number;
  /** The rowids the texts span. */
  readonly rows: number;
  /** How many of the newest matches are wanted. */
  readonly window: number;
  /** Filters on the documents: a scan would read past every document they drop, so it is not offered. */
  readonly filtered: boolean;
  /** A phrase: the estimate counts the texts with its word pairs, each checked for its positions. */
  readonly phrase?: boolean;
}

/** The cheapest reading by the model above, and what each would cost (µs, for tests and logs). */
export function textReading(x: ReadingInput): { reading: TextReading; cost: Record<TextReading, number> } {
  const rows = Math.max(1, x.rows);
  const matches = Math.min(rows, Math.max(1, x.estimate));
  const kept = Math.min(matches, x.window);
  const ranked = kept * PER_RANKED;
  // The ranges' first span holds 1.5 windows of matches at the estimated density (newestMatches).
  const span = Math.min(rows, (1.5 * x.window * rows) / matches);
  const visit = x.phrase ? PER_CHECKED : PER_VISIT;
  const cost: Record<TextReading, number> = {
    all: matches * (PER_MATCH + visit) + ranked,
    ranges: matches * PER_MATCH + span * PER_RANGE_ROW + Math.min(matches, 1.5 * x.window) * visit + ranked,
    scan: x.filtered ? Infinity : Math.min(rows, (x.window * rows) / matches) * PER_SCANNED,
  };
  const reading = (Object.keys(cost) as TextReading[]).reduce((a, b) => (cost[b] < cost[a] ? b : a));
  return { reading, cost };
}
