import type { DecisionRecord, EntityInfo, EntityView, LineageStep } from '../api.js';
import { fmtDate, h, link, message } from '../dom.js';
import { docAt } from './entity.js';

// What the knowledge base knows of an entity: its profile, the other entities its name can mean,
// the lineage of an organisation, and the decisions taken about it. Text only, no markup.

const entityLink = (id: string, name: string) => link(`/entity/${encodeURIComponent(id)}`, name);

/** "Also called Okafor: Daniel Okafor (PERSON, 1 article)…", so a reader reached by a name can switch. */
export function candidatesNote(v: EntityView): HTMLElement | '' {
  const others = v.candidates.entities;
  if (!others.length) return '';
  return h('div', { class: 'entity-matches candidates' },
    h('span', { class: 'sub' }, `Other entities called “${v.candidates.name}”: `),
    others.map((c) => h('a', { class: 'chip candidate', href: `#/entity/${encodeURIComponent(c.id)}`, title: c.match === 'name' ? `called so in ${c.called} articles` : 'a similar name' },
      c.name, ' ', h('span', { class: `badge t-${c.type}` }, c.type), h('span', { class: 'n' }, String(c.documents)))));
}

/** Names with the articles that use each, types seen, when and where it was reported, former ids. */
export function profileBody(e: EntityInfo): HTMLElement {
  const counted = (items: readonly { label: string; n: number }[]) =>
    h('ul', { class: 'counted' }, items.map((x) => h('li', {}, x.label, h('span', { class: 'n' }, String(x.n)))));
  const row = (term: string, ...def: (Node | string)[]) => [h('dt', {}, term), h('dd', {}, ...def)];
  return h('dl', { class: 'kb-profile' },
    e.names?.length ? row('Names', counted(e.names.map((n) => ({ label: n.name, n: n.documents })))) : [],
    e.types?.length ? row('Types', counted(e.types.map((t) => ({ label: t.type, n: t.documents })))) : [],
    e.firstSeen ? row('Reported', e.firstSeen === e.lastSeen ? e.firstSeen : `${e.firstSeen} to ${e.lastSeen}`) : [],
    e.outlets?.length ? row('Outlets', counted(e.outlets.map((o) => ({ label: o.outlet, n: o.documents })))) : [],
    e.formerIds?.length ? row('Former ids', h('ul', { class: 'former-ids' }, e.formerIds.map((id) => h('li', {}, h('code', {}, id))))) : [],
  );
}

const STEP_WORDS: Record<LineageStep['type'], string> = { rebrand: 'became', split: 'split from', merge: 'merged with' };

/** The chain of names (A → B → C) and each rebrand, split or merge with its date and source span. */
export function lineageBody(self: EntityInfo, v: EntityView): HTMLElement {
  const { chain, steps, truncated } = v.lineage;
  const side = (ref: { id: string; name: string }, text?: string) =>
    ref.id === self.id ? h('strong', {}, text ?? ref.name) : entityLink(ref.id, text ?? ref.name);
  return h('div', { class: 'lineage' },
    chain.length > 1
      ? h('p', { class: 'chain', 'aria-label': 'names over time' }, chain.flatMap((c, i) => [i ? h('span', { class: 'arrow' }, ' → ') : '', side(c)]))
      : '',
    h('ol', { class: 'lineage-steps' }, steps.map((s) => {
      // Within one entity (resolution already joined both names) the names come from the text.
      const within = s.a.id === s.b.id;
      const ev = s.evidence[0];
      return h('li', { class: `step step-${s.type}` },
        h('span', { class: 'date' }, s.date ?? 'undated'), ' ',
        side(s.a, within ? s.aText : undefined), ` ${STEP_WORDS[s.type]} `, side(s.b, within ? s.bText : undefined),
        s.documents > 1 ? h('span', { class: 'n' }, `${s.documents} articles`) : '',
        ev ? h('div', { class: 'sub' }, link(docAt(ev.doc, ev.start, ev.end), `“${ev.text}”`), ev.hedged ? ' (hedged)' : '',
          ` · ${[ev.outlet, fmtDate(ev.published)].filter(Boolean).join(' · ')}`) : '');
    })),
    truncated ? h('p', { class: 'sub' }, 'Only the closest relatives are shown.') : '',
  );
}

const ACTION_WORDS: Record<DecisionRecord['action'], string> = { merge: 'merged', split: 'split', rename: 'renamed', 'not-same': 'not the same', undo: 'undid' };

/** The audit trail: who decided what about the entity, when, why, and on what evidence. */
export function decisionList(decisions: readonly DecisionRecord[], names: (id: string) => string, undo?: (d: DecisionRecord) => void): HTMLElement {
  if (!decisions.length) return message('info', 'No decisions yet: nothing merged, split or renamed.');
  const ref = (id: string) => entityLink(id, names(id));
  return h('ol', { class: 'decision-list' }, decisions.map((d) => h('li', { class: `decision decision-${d.action}${d.undone ? ' undone' : ''}`, 'data-seq': d.seq },
    h('span', { class: 'seq' }, `#${d.seq}`), ' ',
    h('span', { class: 'date' }, d.at.slice(0, 16).replace('T', ' ')), ' ',
    h('strong', {}, ACTION_WORDS[d.action]), d.action === 'rename' ? ' ' : ': ',
    d.action === 'merge' ? [d.b ? ref(d.b) : '', ' into ', ref(d.a)]
    : d.action === 'split' ? [d.name ?? '', ' off ', ref(d.a), ...(d.b ? [' as ', ref(d.b)] : [])]
    // The entity now goes by the name given (or a later one): the id says which was renamed.
    : d.action === 'rename' ? [`to “${d.name ?? ''}” (`, h('code', {}, d.a), ')']
    : d.action === 'undo' ? [`the ${d.name ?? 'decision'} #${d.undoes ?? '?'}`]
    : [ref(d.a), ' and ', d.b ? ref(d.b) : ''],
    h('span', { class: 'sub' }, ` by ${d.who}`),
    d.undone ? h('span', { class: 'badge undone-mark' }, `undone by #${d.undone}`) : '',
    d.note ? h('div', { class: 'note' }, d.note) : '',
    d.doc && d.start !== undefined && d.end !== undefined ? h('div', { class: 'sub' }, 'Evidence: ', link(docAt(d.doc, d.start, d.end), d.evidence ? `“${d.evidence}”` : 'the article')) : '',
    undo && d.undoable ? h('button', { type: 'button', class: 'undo', title: 'Take this decision back (needs the token)', onclick: () => undo(d) }, 'Undo') : '',
  )));
}
