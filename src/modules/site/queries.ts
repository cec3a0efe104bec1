import { and, asc, count, desc, eq, gte, inArray, lte, max, sql, sum } from "drizzle-orm";
import type { DbOrTx } from "../../core/db/index.ts";
import { users } from "../../core/db/schema.ts";
import {
  siteAlbums,
  siteCategories,
  siteComplaints,
  siteDocuments,
  siteJobs,
  siteLinks,
  siteMenuItems,
  siteNews,
  sitePageViews,
  sitePages,
  sitePhotos,
  sitePosts,
  siteSettings,
  siteVisitDays,
} from "./schema.ts";
import { thaiDay, visits } from "./visits.ts";

/** A news item as lists show it, with its category and cover. */
export interface NewsCard {
  id: number;
  slug: string;
  title: string;
  summary: string;
  publishAt: Date | null;
  categoryId: number | null;
  coverFile: string | null;
  coverExt: string | null;
}

const liveNews = (tambonId: number, now: Date) =>
  and(
    eq(siteNews.tambonId, tambonId),
    eq(siteNews.status, "published"),
    lte(siteNews.publishAt, now),
  );

/** Published news of a tambon, newest first, optionally of one category; with the total count. */
export async function listNews(
  db: DbOrTx,
  tambonId: number,
  opts: { categoryId?: number | null; limit: number; offset?: number; now?: Date },
): Promise<{ total: number; items: NewsCard[] }> {
  const now = opts.now ?? new Date();
  const where = and(
    liveNews(tambonId, now),
    opts.categoryId ? eq(siteNews.categoryId, opts.categoryId) : undefined,
  );
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: siteNews.id,
        slug: siteNews.slug,
        title: siteNews.title,
        summary: siteNews.summary,
        publishAt: siteNews.publishAt,
        categoryId: siteNews.categoryId,
        coverFile: sitePhotos.file,
        coverExt: sitePhotos.ext,
      })
      .from(siteNews)
      .leftJoin(
        sitePhotos,
        and(eq(sitePhotos.id, siteNews.coverPhotoId), eq(sitePhotos.tambonId, tambonId)),
      )
      .where(where)
      .orderBy(desc(siteNews.publishAt), desc(siteNews.id))
      .limit(opts.limit)
      .offset(opts.offset ?? 0),
    db.select({ n: count() }).from(siteNews).where(where),
  ]);
  return { total: Number(total?.n ?? 0), items };
}

/** The categories of a tambon's news. */
export function listCategories(db: DbOrTx, tambonId: number) {
  return db
    .select()
    .from(siteCategories)
    .where(eq(siteCategories.tambonId, tambonId))
    .orderBy(asc(siteCategories.position), asc(siteCategories.id));
}

/** The whole menu of a tambon (top entries and their sub-entries), in order. */
export function listMenu(db: DbOrTx, tambonId: number) {
  return db
    .select()
    .from(siteMenuItems)
    .where(eq(siteMenuItems.tambonId, tambonId))
    .orderBy(asc(siteMenuItems.position), asc(siteMenuItems.id));
}

/** The job-market links of a tambon. */
export function listLinks(db: DbOrTx, tambonId: number) {
  return db
    .select()
    .from(siteLinks)
    .where(eq(siteLinks.tambonId, tambonId))
    .orderBy(asc(siteLinks.position));
}

/** Albums with their photo count and first photo. */
export async function listAlbums(
  db: DbOrTx,
  tambonId: number,
  opts: { publishedOnly: boolean; limit?: number },
) {
  const albums = await db
    .select()
    .from(siteAlbums)
    .where(
      and(
        eq(siteAlbums.tambonId, tambonId),
        opts.publishedOnly ? eq(siteAlbums.published, true) : undefined,
      ),
    )
    .orderBy(desc(siteAlbums.createdAt), desc(siteAlbums.id))
    .limit(opts.limit ?? 200);
  if (!albums.length) return [];
  const photos = await db
    .select({
      albumId: sitePhotos.albumId,
      n: count(),
    })
    .from(sitePhotos)
    .where(
      and(
        eq(sitePhotos.tambonId, tambonId),
        inArray(
          sitePhotos.albumId,
          albums.map((a) => a.id),
        ),
      ),
    )
    .groupBy(sitePhotos.albumId);
  const firsts = await db
    .selectDistinctOn([sitePhotos.albumId], { albumId: sitePhotos.albumId, file: sitePhotos.file })
    .from(sitePhotos)
    .where(
      and(
        eq(sitePhotos.tambonId, tambonId),
        inArray(
          sitePhotos.albumId,
          albums.map((a) => a.id),
        ),
      ),
    )
    .orderBy(sitePhotos.albumId, asc(sitePhotos.position), asc(sitePhotos.id));
  return albums.map((a) => ({
    ...a,
    photoCount: Number(photos.find((p) => p.albumId === a.id)?.n ?? 0),
    coverFile: firsts.find((f) => f.albumId === a.id)?.file ?? null,
  }));
}

/** The photos of an album, in order. */
export function albumPhotos(db: DbOrTx, tambonId: number, albumId: number) {
  return db
    .select()
    .from(sitePhotos)
    .where(and(eq(sitePhotos.tambonId, tambonId), eq(sitePhotos.albumId, albumId)))
    .orderBy(asc(sitePhotos.position), asc(sitePhotos.id));
}

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
      and(
        eq(siteDocuments.tambonId, tambonId),
        attached && "pageId" in attached ? eq(siteDocuments.pageId, attached.pageId) : undefined,
        attached && "newsId" in attached ? eq(siteDocuments.newsId, attached.newsId) : undefined,
      ),
    )
    .orderBy(desc(siteDocuments.createdAt), desc(siteDocuments.id));
}

/** Posts of the members' corner with their authors' names. */
export function listPosts(
  db: DbOrTx,
  tambonId: number,
  status: "approved" | "pending" | "hidden",
  limit = 50,
  offset = 0,
) {
  return db
    .select({
      id: sitePosts.id,
      title: sitePosts.title,
      body: sitePosts.body,
      status: sitePosts.status,
      reason: sitePosts.reason,
      createdAt: sitePosts.createdAt,
      authorName: users.name,
    })
    .from(sitePosts)
    .leftJoin(users, eq(users.id, sitePosts.authorId))
    .where(and(eq(sitePosts.tambonId, tambonId), eq(sitePosts.status, status)))
    .orderBy(desc(sitePosts.createdAt), desc(sitePosts.id))
    .limit(limit)
    .offset(offset);
}

/** The number of members' posts of a tambon with a status. */
export async function countPosts(
  db: DbOrTx,
  tambonId: number,
  status: "approved" | "pending" | "hidden",
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(sitePosts)
    .where(and(eq(sitePosts.tambonId, tambonId), eq(sitePosts.status, status)));
  return Number(row?.n ?? 0);
}

/** Open, approved job postings (those past their closing day hide themselves). */
export function listOpenJobs(db: DbOrTx, tambonId: number, now = new Date()) {
  return db
    .select()
    .from(siteJobs)
    .where(
      and(
        eq(siteJobs.tambonId, tambonId),
        eq(siteJobs.status, "approved"),
        gte(siteJobs.closesOn, thaiDay(now)),
      ),
    )
    .orderBy(asc(siteJobs.closesOn), desc(siteJobs.id));
}

/** The visitor figures of a tambon's statistics box. */
export interface SiteStats {
  opened: string | null;
  updated: Date | null;
  visitors: number;
  views: number;
  today: number;
  yesterday: number;
  month: number;
}

/** Visitor figures (database plus counts not yet written) and the last published change. */
export async function siteStats(
  db: DbOrTx,
  tambonId: number,
  opened: string | null,
  now = new Date(),
): Promise<SiteStats> {
  const today = thaiDay(now);
  const yesterday = thaiDay(new Date(now.getTime() - 86400_000));
  const monthStart = `${today.slice(0, 7)}-01`;
  const [[tot], days, [base], [lastNews], [lastPage]] = await Promise.all([
    db
      .select({ visitors: sum(siteVisitDays.visitors), views: sum(siteVisitDays.views) })
      .from(siteVisitDays)
      .where(eq(siteVisitDays.tambonId, tambonId)),
    db
      .select()
      .from(siteVisitDays)
      .where(
        and(
          eq(siteVisitDays.tambonId, tambonId),
          gte(siteVisitDays.day, monthStart < yesterday ? monthStart : yesterday),
        ),
      ),
    db.select().from(siteSettings).where(eq(siteSettings.tambonId, tambonId)),
    db
      .select({ at: max(siteNews.publishAt) })
      .from(siteNews)
      .where(liveNews(tambonId, now)),
    db
      .select({ at: max(sitePages.updatedAt) })
      .from(sitePages)
      .where(and(eq(sitePages.tambonId, tambonId), eq(sitePages.published, true))),
  ]);
  const un = visits.unsaved(tambonId, today);
  const dayVisitors = (d: string) => days.find((r) => r.day === d)?.visitors ?? 0;
  const month = days.filter((r) => r.day >= monthStart).reduce((s, r) => s + r.visitors, 0);
  const dates = [lastNews?.at, lastPage?.at].filter((d): d is Date => !!d);
  return {
    opened,
    updated: dates.length ? new Date(Math.max(...dates.map((d) => new Date(d).getTime()))) : null,
    visitors: Number(tot?.visitors ?? 0) + (base?.visitorsBefore ?? 0) + un.visitors,
    views: Number(tot?.views ?? 0) + (base?.viewsBefore ?? 0) + un.views,
    today: dayVisitors(today) + un.visitors,
    yesterday: dayVisitors(yesterday),
    month: month + un.visitors,
  };
}

/** Visits per day of the last `n` days, oldest first (missing days as zero). */
export async function visitsPerDay(db: DbOrTx, tambonId: number, n = 30, now = new Date()) {
  const from = thaiDay(new Date(now.getTime() - (n - 1) * 86400_000));
  const rows = await db
    .select()
    .from(siteVisitDays)
    .where(and(eq(siteVisitDays.tambonId, tambonId), gte(siteVisitDays.day, from)));
  const out: { day: string; visitors: number; views: number }[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const day = thaiDay(new Date(now.getTime() - i * 86400_000));
    const r = rows.find((x) => x.day === day);
    out.push({ day, visitors: r?.visitors ?? 0, views: r?.views ?? 0 });
  }
  return out;
}

/** The most viewed pages of the last `n` days. */
export function topPages(db: DbOrTx, tambonId: number, n = 30, limit = 10, now = new Date()) {
  const from = thaiDay(new Date(now.getTime() - (n - 1) * 86400_000));
  const views = sql<number>`sum(${sitePageViews.views})`;
  return db
    .select({ path: sitePageViews.path, views })
    .from(sitePageViews)
    .where(and(eq(sitePageViews.tambonId, tambonId), gte(sitePageViews.day, from)))
    .groupBy(sitePageViews.path)
    .orderBy(desc(views))
    .limit(limit);
}

/** Complaints of the general channel per month (filed and closed), the last 12 months. */
export async function complaintsPerMonth(db: DbOrTx, tambonId: number, channel = "general") {
  const month = sql<string>`to_char(${siteComplaints.createdAt} at time zone 'Asia/Bangkok', 'YYYY-MM')`;
  const rows = await db
    .select({
      month,
      n: count(),
      closed: sql<number>`count(${siteComplaints.closedAt})`,
    })
    .from(siteComplaints)
    .where(
      and(eq(siteComplaints.tambonId, tambonId), eq(siteComplaints.channel, channel as "general")),
    )
    .groupBy(month)
    .orderBy(desc(month))
    .limit(12);
  return rows.map((r) => ({ month: r.month, n: Number(r.n), closed: Number(r.closed) }));
}
