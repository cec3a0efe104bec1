import { integer, pgTable, serial, uniqueIndex } from "drizzle-orm/pg-core";
import { tambonId } from "../../../core/db/columns.ts";

/** Counts carried over from a tambon's previous website (added to the totals). */
export const siteSettings = pgTable(
  "site_settings",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    visitorsBefore: integer("visitors_before").notNull().default(0),
    viewsBefore: integer("views_before").notNull().default(0),
  },
  (t) => [uniqueIndex("site_settings_key").on(t.tambonId)],
);
