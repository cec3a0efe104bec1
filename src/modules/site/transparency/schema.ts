import { integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { tambonKeys } from "../../../core/db/columns.ts";

/** One item of the transparency list (ITA/OIT) of a fiscal year, with what satisfies it. */
export const itaItems = pgTable(
  "ita_items",
  {
    ...tambonKeys(),
    fiscalYear: integer("fiscal_year").notNull(),
    code: text("code").notNull(),
    groupCode: text("group_code").notNull().default(""),
    groupTitle: text("group_title").notNull().default(""),
    title: text("title").notNull(),
    position: integer("position").notNull().default(0),
    linkKind: text("link_kind").$type<"page" | "news" | "document" | "url">(),
    linkId: integer("link_id"),
    linkUrl: text("link_url"),
  },
  (t) => [uniqueIndex("ita_items_key").on(t.tambonId, t.fiscalYear, t.code)],
);
