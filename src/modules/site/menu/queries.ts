import { type DbOrTx } from "../../../core/db/index.ts";
import { siteMenuItems } from "../schema.ts";
import { asc, eq } from "drizzle-orm";

/** The whole menu of a tambon (top entries and their sub-entries), in order. */
export function listMenu(db: DbOrTx, tambonId: number) {
  return db
    .select()
    .from(siteMenuItems)
    .where(eq(siteMenuItems.tambonId, tambonId))
    .orderBy(asc(siteMenuItems.position), asc(siteMenuItems.id));
}
