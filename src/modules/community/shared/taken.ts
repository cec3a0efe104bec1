import { ne } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../../core/db/index.ts";
import { tambonWhere, type Match, type TambonTable } from "../../../core/db/tambon-row.ts";

/**
 * The id of a row of the tambon's table, other than `exceptId`, whose columns hold these values
 * (a Thai ID, a house number in a village), or undefined: what a key unique in the tambon is
 * checked against before a record takes it.
 */
export async function takenBy<T extends TambonTable>(
  tx: DbOrTx,
  table: T,
  tambonId: number,
  match: Match<T>,
  exceptId: number | null,
): Promise<number | undefined> {
  const [row] = await tx
    .select({ id: table.id })
    .from(table as PgTable)
    .where(
      tambonWhere(table, tambonId, match, exceptId === null ? undefined : ne(table.id, exceptId)),
    );
  return row?.id as number | undefined;
}
