import { date, index, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { tambonKeys, createdAt } from "../../../core/db/columns.ts";

/**
 * A tambon's declaration of its place in the network of tambons: mentor of, member of, or peer
 * of another tambon (by its national code). A link both sides declared is shown as confirmed.
 */
export const tambonLinks = pgTable(
  "network_tambon_links",
  {
    ...tambonKeys(),
    relation: text("relation").$type<"mentor_of" | "member_of" | "peer">().notNull(),
    otherDopaCode: text("other_dopa_code").notNull(),
    otherNameTh: text("other_name_th").notNull(),
    otherNameEn: text("other_name_en").notNull().default(""),
    otherDistrictTh: text("other_district_th").notNull().default(""),
    otherDistrictEn: text("other_district_en").notNull().default(""),
    otherProvinceTh: text("other_province_th").notNull().default(""),
    otherProvinceEn: text("other_province_en").notNull().default(""),
    since: date("since"),
    note: text("note").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("network_tambon_links_key").on(t.tambonId, t.otherDopaCode),
    index("network_tambon_links_other_idx").on(t.otherDopaCode),
  ],
);
