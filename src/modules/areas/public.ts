import { and, asc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../core/db/index.ts";
import { issueAreas } from "./schema.ts";
import type { Area } from "./area.ts";

export type { Area } from "./area.ts";
export { areaName } from "./area.ts";
/** The issue-areas table, for other modules' foreign keys. */
export { issueAreas } from "./schema.ts";

/** The active issue areas of a tambon, in order. */
export async function listAreas(db: DbOrTx, tambonId: number): Promise<Area[]> {
  return db
    .select()
    .from(issueAreas)
    .where(and(eq(issueAreas.tambonId, tambonId), isNull(issueAreas.archivedAt)))
    .orderBy(asc(issueAreas.position), asc(issueAreas.id));
}

/** One issue area of a tambon (undefined when it belongs to another tambon). */
export async function getArea(db: DbOrTx, tambonId: number, id: number): Promise<Area | undefined> {
  if (!Number.isInteger(id)) return undefined;
  const [row] = await db
    .select()
    .from(issueAreas)
    .where(and(eq(issueAreas.tambonId, tambonId), eq(issueAreas.id, id)));
  return row;
}
