import type { DbOrTx } from "../../../core/db/index.ts";
import { ballots } from "../schema.ts";
import { tambonRows } from "../../../core/db/tambon-row.ts";

/** The actor's current ballot on a question, if any. */
export async function myBallot(db: DbOrTx, tambonId: number, questionId: number, userId: number) {
  const [row] = await tambonRows(db, ballots, tambonId, { questionId, userId });
  return row;
}
