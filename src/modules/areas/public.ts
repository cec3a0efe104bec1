import { and, asc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../core/db/index.ts";
import type { Lang } from "../../core/i18n/index.ts";
import { issueAreas } from "./schema.ts";
import type { Area } from "./area.ts";

export type { Area } from "./area.ts";
export { areaName } from "./area.ts";
/** The issue-areas table, for other modules' foreign keys. */
export { issueAreas } from "./schema.ts";

/** One item another module shows on an issue area's page. */
export interface AreaItem {
  href: string;
  title: string;
  meta?: string;
}

/** A section another module contributes to every issue area's page (teams, proposals, …). */
export interface AreaSection {
  id: string;
  title: (lang: Lang) => string;
  load: (db: DbOrTx, tambonId: number, areaId: number, lang: Lang) => Promise<AreaItem[]>;
}

const sections: AreaSection[] = [];

/** Adds a section to the issue-area pages; modules call this from their manifest file. */
export function registerAreaSection(section: AreaSection): void {
  if (sections.some((s) => s.id === section.id)) return;
  sections.push(section);
}

/** The sections registered so far, in registration order. */
export function areaSections(): readonly AreaSection[] {
  return sections;
}

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
