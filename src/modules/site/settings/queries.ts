import { eq } from "drizzle-orm";
import { type DbOrTx } from "../../../core/db/index.ts";
import { siteSettings } from "../schema.ts";

/** The counts a tambon carried over from its older site (none when never set). */
export async function countsBefore(db: DbOrTx, tambonId: number) {
  const [row] = await db.select().from(siteSettings).where(eq(siteSettings.tambonId, tambonId));
  return row;
}
