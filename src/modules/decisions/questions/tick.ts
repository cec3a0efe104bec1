import { and, eq, inArray, isNull, lte } from "drizzle-orm";
import type { Db, Tx } from "../../../core/db/index.ts";
import { questions } from "../schema.ts";
import { nextPhase } from "../shared/phases.ts";
import { enterPhase } from "./phase-commands.ts";
import { notifyFollowers, sendDueEmails, type Mailer } from "../notifications/notify.ts";

/** What one tick did. */
export interface TickReport {
  moved: number;
  reminded: number;
  emails: number;
}

/**
 * Moves every question whose phase has ended into its next phase (closing counts the votes),
 * reminds followers a day before voting closes, and sends the e-mails due. Safe to run again.
 */
export async function tick(
  db: Db,
  now = new Date(),
  mailer: Mailer | null = null,
): Promise<TickReport> {
  let moved = 0;
  const due = await db
    .select()
    .from(questions)
    .where(
      and(
        inArray(questions.phase, ["discussion", "frozen", "voting"]),
        lte(questions.phaseEndsAt, now),
      ),
    );
  for (const q of due) {
    await db.transaction(async (tx) => {
      // Re-read inside the transaction: another tick may have moved it already.
      const [fresh] = await tx.select().from(questions).where(eq(questions.id, q.id)).for("update");
      if (!fresh || fresh.phase !== q.phase || !fresh.phaseEndsAt || fresh.phaseEndsAt > now)
        return;
      let current = fresh;
      // Each phase starts when the one before was due to end, not when the tick runs; when
      // several phases are overdue (or last zero days), keep moving until one lasts beyond now.
      for (;;) {
        const next = nextPhase(current.phase);
        if (!next || !current.phaseEndsAt) break;
        if (!(await enterPhase(tx as Tx, current, next, null, current.phaseEndsAt))) break;
        moved++;
        const [after] = await tx.select().from(questions).where(eq(questions.id, q.id));
        if (!after?.phaseEndsAt || after.phaseEndsAt > now) break;
        current = after;
      }
    });
  }
  const soon = new Date(now.getTime() + 86400_000);
  const closing = await db
    .select()
    .from(questions)
    .where(
      and(
        eq(questions.phase, "voting"),
        lte(questions.phaseEndsAt, soon),
        isNull(questions.reminderSentAt),
      ),
    );
  for (const q of closing) {
    await db.transaction(async (tx) => {
      const marked = await tx
        .update(questions)
        .set({ reminderSentAt: now })
        .where(and(eq(questions.id, q.id), isNull(questions.reminderSentAt)))
        .returning({ id: questions.id });
      if (marked.length) await notifyFollowers(tx, q, "closing", {});
    });
  }
  const emails = mailer ? await sendDueEmails(db, mailer, now) : 0;
  return { moved, reminded: closing.length, emails };
}
