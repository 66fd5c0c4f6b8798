import type { Time } from '../../core/layers.js';
import { defineStage } from '../../pipeline/version.js';
import { parseIsoDate } from './calendar.js';
import { datelineDate } from './dateline.js';
import { dayFirstFor } from './locale.js';
import { recognizeTimes } from './recognize.js';

/**
 * Temporal expressions as TIMEX3 values. Relative ones ("last week", "on Monday") resolve
 * against the publication date from the document's metadata or the run's options, else a
 * dated dateline at the head of the text; without one they are kept, marked unresolved, with a
 * diagnostic. All-numeric dates are read in the outlet's day/month order when its metadata
 * tells it (locale.ts).
 */
export const timesStage = defineStage(import.meta.url, {
  name: 'times',
  languages: ['eng'],
  requires: ['sentences'],
  provides: ['times'],
  run(doc, ctx) {
    const published = doc.meta.published ?? ctx.options.published;
    let anchor = parseIsoDate(published);
    if (published && !anchor) {
      ctx.diagnostic({ level: 'warning', rule: 'times.bad-published', message: `publication date "${published}" is not YYYY-MM-DD; relative dates stay unresolved` });
    }
    if (!published) {
      const dl = datelineDate(doc.text);
      if (dl) {
        anchor = dl.date;
        ctx.diagnostic({ level: 'info', rule: 'times.dateline', start: dl.start, end: dl.end, message: 'no publication date given: relative dates resolved against the dateline' });
      }
    }
    const found = recognizeTimes(doc.text, anchor, doc.layer('sentences'), { dayFirst: dayFirstFor(doc.meta) });
    const times: Time[] = found.map((t) => {
      const out: Time = { start: t.start, end: t.end, text: t.text, value: t.value, type: t.type };
      return { ...out, ...(t.mod ? { mod: t.mod } : {}), ...(t.unresolved ? { unresolved: true } : {}), ...(t.to ? { to: t.to } : {}), ...(t.duration ? { duration: t.duration } : {}) };
    });
    const unresolved = times.filter((t) => t.unresolved);
    if (unresolved.length) {
      const first = unresolved[0]!;
      ctx.diagnostic({
        level: 'info', rule: 'times.unresolved', start: first.start, end: first.end,
        message: `${unresolved.length} relative time expression(s) left unresolved: no publication date (give one with --published)`,
      });
    }
    return { times };
  },
});
