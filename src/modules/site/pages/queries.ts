import { tambonRows } from "../../../core/db/tambon-row.ts";
import { asc } from "drizzle-orm";
import { type DbOrTx } from "../../../core/db/index.ts";
import { sitePages } from "../schema.ts";

/** The pages of a tambon, oldest first. */
export function listPages(db: DbOrTx, tambonId: number) {
  return tambonRows(db, sitePages, tambonId, {}, asc(sitePages.id));
}
