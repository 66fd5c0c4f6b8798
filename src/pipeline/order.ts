import { NewsgraphError } from '../core/errors.js';
import type { LayerName } from '../core/layers.js';
import { readsOf, type Stage } from './stage.js';

/**
 * Refuses an order the declarations break: a required layer no earlier stage provides, a layer
 * read before a later stage writes it, an update of a layer nobody provided, two providers.
 */
export function checkOrder(stages: readonly Stage[]): void {
  const provider = new Map<LayerName, string>();
  const names = new Set<string>();
  for (const s of stages) {
    if (names.has(s.name)) throw new NewsgraphError('pipeline.duplicate-stage', `two stages are named "${s.name}"`);
    names.add(s.name);
    for (const p of s.provides) {
      const other = provider.get(p);
      if (other) throw new NewsgraphError('pipeline.duplicate-layer', `stages "${other}" and "${s.name}" both provide layer "${p}"`);
      provider.set(p, s.name);
    }
  }
  const written = new Set<LayerName>();
  stages.forEach((s, i) => {
    for (const r of s.requires) {
      if (!written.has(r)) throw new NewsgraphError('pipeline.missing-layer', `stage "${s.name}" requires layer "${r}", which no earlier stage provides`);
    }
    if (s.appends?.length && !s.withdraw) throw new NewsgraphError('pipeline.append-without-withdraw', `stage "${s.name}" appends to layers but cannot withdraw what it added (withdraw)`);
    // Appending needs no provider: with no layer to add to, the stage leaves it alone.
    for (const u of s.updates ?? []) {
      if (!written.has(u)) throw new NewsgraphError('pipeline.missing-layer', `stage "${s.name}" updates layer "${u}", which no earlier stage provides`);
    }
    for (const later of stages.slice(i + 1)) {
      // Stages that update one layer in turn are fine; a plain reader must see its final state.
      const clash = readsOf(s).find((l) => later.provides.includes(l) || ((later.updates ?? []).includes(l) && !(s.updates ?? []).includes(l)));
      if (clash) {
        throw new NewsgraphError('pipeline.order', `stage "${s.name}" reads layer "${clash}", which the later stage "${later.name}" writes: run "${later.name}" first`);
      }
    }
    for (const p of s.provides) written.add(p);
  });
}

/**
 * Sorts stages so each runs after the stages that write what it reads: the provider of a layer,
 * then the stages that update it (in the order given), then its readers. Ties keep the order
 * given. Refuses a cycle.
 */
export function orderStages(stages: readonly Stage[]): Stage[] {
  const after = stages.map(() => new Set<number>());
  stages.forEach((s, i) => {
    for (const l of readsOf(s)) {
      stages.forEach((w, j) => {
        if (i === j) return;
        const provides = w.provides.includes(l);
        const updates = (w.updates ?? []).includes(l);
        if (!provides && !updates) return;
        // Two updaters of one layer keep the order given; any reader comes after every writer.
        const selfUpdates = (s.updates ?? []).includes(l);
        if (provides || !selfUpdates || j < i) after[i]!.add(j);
      });
    }
  });
  const out: Stage[] = [];
  const done = new Set<number>();
  while (out.length < stages.length) {
    const next = stages.findIndex((_, i) => !done.has(i) && [...after[i]!].every((j) => done.has(j)));
    if (next < 0) {
      const left = stages.filter((_, i) => !done.has(i)).map((s) => s.name).join(', ');
      throw new NewsgraphError('pipeline.cycle', `stages ${left} read each other's layers; no order satisfies them`);
    }
    done.add(next);
    out.push(stages[next]!);
  }
  return out;
}
