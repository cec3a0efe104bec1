import { index, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { tambons } from "../../core/db/schema.ts";

/** An issue area (ประเด็น) of a tambon, such as health or environment. */
export const issueAreas = pgTable(
  "issue_areas",
  {
    id: serial("id").primaryKey(),
    tambonId: integer("tambon_id")
      .notNull()
      .references(() => tambons.id, { onDelete: "cascade" }),
    nameTh: text("name_th").notNull(),
    nameEn: text("name_en").notNull().default(""),
    descriptionTh: text("description_th").notNull().default(""),
    descriptionEn: text("description_en").notNull().default(""),
    position: integer("position").notNull().default(0),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
  },
  (t) => [index("issue_areas_tambon_idx").on(t.tambonId, t.position)],
);
