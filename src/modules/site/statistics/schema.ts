import { date, integer, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { tambonId, tambonKeys } from "../../../core/db/columns.ts";

/** Visits per day: distinct visitors (by a daily salted hash, never stored) and page views. */
export const siteVisitDays = pgTable(
  "site_visit_days",
  {
    ...tambonKeys(),
    day: date("day").notNull(),
    visitors: integer("visitors").notNull().default(0),
    views: integer("views").notNull().default(0),
  },
  (t) => [uniqueIndex("site_visit_days_key").on(t.tambonId, t.day)],
);

/** Page views per page per day (for the top pages). */
export const sitePageViews = pgTable(
  "site_page_views",
  {
    ...tambonKeys(),
    day: date("day").notNull(),
    path: text("path").notNull(),
    views: integer("views").notNull().default(0),
  },
  (t) => [uniqueIndex("site_page_views_key").on(t.tambonId, t.day, t.path)],
);

/**
 * Today's visitors as their daily salted hashes, on PostgreSQL only, so that several instances
 * count a visitor once (UNLOGGED: counters, not records; yesterday's rows are deleted).
 */
export const siteVisitors = pgTable(
  "site_visitors",
  {
    tambonId: tambonId(),
    day: date("day").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tambonId, t.day, t.hash] })],
);
