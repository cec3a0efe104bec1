import type { DbOrTx } from "../../../core/db/index.ts";
import { tambonMembers, villages } from "../../../core/db/schema.ts";
import { findUserByIdentifier } from "../../../core/commands/accounts.ts";
import { isEmail, isPhone, normalisePhone } from "../../../core/forms.ts";
import { parseIds } from "../../../core/params.ts";
import { listAreas } from "../../areas/public.ts";
import { networkPillars, networkTerms, partners } from "../schema.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import type { FieldError } from "../../../core/result.ts";
import type { NetKey } from "../messages.ts";
import { tambonRow, tambonWhere, type TambonTable, anyOf } from "../../../core/db/tambon-row.ts";
import type { PgInsertValue, PgUpdateSetSource } from "drizzle-orm/pg-core";

/**
 * Parses a list of ids from a form; what is not an id (text, 1.5, or past the integer column,
 * which the database would refuse) is dropped, duplicates removed.
 */
export function idList(values: string[]): number[] {
  return parseIds(values);
}

/** The ids among `ids` that are villages of the tambon. */
export async function ownVillages(db: DbOrTx, tambonId: number, ids: number[]): Promise<number[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({ id: villages.id })
    .from(villages)
    .where(tambonWhere(villages, tambonId, { id: anyOf(ids) }));
  return rows.map((r) => r.id);
}

/** The ids among `ids` that are active issue areas of the tambon. */
export async function ownAreas(db: DbOrTx, tambonId: number, ids: number[]): Promise<number[]> {
  if (!ids.length) return [];
  const areas = await listAreas(db, tambonId);
  return ids.filter((id) => areas.some((a) => a.id === id));
}

/** True when the id is an entry of the tambon's term list (kinds or roles) still in use. */
export async function isOwnTerm(
  db: DbOrTx,
  tambonId: number,
  list: "kind" | "role",
  id: number,
  keep: number | null,
): Promise<boolean> {
  const row = await tambonRow(db, networkTerms, tambonId, id);
  return row?.list === list && inUse(row, keep);
}

/** True when the id is a pillar of the tambon still in use (or the one already chosen). */
export async function isOwnPillar(
  db: DbOrTx,
  tambonId: number,
  id: number,
  keep: number | null,
): Promise<boolean> {
  return inUse(await tambonRow(db, networkPillars, tambonId, id), keep);
}

/** True for a list entry not archived, or archived but the one already chosen (`keep`). */
function inUse(row: { id: number; archivedAt: Date | null } | undefined, keep: number | null) {
  return !!row && (!row.archivedAt || row.id === keep);
}

/**
 * Writes a row of the tambon's table: `values` over the tambon's row `id` (nothing for another
 * tambon's), or a new row when there is no id. Answers the rows written.
 */
export async function writeOwnRow<T extends TambonTable>(
  tx: DbOrTx,
  table: T,
  tambonId: number,
  id: number | undefined,
  values: PgInsertValue<T>,
): Promise<T["$inferSelect"][]> {
  return (
    id
      ? await tx
          .update(table)
          .set(values as PgUpdateSetSource<T>)
          .where(tambonWhere(table as TambonTable, tambonId, { id }))
          .returning()
      : await tx.insert(table).values(values).returning()
  ) as T["$inferSelect"][];
}

/** A partner of the tambon, or undefined (also for another tambon's partner). */
export async function ownPartner(db: DbOrTx, tambonId: number, id: number) {
  if (!Number.isInteger(id) || id < 1) return undefined;
  return tambonRow(db, partners, tambonId, id);
}

/** An active partner of the tambon (for choices such as a centre's host). */
export async function activeOwnPartner(db: DbOrTx, tambonId: number, id: number) {
  const p = await ownPartner(db, tambonId, id);
  return p && p.active ? p : undefined;
}

/** A village of the tambon, or undefined. */
export async function ownVillage(db: DbOrTx, tambonId: number, id: number) {
  if (!Number.isInteger(id) || id < 1) return undefined;
  return tambonRow(db, villages, tambonId, id);
}

/** Finds an active member of the tambon by username, phone or e-mail. */
export async function memberByIdentifier(db: DbOrTx, tambonId: number, identifier: string) {
  const user = await findUserByIdentifier(db, identifier);
  if (!user) return undefined;
  const [m] = await db
    .select({ userId: tambonMembers.userId })
    .from(tambonMembers)
    .where(tambonWhere(tambonMembers, tambonId, { userId: user.id, status: "active" }));
  return m ? user : undefined;
}

/** Checks optional contact fields; returns the normalised phone and the errors found. */
export function checkContact(
  phoneRaw: string,
  emailRaw: string,
  fieldPrefix = "contact",
): { phone: string; email: string; errors: Record<string, FieldError<NetKey | CoreKey>> } {
  const errors: Record<string, FieldError<NetKey | CoreKey>> = {};
  const phone = normalisePhone(phoneRaw.trim()) ?? "";
  if (phone && !isPhone(phone)) errors[`${fieldPrefix}Phone`] = { key: "err.phone" };
  const email = emailRaw.trim();
  if (email && !isEmail(email)) errors[`${fieldPrefix}Email`] = { key: "err.email" };
  return { phone, email, errors };
}
