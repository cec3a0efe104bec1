import { boolean, index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { villages } from "../../../core/db/schema.ts";
import { tambonKeys, createdAt, partOf, at, userRef } from "../../../core/db/columns.ts";
import { networkTerms } from "../lists/schema.ts";
import { networkPillars } from "../pillars/schema.ts";

/** A partner organisation (ภาคี) of a tambon: a group, club, agency, school, temple, business … */
export const partners = pgTable(
  "network_partners",
  {
    ...tambonKeys(),
    nameTh: text("name_th").notNull(),
    nameEn: text("name_en").notNull().default(""),
    kindId: integer("kind_id").references(() => networkTerms.id, { onDelete: "set null" }),
    roleId: integer("role_id").references(() => networkTerms.id, { onDelete: "set null" }),
    pillarId: integer("pillar_id").references(() => networkPillars.id, { onDelete: "set null" }),
    descriptionTh: text("description_th").notNull().default(""),
    descriptionEn: text("description_en").notNull().default(""),
    contactName: text("contact_name").notNull().default(""),
    contactPhone: text("contact_phone").notNull().default(""),
    contactEmail: text("contact_email").notNull().default(""),
    website: text("website").notNull().default(""),
    contactUserId: userRef("contact_user_id"),
    logoFile: text("logo_file"),
    active: boolean("active").notNull().default(true),
    createdBy: userRef("created_by"),
    createdAt: createdAt(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("network_partners_tambon_name_idx").on(t.tambonId, t.active, t.nameTh, t.id),
    index("network_partners_tambon_pillar_idx").on(t.tambonId, t.pillarId),
    index("network_partners_tambon_role_idx").on(t.tambonId, t.roleId),
  ],
);

/** The villages a partner works in. */
export const partnerVillages = pgTable(
  "network_partner_villages",
  {
    ...tambonKeys(),
    partnerId: partOf("partner_id", () => partners.id),
    villageId: partOf("village_id", () => villages.id),
  },
  (t) => [
    uniqueIndex("network_partner_villages_key").on(t.partnerId, t.villageId),
    index("network_partner_villages_village_idx").on(t.tambonId, t.villageId),
  ],
);

/** The issue areas a partner works on (ids of the areas module's issue areas). */
export const partnerAreas = pgTable(
  "network_partner_areas",
  {
    ...tambonKeys(),
    partnerId: partOf("partner_id", () => partners.id),
    areaId: integer("area_id").notNull(),
  },
  (t) => [
    uniqueIndex("network_partner_areas_key").on(t.partnerId, t.areaId),
    index("network_partner_areas_area_idx").on(t.tambonId, t.areaId),
  ],
);
