import { and, asc, count, desc, eq, lte, sql, type SQL } from "drizzle-orm";
import { siteCategories, siteDocuments, siteNews, sitePhotos } from "../schema.ts";
import { jsonRows } from "../../../core/db/json-rows.ts";
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

/**
 * Where a page of news starts when it follows another: after (older than) or before (newer than)
 * the news item of that id, in the list's order (publish time, then id). The page is read from
 * the list's index from that point, so a deep page costs what the first does.
 */
export type NewsCursor = { after: number } | { before: number };

/** The list's order key of the news item `id` compared with each row's: an index range. */
function beyond(tambonId: number, cursor: NewsCursor): SQL {
  const id = "after" in cursor ? cursor.after : cursor.before;
  const at = sql`(select k.publish_at from ${siteNews} k where k.id = ${id} and k.tambon_id = ${tambonId})`;
  return "after" in cursor
    ? sql`(${siteNews.publishAt}, ${siteNews.id}) < (${at}, ${id}::int)`
    : sql`(${siteNews.publishAt}, ${siteNews.id}) > (${at}, ${id}::int)`;
}

/**
 * Published news of a tambon, newest first, optionally of one category; with the total count.
 * A page is either a window (`offset`) or the rows next to a news item (`cursor`, read from the
 * index without counting the rows before it); a cursor whose item is no longer listed gives no rows.
 */
export async function listNews(
  db: DbOrTx,
  tambonId: number,
  opts: NewsPageOptions,
): Promise<{ total: number; items: NewsCard[] }> {
  const where = newsWhere(tambonId, opts);
  const countNews = async () =>
    Number((await db.select({ n: count() }).from(siteNews).where(where))[0]?.n ?? 0);
  const [items, total] = await Promise.all([
    newsCards(db, tambonId, opts),
    // Kept until the tambon changes (or a few seconds pass: a news item set for later comes in).
    opts.now ? countNews() : keptCount(tambonId, `news:${opts.categoryId ?? ""}`, countNews)(),
  ]);
  return { total, items };
}

/** Which news a page of cards shows. */
interface NewsPageOptions {
  categoryId?: number | null;
  limit: number;
  offset?: number;
  cursor?: NewsCursor | null;
  now?: Date;
}

function newsWhere(tambonId: number, opts: NewsPageOptions) {
  return and(
    liveNews(tambonId, opts.now ?? new Date()),
    opts.categoryId ? eq(siteNews.categoryId, opts.categoryId) : undefined,
  );
}

/** A page of published news cards, newest first, without counting them all (the home page's). */
export async function newsCards(
  db: DbOrTx,
  tambonId: number,
  opts: NewsPageOptions,
): Promise<NewsCard[]> {
  const where = newsWhere(tambonId, opts);
  const cursor = opts.cursor ?? null;
  const newer = cursor !== null && "before" in cursor;
  const rows = await db
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
    .where(cursor ? and(where, beyond(tambonId, cursor)) : where)
    .orderBy(
      ...(newer
        ? [asc(siteNews.publishAt), asc(siteNews.id)]
        : [desc(siteNews.publishAt), desc(siteNews.id)]),
    )
    .limit(opts.limit)
    .offset(cursor ? 0 : (opts.offset ?? 0));
  return newer ? rows.reverse() : rows;
}

/**
 * A news item of a tambon with what its page shows beside it, in one statement: its cover photo
 * (if it has one of the same tambon), its album's photos in order, and its documents, newest
 * first.
 */
export async function newsWithAttachments(
  db: DbOrTx,
  tambonId: number,
  id: number,
): Promise<{
  news: typeof siteNews.$inferSelect;
  cover: typeof sitePhotos.$inferSelect | null;
  photos: (typeof sitePhotos.$inferSelect)[];
  docs: (typeof siteDocuments.$inferSelect)[];
} | null> {
  const photos = jsonRows(
    sitePhotos,
    and(eq(sitePhotos.tambonId, tambonId), eq(sitePhotos.albumId, siteNews.albumId)),
    [asc(sitePhotos.position), asc(sitePhotos.id)],
  );
  const docs = jsonRows(
    siteDocuments,
    and(eq(siteDocuments.tambonId, tambonId), eq(siteDocuments.newsId, siteNews.id)),
    [desc(siteDocuments.createdAt), desc(siteDocuments.id)],
  );
  const [row] = await db
    .select({ news: siteNews, cover: sitePhotos, photos: photos.sql, docs: docs.sql })
    .from(siteNews)
    .leftJoin(
      sitePhotos,
      and(eq(sitePhotos.id, siteNews.coverPhotoId), eq(sitePhotos.tambonId, tambonId)),
    )
    .where(and(eq(siteNews.id, id), eq(siteNews.tambonId, tambonId)));
  if (!row) return null;
  return { ...row, photos: photos.read(row.photos), docs: docs.read(row.docs) };
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
