import { and, asc, count, desc, eq, lte, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { siteCategories, siteDocuments, siteNews, sitePhotos } from "../schema.ts";
import { jsonRows } from "../../../core/db/json-rows.ts";
import { prepared, type Holes } from "../../../core/db/prepared.ts";
import { type DbOrTx } from "../../../core/db/index.ts";
import { keptCount, type Cursor } from "../../../core/paging.ts";
import { pageCache } from "../../../core/page-cache.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

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

/** What a news card reads of a news item: its own fields and its cover's (a value or a placeholder). */
export function cardFields(tambonId: number | SQLWrapper) {
  const cover = (column: typeof sitePhotos.file | typeof sitePhotos.ext) =>
    sql<string | null>`(select ${column} from ${sitePhotos}
      where ${tambonWhere(sitePhotos, tambonId, { id: siteNews.coverPhotoId })})`;
  return {
    ...pick(siteNews, "id", "slug", "title", "summary", "publishAt", "categoryId"),
    coverFile: cover(sitePhotos.file),
    coverExt: cover(sitePhotos.ext),
  };
}

/**
 * The published news of a tambon whose time has come: values, or placeholders of a prepared
 * statement (db/prepared.ts).
 */
export const liveNews = (tambonId: number | SQLWrapper, now: Date | SQLWrapper) =>
  tambonWhere(siteNews, tambonId, { status: "published" }, lte(siteNews.publishAt, now));

/**
 * Where a page of news starts when it follows another: after (older than) or before (newer than)
 * the news item of that id, in the list's order (publish time, then id). The page is read from
 * the list's index from that point, so a deep page costs what the first does.
 */
export type NewsCursor = Cursor;

/** The list's order key of the news item `id` compared with each row's: an index range. */
function beyond(tambonId: SQLWrapper, older: boolean, id: SQLWrapper): SQL {
  const at = sql`(select k.publish_at from ${siteNews} k where k.id = ${id} and k.tambon_id = ${tambonId})`;
  return older
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
  const countNews = async () => {
    const now = (opts.now ?? new Date()).toISOString();
    const [row] = opts.categoryId
      ? await countStatement(db, { tambonId, now, categoryId: opts.categoryId }, "category")
      : await countStatement(db, { tambonId, now, categoryId: 0 }, "all");
    return Number(row?.n ?? 0);
  };
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

/** Live news of a tambon, of one category when one is given (values or placeholders). */
function newsWhere(
  tambonId: number | SQLWrapper,
  now: Date | SQLWrapper,
  categoryId?: number | SQLWrapper | null,
) {
  return and(liveNews(tambonId, now), categoryId ? eq(siteNews.categoryId, categoryId) : undefined);
}

/** How many news a list shows (in one category or all), built once per shape (core/db/prepared.ts). */
const countStatement = prepared(
  "news_count",
  (
    db,
    p: Holes<{ tambonId: number; now: string; categoryId: number }>,
    shape: "all" | "category",
  ) =>
    db
      .select({ n: count() })
      .from(siteNews)
      .where(newsWhere(p.tambonId, p.now, shape === "category" ? p.categoryId : null)),
);

/** The shape of a page of news cards: in one category or all; first, older or newer page. */
type CardsShape = `${"all" | "category"}_${"first" | "after" | "before"}`;
type CardsValues = {
  tambonId: number;
  now: string;
  categoryId: number;
  cursor: number;
  limit: number;
  offset: number;
};

const cardsStatement = prepared("news_cards", (db, p: Holes<CardsValues>, shape: CardsShape) => {
  const [filter, page] = shape.split("_");
  const where = and(
    newsWhere(p.tambonId, p.now, filter === "category" ? p.categoryId : null),
    page === "first" ? undefined : beyond(p.tambonId, page === "after", p.cursor),
  );
  return db
    .select(cardFields(p.tambonId))
    .from(siteNews)
    .where(where)
    .orderBy(
      ...(page === "before"
        ? [asc(siteNews.publishAt), asc(siteNews.id)]
        : [desc(siteNews.publishAt), desc(siteNews.id)]),
    )
    .limit(p.limit)
    .offset(p.offset);
});

/** A page of published news cards, newest first, without counting them all (the home page's). */
export async function newsCards(
  db: DbOrTx,
  tambonId: number,
  opts: NewsPageOptions,
): Promise<NewsCard[]> {
  const cursor = opts.cursor ?? null;
  const page = cursor === null ? "first" : "before" in cursor ? "before" : "after";
  const rows = await cardsStatement(
    db,
    {
      tambonId,
      now: (opts.now ?? new Date()).toISOString(),
      categoryId: opts.categoryId ?? 0,
      cursor: cursor === null ? 0 : "before" in cursor ? cursor.before : cursor.after,
      limit: opts.limit,
      offset: cursor ? 0 : (opts.offset ?? 0),
    },
    `${opts.categoryId ? "category" : "all"}_${page}`,
  );
  return page === "before" ? rows.reverse() : rows;
}

const newsTambon = sql.placeholder("tambonId");
const newsPhotosJson = jsonRows(
  sitePhotos,
  tambonWhere(sitePhotos, newsTambon, { albumId: siteNews.albumId }),
  [asc(sitePhotos.position), asc(sitePhotos.id)],
);
const newsDocsJson = jsonRows(
  siteDocuments,
  tambonWhere(siteDocuments, newsTambon, { newsId: siteNews.id }),
  [desc(siteDocuments.createdAt), desc(siteDocuments.id)],
);
const newsStatement = prepared(
  "news_with_attachments",
  (db, p: Holes<{ tambonId: number; id: number }>) =>
    db
      .select({
        news: siteNews,
        cover: sitePhotos,
        photos: newsPhotosJson.sql,
        docs: newsDocsJson.sql,
      })
      .from(siteNews)
      .leftJoin(sitePhotos, tambonWhere(sitePhotos, p.tambonId, { id: siteNews.coverPhotoId }))
      .where(tambonWhere(siteNews, p.tambonId, { id: p.id })),
);

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
  const [row] = await newsStatement(db, { tambonId, id });
  if (!row) return null;
  return { ...row, photos: newsPhotosJson.read(row.photos), docs: newsDocsJson.read(row.docs) };
}

/** `newsWithAttachments`, kept until the tambon changes (who may see it is decided after). */
export function keptNews(db: DbOrTx, tambonId: number, id: number) {
  return pageCache.memo(tambonId, `site:news:${id}`, () => newsWithAttachments(db, tambonId, id));
}

/** `listCategories`, kept until the tambon changes. */
export function keptCategories(db: DbOrTx, tambonId: number) {
  return pageCache.memo(tambonId, "site:categories", () => listCategories(db, tambonId));
}

/** The categories of a tambon's news. */
export function listCategories(db: DbOrTx, tambonId: number) {
  return categoriesStatement(db, { tambonId });
}

/** A tambon's categories, built once (core/db/prepared.ts): news pages read them after a change. */
const categoriesStatement = prepared("site_categories", (db, p: Holes<{ tambonId: number }>) =>
  db
    .select()
    .from(siteCategories)
    .where(eq(siteCategories.tambonId, p.tambonId))
    .orderBy(asc(siteCategories.position), asc(siteCategories.id)),
);

/** Every news item of a tambon for its editors (drafts too), last changed first. */
export function listAllNews(db: DbOrTx, tambonId: number) {
  return db
    .select()
    .from(siteNews)
    .where(tambonWhere(siteNews, tambonId))
    .orderBy(desc(siteNews.updatedAt))
    .limit(200);
}
