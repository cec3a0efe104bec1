import { integer, pgTable, uniqueIndex } from "drizzle-orm/pg-core";
import { tambonKeys } from "../../../core/db/columns.ts";

/** Counts carried over from a tambon's previous website (added to the totals). */
export const siteSettings = pgTable(
  "site_settings",
  {
    ...tambonKeys(),
    visitorsBefore: integer("visitors_before").notNull().default(0),
    viewsBefore: integer("views_before").notNull().default(0),
  },
  (t) => [uniqueIndex("site_settings_key").on(t.tambonId)],
);
