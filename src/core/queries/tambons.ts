import { eq } from "drizzle-orm";
import type { DbOrTx } from "../db/index.ts";
import { tambons } from "../db/schema.ts";

/** A tambon's URL name ("" for an id that names none), for links built outside a request. */
export async function tambonSlug(db: DbOrTx, tambonId: number): Promise<string> {
  const [row] = await db
    .select({ slug: tambons.slug })
    .from(tambons)
    .where(eq(tambons.id, tambonId));
  return row?.slug ?? "";
}
