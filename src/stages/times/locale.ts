import type { DocMeta } from '../../core/meta.js';

/*
 * Which way an outlet writes all-numeric dates: 8/10/2012 is 10 August in most of the world
 * and 8 October in the United States. The language tag's region decides ("en-GB", "en-US"),
 * else the country of the URL's domain; a generic domain (.com, .org) tells nothing.
 */

/** Regions that write the month first. */
const MONTH_FIRST = new Set(['us', 'ph', 'fm', 'mh', 'pw', 'as', 'gu', 'mp', 'pr', 'vi', 'um']);
/** Country domains used as generic ones, which say nothing of the outlet's country. */
const GENERIC_CC = new Set(['io', 'co', 'tv', 'me', 'ai', 'fm', 'am', 'ly', 'to', 'cc', 'ws', 'nu', 'eu']);

/** True: day first; false: month first; undefined: the metadata does not say. */
export function dayFirstFor(meta: Pick<DocMeta, 'lang' | 'url'>): boolean | undefined {
  const region = /^[a-z]{2,3}[-_]([a-z]{2})\b/i.exec(meta.lang ?? '')?.[1]?.toLowerCase();
  if (region) return !MONTH_FIRST.has(region);
  let host = '';
  try {
    host = meta.url ? new URL(meta.url).hostname.toLowerCase() : '';
  } catch {
    return undefined;
  }
  const tld = /\.([a-z]{2})$/.exec(host)?.[1];
  if (!tld || GENERIC_CC.has(tld)) return undefined;
  return !MONTH_FIRST.has(tld);
}
