import { and, desc, eq, lt } from "drizzle-orm";
import { type DbOrTx } from "../../../core/db/index.ts";
import { listOpenJobs } from "../jobs/queries.ts";
import { siteAlbums, siteNews, sitePages } from "../schema.ts";

/** When each news item of a tambon last changed (the feed's <updated>). */
export function newsUpdates(db: DbOrTx, tambonId: number) {
  return db
    .select({ id: siteNews.id, updatedAt: siteNews.updatedAt })
    .from(siteNews)
    .where(eq(siteNews.tambonId, tambonId));
}

/** What the sitemap lists: published pages, news and albums, and open jobs. */
export async function sitemapRows(db: DbOrTx, tambonId: number, now: Date) {
  const [pages, news, albums, jobs] = await Promise.all([
    db
      .select()
      .from(sitePages)
      .where(and(eq(sitePages.tambonId, tambonId), eq(sitePages.published, true))),
    db
      .select({ id: siteNews.id, slug: siteNews.slug, updatedAt: siteNews.updatedAt })
      .from(siteNews)
      .where(
        and(
          eq(siteNews.tambonId, tambonId),
          eq(siteNews.status, "published"),
          lt(siteNews.publishAt, now),
        ),
      )
      .orderBy(desc(siteNews.publishAt))
      .limit(5000),
    db
      .select()
      .from(siteAlbums)
      .where(and(eq(siteAlbums.tambonId, tambonId), eq(siteAlbums.published, true))),
    listOpenJobs(db, tambonId),
  ]);
  return { pages, news, albums, jobs };
}
