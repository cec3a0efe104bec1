import { and, eq, type InferSelectModel } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { MAX_ID } from "../params.ts";
import type { DbOrTx } from "./index.ts";

/** A table whose rows belong to a tambon: an `id` and a `tambonId` column. */
export type TambonTable = PgTable & { id: PgColumn; tambonId: PgColumn };

/**
 * One row of a tambon's table by its id, all its columns: undefined when there is none, when it
 * is another tambon's (the tambon is always part of the lookup), or when the id is not a record
 * id at all (not a whole number from 1 to MAX_ID).
 */
export async function tambonRow<T extends TambonTable>(
  db: DbOrTx,
  table: T,
  tambonId: number,
  id: number,
): Promise<InferSelectModel<T> | undefined> {
  if (!Number.isInteger(id) || id < 1 || id > MAX_ID) return undefined;
  const [row] = await db
    .select()
    .from(table as PgTable)
    .where(and(eq(table.tambonId, tambonId), eq(table.id, id)));
  return row as InferSelectModel<T> | undefined;
}

/** The `tambonRow` lookup of one table, as a module's `getX(db, tambonId, id)`. */
export const tambonRowOf =
  <T extends TambonTable>(table: T) =>
  (db: DbOrTx, tambonId: number, id: number): Promise<InferSelectModel<T> | undefined> =>
    tambonRow(db, table, tambonId, id);
