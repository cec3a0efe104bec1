import { eq } from "drizzle-orm";
import type { Db, DbOrTx } from "../../../core/db/index.ts";
import { villages } from "../../../core/db/schema.ts";
import { auditBy } from "../../../core/audit.ts";
import { missing, ok, refused, type FieldError } from "../../../core/result.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import type { PlansKey, PlansResult } from "../messages.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import { villageFigures } from "../schema.ts";
import { tambonWhere, anyOf } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** Fiscal years the grid takes (พ.ศ.). */
export const FIGURE_YEARS = { min: 2500, max: 2700 } as const;
/** Most people or households one village is entered with. */
const MAX_COUNT = 1_000_000;

/** The figures entered for one fiscal year, by village. */
export async function enteredFigures(
  db: DbOrTx,
  tambonId: number,
  fiscalYear: number,
): Promise<Map<number, { people: number | null; households: number | null }>> {
  const rows = await db
    .select({
      ...pick(villageFigures, "villageId", "people", "households"),
    })
    .from(villageFigures)
    .where(tambonWhere(villageFigures, tambonId, { fiscalYear, source: "entered" }));
  return new Map(rows.map((r) => [r.villageId, { people: r.people, households: r.households }]));
}

/** A cell of the grid: empty is "not known", else a whole number 0 – 1,000,000 (Thai digits too). */
function cell(raw: string | undefined): { value: number | null } | { error: FieldError<CoreKey> } {
  const s = (raw ?? "")
    .trim()
    .replace(/[,\s]/g, "")
    .replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
  if (s === "") return { value: null };
  if (!/^\d{1,7}$/.test(s)) return { error: { key: "err.number" } };
  const n = Number(s);
  if (n > MAX_COUNT) return { error: { key: "err.range", vars: { min: 0, max: MAX_COUNT } } };
  return { value: n };
}

/**
 * Saves the people and households of every village of the tambon for one fiscal year, all or
 * nothing: each cell is checked first (an error per cell), then every village's row is written,
 * replaced or (both cells empty) removed in one transaction, audited once. Cells naming another
 * tambon's village are ignored.
 */
export async function saveVillageFigures(
  db: Db,
  actor: Actor,
  tambonId: number,
  fiscalYear: number,
  input: Record<string, string>,
): Promise<PlansResult<{ saved: number }>> {
  if (!can(actor, "plan.manage", { tambonId })) return refused();
  if (fiscalYear < FIGURE_YEARS.min || fiscalYear > FIGURE_YEARS.max) return missing();
  const ours = await db
    .select({ id: villages.id })
    .from(villages)
    .where(eq(villages.tambonId, tambonId));
  const errors: Record<string, FieldError<PlansKey | CoreKey>> = {};
  const rows: { villageId: number; people: number | null; households: number | null }[] = [];
  for (const { id } of ours) {
    const people = cell(input[`people_${id}`]);
    const households = cell(input[`households_${id}`]);
    if ("error" in people) errors[`people_${id}`] = people.error;
    if ("error" in households) errors[`households_${id}`] = households.error;
    if ("value" in people && "value" in households)
      rows.push({ villageId: id, people: people.value, households: households.value });
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return db.transaction(async (tx): Promise<PlansResult<{ saved: number }>> => {
    const ids = ours.map((v) => v.id);
    const before = await enteredFigures(tx, tambonId, fiscalYear);
    if (ids.length)
      await tx
        .delete(villageFigures)
        .where(tambonWhere(villageFigures, tambonId, { fiscalYear, villageId: anyOf(ids) }));
    const kept = rows.filter((r) => r.people !== null || r.households !== null);
    if (kept.length)
      await tx.insert(villageFigures).values(
        kept.map((r) => ({
          tambonId,
          villageId: r.villageId,
          fiscalYear,
          people: r.people,
          households: r.households,
          source: "entered" as const,
        })),
      );
    await auditBy(tx, actor, tambonId, {
      action: "plan.villageFigures",
      targetType: "tambon",
      targetId: tambonId,
      before: { fiscalYear, villages: before.size },
      after: {
        fiscalYear,
        figures: kept.map((r) => `${r.villageId}:${r.people ?? ""}/${r.households ?? ""}`),
      },
    });
    return ok({ saved: kept.length });
  });
}
