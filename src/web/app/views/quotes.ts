import { getJson, type EntityInfo, type QuoteHit } from '../api.js';
import { h, message, qs } from '../dom.js';
import { navigate } from '../nav.js';
import { quoteList } from './entity.js';

/** Quotes explorer: every quote of a speaker (name, alias or the words naming the source). */
export async function quotesView(root: HTMLElement, _arg: string, params: URLSearchParams): Promise<void> {
  const speaker = params.get('speaker') ?? '';
  const [quotes, people] = await Promise.all([
    getJson<{ quotes: QuoteHit[] }>('/api/quotes' + qs({ speaker, limit: 200 })),
    getJson<{ entities: EntityInfo[] }>('/api/entities' + qs({ type: 'PERSON', limit: 200 })),
  ]);
  const list = h('datalist', { id: 'speakers' }, people.entities.map((p) => h('option', { value: p.name })));
  root.append(
    h('h1', {}, 'Quotes'),
    h('form', { class: 'quotes-form', onsubmit: (ev: Event) => {
      ev.preventDefault();
      const v = String(new FormData(ev.target as HTMLFormElement).get('speaker') ?? '').trim();
      navigate('/quotes' + qs({ speaker: v }));
    } },
      h('label', {}, 'Speaker ', h('input', { name: 'speaker', type: 'search', value: speaker, list: 'speakers', placeholder: 'a name or alias', 'aria-label': 'Speaker' })),
      h('button', { type: 'submit' }, 'Show quotes'), list),
  );
  const bySpeaker = new Map<string, number>();
  for (const q of quotes.quotes) {
    const k = q.speakerName ?? q.speakerText ?? 'unattributed';
    bySpeaker.set(k, (bySpeaker.get(k) ?? 0) + 1);
  }
  root.append(h('p', { class: 'count' }, `${quotes.quotes.length}${quotes.quotes.length === 200 ? '+' : ''} quotes${speaker ? ` by “${speaker}”` : ''}`));
  if (!speaker && bySpeaker.size) {
    root.append(h('div', { class: 'chips' }, [...bySpeaker].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([name, n]) =>
      h('button', { type: 'button', class: 'chip', onclick: () => navigate('/quotes' + qs({ speaker: name })) }, `${name} (${n})`))));
  }
  root.append(quotes.quotes.length ? quoteList(quotes.quotes, true) : message('info', 'No quotes found.'));
}
