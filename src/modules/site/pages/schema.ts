import { boolean, index, pgTable, text } from "drizzle-orm/pg-core";
import { tambonKeys, createdAt } from "../../../core/db/columns.ts";
import { updated } from "../shared/columns.ts";

/** A rich-text page of the website (history, vision, contact …); `section` marks the standard ones. */
export const sitePages = pgTable(
  "site_pages",
  {
    ...tambonKeys(),
    section: text("section"),
    titleTh: text("title_th").notNull(),
    titleEn: text("title_en").notNull().default(""),
    bodyMd: text("body_md").notNull().default(""),
    bodyHtml: text("body_html").notNull().default(""),
    published: boolean("published").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updated(),
  },
  (t) => [index("site_pages_tambon_idx").on(t.tambonId, t.section)],
);
