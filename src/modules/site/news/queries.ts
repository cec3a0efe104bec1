import { and, asc, count, desc, eq, lte } from "drizzle-orm";
import { siteCategories, siteNews, sitePhotos } from "../schema.ts";
import { type DbOrTx } from "../../../core/db/index.ts";
import { keptCount } from "../../../core/paging.ts";

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

export const liveNews = (tambonId: number, now: Date) =>
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
  const countNews = async () =>
    Number((await db.select({ n: count() }).from(siteNews).where(where))[0]?.n ?? 0);
  const [items, total] = await Promise.all([
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
    // Kept until the tambon changes (or a few seconds pass: a news item set for later comes in).
    opts.now ? countNews() : keptCount(tambonId, `news:${opts.categoryId ?? ""}`, countNews)(),
  ]);
  return { total, items };
}

/** The categories of a tambon's news. */
export function listCategories(db: DbOrTx, tambonId: number) {
  return db
    .select()
    .from(siteCategories)
    .where(eq(siteCategories.tambonId, tambonId))
    .orderBy(asc(siteCategories.position), asc(siteCategories.id));
}

/** Every news item of a tambon for its editors (drafts too), last changed first. */
export function listAllNews(db: DbOrTx, tambonId: number) {
  return db
    .select()
    .from(siteNews)
    .where(eq(siteNews.tambonId, tambonId))
    .orderBy(desc(siteNews.updatedAt))
    .limit(200);
}
