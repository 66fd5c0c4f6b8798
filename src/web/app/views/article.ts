import { getJson, type NewsRecord, type StoryDetail } from '../api.js';
import { fmtDate, h, link, message, qs } from '../dom.js';
import { eventEvidence } from '../event-text.js';
import { segments, type Mark } from '../highlight.js';

interface LayerDef {
  readonly name: string;
  readonly label: string;
}

const LAYERS: readonly LayerDef[] = [
  { name: 'mentions', label: 'Entities' },
  { name: 'quotes', label: 'Quotes' },
  { name: 'quantities', label: 'Quantities' },
  { name: 'times', label: 'Dates' },
  { name: 'places', label: 'Places' },
  { name: 'events', label: 'Events' },
];

/** Names, then the descriptions and pronouns that refer to an entity ("the group", "he"): one highlight layer. */
function allMentions(rec: NewsRecord): NewsRecord['mentions'] {
  return [...rec.mentions, ...(rec.references ?? [])];
}

/** The link to an entity page: the store identifies an entity by type and name. */
export function entityRoute(type: string, name: string): string {
  return `/entity/${encodeURIComponent(`${type}:${name}`)}`;
}

/** An article with its layers highlighted (toggled per layer) and a side panel of findings. */
export async function articleView(root: HTMLElement, id: string, params: URLSearchParams): Promise<void> {
  const rec = await getJson<NewsRecord>(`/api/docs/${encodeURIComponent(id)}`);
  const text = rec.text;
  const ents = new Map(rec.entities.map((e) => [e.id, e]));
  const marks: Mark[] = [];
  const mentions = allMentions(rec);
  mentions.forEach((m, i) => marks.push({ key: `mentions-${i}`, layer: 'mentions', start: m.start, end: m.end, cls: `t-${m.type}${m.kind === 'nominal' || m.kind === 'pronoun' ? ' ref' : ''}` }));
  rec.quotes.forEach((q, i) => {
    // A passage interrupted by its cue is marked part by part, so the cue is not read as quoted.
    for (const p of q.parts ?? [q]) marks.push({ key: `quotes-${i}`, layer: 'quotes', start: p.start, end: p.end });
    if (q.speakerStart != null && q.speakerEnd != null) marks.push({ key: `speakers-${i}`, layer: 'speakers', start: q.speakerStart, end: q.speakerEnd });
  });
  rec.quantities.forEach((q, i) => marks.push({ key: `quantities-${i}`, layer: 'quantities', start: q.start, end: q.end }));
  rec.times.forEach((t, i) => marks.push({ key: `times-${i}`, layer: 'times', start: t.start, end: t.end }));
  rec.places.forEach((p, i) => !p.embedded && marks.push({ key: `places-${i}`, layer: 'places', start: p.start, end: p.end }));
  rec.events.forEach((e, i) => {
    marks.push({ key: `events-${i}`, layer: 'events', start: e.start, end: e.end });
    // The trigger, the words the event was read from, stands out inside the event's span.
    if (e.trigger) marks.push({ key: `events-${i}`, layer: 'triggers', start: e.trigger.start, end: e.trigger.end });
  });

  // Segments are built as DOM text nodes: the article is never parsed as markup.
  const lang = rec.meta.lang ?? (!rec.meta.language || rec.meta.language === 'eng' || rec.meta.language === 'und' ? 'en' : rec.meta.language);
  const body = h('div', { class: 'article-text layers-on', id: 'article-text', lang });
  const segEls = new Map<string, HTMLElement[]>();
  for (const seg of segments(text.length, marks)) {
    const piece = text.slice(seg.start, seg.end);
    if (!seg.marks.length) {
      body.append(piece);
      continue;
    }
    const el = h('span', { class: ['seg', ...new Set(seg.marks.flatMap((m) => [`hl-${m.layer}`, m.cls ?? '']))].filter(Boolean).join(' '), 'data-marks': seg.marks.map((m) => m.key).join(' ') }, piece);
    for (const m of seg.marks) {
      const list = segEls.get(m.key) ?? [];
      list.push(el);
      segEls.set(m.key, list);
    }
    body.append(el);
  }

  const panel = h('aside', { class: 'findings', 'aria-label': 'What was found' });
  const selection = h('section', { class: 'selection', 'aria-live': 'polite' });
  const jump = (key: string) => {
    const els = segEls.get(key);
    if (!els?.length) return;
    for (const el of body.querySelectorAll('.flash')) el.classList.remove('flash');
    for (const el of els) el.classList.add('flash');
    els[0]!.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };
  const item = (key: string, ...children: (Node | string)[]) =>
    h('li', { 'data-key': key }, h('button', { type: 'button', class: 'jump', title: 'Show in the text', onclick: () => jump(key) }, '¶'), ...children);

  const section = (title: string, layer: string, items: HTMLElement[]) => {
    if (!items.length) return;
    panel.append(h('section', { class: `finding finding-${layer}` }, h('h4', {}, `${title} (${items.length})`), h('ul', {}, items)));
  };

  const entityOf = (local?: string) => (local ? ents.get(local) : undefined);
  const firstMention = new Map<string, number>();
  mentions.forEach((m, i) => { if (m.entity && !firstMention.has(m.entity)) firstMention.set(m.entity, i); });
  const mentionCount = (eid: string) => mentions.filter((m) => m.entity === eid).length;

  section('Entities', 'mentions', rec.entities.filter((e) => !e.generic).map((e) =>
    item(`mentions-${firstMention.get(e.id) ?? -1}`,
      link(entityRoute(e.type, e.name), e.name), ' ', h('span', { class: `badge t-${e.type}` }, e.type),
      h('span', { class: 'n' }, `×${mentionCount(e.id)}`),
      e.aliases.length ? h('div', { class: 'sub' }, 'also: ' + e.aliases.join(', ')) : '',
    ),
  ));
  // Sides of events named by a noun phrase: this article's own, with no entity page.
  section('Participants', 'mentions', rec.entities.filter((e) => e.generic).map((e) =>
    item(`mentions-${firstMention.get(e.id) ?? -1}`, e.name, ' ', h('span', { class: `badge t-${e.type}` }, e.type))));
  // Mentions that no entity claims are still findings.
  const orphan = mentions.map((m, i) => ({ m, i })).filter(({ m }) => !m.entity || !ents.has(m.entity));
  section('Other names', 'mentions', orphan.map(({ m, i }) => item(`mentions-${i}`, m.text, ' ', h('span', { class: `badge t-${m.type}` }, m.type))));
  section('Quotes', 'quotes', rec.quotes.map((q, i) => {
    const sp = entityOf(q.speaker);
    const who = sp ? link(entityRoute(sp.type, sp.name), sp.name) : h('span', { class: 'speaker-text' }, q.speakerText ?? 'unattributed');
    return item(`quotes-${i}`, h('span', { class: 'speaker' }, who), ` ${q.cue ?? (q.kind === 'direct' ? 'said' : 'reported')}: `,
      h('span', { class: `quote-text kind-${q.kind}` }, clip(text.slice(q.start, q.end), 160)));
  }));
  section('Quantities', 'quantities', rec.quantities.map((q, i) =>
    item(`quantities-${i}`, q.text, ' ', h('span', { class: 'sub' }, [q.qualifier, q.value ?? (q.min != null ? `${q.min}–${q.max}` : ''), q.currency, q.unit, q.per && `per ${q.per}`].filter((x) => x != null && x !== '').join(' ')))));
  section('Dates', 'times', rec.times.map((t, i) => item(`times-${i}`, t.text, h('span', { class: 'sub' }, ` ${t.value}${t.mod ? ` (${t.mod})` : ''}`))));
  section('Places', 'places', rec.places.flatMap((p, i) => p.embedded ? [] :
    item(`places-${i}`, link('/map' + qs({ focus: p.name, lat: p.lat, lon: p.lon }), p.name), h('span', { class: 'sub' }, ` ${p.country ?? ''} ${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}`))));
  const nameOf = (local?: string) => entityOf(local)?.name ?? local ?? '?';
  const placeById = new Map(rec.places.map((p) => [p.id, p]));
  section('Relations', 'relations', rec.relations.map((r) => {
    const a = entityOf(r.a);
    const b = entityOf(r.b);
    // One entity under two names ("Daesh" alias "ISIS"): show the names as written.
    const same = r.a === r.b && r.aText && r.bText;
    return h('li', {},
      a ? link(entityRoute(a.type, a.name), same ? r.aText! : a.name) : nameOf(r.a), ` — ${r.type}${r.negated ? ' (denied)' : ''}${r.hedged ? ' (hedged)' : ''} → `,
      b ? link(entityRoute(b.type, b.name), same ? r.bText! : b.name) : nameOf(r.b),
      h('div', { class: 'sub' }, clip(text.slice(r.start, r.end), 140)));
  }));
  section('Events', 'events', rec.events.map((e, i) =>
    item(`events-${i}`, h('strong', {}, e.type), ' ', [e.actor && nameOf(e.actor), e.target && `→ ${nameOf(e.target)}`, e.place && `@ ${placeById.get(e.placeId ?? '')?.name ?? nameOf(e.place)}`, e.time && `(${e.time})`].filter(Boolean).join(' '),
      h('div', { class: 'sub' }, eventEvidence({ text: text.slice(e.start, e.end), start: e.start, item: e as unknown as Record<string, unknown> }, 140)))));
  if (!panel.childElementCount) panel.append(message('info', 'No layers were found in this article.'));

  // Clicking highlighted text shows what covers it and marks the matching panel entries.
  body.addEventListener('click', (ev) => {
    const seg = (ev.target as HTMLElement).closest<HTMLElement>('.seg');
    for (const li of panel.querySelectorAll('li.current')) li.classList.remove('current');
    if (!seg) return;
    const keys = (seg.dataset.marks ?? '').split(' ');
    let first: HTMLElement | undefined;
    for (const k of keys) {
      const li = panel.querySelector<HTMLElement>(`li[data-key="${CSS.escape(k)}"]`);
      if (li) { li.classList.add('current'); first ??= li; }
    }
    first?.scrollIntoView({ block: 'nearest' });
    selection.replaceChildren(h('h4', {}, 'Selected'), h('p', {}, describe(keys, rec, ents)));
  });

  const count = (l: LayerDef) => (l.name === 'mentions' ? mentions.length : (rec[l.name as keyof NewsRecord] as unknown[]).length);
  // Only layers with something in them get a switch; with none, no switches at all.
  const shown = LAYERS.filter((l) => count(l) > 0);
  const toggles = !shown.length ? '' : h('fieldset', { class: 'toggles' }, h('legend', {}, 'Highlight'),
    shown.map((l) => {
      const n = count(l);
      const box = h('input', { type: 'checkbox', checked: true, name: `layer-${l.name}`, onchange: (ev: Event) => {
        body.classList.toggle(`hide-${l.name}`, !(ev.target as HTMLInputElement).checked);
        if (l.name === 'quotes') body.classList.toggle('hide-speakers', !(ev.target as HTMLInputElement).checked);
        if (l.name === 'events') body.classList.toggle('hide-triggers', !(ev.target as HTMLInputElement).checked);
      } });
      // The label's swatch is drawn by the same rule as the highlight: the legend cannot drift.
      return h('label', { class: `toggle toggle-${l.name}` }, box, ' ', h('span', { class: `swatch hl-${l.name}`, 'aria-hidden': 'true' }, 'Aa'), ` ${l.label} `, h('span', { class: 'n' }, String(n)));
    }),
  );

  const m = rec.meta;
  // The other reports of its story; the article shows without them if the story cannot be read.
  const story = rec.story ? await getJson<StoryDetail>(`/api/stories/${encodeURIComponent(rec.story)}`).catch(() => undefined) : undefined;
  const others = story ? story.documents - 1 : 0;
  root.append(
    h('p', { class: 'back' }, link('/search', '‹ Search')),
    h('header', { class: 'article-head' },
      h('h1', {}, m.title || 'Untitled article'),
      h('p', { class: 'meta' }, [m.author, m.outlet, fmtDate(m.published)].filter(Boolean).join(' · '),
        m.url && /^https?:\/\//i.test(m.url) ? [' · ', h('a', { href: m.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'original')] : ''),
      ...(await provenance(rec)),
      ...rec.diagnostics.filter((d) => d.rule === 'language.unsupported').map((d) => h('p', { class: 'msg msg-warn language-note', role: 'note' }, `Not extracted: ${d.message}.`)),
      h('p', { class: 'docid' }, 'id ', h('code', {}, rec.id)),
      others > 0 ? h('p', { class: 'same-story' }, link(`/story/${encodeURIComponent(story!.id)}`, `same story: ${others} other report${others === 1 ? '' : 's'}`)) : '',
    ),
    toggles,
    h('div', { class: 'article-layout' }, h('article', { class: 'article' }, body), h('div', { class: 'side' }, selection, panel)),
  );

  // A route like #/doc/ID?at=120-180 opens the article at that span (links from quotes, events).
  const at = /^(\d+)-(\d+)$/.exec(params.get('at') ?? '');
  if (at) {
    const a = Number(at[1]);
    const b = Number(at[2]);
    root.addEventListener('view:attached', () => {
      const hit = [...body.querySelectorAll<HTMLElement>('.seg')].filter((el) => {
        const keys = (el.dataset.marks ?? '').split(' ');
        return keys.some((k) => marks.find((mk) => mk.key === k && mk.start < b && a < mk.end));
      });
      for (const el of hit) el.classList.add('flash');
      hit[0]?.scrollIntoView({ block: 'center' });
    }, { once: true });
  }
}

/** Where the article comes from: the stored article it reproduces, and the source it counts as. */
async function provenance(rec: NewsRecord): Promise<HTMLElement[]> {
  const out: HTMLElement[] = [];
  if (rec.copyOf) {
    // The origin's title; its id when it cannot be read (removed since).
    const title = await getJson<NewsRecord>(`/api/docs/${encodeURIComponent(rec.copyOf)}`).then((o) => o.meta.title || o.id, () => rec.copyOf!);
    const share = rec.copyShare != null ? ` (${Math.round(rec.copyShare * 100)}% reproduced)` : '';
    out.push(h('p', { class: 'copy-of' }, 'copy of ', link(`/doc/${encodeURIComponent(rec.copyOf)}`, title), share));
  }
  if (rec.source) out.push(h('p', { class: 'source' }, 'source: ', rec.source));
  return out;
}

function describe(keys: string[], rec: NewsRecord, ents: Map<string, NewsRecord['entities'][number]>): string {
  return keys.map((k) => {
    const [layer, idx] = k.split('-') as [string, string];
    const i = Number(idx);
    switch (layer) {
      case 'mentions': { const m = allMentions(rec)[i]; const e = m?.entity ? ents.get(m.entity) : undefined; return m ? `${m.type} “${m.text}”${e && e.name !== m.text ? ` = ${e.name}` : ''}` : ''; }
      case 'quotes': { const q = rec.quotes[i]; const e = q?.speaker ? ents.get(q.speaker) : undefined; return q ? `${q.kind} quote by ${e?.name ?? q.speakerText ?? 'unknown'}` : ''; }
      case 'speakers': return 'speaker of a quote';
      case 'quantities': { const q = rec.quantities[i]; return q ? `quantity ${q.text}${q.value != null ? ` = ${q.value}` : ''}` : ''; }
      case 'times': { const t = rec.times[i]; return t ? `date ${t.text} = ${t.value}` : ''; }
      case 'places': { const p = rec.places[i]; return p ? `place ${p.name} (${p.lat.toFixed(2)}, ${p.lon.toFixed(2)})` : ''; }
      case 'events': { const e = rec.events[i]; return e ? `event ${e.type}` : ''; }
      default: return '';
    }
  }).filter(Boolean).join('; ');
}

function clip(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}
