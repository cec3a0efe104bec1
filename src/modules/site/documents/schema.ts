import { index, integer, pgTable, serial, text } from "drizzle-orm/pg-core";
import { tambonId } from "../../../core/db/columns.ts";
import { siteNews } from "../news/schema.ts";
import { sitePages } from "../pages/schema.ts";
import { created } from "../shared/columns.ts";

/** A document (PDF, XLSX, DOCX) attached to a page or a news item, or standing alone. */
export const siteDocuments = pgTable(
  "site_documents",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    title: text("title").notNull(),
    file: text("file").notNull(),
    ext: text("ext").notNull(),
    bytes: integer("bytes").notNull(),
    pageId: integer("page_id").references(() => sitePages.id, { onDelete: "set null" }),
    newsId: integer("news_id").references(() => siteNews.id, { onDelete: "set null" }),
    createdAt: created(),
  },
  (t) => [index("site_documents_tambon_idx").on(t.tambonId)],
);
