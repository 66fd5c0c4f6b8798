import { clear, message } from './dom.js';
import { refreshStats } from './nav.js';
import { apiDocsView } from './views/api-docs.js';
import { articleView } from './views/article.js';
import { claimsView } from './views/claims.js';
import { entityPage } from './views/entity.js';
import { helpView, notFoundView } from './views/help.js';
import { ingestView } from './views/ingest.js';
import { mapView } from './views/map.js';
import { quotesView } from './views/quotes.js';
import { searchView } from './views/search.js';
import { storyView } from './views/story.js';
import { timelineView } from './views/timeline.js';

/** A view renders into the main element; params come from the hash route `#/name/arg?query`. */
export type View = (root: HTMLElement, arg: string, params: URLSearchParams) => Promise<void> | void;

const views: Record<string, View> = {
  search: searchView,
  doc: articleView,
  story: storyView,
  entity: entityPage,
  quotes: quotesView,
  claims: claimsView,
  map: mapView,
  timeline: timelineView,
  ingest: ingestView,
  help: helpView,
  api: apiDocsView,
};

let renderSeq = 0;

async function route(): Promise<void> {
  const seq = ++renderSeq;
  const raw = location.hash.replace(/^#\/?/, '') || 'search';
  const qIdx = raw.indexOf('?');
  const path = qIdx >= 0 ? raw.slice(0, qIdx) : raw;
  const params = new URLSearchParams(qIdx >= 0 ? raw.slice(qIdx + 1) : '');
  const slash = path.indexOf('/');
  const name = slash >= 0 ? path.slice(0, slash) : path;
  let arg = '';
  try {
    arg = slash >= 0 ? decodeURIComponent(path.slice(slash + 1)) : '';
  } catch {
    arg = '';
  }
  const view: View = Object.hasOwn(views, name) ? views[name]! : (root) => notFoundView(root, path);
  for (const a of document.querySelectorAll<HTMLAnchorElement>('nav a[data-section]')) {
    a.classList.toggle('active', a.dataset.section === name || (name === 'doc' && a.dataset.section === 'search'));
  }
  const root = document.getElementById('view')!;
  const next = document.createElement('div');
  next.className = `view view-${name}`;
  try {
    await view(next, arg, params);
  } catch (err) {
    next.append(message('error', err instanceof Error ? err.message : String(err)));
  }
  if (seq !== renderSeq) return; // a later navigation won
  clear(root);
  root.append(next);
  next.dispatchEvent(new CustomEvent('view:attached'));
  document.body.dataset.view = name;
  document.body.dataset.ready = String(seq);
}

window.addEventListener('hashchange', () => void route());
void route();
void refreshStats();
