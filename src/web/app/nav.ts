import { getJson, type Stats } from './api.js';

/** Goes to a hash route; re-renders when it is already the current one. */
export function navigate(route: string): void {
  if (location.hash === '#' + route) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = route;
}

export async function refreshStats(): Promise<void> {
  const el = document.getElementById('stats');
  if (!el) return;
  try {
    const s = await getJson<Stats>('/api/stats');
    el.textContent = `${s.documents.toLocaleString('en')} articles${s.writable ? '' : ' · read-only'}`;
  } catch {
    el.textContent = '';
  }
}
