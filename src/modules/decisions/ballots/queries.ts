import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { ballots } from "../schema.ts";

/** The actor's current ballot on a question, if any. */
export async function myBallot(db: DbOrTx, tambonId: number, questionId: number, userId: number) {
  const [row] = await db
    .select()
    .from(ballots)
    .where(
      and(
        eq(ballots.tambonId, tambonId),
        eq(ballots.questionId, questionId),
        eq(ballots.userId, userId),
      ),
    );
  return row;
}
