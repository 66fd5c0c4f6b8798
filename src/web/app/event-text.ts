import { h } from './dom.js';

/** An event as lists show it: its evidence text, clipped, with the trigger it was read from marked. */
export function eventEvidence(e: { readonly text: string; readonly start: number; readonly item: Record<string, unknown> }, max: number): DocumentFragment {
  const f = document.createDocumentFragment();
  const t = e.item.trigger as { start?: unknown; end?: unknown } | undefined;
  const a = typeof t?.start === 'number' ? t.start - e.start : -1;
  const b = typeof t?.end === 'number' ? t.end - e.start : -1;
  const text = e.text.length > max ? e.text.slice(0, max - 1) + '…' : e.text;
  if (a < 0 || b <= a || b > Math.min(text.length, e.text.length)) {
    f.append(text);
    return f;
  }
  f.append(text.slice(0, a), h('mark', { class: 'trigger', title: 'the words the event was read from' }, text.slice(a, b)), text.slice(b));
  return f;
}
