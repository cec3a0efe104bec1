import { desc, inArray, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { ballots, delegations, questions } from "../schema.ts";
import type { DelegationRow } from "../delegation.ts";
import { delegationsWhere } from "../shared/queries.ts";
import { tambonWhere, tambonRows, anyOf } from "../../../core/db/tambon-row.ts";

/** The questions still open to delegations (not closed or cancelled), newest first. */
export async function openQuestions(db: DbOrTx, tambonId: number) {
  return db
    .select()
    .from(questions)
    .where(
      tambonWhere(questions, tambonId, {
        phase: anyOf(["draft", "discussion", "frozen", "voting"]),
      }),
    )
    .orderBy(desc(questions.id))
    .limit(50);
}

/** A member's own delegations, one per scope. */
export async function delegationsOf(db: DbOrTx, tambonId: number, trusterId: number) {
  return tambonRows(db, delegations, tambonId, { trusterId });
}

/** Every delegation that can apply to these questions: tambon-wide, per area, and their own. */
export async function delegationsForQuestions(
  db: DbOrTx,
  tambonId: number,
  questionIds: number[],
): Promise<DelegationRow[]> {
  return delegationsWhere(
    db,
    tambonId,
    or(
      inArray(delegations.scope, ["tambon", "area"]),
      questionIds.length ? inArray(delegations.questionId, questionIds) : sql`false`,
    ),
  );
}

/** Who has a ballot on each of these questions. */
export async function votersByQuestion(
  db: DbOrTx,
  tambonId: number,
  questionIds: number[],
): Promise<Map<number, Set<number>>> {
  const votedBy = new Map<number, Set<number>>();
  if (!questionIds.length) return votedBy;
  for (const b of await db
    .select({ questionId: ballots.questionId, userId: ballots.userId })
    .from(ballots)
    .where(tambonWhere(ballots, tambonId, { questionId: anyOf(questionIds) }))) {
    let set = votedBy.get(b.questionId);
    if (!set) votedBy.set(b.questionId, (set = new Set()));
    set.add(b.userId);
  }
  return votedBy;
}
