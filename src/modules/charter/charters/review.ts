import { desc, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "../../../core/db/index.ts";
import { roleGrants } from "../../../core/db/schema.ts";
import { audit } from "../../../core/audit.ts";
import { todayIso } from "../../../core/dates.ts";
import { charterEditions, charterReviewNotices } from "../schema.ts";
import { reviewDueOn, reviewState } from "../edition.ts";
import { type EditionRow, currentEdition } from "./queries.ts";
import { tambonWhere, anyOf } from "../../../core/db/tambon-row.ts";

/** How long before the review falls due the working group is reminded. */
export const REVIEW_NOTICE_DAYS = 90;

/** The roles reminded of a review. */
const REMINDED_ROLES = ["admin", "working_group"];

/** A reminder sent about an edition's review. */
export type ReviewNotice = typeof charterReviewNotices.$inferSelect;

/**
 * Reminds each tambon's admins and working group, once, when the review of a charter's edition in
 * force falls due within 90 days, and once more when it is overdue. Each reminder is recorded (so
 * a rerun sends nothing new) and written to the audit log; returns how many were sent.
 */
export async function sendReviewReminders(db: Db, today = todayIso()): Promise<number> {
  const adopted = await db
    .select()
    .from(charterEditions)
    .where(eq(charterEditions.status, "adopted"));
  const byCharter = new Map<number, EditionRow[]>();
  for (const e of adopted) byCharter.set(e.charterId, [...(byCharter.get(e.charterId) ?? []), e]);
  let sent = 0;
  for (const editions of byCharter.values()) {
    const edition = currentEdition(editions);
    if (!edition?.adoptedOn) continue;
    const dueOn = reviewDueOn(edition.adoptedOn, edition.reviewYears);
    const { state, days } = reviewState(dueOn, today, REVIEW_NOTICE_DAYS);
    if (state === "ok") continue;
    const done = await db.transaction(async (tx) => {
      const people = await tx
        .selectDistinct({ userId: roleGrants.userId })
        .from(roleGrants)
        .where(tambonWhere(roleGrants, edition.tambonId, { role: anyOf(REMINDED_ROLES) }));
      const recipients = people.map((p) => p.userId).sort((a, b) => a - b);
      const [row] = await tx
        .insert(charterReviewNotices)
        .values({
          tambonId: edition.tambonId,
          editionId: edition.id,
          kind: state,
          dueOn,
          recipients,
        })
        .onConflictDoNothing()
        .returning({ id: charterReviewNotices.id });
      if (!row) return false;
      await audit(tx, {
        tambonId: edition.tambonId,
        actorId: null,
        action: "charter.review.remind",
        targetType: "charter_edition",
        targetId: edition.id,
        after: { kind: state, dueOn, days, recipients },
      });
      return true;
    });
    if (done) sent++;
  }
  return sent;
}

/** The latest review reminder of each edition of a tambon. */
export async function reviewNoticesOf(
  db: DbOrTx,
  tambonId: number,
): Promise<Map<number, ReviewNotice>> {
  const rows = await db
    .select()
    .from(charterReviewNotices)
    .where(eq(charterReviewNotices.tambonId, tambonId))
    .orderBy(desc(charterReviewNotices.id));
  const out = new Map<number, ReviewNotice>();
  for (const r of rows) if (!out.has(r.editionId)) out.set(r.editionId, r);
  return out;
}
