import { type DbOrTx } from "../../../core/db/index.ts";
import { prepared, type Holes } from "../../../core/db/prepared.ts";
import { siteMenuItems } from "../schema.ts";
import { asc, eq } from "drizzle-orm";

/** A tambon's menu, built once (core/db/prepared.ts): every page after a change reads it. */
const menuStatement = prepared("site_menu", (db, p: Holes<{ tambonId: number }>) =>
  db
    .select()
    .from(siteMenuItems)
    .where(eq(siteMenuItems.tambonId, p.tambonId))
    .orderBy(asc(siteMenuItems.position), asc(siteMenuItems.id)),
);

/** The whole menu of a tambon (top entries and their sub-entries), in order. */
export function listMenu(db: DbOrTx, tambonId: number) {
  return menuStatement(db, { tambonId });
}
