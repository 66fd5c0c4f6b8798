import { h } from './dom.js';

// The session token is kept for the tab (sessionStorage), so typing it once on the ingest page or
// beside the corrections serves both; it never goes into a link or the page's address.
const TOKEN_KEY = 'newsgraph.token';

export function savedToken(): string {
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** A password field for the token, remembered for the tab as it is typed. */
export function tokenField(): HTMLLabelElement {
  const input = h('input', { type: 'password', name: 'token', autocomplete: 'off', value: savedToken(), 'aria-label': 'Access token' });
  const save = () => sessionStorage.setItem(TOKEN_KEY, input.value);
  input.addEventListener('change', save);
  input.addEventListener('input', save);
  return h('label', { class: 'token' }, 'Token ', input,
    h('span', { class: 'sub' }, ' (printed by newsgraph serve at start, or the one set with --token / NEWSGRAPH_TOKEN)'));
}
