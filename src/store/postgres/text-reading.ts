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
  /** The entries the index decodes: every term's matches, not only the texts with all terms. Default: the estimate. */
  readonly decoded?: number;
  /** The texts a scan may hope to match: more than the estimate when terms may go together. Default: the estimate. */
  readonly dense?: number;
  /** The rowids the texts span. */
  readonly rows: number;
  /** How many of the newest matches are wanted. */
  readonly window: number;
  /** Filters on the documents: a scan would read past every document they drop, so it is not offered. */
  readonly filtered: boolean;
  /** A phrase: the estimate counts the texts with its word pairs, each checked for its positions. */
  readonly phrase?: boolean;
}

/**
 * The rows a scan reads at most: twice what it needs to fill the window at the density it hopes
 * for. Terms that meet less often leave it short, and the ranges go on below it.
 */
export function scanRows(dense: number, rows: number, window: number): number {
  return Math.ceil(Math.min(rows, (2 * window * rows) / Math.max(1, dense)));
}

/** The cheapest reading by the model above, and what each would cost (µs, for tests and logs). */
export function textReading(x: ReadingInput): { reading: TextReading; cost: Record<TextReading, number> } {
  const rows = Math.max(1, x.rows);
  const matches = Math.min(rows, Math.max(1, x.estimate));
  const decoded = Math.max(matches, x.decoded ?? 0);
  const dense = Math.min(rows, Math.max(matches, x.dense ?? 0));
  const kept = Math.min(matches, x.window);
  const ranked = kept * PER_RANKED;
  // The ranges' first span holds 1.5 windows of matches at the estimated density (newestMatches).
  const span = Math.min(rows, (1.5 * x.window * rows) / matches);
  const visit = x.phrase ? PER_CHECKED : PER_VISIT;
  const cost: Record<TextReading, number> = {
    all: decoded * PER_MATCH + matches * visit + ranked,
    ranges: decoded * PER_MATCH + span * PER_RANGE_ROW + Math.min(matches, 1.5 * x.window) * visit + ranked,
    scan: x.filtered ? Infinity : Math.min(rows, (x.window * rows) / dense) * PER_SCANNED,
  };
  const reading = (Object.keys(cost) as TextReading[]).reduce((a, b) => (cost[b] < cost[a] ? b : a));
  return { reading, cost };
}

/**
 * Whether the matches older than those read are best counted by reading every match again
 * (the `read` ones included) rather than through a bitmap of the `left` rowids still to count.
 */
export function countWhole(x: { readonly read: number; readonly left: number; readonly phrase?: boolean }): boolean {
  return x.read * (x.phrase ? PER_CHECKED : PER_VISIT) < x.left * PER_RANGE_ROW;
}
