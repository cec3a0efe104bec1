import { siteAlbums, siteCategories, siteNews, sitePhotos } from "../schema.ts";
import { z } from "zod";
import { fields } from "../../../core/forms.ts";
import { idSlug, plainText, slugify } from "../shared/text.ts";
import { type Db, type DbOrTx } from "../../../core/db/index.ts";

import { indexItem, unindexItem } from "../search/commands.ts";
import { type Actor } from "../../../core/roles.ts";
import { savePhoto, type PreparedPhoto } from "../shared/media.ts";
import { fail, ok, type Result } from "../../../core/result.ts";
import { type SiteKey } from "../messages.ts";
import { type CoreKey } from "../../../core/i18n/messages.ts";
import { renderMarkdown } from "../../../core/markdown.ts";
import { deleteSiteRow } from "../shared/delete-row.ts";
import { saveSiteRow, type SiteValues } from "../shared/save-row.ts";
import { pick } from "../../../core/pick.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";

/** A news row. */
export type News = typeof siteNews.$inferSelect;

export const schema = z.object({
  title: fields.text(200),
  summary: fields.optionalText(500),
  bodyMd: fields.optionalText(100_000),
  categoryId: fields.optionalId(),
  albumId: fields.optionalId(),
  status: fields.optionalChoice(["draft", "published"], "draft"),
  publishAt: fields.optionalDateTime(),
});

/** The path of a news item inside its tambon's site (id plus a Thai slug). */
export function newsPath(news: Pick<News, "id" | "slug">): string {
  return `/news/${idSlug(news.id, news.slug)}`;
}

/** True when a news item is visible to the public at the given moment. */
export function isLive(news: Pick<News, "status" | "publishAt">, now = new Date()): boolean {
  return news.status === "published" && !!news.publishAt && news.publishAt <= now;
}

export async function belongs(
  tx: DbOrTx,
  table: typeof siteCategories | typeof siteAlbums,
  id: number,
  tambonId: number,
): Promise<boolean> {
  const [row] = await tx
    .select({ id: table.id })
    .from(table)
    .where(tambonWhere(table, tambonId, { id }));
  return !!row;
}

/** Indexes a news item for search (or removes it while it is a draft). */
export async function indexNews(tx: DbOrTx, news: News): Promise<void> {
  if (news.status !== "published" || !news.publishAt)
    return unindexItem(tx, news.tambonId, "news", news.id);
  await indexItem(tx, {
    tambonId: news.tambonId,
    kind: "news",
    refId: news.id,
    title: news.title,
    body: `${news.summary} ${plainText(news.bodyMd)}`,
    url: newsPath(news),
    visibleFrom: news.publishAt,
  });
}

/**
 * Creates or edits a news item, with an optional new cover photo (stored with it): validate →
 * authorize → write + index + audit in one transaction. Publishing with a future time schedules it.
 */
export async function saveNews(
  db: Db,
  actor: Actor,
  tambonId: number,
  input: Record<string, string>,
  newsId?: number,
  cover?: PreparedPhoto,
): Promise<Result<News, SiteKey | CoreKey>> {
  return saveSiteRow(db, actor, tambonId, input, newsId, {
    table: siteNews,
    schema,
    audit: ["site.news.create", "site.news.update", "site_news"],
    values: (tx, v, current) => newsValues(tx, actor, tambonId, v, current, cover),
    then: indexNews,
    after: (news) => pick(news, "title", "status", "publishAt"),
    before: (current) => pick(current, "title", "status"),
  });
}

/** The columns of a news item (its new cover stored first), or why they cannot be saved. */
async function newsValues(
  tx: DbOrTx,
  actor: Actor,
  tambonId: number,
  v: z.output<typeof schema>,
  current: News | undefined,
  cover: PreparedPhoto | undefined,
): Promise<Result<SiteValues<typeof siteNews>, SiteKey | CoreKey>> {
  if (v.categoryId !== null && !(await belongs(tx, siteCategories, v.categoryId, tambonId)))
    return fail("categoryId", "err.badId");
  if (v.albumId !== null && !(await belongs(tx, siteAlbums, v.albumId, tambonId)))
    return fail("albumId", "err.badId");
  let coverPhotoId = current?.coverPhotoId ?? null;
  if (cover) {
    await savePhoto(tx, tambonId, cover);
    const [photo] = await tx
      .insert(sitePhotos)
      .values({
        tambonId,
        ...pick(cover, "file", "ext", "width", "height", "bytes"),
        originalName: cover.originalName.slice(0, 200),
      })
      .returning({ id: sitePhotos.id });
    coverPhotoId = photo!.id;
  }
  // Publishing without a time means now; an item already out keeps its first publication time.
  const wasLive = current ? isLive(current) : false;
  const publishAt =
    v.status === "published"
      ? (v.publishAt ?? (wasLive ? current!.publishAt : new Date()))
      : v.publishAt;
  return ok({
    set: {
      title: v.title,
      slug: slugify(v.title),
      summary: v.summary,
      bodyMd: v.bodyMd,
      bodyHtml: renderMarkdown(v.bodyMd),
      ...pick(v, "categoryId", "albumId", "status"),
      publishAt,
      coverPhotoId,
      updatedAt: new Date(),
    },
    insert: { authorId: actor.user?.id ?? null },
  });
}

/** Deletes a news item. */
export const deleteNews = (db: Db, actor: Actor, tambonId: number, newsId: number) =>
  deleteSiteRow(db, actor, tambonId, siteNews, newsId, {
    action: "site.news.delete",
    targetType: "site_news",
    before: (row) => ({ title: row.title }),
    then: (tx) => unindexItem(tx, tambonId, "news", newsId),
  });
