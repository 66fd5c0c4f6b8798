import { h } from './dom.js';

/**
 * Previous and next buttons for a list paged by offset. `more` says whether a next page exists
 * (a list fetched one past its page knows without counting). Going to a page starts at its top.
 */
export function pager(offset: number, size: number, more: boolean, go: (offset: number) => void, total?: number): HTMLElement {
  const to = (o: number) => () => {
    go(o);
    window.scrollTo(0, 0);
  };
  return h('nav', { class: 'pager', 'aria-label': 'Pages' },
    h('button', { type: 'button', class: 'prev', disabled: offset === 0, onclick: to(Math.max(0, offset - size)) }, '‹ Previous'),
    h('span', {}, total !== undefined ? `${offset + 1}–${Math.min(total, offset + size)} of ${total.toLocaleString('en')}` : `page ${Math.floor(offset / size) + 1}`),
    h('button', { type: 'button', class: 'next', disabled: !more, onclick: to(offset + size) }, 'Next ›'));
}
