import { asc, count, desc } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { siteQuestions } from "../schema.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";

/** Answered questions, newest answer first (what everyone reads). */
export function answeredQuestions(db: DbOrTx, tambonId: number, limit: number, offset: number) {
  return db
    .select()
    .from(siteQuestions)
    .where(tambonWhere(siteQuestions, tambonId, { status: "answered" }))
    .orderBy(desc(siteQuestions.answeredAt), desc(siteQuestions.id))
    .limit(limit)
    .offset(offset);
}

/** How many questions of the tambon have that status. */
export async function countQuestions(
  db: DbOrTx,
  tambonId: number,
  status: "pending" | "answered" | "hidden",
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(siteQuestions)
    .where(tambonWhere(siteQuestions, tambonId, { status }));
  return row?.n ?? 0;
}

/** Questions waiting for an answer, oldest first (the staff's queue). */
export function pendingQuestions(db: DbOrTx, tambonId: number) {
  return db
    .select()
    .from(siteQuestions)
    .where(tambonWhere(siteQuestions, tambonId, { status: "pending" }))
    .orderBy(asc(siteQuestions.createdAt), asc(siteQuestions.id))
    .limit(200);
}

/** A member's own questions that still wait, so they see theirs was received. */
export function myPendingQuestions(db: DbOrTx, tambonId: number, userId: number) {
  return db
    .select()
    .from(siteQuestions)
    .where(tambonWhere(siteQuestions, tambonId, { askedBy: userId, status: "pending" }))
    .orderBy(desc(siteQuestions.createdAt))
    .limit(20);
}
