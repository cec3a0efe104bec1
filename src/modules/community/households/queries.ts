import { and, asc, count, eq, ilike, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { villages } from "../../../core/db/schema.ts";
import { villageOptions } from "../../../core/queries/villages.ts";
import type { Lang } from "../../../core/i18n/index.ts";
import { paged, type Page } from "../../../core/paging.ts";
import { allows, inScope, type PersonalScope } from "../access.ts";
import { households, people, submissions } from "../schema.ts";
import type { HouseholdStatus } from "../shared/kinds.ts";
import { tambonRowOf, tambonWhere, tambonRows } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

export type Household = typeof households.$inferSelect;
export type Person = typeof people.$inferSelect;

/** A row of the household list: the household, its village's number and how many live there. */
export interface HouseholdRow {
  id: number;
  houseNo: string;
  villageId: number;
  moo: number;
  villageName: string;
  status: HouseholdStatus;
  people: number;
  updatedAt: Date;
}

/** The filters of the household list. */
export interface HouseholdFilter {
  villageId: number | null;
  status: HouseholdStatus | null;
  q: string;
}

/** One page of the households the scope covers, by village and house number. */
export function listHouseholds(
  db: DbOrTx,
  tambonId: number,
  scope: PersonalScope,
  filter: HouseholdFilter,
  page: number,
): Promise<Page<HouseholdRow>> {
  const conds: SQL[] = [eq(households.tambonId, tambonId), inScope(scope, households.villageId)];
  if (filter.villageId !== null) conds.push(eq(households.villageId, filter.villageId));
  if (filter.status !== null) conds.push(eq(households.status, filter.status));
  if (filter.q) conds.push(ilike(households.houseNo, `${filter.q.replace(/[%_\\]/g, "\\$&")}%`));
  const where = and(...conds);
  return paged(
    page,
    async () => (await db.select({ n: count() }).from(households).where(where))[0]!.n,
    ({ limit, offset }) =>
      db
        .select({
          ...pick(households, "id", "houseNo", "villageId"),
          moo: villages.moo,
          villageName: villages.nameTh,
          status: households.status,
          updatedAt: households.updatedAt,
          people: sql<number>`(select count(*)::int from ${people} where ${people.tambonId} = ${households.tambonId} and ${people.householdId} = ${households.id})`,
        })
        .from(households)
        .innerJoin(villages, eq(villages.id, households.villageId))
        .where(where)
        .orderBy(
          asc(villages.moo),
          sql`length(${households.houseNo})`,
          asc(households.houseNo),
          asc(households.id),
        )
        .limit(limit)
        .offset(offset),
  );
}

/** A household of the tambon (undefined when it is another tambon's or gone). */
export const getHousehold = tambonRowOf(households);

/** A household the scope covers, else undefined (shown as not found). */
export async function householdInScope(
  db: DbOrTx,
  tambonId: number,
  scope: PersonalScope | null,
  id: number,
): Promise<Household | undefined> {
  const row = await getHousehold(db, tambonId, id);
  return row && allows(scope, row.villageId) ? row : undefined;
}

/** One person of the tambon, or undefined (another tambon's person is undefined too). */
export const personOf = tambonRowOf(people);

/** The people of a household, the head first. */
export function peopleOf(db: DbOrTx, tambonId: number, householdId: number): Promise<Person[]> {
  return tambonRows(
    db,
    people,
    tambonId,
    { householdId },
    sql`${people.relation} <> 'head'`,
    asc(people.birthDate),
    asc(people.id),
  );
}

/** How many submissions were made about a household. */
export async function submissionCount(
  db: DbOrTx,
  tambonId: number,
  householdId: number,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(submissions)
    .where(tambonWhere(submissions, tambonId, { householdId }));
  return row?.n ?? 0;
}

/** The villages of the tambon the scope covers, as choices of a form. */
export async function scopeVillageOptions(
  db: DbOrTx,
  tambonId: number,
  scope: PersonalScope,
  lang: Lang,
): Promise<{ value: string; label: string }[]> {
  return (await villageOptions(db, tambonId, lang)).filter((o) => allows(scope, Number(o.value)));
}

/** The households of a village as choices (moving a person), by house number. */
export async function householdOptions(
  db: DbOrTx,
  tambonId: number,
  villageId: number,
): Promise<{ value: string; label: string }[]> {
  const rows = await db
    .select({ id: households.id, houseNo: households.houseNo })
    .from(households)
    .where(tambonWhere(households, tambonId, { villageId }))
    .orderBy(sql`length(${households.houseNo})`, asc(households.houseNo))
    .limit(1000);
  return rows.map((r) => ({ value: String(r.id), label: r.houseNo }));
}
