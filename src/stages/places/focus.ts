import type { Place } from '../../core/layers.js';

/**
 * The countries a document is about, most weight first: every resolved place votes for its
 * country (a country named outright a little more), the first place (often the dateline) counts
 * double, and countries with under a quarter of the leader's weight are left out. Toponyms
 * embedded in longer names ("Federal Reserve") do not vote.
 */
export function focusCountries(places: readonly Place[], max = 3): string[] {
  const w = new Map<string, number>();
  places.filter((p) => !p.embedded).forEach((p, i) => {
    if (!p.country) return;
    const v = (p.featureCode === 'PCLI' ? 1.2 : 1) * (i === 0 ? 2 : 1) * (p.score ?? 1);
    w.set(p.country, (w.get(p.country) ?? 0) + v);
  });
  const top = Math.max(0, ...w.values());
  return [...w.entries()]
    .filter(([, v]) => v >= 0.25 * top)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, max)
    .map(([c]) => c);
}
