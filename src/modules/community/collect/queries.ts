import { and, asc, eq, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../../core/db/index.ts";
import { villages } from "../../../core/db/schema.ts";
import { households, people } from "../schema.ts";
import type { FormDefinition } from "../forms/definition.ts";
import { listOpenForms } from "../forms/queries.ts";
import { roundsOfForms } from "../rounds/queries.ts";
import type { FormLevel } from "../shared/kinds.ts";
import { inScope, type PersonalScope } from "../access.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** An open form as the phone fills it: its current version's definition and its open round. */
export interface CollectForm {
  id: number;
  level: FormLevel;
  versionId: number;
  version: number;
  definition: FormDefinition;
  round: { id: number; name: string } | null;
}

/** A household as the phone lists it, with its people's names for the members' repeat. */
export interface CollectHousehold {
  id: number;
  houseNo: string;
  villageId: number;
  version: number;
  people: { id: number; name: string }[];
}

export interface CollectVillage {
  id: number;
  moo: number;
  nameTh: string;
}

/** Everything the collect app keeps on the phone for working offline. */
export interface CollectData {
  forms: CollectForm[];
  villages: CollectVillage[];
  households: CollectHousehold[];
}

/** The open forms of the tambon at their current versions, each with its newest open round. */
export async function openCollectForms(db: DbOrTx, tambonId: number): Promise<CollectForm[]> {
  const rows = (await listOpenForms(db, tambonId)).map((f) => ({
    id: f.formId,
    ...pick(f, "level", "versionId", "version", "definition"),
  }));
  if (!rows.length) return [];
  const open = await roundsOfForms(
    db,
    tambonId,
    rows.map((r) => r.id),
    { open: true, newestFirst: true },
  );
  return rows.map((r) => {
    const round = open.find((o) => o.formId === r.id);
    return { ...r, round: round ? { id: round.id, name: round.name } : null };
  });
}

/** The condition "a row of this tambon in the scope's villages" for a table with both columns. */
function scoped(
  table: { tambonId: AnyPgColumn; villageId: AnyPgColumn },
  tambonId: number,
  scope: PersonalScope,
): SQL | undefined {
  return tambonWhere(table, tambonId, {}, inScope(scope, table.villageId));
}

/** The households (with their living people) of the scope, by village and house number. */
export async function scopeHouseholds(
  db: DbOrTx,
  tambonId: number,
  scope: PersonalScope,
): Promise<CollectHousehold[]> {
  if (!scope.all && !scope.villageIds.length) return [];
  const rows = await db
    .select({
      ...pick(households, "id", "houseNo", "villageId", "version"),
    })
    .from(households)
    .where(and(scoped(households, tambonId, scope), eq(households.status, "active")))
    .orderBy(asc(households.villageId), asc(households.houseNo), asc(households.id));
  const byId = new Map<number, CollectHousehold>();
  for (const r of rows) byId.set(r.id, { ...r, people: [] });
  if (rows.length) {
    const folks = await db
      .select({ ...pick(people, "id", "householdId", "name") })
      .from(people)
      .where(and(scoped(people, tambonId, scope), eq(people.status, "living")))
      .orderBy(asc(people.householdId), asc(people.id));
    for (const p of folks) byId.get(p.householdId)?.people.push({ id: p.id, name: p.name });
  }
  return [...byId.values()];
}

/** The villages of the scope. */
export async function scopeVillages(
  db: DbOrTx,
  tambonId: number,
  scope: PersonalScope,
): Promise<CollectVillage[]> {
  if (!scope.all && !scope.villageIds.length) return [];
  return db
    .select({ ...pick(villages, "id", "moo", "nameTh") })
    .from(villages)
    .where(tambonWhere(villages, tambonId, {}, inScope(scope, villages.id)))
    .orderBy(asc(villages.moo));
}

/** What the phone downloads to work offline. */
export async function collectData(
  db: DbOrTx,
  tambonId: number,
  scope: PersonalScope,
): Promise<CollectData> {
  return {
    forms: await openCollectForms(db, tambonId),
    villages: await scopeVillages(db, tambonId, scope),
    households: await scopeHouseholds(db, tambonId, scope),
  };
}
