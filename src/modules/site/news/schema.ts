import { index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { at, userRef, tambonKeys, createdAt } from "../../../core/db/columns.ts";
import { updated } from "../shared/columns.ts";

/** A category of news (ข่าวประชาสัมพันธ์, กิจกรรม, ประกาศ …). */
export const siteCategories = pgTable(
  "site_categories",
  {
    ...tambonKeys(),
    slug: text("slug").notNull(),
    nameTh: text("name_th").notNull(),
    nameEn: text("name_en").notNull().default(""),
    position: integer("position").notNull().default(0),
  },
  (t) => [uniqueIndex("site_categories_slug_key").on(t.tambonId, t.slug)],
);

/** A news item or article; visible once published and its publication time has come. */
export const siteNews = pgTable(
  "site_news",
  {
    ...tambonKeys(),
    categoryId: integer("category_id").references(() => siteCategories.id, {
      onDelete: "set null",
    }),
    slug: text("slug").notNull().default(""),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    bodyMd: text("body_md").notNull().default(""),
    bodyHtml: text("body_html").notNull().default(""),
    coverPhotoId: integer("cover_photo_id"),
    albumId: integer("album_id"),
    status: text("status").$type<"draft" | "published">().notNull().default("draft"),
    publishAt: at("publish_at"),
    authorId: userRef("author_id"),
    createdAt: createdAt(),
    updatedAt: updated(),
  },
  // The news list and a category's, newest first, read page by page from these.
  (t) => [
    index("site_news_tambon_pub_idx").on(t.tambonId, t.status, t.publishAt, t.id),
    index("site_news_tambon_category_idx").on(
      t.tambonId,
      t.categoryId,
      t.status,
      t.publishAt,
      t.id,
    ),
  ],
);
