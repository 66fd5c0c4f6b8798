import { LAYERS, type AnyLayerSpec } from '../../layers/index.js';
import type { RowContext, SqlValue, TableSpec } from '../../layers/spec.js';
import type { NewsRecord } from '../../output/record.js';

export type StoredLayer = AnyLayerSpec & { readonly table: TableSpec<never> };

/** The layers with a table of their own, as their modules in src/layers declare it. */
export const STORED_LAYERS: readonly StoredLayer[] = LAYERS.filter((l): l is StoredLayer => l.table !== undefined);

export function insertSql(t: TableSpec<never>): string {
  return `INSERT INTO ${t.name} (${t.columns.map((c) => `"${c.name}"`).join(', ')}) VALUES (${t.columns.map(() => '?').join(', ')})`;
}

/** One row per item of the layer's record arrays, cells in declared column order. */
export function* layerRows(layer: StoredLayer, rec: NewsRecord, ctx: RowContext): Generator<SqlValue[]> {
  const items = layer.record.flatMap(({ field }) => (rec as unknown as Record<string, readonly never[] | undefined>)[field] ?? []);
  const keep = layer.table.keep as ((item: never) => boolean) | undefined;
  for (let seq = 0; seq < items.length; seq++) {
    if (keep && !keep(items[seq]!)) continue;
    yield layer.table.columns.map((c) => c.value(items[seq]!, ctx, seq) ?? null);
  }
}
