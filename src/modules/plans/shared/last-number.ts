import { sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../../core/db/index.ts";
import { tambonWhere, type Match } from "../../../core/db/tambon-row.ts";

/**
 * The highest number a column of a tambon's table holds among the rows that `match` keeps (a
 * project's ลำดับ in its plan, a strategy's or a file's place in its list), 0 when there is none:
 * the next one is this plus one.
 */
export async function lastNumber<T extends PgTable & { tambonId: PgColumn }>(
  db: DbOrTx,
  table: T,
  column: keyof Match<T> & keyof T,
  tambonId: number,
  match: Match<T>,
): Promise<number> {
  const [max] = await db
    .select({ n: sql<number>`coalesce(max(${table[column] as PgColumn}), 0)` })
    .from(table as PgTable)
    .where(tambonWhere(table, tambonId, match));
  return Number(max?.n ?? 0);
}
