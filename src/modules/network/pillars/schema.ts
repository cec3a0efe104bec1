import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { tambonKeys, at } from "../../../core/db/columns.ts";

/** A pillar (เสาหลัก) of a tambon: one of the sectors that agree on the common ground. */
export const networkPillars = pgTable(
  "network_pillars",
  {
    ...tambonKeys(),
    nameTh: text("name_th").notNull(),
    nameEn: text("name_en").notNull().default(""),
    descriptionTh: text("description_th").notNull().default(""),
    descriptionEn: text("description_en").notNull().default(""),
    position: integer("position").notNull().default(0),
    archivedAt: at("archived_at"),
  },
  (t) => [index("network_pillars_tambon_idx").on(t.tambonId, t.position)],
);
