import type { DbOrTx } from "../../core/db/index.ts";
import { listNews, type NewsCard } from "./news/queries.ts";
import { indexItem, unindexItem, type Indexable } from "./search/commands.ts";
import { searchSite, type SearchHit } from "./search/queries.ts";

export type { NewsCard, Indexable, SearchHit };

/** The latest published news of a tambon (for other modules' pages). */
export async function latestNews(db: DbOrTx, tambonId: number, limit = 5): Promise<NewsCard[]> {
  return (await listNews(db, tambonId, { limit })).items;
}

/** Lets another module put its public records into the site search (inside its transaction). */
export const addToSearch = indexItem;
/** Removes another module's record from the site search. */
export const removeFromSearch = unindexItem;
/** Searches a tambon's public site. */
export const search = searchSite;
