import { getJson, type Claim } from '../api.js';
import { fmtDate, h, link, message, qs } from '../dom.js';
import { navigate } from '../nav.js';
import { exportLinks } from '../export-links.js';
import { docAt } from './entity.js';

const KINDS = ['quantity', 'event', 'relation', 'quote'] as const;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const claimHref = (entity: string | undefined, id: string) => '/claims' + qs({ entity, focus: id });

/**
 * Claims across documents: each with its support (documents, independent sources), a badge per
 * conflicting claim (linking to it), and every piece of evidence linked to its span.
 * Route: #/claims?entity=ID&kind=K&focus=CLAIM.
 */
export async function claimsView(root: HTMLElement, _arg: string, params: URLSearchParams): Promise<void> {
  const entity = params.get('entity') ?? undefined;
  const kind = params.get('kind') ?? undefined;
  const focus = params.get('focus') ?? undefined;
  const res = await getJson<{ entity?: { id: string; name: string }; claims: Claim[] }>('/api/claims' + qs({ entity, kind, limit: 200 }));
  const byId = new Map(res.claims.map((c) => [c.id, c]));
  root.append(
    h('h1', {}, 'Claims', res.entity ? [' about ', link(`/entity/${encodeURIComponent(res.entity.id)}`, res.entity.name)] : ''),
    h('form', { class: 'claims-form', onsubmit: (ev: Event) => {
      ev.preventDefault();
      const f = new FormData(ev.target as HTMLFormElement);
      navigate('/claims' + qs({ entity: String(f.get('entity') ?? '').trim(), kind: String(f.get('kind') ?? '') }));
    } },
      h('label', {}, 'Entity ', h('input', { name: 'entity', type: 'search', value: res.entity?.name ?? entity ?? '', placeholder: 'a name or id', 'aria-label': 'Entity' })),
      h('label', {}, 'Kind ', h('select', { name: 'kind', 'aria-label': 'Kind' },
        h('option', { value: '' }, 'all'), KINDS.map((k) => h('option', { value: k, selected: k === kind }, k)))),
      h('button', { type: 'submit' }, 'Show claims')),
    h('p', { class: 'count' }, `${plural(res.claims.length, 'claim')}${res.claims.length === 200 ? '+' : ''}, `,
      `${res.claims.filter((c) => c.conflicts.length).length} in conflict`),
    res.claims.length ? exportLinks('claims', { entity: res.entity?.id ?? entity, kind }) : '',
  );
  if (!res.claims.length) {
    root.append(message('info', 'No claims found.'));
    return;
  }
  const list = h('ol', { class: 'claim-list' }, res.claims.map((c) => claimItem(c, byId, res.entity?.id, c.id === focus)));
  root.append(list);
  if (focus) root.addEventListener('view:attached', () => list.querySelector('.claim.focus')?.scrollIntoView({ block: 'center' }), { once: true });
}

function claimItem(c: Claim, byId: ReadonlyMap<string, Claim>, entity: string | undefined, focused: boolean): HTMLElement {
  return h('li', { class: `claim kind-${c.kind}${c.negated ? ' denied' : ''}${c.conflicts.length ? ' disputed' : ''}${focused ? ' focus' : ''}`, id: `claim-${c.id}`, 'data-claim': c.id },
    h('p', { class: 'statement' }, h('span', { class: 'badge' }, c.kind), ' ', c.statement),
    h('p', { class: 'support' },
      h('span', { class: 'docs' }, plural(c.documents, 'document')), ' · ',
      h('span', { class: 'sources' }, plural(c.sources, 'independent source')),
      c.conflicts.map((id) => h('a', { class: 'conflict-badge', href: '#' + claimHref(entity, id) }, '⚠ conflicts: ', byId.get(id)?.statement ?? id))),
    h('ul', { class: 'evidence-list' }, c.evidence.map((e) =>
      h('li', {}, link(docAt(e.doc, e.start, e.end), e.text),
        h('span', { class: 'sub' }, ` ${[e.outlet, fmtDate(e.published), e.speaker && `per ${e.speaker}`].filter(Boolean).join(' · ')}`),
        e.copyOf ? h('span', { class: 'badge copy' }, 'copy') : ''))));
}
