import { boolean, index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { users, villages } from "../../../core/db/schema.ts";
import { tambonKeys, partOf, at, userRef, villageRef } from "../../../core/db/columns.ts";
import { partners } from "../partners/schema.ts";

/** What the network shows of a person in a tambon, and whether they agreed to be shown. */
export const personProfiles = pgTable(
  "network_people",
  {
    ...tambonKeys(),
    userId: partOf("user_id", () => users.id),
    publicConsent: boolean("public_consent").notNull().default(false),
    consentAt: at("consent_at"),
    consentBy: userRef("consent_by"),
    titleTh: text("title_th").notNull().default(""),
    titleEn: text("title_en").notNull().default(""),
    bioTh: text("bio_th").notNull().default(""),
    bioEn: text("bio_en").notNull().default(""),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("network_people_tambon_user_key").on(t.tambonId, t.userId)],
);

/** A role a person holds in the community (religious leader, village headman, อสม. …). */
export const personRoles = pgTable(
  "network_person_roles",
  {
    ...tambonKeys(),
    userId: partOf("user_id", () => users.id),
    role: text("role").notNull(),
    villageId: integer("village_id").references(() => villages.id, { onDelete: "set null" }),
    note: text("note").notNull().default(""),
  },
  (t) => [index("network_person_roles_user_idx").on(t.tambonId, t.userId)],
);

/** A person's membership of a partner organisation, with their position in it. */
export const affiliations = pgTable(
  "network_affiliations",
  {
    ...tambonKeys(),
    userId: partOf("user_id", () => users.id),
    partnerId: partOf("partner_id", () => partners.id),
    positionTh: text("position_th").notNull().default(""),
    positionEn: text("position_en").notNull().default(""),
  },
  (t) => [
    uniqueIndex("network_affiliations_key").on(t.partnerId, t.userId),
    index("network_affiliations_user_idx").on(t.tambonId, t.userId),
  ],
);

/** The villages and issue areas a facilitator (ผู้ก่อการดี) connects. */
export const facilitatorReach = pgTable(
  "network_facilitator_reach",
  {
    ...tambonKeys(),
    userId: partOf("user_id", () => users.id),
    villageId: villageRef("village_id"),
    areaId: integer("area_id"),
  },
  (t) => [index("network_facilitator_reach_user_idx").on(t.tambonId, t.userId)],
);
