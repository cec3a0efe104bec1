import { and, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../../../core/db/index.ts";
import { audit } from "../../../core/audit.ts";
import { todayIso } from "../../../core/dates.ts";
import { households, people } from "../schema.ts";
import { eraseHousehold, erasePerson } from "./erase.ts";
import { settingsOf } from "./settings.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";

/** Records whose keeping time is over: past `retain_until`, or unchanged for the tambon's years. */
function expired(table: typeof people | typeof households, today: string, keptSince: Date) {
  return or(
    and(isNotNull(table.retainUntil), lt(table.retainUntil, today)),
    and(isNull(table.retainUntil), lt(table.updatedAt, keptSince)),
  );
}

/**
 * The retention job: in every tambon with community data, erases the people whose keeping time
 * is over, then the households whose keeping time is over and in which nobody is left; each
 * erasure empties the history's values and is audited as the system's (no actor).
 */
export async function runRetention(
  db: Db,
  now = new Date(),
): Promise<{ people: number; households: number }> {
  const today = todayIso(now);
  const tambonIds = (
    await db.selectDistinct({ tambonId: households.tambonId }).from(households)
  ).map((r) => r.tambonId);
  let erasedPeople = 0;
  let erasedHouseholds = 0;
  for (const tambonId of tambonIds) {
    const { retentionYears } = await settingsOf(db, tambonId);
    const keptSince = new Date(now);
    keptSince.setUTCFullYear(keptSince.getUTCFullYear() - retentionYears);
    await db.transaction(async (tx) => {
      const logErasure = (targetType: string, targetId: number, after: Record<string, unknown>) =>
        audit(tx, {
          tambonId,
          actorId: null,
          action: "community.retention.erase",
          targetType,
          targetId,
          after,
        });
      const gone = await tx
        .select({ id: people.id, householdId: people.householdId })
        .from(people)
        .where(tambonWhere(people, tambonId, {}, expired(people, today, keptSince)));
      for (const p of gone) {
        await erasePerson(tx, tambonId, p.id);
        await logErasure("community_person", p.id, { householdId: p.householdId, retentionYears });
      }
      const empty = await tx
        .select({ id: households.id })
        .from(households)
        .where(
          tambonWhere(
            households,
            tambonId,
            {},
            expired(households, today, keptSince),
            sql`not exists (select 1 from ${people} where ${people.householdId} = ${households.id})`,
          ),
        );
      for (const h of empty) {
        await eraseHousehold(tx, tambonId, h.id);
        await logErasure("community_household", h.id, { retentionYears });
      }
      erasedPeople += gone.length;
      erasedHouseholds += empty.length;
    });
  }
  return { people: erasedPeople, households: erasedHouseholds };
}
