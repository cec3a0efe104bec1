import { asc, eq, gte, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../../core/db/index.ts";
import { tambonMembers, users, villages } from "../../../core/db/schema.ts";
import { pageCache } from "../../../core/page-cache.ts";
import { tambonRow, tambonWhere, tambonRows } from "../../../core/db/tambon-row.ts";

/** A village row. */
export type VillageRow = typeof villages.$inferSelect;
export const validId = (id: number) => Number.isInteger(id) && id > 0 && id < 2 ** 31;

/** A table of periods (a membership, a representative's term): first and last day, both included. */
interface PeriodTable {
  startOn: PgColumn;
  endOn: PgColumn;
}

/** The periods not ended before `day`: no last day, or one on or after it. */
export function notEndedBy(t: PeriodTable, day: string): SQL {
  return or(isNull(t.endOn), gte(t.endOn, day))!;
}

/** The conditions of the periods that cover `day`: begun by then and not ended before it. */
export function runningOn(t: PeriodTable, day: string): SQL[] {
  return [lte(t.startOn, day), notEndedBy(t, day)];
}

/** The villages of a tambon by moo number. */
export function villagesOf(db: DbOrTx, tambonId: number): Promise<VillageRow[]> {
  return tambonRows(db, villages, tambonId, {}, asc(villages.moo));
}

/** Whether a village chosen on a form is one of the tambon's (no village chosen passes). */
export async function villageOfTambon(
  tx: DbOrTx,
  tambonId: number,
  id: number | null,
): Promise<boolean> {
  return id === null || !!(await tambonRow(tx, villages, tambonId, id));
}

/**
 * `villagesOf` for pages, kept until the tambon changes (see `pageCache.memo`): read-only, and
 * never inside a command's transaction.
 */
export function keptVillages(db: DbOrTx, tambonId: number): Promise<VillageRow[]> {
  return pageCache.memo(tambonId, "groups:villages", () => villagesOf(db, tambonId));
}

/**
 * Finds the tambon member of a name: the only one of that name in the village when given, else
 * (unless strict) the only one of that name in the tambon.
 */
export async function findMemberByName(
  db: DbOrTx,
  tambonId: number,
  key: string,
  villageId: number | null,
  strict = false,
): Promise<{ userId: number; villageId: number | null } | null> {
  const byName = (inVillage: number | null) =>
    db
      .select({ userId: users.id, villageId: tambonMembers.villageId })
      .from(users)
      .innerJoin(tambonMembers, eq(tambonMembers.userId, users.id))
      .where(
        tambonWhere(
          tambonMembers,
          tambonId,
          {},
          inVillage === null ? undefined : eq(tambonMembers.villageId, inVillage),
          sql`lower(regexp_replace(btrim(${users.name}), '\\s+', ' ', 'g')) = ${key}`,
        ),
      )
      .limit(20);
  if (villageId) {
    const here = await byName(villageId);
    if (here.length === 1) return here[0]!;
    if (here.length > 1 || strict) return null;
  }
  const rows = await byName(null);
  return rows.length === 1 ? rows[0]! : null;
}
