import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { tambonKeys, at } from "../../../core/db/columns.ts";

/** An entry of a tambon's editable lists: partner kinds (กลุ่ม, ชมรม …) and partner roles. */
export const networkTerms = pgTable(
  "network_terms",
  {
    ...tambonKeys(),
    list: text("list").$type<"kind" | "role">().notNull(),
    nameTh: text("name_th").notNull(),
    nameEn: text("name_en").notNull().default(""),
    position: integer("position").notNull().default(0),
    archivedAt: at("archived_at"),
  },
  (t) => [index("network_terms_tambon_idx").on(t.tambonId, t.list, t.position)],
);
