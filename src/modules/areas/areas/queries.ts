import { asc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import type { Lang } from "../../../core/i18n/index.ts";
import { pageCache } from "../../../core/page-cache.ts";
import { issueAreas } from "../schema.ts";
import { tambonRow, tambonWhere } from "../../../core/db/tambon-row.ts";

/** An issue area as the rest of the platform sees it. */
export interface Area {
  id: number;
  tambonId: number;
  nameTh: string;
  nameEn: string;
  descriptionTh: string;
  descriptionEn: string;
  position: number;
  archivedAt: Date | null;
}

/** The name of an area in the reader's language (Thai when no English name is given). */
export function areaName(area: Pick<Area, "nameTh" | "nameEn">, lang: Lang): string {
  return lang === "en" && area.nameEn ? area.nameEn : area.nameTh;
}

/** The description of an area in the reader's language (Thai when no English one is given). */
export function areaDescription(area: Pick<Area, "descriptionTh" | "descriptionEn">, lang: Lang) {
  return lang === "en" ? area.descriptionEn || area.descriptionTh : area.descriptionTh;
}

/** The active issue areas of a tambon, in order. */
export async function listAreas(db: DbOrTx, tambonId: number): Promise<Area[]> {
  return db
    .select()
    .from(issueAreas)
    .where(tambonWhere(issueAreas, tambonId, {}, isNull(issueAreas.archivedAt)))
    .orderBy(asc(issueAreas.position), asc(issueAreas.id));
}

/** `listAreas` for pages, kept until the tambon changes: read-only, never inside a command. */
export function keptAreas(db: DbOrTx, tambonId: number): Promise<Area[]> {
  return pageCache.memo(tambonId, "areas:list", () => listAreas(db, tambonId));
}

/** Every issue area of a tambon, archived ones too, in order (for the administration). */
export async function listAllAreas(db: DbOrTx, tambonId: number): Promise<Area[]> {
  return db
    .select()
    .from(issueAreas)
    .where(eq(issueAreas.tambonId, tambonId))
    .orderBy(asc(issueAreas.position), asc(issueAreas.id));
}

/** One issue area of a tambon (undefined when it belongs to another tambon). */
export async function getArea(db: DbOrTx, tambonId: number, id: number): Promise<Area | undefined> {
  if (!Number.isInteger(id)) return undefined;
  return tambonRow(db, issueAreas, tambonId, id);
}
