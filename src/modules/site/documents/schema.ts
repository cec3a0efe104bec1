import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { tambonKeys, createdAt } from "../../../core/db/columns.ts";
import { siteNews } from "../news/schema.ts";
import { sitePages } from "../pages/schema.ts";

/** A document (PDF, XLSX, DOCX) attached to a page or a news item, or standing alone. */
export const siteDocuments = pgTable(
  "site_documents",
  {
    ...tambonKeys(),
    title: text("title").notNull(),
    file: text("file").notNull(),
    ext: text("ext").notNull(),
    bytes: integer("bytes").notNull(),
    pageId: integer("page_id").references(() => sitePages.id, { onDelete: "set null" }),
    newsId: integer("news_id").references(() => siteNews.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("site_documents_tambon_idx").on(t.tambonId)],
);
