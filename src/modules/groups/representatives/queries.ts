import { and, asc, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { tambonRowOf, tambonWhere } from "../../../core/db/tambon-row.ts";
import { roleGrants, tambonMembers, users } from "../../../core/db/schema.ts";
import { villageRepTerms } from "../schema.ts";
import { type RepTerm } from "../attendance/quorum.ts";
import { runningOn, type VillageRow, villagesOf } from "../shared/queries.ts";
import { pick } from "../../../core/pick.ts";

/** A representative term row. */
export type TermRow = typeof villageRepTerms.$inferSelect;

/** The representative terms of a tambon that cover a day (of these people only, when given), earliest first. */
export async function termsOn(
  db: DbOrTx,
  tambonId: number,
  day: string,
  userIds?: number[],
): Promise<RepTerm[]> {
  return db
    .select({
      ...pick(villageRepTerms, "userId", "villageId", "startOn", "endOn"),
    })
    .from(villageRepTerms)
    .where(
      tambonWhere(
        villageRepTerms,
        tambonId,
        {},
        userIds ? inArray(villageRepTerms.userId, userIds) : undefined,
        ...runningOn(villageRepTerms, day),
      ),
    )
    .orderBy(asc(villageRepTerms.startOn));
}

/** One village's line of the coverage view. */
export interface CoverageRow {
  village: VillageRow;
  inOffice: number;
  endingSoon: number;
  roleWithoutTerm: number;
  missing: number;
}

/** Representatives in office per village on a day against the tambon's minimum. */
export async function coverage(
  db: DbOrTx,
  tambonId: number,
  day: string,
  minPerVillage: number,
): Promise<CoverageRow[]> {
  const soon = new Date(`${day}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + 90);
  const soonDay = soon.toISOString().slice(0, 10);
  const [vs, counts, orphans] = await Promise.all([
    villagesOf(db, tambonId),
    db
      .select({
        villageId: villageRepTerms.villageId,
        n: sql<number>`count(distinct ${villageRepTerms.userId})`,
        soon: sql<number>`count(distinct ${villageRepTerms.userId}) filter (where ${villageRepTerms.endOn} <= ${soonDay})`,
      })
      .from(villageRepTerms)
      .where(tambonWhere(villageRepTerms, tambonId, {}, ...runningOn(villageRepTerms, day)))
      .groupBy(villageRepTerms.villageId),
    db
      .select({ villageId: tambonMembers.villageId, n: count() })
      .from(roleGrants)
      .innerJoin(
        tambonMembers,
        tambonWhere(tambonMembers, roleGrants.tambonId, { userId: roleGrants.userId }),
      )
      .where(
        tambonWhere(
          roleGrants,
          tambonId,
          { role: "village_rep" },
          sql`not exists (select 1 from ${villageRepTerms} where ${villageRepTerms.tambonId} = ${tambonId} and ${villageRepTerms.userId} = ${roleGrants.userId} and ${villageRepTerms.startOn} <= ${day} and (${villageRepTerms.endOn} is null or ${villageRepTerms.endOn} >= ${day}))`,
        ),
      )
      .groupBy(tambonMembers.villageId),
  ]);
  const byVillage = new Map(counts.map((c) => [c.villageId, c]));
  const orphanBy = new Map(orphans.map((o) => [o.villageId, Number(o.n)]));
  return vs.map((v) => {
    const c = byVillage.get(v.id);
    const inOffice = Number(c?.n ?? 0);
    return {
      village: v,
      inOffice,
      endingSoon: Number(c?.soon ?? 0),
      roleWithoutTerm: orphanBy.get(v.id) ?? 0,
      missing: Math.max(0, minPerVillage - inOffice),
    };
  });
}

/** A term with the person's name. */
export type TermView = TermRow & { name: string };

/** The terms of one village (or all), newest first, with names. */
export async function termsOfVillage(
  db: DbOrTx,
  tambonId: number,
  villageId: number | null,
): Promise<TermView[]> {
  const conds: SQL[] = [eq(villageRepTerms.tambonId, tambonId)];
  if (villageId) conds.push(eq(villageRepTerms.villageId, villageId));
  const rows = await db
    .select({ t: villageRepTerms, name: users.name })
    .from(villageRepTerms)
    .innerJoin(users, eq(users.id, villageRepTerms.userId))
    .where(and(...conds))
    .orderBy(asc(villageRepTerms.villageId), asc(users.name), desc(villageRepTerms.startOn));
  return rows.map((r) => ({ ...r.t, name: r.name }));
}

/** One term of a tambon. */
export const getTerm = tambonRowOf(villageRepTerms);

/** Holders of the village_rep role without a term covering the day (their village and name). */
export async function repsWithoutTerm(
  db: DbOrTx,
  tambonId: number,
  day: string,
): Promise<{ userId: number; name: string; villageId: number | null }[]> {
  return db
    .select({ userId: users.id, name: users.name, villageId: tambonMembers.villageId })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .innerJoin(tambonMembers, tambonWhere(tambonMembers, roleGrants.tambonId, { userId: users.id }))
    .where(
      tambonWhere(
        roleGrants,
        tambonId,
        { role: "village_rep" },
        sql`not exists (select 1 from ${villageRepTerms} where ${villageRepTerms.tambonId} = ${tambonId} and ${villageRepTerms.userId} = ${users.id} and ${villageRepTerms.startOn} <= ${day} and (${villageRepTerms.endOn} is null or ${villageRepTerms.endOn} >= ${day}))`,
      ),
    )
    .orderBy(asc(tambonMembers.villageId), asc(users.name));
}
