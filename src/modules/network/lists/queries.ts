import { asc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { villages } from "../../../core/db/schema.ts";
import { networkPillars, networkTerms } from "../schema.ts";
import type { ListItem, Pillar, TermList } from "../shared/lists.ts";
import type { ListName } from "./commands.ts";
import { tambonRow, tambonWhere } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

// ---------------------------------------------------------------- lists

/** The tambon's pillars in order (archived ones only when asked). */
export async function listPillars(
  db: DbOrTx,
  tambonId: number,
  includeArchived = false,
): Promise<Pillar[]> {
  return db
    .select()
    .from(networkPillars)
    .where(
      tambonWhere(
        networkPillars,
        tambonId,
        {},
        includeArchived ? undefined : isNull(networkPillars.archivedAt),
      ),
    )
    .orderBy(asc(networkPillars.position), asc(networkPillars.id));
}

/** One of the tambon's term lists (partner kinds or roles) in order. */
export async function listTerms(
  db: DbOrTx,
  tambonId: number,
  list: TermList,
  includeArchived = false,
): Promise<ListItem[]> {
  return db
    .select({
      ...pick(networkTerms, "id", "nameTh", "nameEn", "position", "archivedAt"),
    })
    .from(networkTerms)
    .where(
      tambonWhere(
        networkTerms,
        tambonId,
        { list },
        includeArchived ? undefined : isNull(networkTerms.archivedAt),
      ),
    )
    .orderBy(asc(networkTerms.position), asc(networkTerms.id));
}

/** The tambon's villages in order of their moo. */
export async function listVillages(db: DbOrTx, tambonId: number) {
  return db
    .select()
    .from(villages)
    .where(eq(villages.tambonId, tambonId))
    .orderBy(asc(villages.moo));
}

/**
 * An entry of the tambon's pillars ("pillar") or of its kinds and roles ("term"), with the list it
 * belongs to and the values only pillars have; undefined when it is not the tambon's.
 */
export async function listItem(db: DbOrTx, tambonId: number, from: "pillar" | "term", id: number) {
  if (from === "pillar") {
    const row = await tambonRow(db, networkPillars, tambonId, id);
    const values: Record<string, string> = {
      descriptionTh: row?.descriptionTh ?? "",
      descriptionEn: row?.descriptionEn ?? "",
    };
    return row ? { item: row, list: "pillar" as ListName, values } : undefined;
  }
  const row = await tambonRow(db, networkTerms, tambonId, id);
  const values: Record<string, string> = {};
  return row ? { item: row, list: row.list as ListName, values } : undefined;
}
