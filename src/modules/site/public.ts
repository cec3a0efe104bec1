import type { DbOrTx } from "../../core/db/index.ts";
import { listNews, type NewsCard } from "./news/queries.ts";
import {
  indexItem,
  replaceSearch,
  syncSearch,
  unindexItem,
  type Indexable,
  type SearchDocument,
} from "./search/commands.ts";
import { searchSite, type SearchHit } from "./search/queries.ts";

export type { NewsCard, Indexable, SearchHit, SearchDocument };

/** The latest published news of a tambon (for other modules' pages). */
export async function latestNews(db: DbOrTx, tambonId: number, limit = 5): Promise<NewsCard[]> {
  return (await listNews(db, tambonId, { limit })).items;
}

/** Lets another module put its public records into the site search (inside its transaction). */
export const addToSearch = indexItem;
/** Removes another module's record from the site search. */
export const removeFromSearch = unindexItem;
/**
 * Puts one record of another module in the search as `docs` (its public documents now) show it,
 * or takes it out when it is not among them; call inside the command's transaction.
 */
export const updateSearch = syncSearch;
/** Makes the search hold exactly these documents of these kinds of a tambon (inside the command). */
export const replaceInSearch = replaceSearch;
/** Searches a tambon's public site. */
export const search = searchSite;
