import { asc, eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Db } from "../../../core/db/index.ts";
import { auditBy } from "../../../core/audit.ts";
import type { TableFormat, TableValue } from "../../../core/table-export.ts";
import { villages } from "../../../core/db/schema.ts";
import { personalScope, inScope } from "../access.ts";
import { households, people } from "../schema.ts";
import { logPersonalRead } from "./reads.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";
import { PERSON_COLUMNS } from "../people/input.ts";

/** A person's stored fields as the export lists them: all but the purpose. */
const EXPORTED = PERSON_COLUMNS.filter((c) => c !== "purpose");

/**
 * The households and people of the staff's villages as a table (one row per person; a household
 * without people has one row), recorded in the read log and the audit log.
 */
export async function exportRegistry(
  db: Db,
  req: FastifyRequest,
  tambonId: number,
  format: TableFormat,
): Promise<{ columns: string[]; rows: TableValue[][]; records: number }> {
  const scope = await personalScope(db, req.actor, tambonId);
  const rows = await db
    .select({
      moo: villages.moo,
      householdId: households.id,
      houseNo: households.houseNo,
      householdStatus: households.status,
      personId: people.id,
      ...pick(people, ...EXPORTED),
    })
    .from(households)
    .innerJoin(villages, eq(villages.id, households.villageId))
    .leftJoin(people, tambonWhere(people, tambonId, { householdId: households.id }))
    .where(tambonWhere(households, tambonId, {}, inScope(scope, households.villageId)))
    .orderBy(asc(villages.moo), asc(households.houseNo), asc(people.id));
  const columns = [
    "moo",
    "household_id",
    "house_no",
    "household_status",
    "person_id",
    "name",
    "thai_id",
    "birth_date",
    "sex",
    "relation",
    "conditions",
    "status",
    "lawful_basis",
    "consent",
  ];
  const table = rows.map((r) => [
    r.moo,
    r.householdId,
    r.houseNo,
    r.householdStatus,
    r.personId,
    r.name,
    r.thaiId,
    r.birthDate,
    r.sex,
    r.relation,
    r.conditions?.join(" ") ?? null,
    r.status,
    r.lawfulBasis,
    r.consent,
  ]);
  await db.transaction(async (tx) => {
    await logPersonalRead(tx, req, {
      subject: "export",
      detail: `households.${format}`,
      records: rows.length,
    });
    await auditBy(tx, req.actor, tambonId, {
      action: "community.export",
      targetType: "community_household",
      after: { rows: rows.length, format },
    });
  });
  return { columns, rows: table, records: rows.length };
}
