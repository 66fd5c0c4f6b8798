import { ApiError, getJson, postJson, type DecisionRecord, type EntityInfo, type EntityMatch, type NameLookup } from '../api.js';
import { h, message, qs } from '../dom.js';
import { savedToken, tokenField } from '../token.js';

// Corrections an analyst makes on the entity page. Each is one request with the session token;
// the server records who made it and why, and the page is drawn again from what it answers.

const WHO_KEY = 'newsgraph.who';

/** What the page says once it is drawn again, and the entity a split made. */
export interface Corrected {
  readonly text: string;
  readonly entity?: { readonly id: string; readonly name: string };
  /** The decision just recorded, offered for undoing beside the notice. */
  readonly decision?: DecisionRecord;
}

interface Answer {
  readonly entity?: EntityInfo;
  readonly decision?: DecisionRecord;
}

const UNDONE_WORDS: Record<string, string> = { merge: 'merge', split: 'split', rename: 'rename', 'not-same': 'not-same decision' };

/**
 * Undoes a decision with the session token; `done` draws the page again with what was undone.
 * Failures (no token, a later correction in the way) are said in `status`.
 */
export async function undoDecision(d: DecisionRecord, status: HTMLElement, done: (c: Corrected) => void): Promise<void> {
  status.replaceChildren(message('info', 'Undoing…'));
  try {
    await postJson<Answer>('/api/entities/undo', { seq: d.seq, who: sessionStorage.getItem(WHO_KEY)?.trim() || undefined }, savedToken());
    done({ text: `Undid the ${UNDONE_WORDS[d.action] ?? d.action} #${d.seq}.` });
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    status.replaceChildren(message('error', err instanceof ApiError && err.status === 401 ? `${why}: type the token under Corrections.` : why));
  }
}

export function correctionsBody(e: EntityInfo, done: (c: Corrected) => void): HTMLElement {
  const status = h('div', { class: 'correction-status', 'aria-live': 'polite' });
  const who = h('input', { name: 'who', value: sessionStorage.getItem(WHO_KEY) ?? '', placeholder: 'api', 'aria-label': 'Your name' });
  who.addEventListener('input', () => sessionStorage.setItem(WHO_KEY, who.value));
  const note = h('input', { name: 'note', placeholder: 'why (kept in the audit trail)', 'aria-label': 'Note' });
  const root = h('div', { class: 'corrections' });

  const send = async (path: string, body: Record<string, unknown>, said: (a: Answer) => Corrected) => {
    const buttons = [...root.querySelectorAll('button')];
    buttons.forEach((b) => (b.disabled = true));
    status.replaceChildren(message('info', 'Sending…'));
    try {
      const answer = await postJson<Answer>(path, { ...body, who: who.value.trim() || undefined, note: note.value.trim() || undefined }, savedToken());
      done(said(answer));
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      status.replaceChildren(message('error', err instanceof ApiError && err.status === 401 ? `${why}: type the token above.` : why));
      buttons.forEach((b) => (b.disabled = false));
      pick(picked);
    }
  };
  const form = (cls: string, title: string, submit: () => void, ...body: (Node | string)[]) =>
    h('form', { class: `correction-form ${cls}`, onsubmit: (ev: Event) => { ev.preventDefault(); submit(); } }, h('h3', {}, title), ...body);

  // Another entity, found by name, for a merge or a not-same.
  let picked: EntityMatch | undefined;
  const other = h('input', { name: 'other', placeholder: 'name of another entity', 'aria-label': 'Another entity' });
  const choices = h('div', { class: 'choices' });
  const mergeBtn = h('button', { type: 'button', class: 'merge', disabled: true, onclick: () => picked && void send('/api/entities/merge', { into: e.id, from: picked.id },
    (a) => ({ text: `Merged ${picked!.name} into ${a.entity?.name ?? e.name}.`, decision: a.decision })) }, 'Merge into this entity');
  const notSameBtn = h('button', { type: 'button', class: 'not-same', disabled: true, onclick: () => picked && void send('/api/entities/not-same', { a: e.id, b: picked.id },
    (a) => ({ text: `Recorded that ${picked!.name} is not ${e.name}.`, decision: a.decision })) }, 'Not the same');
  const pick = (c: EntityMatch | undefined) => {
    picked = c;
    mergeBtn.disabled = notSameBtn.disabled = !c;
  };
  const find = async () => {
    pick(undefined);
    const name = other.value.trim();
    if (!name) return;
    try {
      const r = await getJson<NameLookup>(`/api/entities${qs({ name })}`);
      const found = [r.entity, ...r.candidates].filter((c) => c.id !== e.id);
      choices.replaceChildren(found.length
        ? h('ul', { class: 'choice-list' }, found.map((c) => h('li', {}, h('label', {},
          h('input', { type: 'radio', name: 'pick', value: c.id, onchange: () => pick(c) }), ' ', c.name, ' ',
          h('span', { class: `badge t-${c.type}` }, c.type), h('span', { class: 'sub' }, ` ${c.documents} articles · ${c.id}`)))))
        : message('info', `Only this entity is called “${name}”.`));
    } catch (err) {
      choices.replaceChildren(message(err instanceof ApiError && err.status === 404 ? 'info' : 'error', err instanceof Error ? err.message : String(err)));
    }
  };

  const names = (e.names ?? []).map((n) => n.name);
  const renameTo = h('input', { name: 'name', value: e.name, required: true, 'aria-label': 'New name' });
  root.append(
    tokenField(),
    h('div', { class: 'row' }, h('label', {}, 'Your name ', who), h('label', {}, 'Note ', note)),
    status,
    form('find-other', 'Another entity', () => void find(), h('div', { class: 'row' }, other, h('button', { type: 'submit' }, 'Find')), choices, h('div', { class: 'row' }, mergeBtn, notSameBtn)),
    names.length > 1
      ? form('split', 'Split names off', () => {
        const chosen = names.filter((_, i) => (root.querySelector<HTMLInputElement>(`input[name=split-${i}]`))?.checked);
        if (chosen.length) void send('/api/entities/split', { id: e.id, names: chosen }, (a) => ({ text: `Split off ${chosen.join(', ')}.`, entity: a.entity, decision: a.decision }));
      },
      h('p', { class: 'sub' }, 'The articles that use these names become a new entity, kept apart from this one.'),
      h('ul', { class: 'choice-list' }, names.map((n, i) => h('li', {}, h('label', {}, h('input', { type: 'checkbox', name: `split-${i}`, value: n }), ' ', n)))),
      h('button', { type: 'submit' }, 'Split off'))
      : '',
    form('rename', 'Rename', () => void send('/api/entities/rename', { id: e.id, name: renameTo.value }, (a) => ({ text: `Renamed to ${a.entity?.name ?? renameTo.value}.`, decision: a.decision })),
      h('div', { class: 'row' }, renameTo, h('button', { type: 'submit' }, 'Rename'))),
  );
  return root;
}
