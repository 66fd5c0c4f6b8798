import { getJson, postFile, postJson, type JobStatus, type Stats } from '../api.js';
import { h, link, message } from '../dom.js';
import { refreshStats } from '../nav.js';
import { savedToken, tokenField } from '../token.js';

/** Paste text, upload files, or give a URL or feed; each becomes a job whose progress is polled. */
export async function ingestView(root: HTMLElement): Promise<void> {
  const stats = await getJson<Stats>('/api/stats');
  root.append(h('h1', {}, 'Ingest'));
  if (!stats.writable) {
    root.append(message('info', 'This server is read-only. Start it without --read-only to ingest from here (the token is printed at start, or set with --token or NEWSGRAPH_TOKEN).'));
    return;
  }
  const jobs = h('section', { class: 'jobs', 'aria-label': 'Progress', 'aria-live': 'polite' });
  const tok = savedToken;

  const start = async (label: string, post: () => Promise<{ job: string }>) => {
    const status = h('p', { class: 'status' }, 'sending…');
    const card = h('div', { class: 'job' }, h('h4', {}, label), h('progress', {}), status);
    jobs.prepend(card);
    try {
      const { job } = await post();
      status.textContent = 'queued';
      await poll(job, card);
    } catch (err) {
      // No state may stay "sending…": the card says it failed, and why.
      card.querySelector('progress')?.remove();
      card.classList.add('failed');
      status.textContent = 'not ingested';
      card.append(message('error', err instanceof Error ? err.message : String(err)));
    }
  };
  // A form's button is off while its request is on its way, so one click sends once.
  const busy = async (form: HTMLFormElement, work: () => Promise<void>) => {
    const button = form.querySelector<HTMLButtonElement>('button[type=submit]');
    if (button) button.disabled = true;
    try {
      await work();
    } finally {
      if (button) button.disabled = false;
    }
  };

  const pasteForm = h('form', { class: 'ingest-form', onsubmit: (ev: Event) => {
    ev.preventDefault();
    const fd = new FormData(ev.target as HTMLFormElement);
    const body = Object.fromEntries(['text', 'title', 'author', 'outlet', 'published', 'format'].map((k) => [k, String(fd.get(k) ?? '')]));
    void busy(ev.target as HTMLFormElement, () => start(`Pasted text${body.title ? `: ${body.title}` : ''}`, () => postJson('/api/ingest/text', body, tok())));
  } },
    h('h2', {}, 'Paste text'),
    h('textarea', { name: 'text', rows: 10, required: true, placeholder: 'Article text. A first line "Author| Outlet" is read as a byline; JSON Lines work too.', 'aria-label': 'Article text' }),
    h('div', { class: 'row' },
      h('label', {}, 'Title ', h('input', { name: 'title' })),
      h('label', {}, 'Author ', h('input', { name: 'author' })),
      h('label', {}, 'Outlet ', h('input', { name: 'outlet' })),
      h('label', {}, 'Published ', h('input', { name: 'published', type: 'date' })),
      h('label', {}, 'Format ', h('select', { name: 'format' }, ['auto', 'text', 'byline', 'jsonl', 'json', 'html'].map((f) => h('option', { value: f }, f))))),
    h('button', { type: 'submit' }, 'Ingest text'));

  const files = h('input', { type: 'file', name: 'files', multiple: true, 'aria-label': 'Files' });
  const fileForm = h('form', { class: 'ingest-form', onsubmit: async (ev: Event) => {
    ev.preventDefault();
    await busy(ev.target as HTMLFormElement, async () => {
      for (const f of Array.from(files.files ?? [])) {
        await start(`File ${f.name}`, () => postFile(`/api/ingest/file?name=${encodeURIComponent(f.name)}`, f, tok()));
      }
    });
  } },
    h('h2', {}, 'Upload files'),
    h('p', { class: 'sub' }, 'Text, byline records, JSON, JSON Lines, CSV/TSV, HTML, feeds, .gz'),
    files, h('button', { type: 'submit' }, 'Upload and ingest'));

  const urlForm = h('form', { class: 'ingest-form', onsubmit: (ev: Event) => {
    ev.preventDefault();
    const fd = new FormData(ev.target as HTMLFormElement);
    const url = String(fd.get('url') ?? '').trim();
    void busy(ev.target as HTMLFormElement, () => start(url, () => postJson('/api/ingest/url', { url, follow: fd.get('follow') === 'on' }, tok())));
  } },
    h('h2', {}, 'URL or feed'),
    h('input', { name: 'url', type: 'url', required: true, placeholder: 'https://…', 'aria-label': 'URL' }),
    h('label', {}, h('input', { type: 'checkbox', name: 'follow' }), ' fetch each feed item’s page'),
    h('button', { type: 'submit' }, 'Fetch and ingest'),
    stats.allowPrivate ? '' : h('p', { class: 'sub' }, 'Loopback and private addresses are refused.'));

  root.append(tokenField(), h('div', { class: 'ingest-layout' }, h('div', {}, pasteForm, fileForm, urlForm), jobs));
}

async function poll(id: string, card: HTMLElement): Promise<void> {
  const bar = card.querySelector('progress')!;
  const status = card.querySelector<HTMLElement>('.status')!;
  for (;;) {
    const j = await getJson<JobStatus>(`/api/jobs/${encodeURIComponent(id)}`);
    status.textContent = `${j.state} · ${j.read} read · ${j.added} added${j.refreshed ? ` · ${j.refreshed} refreshed` : ''} · ${j.present} already present · ${j.failed} failed`;
    if (j.state === 'done') {
      bar.max = 1;
      bar.value = 1;
      card.classList.add(j.failed && !j.added && !j.present && !j.refreshed ? 'failed' : 'ok');
      card.append(
        h('ul', { class: 'doc-list' }, j.docs.map((d) => h('li', {}, link(`/doc/${encodeURIComponent(d.id)}`, d.title || d.id), ` (${d.status})`,
          d.language && d.language !== 'eng' && d.language !== 'und' ? h('span', { class: 'badge lang-note', title: 'Only English text is extracted' }, `${d.language}: not extracted`) : ''))),
        j.errors.length ? h('ul', { class: 'errors' }, j.errors.map((e) => h('li', {}, `${e.source}: ${e.error}`))) : '',
      );
      void refreshStats();
      return;
    }
    await new Promise((r) => setTimeout(r, 400));
  }
}
