import type { DbOrTx } from "../../../core/db/index.ts";
import { questionResults } from "../schema.ts";
import { tambonRows } from "../../../core/db/tambon-row.ts";

/** The result stored when a question closed, with its input and hashes (none before closing). */
export async function storedResult(db: DbOrTx, tambonId: number, questionId: number) {
  const [stored] = await tambonRows(db, questionResults, tambonId, { questionId });
  return stored;
}
