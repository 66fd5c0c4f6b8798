import { getJson, type StoryDetail } from '../api.js';
import { fmtDate, h, link } from '../dom.js';
import { exportLinks } from '../export-links.js';

/** One story: the outlets that reported it in order of publication, copies marked, each linking to its article. */
export async function storyView(root: HTMLElement, id: string): Promise<void> {
  const s = await getJson<StoryDetail>(`/api/stories/${encodeURIComponent(id)}`);
  const outletOf = new Map(s.items.map((d) => [d.doc, d.outlet ?? d.doc]));
  // The reports others reproduce: the original source of the copies beside them.
  const copied = new Set(s.items.flatMap((d) => (d.copyOf ? [d.copyOf] : [])));
  const span = s.first ? (s.first === s.last ? fmtDate(s.first) : `${fmtDate(s.first)} – ${fmtDate(s.last)}`) : 'undated';
  root.append(
    h('p', { class: 'back' }, link('/search', '‹ Search')),
    h('header', { class: 'story-head' },
      h('h1', {}, s.title || 'Untitled story'),
      h('p', { class: 'meta' }, `${s.documents} report${s.documents === 1 ? '' : 's'} · ${s.outlets.length} outlet${s.outlets.length === 1 ? '' : 's'} · ${span}`),
      h('p', { class: 'docid' }, 'story ', h('code', {}, s.id)),
      exportLinks('docs', { story: s.id })),
    h('ol', { class: 'story-docs' }, s.items.map((d) => h('li', { class: d.copyOf ? 'story-doc copy' : 'story-doc', 'data-doc': d.doc },
      h('span', { class: 'outlet' }, d.outlet ?? 'unknown outlet'), ' ',
      h('span', { class: 'date' }, d.published ? fmtDate(d.published) : 'undated'), ' ',
      link(`/doc/${encodeURIComponent(d.doc)}`, d.title || d.doc),
      d.copyOf ? h('span', { class: 'copy-mark', title: `copies document ${d.copyOf}` }, ` copy of ${outletOf.get(d.copyOf) ?? d.copyOf}`) : '',
      copied.has(d.doc) ? h('span', { class: 'badge original-mark' }, 'original') : ''))),
  );
}
