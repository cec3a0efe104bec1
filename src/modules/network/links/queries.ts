import { asc, eq, or } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { tambonLinks } from "../schema.ts";

// ---------------------------------------------------------------- tambon links

/** Every declaration of every tambon (the network page draws them all). */
export async function allDeclarations(db: DbOrTx) {
  return db.select().from(tambonLinks).orderBy(asc(tambonLinks.id));
}

/** The declarations a tambon made, and those other tambons made about it. */
export async function declarationsAbout(db: DbOrTx, tambonId: number, dopaCode: string) {
  return db
    .select()
    .from(tambonLinks)
    .where(or(eq(tambonLinks.tambonId, tambonId), eq(tambonLinks.otherDopaCode, dopaCode)))
    .orderBy(asc(tambonLinks.id));
}

export type { LinkRow } from "./tambon-links.ts";
