import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { questionResults } from "../schema.ts";

/** The result stored when a question closed, with its input and hashes (none before closing). */
export async function storedResult(db: DbOrTx, tambonId: number, questionId: number) {
  const [stored] = await db
    .select()
    .from(questionResults)
    .where(and(eq(questionResults.tambonId, tambonId), eq(questionResults.questionId, questionId)));
  return stored;
}
