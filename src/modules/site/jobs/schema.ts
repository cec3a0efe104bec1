import { date, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { userRef, tambonKeys, createdAt } from "../../../core/db/columns.ts";

/** A job posting on the job-market board (ตลาดงาน); hides itself after its closing date. */
export const siteJobs = pgTable(
  "site_jobs",
  {
    ...tambonKeys(),
    title: text("title").notNull(),
    employer: text("employer").notNull(),
    place: text("place").notNull().default(""),
    wage: text("wage").notNull().default(""),
    contact: text("contact").notNull(),
    details: text("details").notNull().default(""),
    closesOn: date("closes_on").notNull(),
    status: text("status").$type<"pending" | "approved" | "hidden">().notNull().default("pending"),
    createdBy: userRef("created_by"),
    createdAt: createdAt(),
  },
  (t) => [index("site_jobs_tambon_idx").on(t.tambonId, t.status, t.closesOn)],
);

/** Links of the job-market box (the provincial labour-market information centre …). */
export const siteLinks = pgTable(
  "site_links",
  {
    ...tambonKeys(),
    labelTh: text("label_th").notNull(),
    labelEn: text("label_en").notNull().default(""),
    url: text("url").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("site_links_tambon_idx").on(t.tambonId)],
);
