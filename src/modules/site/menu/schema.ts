import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { tambonKeys } from "../../../core/db/columns.ts";

/** An entry of the website's menu; entries with a parent form a sub-menu. */
export const siteMenuItems = pgTable(
  "site_menu_items",
  {
    ...tambonKeys(),
    parentId: integer("parent_id"),
    labelTh: text("label_th").notNull(),
    labelEn: text("label_en").notNull().default(""),
    href: text("href").notNull().default(""),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("site_menu_items_tambon_idx").on(t.tambonId, t.position)],
);
