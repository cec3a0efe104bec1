import { sql } from "drizzle-orm";
import { type Db, type DbOrTx } from "../../../core/db/index.ts";
import { tambons } from "../../../core/db/schema.ts";
import { searchSources } from "../../../core/install.ts";
import { isSearchKind } from "./queries.ts";
import { replaceSearch, type SearchDocument, type SearchKind } from "./commands.ts";

/**
 * Puts every public record the other modules contribute (their manifests' `search`) of a tambon
 * into the search and removes those no longer public: for the demo, for rows made before a module
 * contributed, and to repair what a change outside the commands left behind.
 */
export async function reindexTambonSearch(tx: DbOrTx, tambonId: number): Promise<number> {
  let n = 0;
  for (const source of searchSources()) {
    const kinds = source.kinds.filter(isSearchKind);
    const docs = (await source.documents(tx, tambonId)).filter(
      (d): d is SearchDocument & { kind: SearchKind } => isSearchKind(d.kind),
    );
    await replaceSearch(tx, tambonId, kinds, docs);
    n += docs.length;
  }
  return n;
}

/** Re-indexes every tambon, one transaction each, then refreshes the planner's statistics. */
export async function reindexAllSearch(db: Db): Promise<number> {
  let n = 0;
  for (const { id } of await db.select({ id: tambons.id }).from(tambons))
    n += await db.transaction((tx) => reindexTambonSearch(tx, id));
  await db.execute(sql`ANALYZE search_documents`);
  return n;
}
