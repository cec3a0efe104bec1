import { type DbOrTx } from "../../../core/db/index.ts";
import { siteDocuments } from "../schema.ts";
import { desc, eq } from "drizzle-orm";
import { tambonWhere } from "../../../core/db/tambon-row.ts";

/** Documents of a tambon (all, or those attached to a page or a news item). */
export function listDocuments(
  db: DbOrTx,
  tambonId: number,
  attached?: { pageId: number } | { newsId: number },
) {
  return db
    .select()
    .from(siteDocuments)
    .where(
      tambonWhere(
        siteDocuments,
        tambonId,
        {},
        attached && "pageId" in attached ? eq(siteDocuments.pageId, attached.pageId) : undefined,
        attached && "newsId" in attached ? eq(siteDocuments.newsId, attached.newsId) : undefined,
      ),
    )
    .orderBy(desc(siteDocuments.createdAt), desc(siteDocuments.id));
}
