import type { PgInsertValue, PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../../core/db/index.ts";
import { tambonWhere, type TambonTable } from "../../../core/db/tambon-row.ts";

/**
 * Sets `values` on the tambon's row `id` (none when the id is another tambon's) and answers the
 * rows changed: none or that one.
 */
export async function updateOwned<T extends TambonTable>(
  tx: DbOrTx,
  table: T,
  tambonId: number,
  id: number,
  values: PgUpdateSetSource<T>,
): Promise<T["$inferSelect"][]> {
  return (await tx
    .update(table)
    .set(values)
    .where(tambonWhere(table as TambonTable, tambonId, { id }))
    .returning()) as T["$inferSelect"][];
}

/**
 * Writes what a form saves: `values` over the tambon's `current` row when it edits one, else
 * `insert` (the same values and what a new row has besides: its tambon, its author) as a new row.
 * Answers the row written.
 */
export async function saveOwned<T extends TambonTable>(
  tx: DbOrTx,
  table: T,
  tambonId: number,
  current: { id: number } | undefined,
  values: PgUpdateSetSource<T>,
  insert: PgInsertValue<T>,
): Promise<T["$inferSelect"]> {
  const [row] = current
    ? await updateOwned(tx, table, tambonId, current.id, values)
    : ((await tx.insert(table).values(insert).returning()) as T["$inferSelect"][]);
  return row!;
}
