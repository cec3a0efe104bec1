import { desc, lt } from "drizzle-orm";
import { type DbOrTx } from "../../../core/db/index.ts";
import { listOpenJobs } from "../jobs/queries.ts";
import {
  MODULE_SEARCH_KINDS,
  searchDocuments,
  siteAlbums,
  siteNews,
  sitePages,
} from "../schema.ts";
import { tambonWhere, tambonRows, anyOf } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** When each news item of a tambon last changed (the feed's <updated>). */
export function newsUpdates(db: DbOrTx, tambonId: number) {
  return db
    .select({ id: siteNews.id, updatedAt: siteNews.updatedAt })
    .from(siteNews)
    .where(tambonWhere(siteNews, tambonId));
}

/**
 * What the sitemap lists: published pages, news and albums, open jobs, and the public records of
 * the other modules.
 */
export async function sitemapRows(db: DbOrTx, tambonId: number, now: Date) {
  const [pages, news, albums, jobs] = await Promise.all([
    tambonRows(db, sitePages, tambonId, { published: true }),
    db
      .select({ ...pick(siteNews, "id", "slug", "updatedAt") })
      .from(siteNews)
      .where(tambonWhere(siteNews, tambonId, { status: "published" }, lt(siteNews.publishAt, now)))
      .orderBy(desc(siteNews.publishAt))
      .limit(5000),
    tambonRows(db, siteAlbums, tambonId, { published: true }),
    listOpenJobs(db, tambonId),
  ]);
  // The other modules' public records (decisions, charter, meetings, network, plans), as their
  // search documents name them: public by construction.
  const records = await db
    .select({ url: searchDocuments.url, updatedAt: searchDocuments.updatedAt })
    .from(searchDocuments)
    .where(tambonWhere(searchDocuments, tambonId, { kind: anyOf([...MODULE_SEARCH_KINDS]) }))
    .orderBy(desc(searchDocuments.updatedAt))
    .limit(20_000);
  // A charter's clauses are anchors of one edition page: listed once.
  const others = new Map<string, Date>();
  for (const r of records) {
    const path = r.url.replace(/#.*$/, "");
    if (!others.has(path)) others.set(path, r.updatedAt);
  }
  return {
    pages,
    news,
    albums,
    jobs,
    others: [...others].map(([path, updatedAt]) => ({ path, updatedAt })),
  };
}
