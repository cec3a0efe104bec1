import { tambonRows } from "../../../core/db/tambon-row.ts";
import { type DbOrTx } from "../../../core/db/index.ts";
import { siteSettings } from "../schema.ts";

/** The counts a tambon carried over from its older site (none when never set). */
export async function countsBefore(db: DbOrTx, tambonId: number) {
  const [row] = await tambonRows(db, siteSettings, tambonId);
  return row;
}
