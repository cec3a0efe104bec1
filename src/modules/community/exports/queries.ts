import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { villages } from "../../../core/db/schema.ts";
import { households, rounds, submissions } from "../schema.ts";
import { tambonWhere, anyOf } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/**
 * A form's submissions as the export writes them, in the order received: those accepted,
 * resolved or in conflict, with their village's หมู่, their household's number and their round.
 */
export function exportedSubmissions(db: DbOrTx, tambonId: number, formId: number) {
  return db
    .select({
      clientId: submissions.clientId,
      moo: villages.moo,
      houseNo: households.houseNo,
      ...pick(submissions, "status", "collectedAt", "receivedAt"),
      round: rounds.name,
      answers: submissions.answers,
    })
    .from(submissions)
    .innerJoin(villages, eq(villages.id, submissions.villageId))
    .leftJoin(households, eq(households.id, submissions.householdId))
    .leftJoin(rounds, eq(rounds.id, submissions.roundId))
    .where(
      tambonWhere(submissions, tambonId, {
        formId,
        status: anyOf(["accepted", "resolved", "conflict"]),
      }),
    )
    .orderBy(asc(submissions.id));
}
