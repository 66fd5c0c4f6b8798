import { getJson } from '../api.js';
import { h, message } from '../dom.js';

interface Param { readonly name?: string; readonly in?: string; readonly description?: string; readonly $ref?: string; readonly schema?: { type?: string; enum?: unknown[] } }
interface Operation { readonly summary?: string; readonly description?: string; readonly parameters?: Param[]; readonly security?: unknown[]; readonly requestBody?: unknown; readonly responses?: Record<string, { description?: string; $ref?: string }> }
interface OpenApi {
  readonly info: { title: string; version: string; description?: string };
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components?: { parameters?: Record<string, Param> };
}

/** The HTTP API as the server describes it (/api/openapi.json): each route, what it does, its parameters. */
export async function apiDocsView(root: HTMLElement): Promise<void> {
  const doc = await getJson<OpenApi>('/api/openapi.json');
  const param = (p: Param): Param => (p.$ref ? doc.components?.parameters?.[p.$ref.split('/').pop()!] ?? p : p);
  const routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));
  root.append(
    h('h1', {}, `${doc.info.title} API `, h('span', { class: 'sub' }, doc.info.version)),
    doc.info.description ? h('p', {}, doc.info.description) : '',
    h('p', { class: 'sub' }, 'Read from ', h('a', { href: '/api/openapi.json' }, '/api/openapi.json'), ' (OpenAPI 3.1). Routes marked “token” need the header Authorization: Bearer TOKEN.'),
    routes.length ? h('nav', { class: 'api-toc', 'aria-label': 'Routes' }, h('ul', {}, routes.map((r) => h('li', {}, h('a', { href: `#/api?route=${encodeURIComponent(`${r.method} ${r.path}`)}`, 'data-target': `${r.method} ${r.path}` }, h('code', {}, `${r.method} ${r.path}`)))))) : message('info', 'No routes described.'),
    ...routes.map((r) => h('section', { class: 'api-route panel', 'data-route': `${r.method} ${r.path}` },
      h('h2', {}, h('span', { class: `badge method-${r.method}` }, r.method), ' ', h('code', {}, r.path), r.op.security ? h('span', { class: 'badge token-badge' }, 'token') : ''),
      r.op.summary ? h('p', {}, r.op.summary) : '',
      r.op.description ? h('p', { class: 'sub' }, r.op.description) : '',
      r.op.parameters?.length ? h('table', { class: 'api-params' },
        h('thead', {}, h('tr', {}, h('th', {}, 'parameter'), h('th', {}, 'in'), h('th', {}, 'values'), h('th', {}, 'meaning'))),
        h('tbody', {}, r.op.parameters.map(param).map((p) => h('tr', {}, h('td', {}, h('code', {}, p.name ?? '')), h('td', {}, p.in ?? ''),
          h('td', {}, p.schema?.enum ? p.schema.enum.join(' | ') : p.schema?.type ?? ''), h('td', {}, p.description ?? ''))))) : '',
      r.op.responses ? h('p', { class: 'sub' }, 'Answers: ', Object.entries(r.op.responses).map(([code, x]) => `${code} ${x.description ?? x.$ref?.split('/').pop() ?? ''}`).join(' · ')) : '',
    )),
  );
  // A link to a route scrolls to it without leaving the page.
  root.addEventListener('click', (ev) => {
    const a = (ev.target as HTMLElement).closest<HTMLAnchorElement>('a[data-target]');
    if (!a) return;
    ev.preventDefault();
    root.querySelector<HTMLElement>(`section[data-route="${CSS.escape(a.dataset.target!)}"]`)?.scrollIntoView({ block: 'start' });
  });
}
