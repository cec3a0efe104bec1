import { asc } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { tambonRowOf, tambonRows } from "../../../core/db/tambon-row.ts";
import { planEditions } from "../schema.ts";

/** An edition of a plan as stored. */
export type Edition = typeof planEditions.$inferSelect;

/** The editions of a plan in the order they were approved. */
export function listEditions(db: DbOrTx, tambonId: number, planId: number): Promise<Edition[]> {
  return tambonRows(
    db,
    planEditions,
    tambonId,
    { planId },
    asc(planEditions.approvedOn),
    asc(planEditions.id),
  );
}

/** One edition of a tambon (undefined when it is another tambon's). */
export const getEdition = tambonRowOf(planEditions);
