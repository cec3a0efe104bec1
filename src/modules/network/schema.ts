import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  serial,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { tambons, users, villages } from "../../core/db/schema.ts";
import { tambonId, at, userRef, villageRef } from "../../core/db/columns.ts";

/** A pillar (เสาหลัก) of a tambon: one of the sectors that agree on the common ground. */
export const networkPillars = pgTable(
  "network_pillars",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    nameTh: text("name_th").notNull(),
    nameEn: text("name_en").notNull().default(""),
    descriptionTh: text("description_th").notNull().default(""),
    descriptionEn: text("description_en").notNull().default(""),
    position: integer("position").notNull().default(0),
    archivedAt: at("archived_at"),
  },
  (t) => [index("network_pillars_tambon_idx").on(t.tambonId, t.position)],
);

/** An entry of a tambon's editable lists: partner kinds (กลุ่ม, ชมรม …) and partner roles. */
export const networkTerms = pgTable(
  "network_terms",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    list: text("list").$type<"kind" | "role">().notNull(),
    nameTh: text("name_th").notNull(),
    nameEn: text("name_en").notNull().default(""),
    position: integer("position").notNull().default(0),
    archivedAt: at("archived_at"),
  },
  (t) => [index("network_terms_tambon_idx").on(t.tambonId, t.list, t.position)],
);

/** A partner organisation (ภาคี) of a tambon: a group, club, agency, school, temple, business … */
export const partners = pgTable(
  "network_partners",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
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
    createdAt: at("created_at").notNull().defaultNow(),
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
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    partnerId: integer("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    villageId: integer("village_id")
      .notNull()
      .references(() => villages.id, { onDelete: "cascade" }),
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
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    partnerId: integer("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    areaId: integer("area_id").notNull(),
  },
  (t) => [
    uniqueIndex("network_partner_areas_key").on(t.partnerId, t.areaId),
    index("network_partner_areas_area_idx").on(t.tambonId, t.areaId),
  ],
);

/** What the network shows of a person in a tambon, and whether they agreed to be shown. */
export const personProfiles = pgTable(
  "network_people",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
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
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
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
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    partnerId: integer("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
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
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    villageId: villageRef("village_id"),
    areaId: integer("area_id"),
  },
  (t) => [index("network_facilitator_reach_user_idx").on(t.tambonId, t.userId)],
);

/** An agreement: an MOU between tambons or organisations, or the pillars' common-ground agreement. */
export const agreements = pgTable(
  "network_agreements",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    kind: text("kind").$type<"mou" | "common_ground">().notNull().default("mou"),
    titleTh: text("title_th").notNull(),
    titleEn: text("title_en").notNull().default(""),
    purposeTh: text("purpose_th").notNull().default(""),
    purposeEn: text("purpose_en").notNull().default(""),
    scopeTh: text("scope_th").notNull().default(""),
    scopeEn: text("scope_en").notNull().default(""),
    signedOn: date("signed_on"),
    startsOn: date("starts_on"),
    endsOn: date("ends_on"),
    status: text("status")
      .$type<"draft" | "signed" | "active" | "expired" | "ended">()
      .notNull()
      .default("draft"),
    documentFile: text("document_file"),
    documentBytes: integer("document_bytes"),
    createdBy: userRef("created_by"),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [index("network_agreements_tambon_idx").on(t.tambonId, t.kind, t.status)],
);

/**
 * A party to an agreement. The row belongs to the agreement's tambon; a party that is a tambon is
 * referenced by its national (DOPA) code, so that tambons not (yet) on the platform can sign too.
 */
export const agreementParties = pgTable(
  "network_agreement_parties",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    agreementId: integer("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    partyKind: text("party_kind").$type<"tambon" | "partner" | "other">().notNull(),
    partyDopaCode: text("party_dopa_code"),
    partnerId: integer("partner_id").references(() => partners.id, { onDelete: "set null" }),
    pillarId: integer("pillar_id").references(() => networkPillars.id, { onDelete: "set null" }),
    nameTh: text("name_th").notNull(),
    nameEn: text("name_en").notNull().default(""),
    signatoryName: text("signatory_name").notNull().default(""),
    signatoryPosition: text("signatory_position").notNull().default(""),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    index("network_agreement_parties_agreement_idx").on(t.agreementId),
    index("network_agreement_parties_dopa_idx").on(t.partyDopaCode),
  ],
);

/** Something done under an agreement (a joint activity, a meeting, a study visit …). */
export const agreementActivities = pgTable(
  "network_agreement_activities",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    agreementId: integer("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    heldOn: date("held_on").notNull(),
    titleTh: text("title_th").notNull(),
    titleEn: text("title_en").notNull().default(""),
    note: text("note").notNull().default(""),
  },
  (t) => [index("network_agreement_activities_agreement_idx").on(t.agreementId, t.heldOn)],
);

/**
 * A tambon's declaration of its place in the network of tambons: mentor of, member of, or peer
 * of another tambon (by its national code). A link both sides declared is shown as confirmed.
 */
export const tambonLinks = pgTable(
  "network_tambon_links",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
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
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("network_tambon_links_key").on(t.tambonId, t.otherDopaCode),
    index("network_tambon_links_other_idx").on(t.otherDopaCode),
  ],
);

/** A learning centre (ศูนย์เรียนรู้ / แหล่งเรียนรู้) other tambons and groups may visit. */
export const learningCentres = pgTable(
  "network_learning_centres",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    nameTh: text("name_th").notNull(),
    nameEn: text("name_en").notNull().default(""),
    topicTh: text("topic_th").notNull().default(""),
    topicEn: text("topic_en").notNull().default(""),
    areaId: integer("area_id"),
    villageId: integer("village_id").references(() => villages.id, { onDelete: "set null" }),
    hostPartnerId: integer("host_partner_id").references(() => partners.id, {
      onDelete: "set null",
    }),
    learnTh: text("learn_th").notNull().default(""),
    learnEn: text("learn_en").notNull().default(""),
    capacity: integer("capacity"),
    contactName: text("contact_name").notNull().default(""),
    contactPhone: text("contact_phone").notNull().default(""),
    contactEmail: text("contact_email").notNull().default(""),
    acceptsVisits: boolean("accepts_visits").notNull().default(true),
    active: boolean("active").notNull().default(true),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [index("network_learning_centres_tambon_idx").on(t.tambonId, t.active, t.nameTh)],
);

/** A photo of a learning centre (re-encoded on upload, with its pixel size and bytes). */
export const centrePhotos = pgTable(
  "network_centre_photos",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    centreId: integer("centre_id")
      .notNull()
      .references(() => learningCentres.id, { onDelete: "cascade" }),
    file: text("file").notNull(),
    thumbFile: text("thumb_file").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    bytes: integer("bytes").notNull(),
    captionTh: text("caption_th").notNull().default(""),
    captionEn: text("caption_en").notNull().default(""),
    position: integer("position").notNull().default(0),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [index("network_centre_photos_centre_idx").on(t.centreId, t.position)],
);

/**
 * A study visit (ดูงาน) to a learning centre. The row belongs to the host tambon; a request filed
 * by another tambon on the platform records it in `requesting_tambon_id`.
 */
export const studyVisits = pgTable(
  "network_study_visits",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    centreId: integer("centre_id")
      .notNull()
      .references(() => learningCentres.id, { onDelete: "cascade" }),
    requestingTambonId: integer("requesting_tambon_id").references(() => tambons.id, {
      onDelete: "set null",
    }),
    source: text("source").$type<"tambon" | "public" | "host">().notNull(),
    groupName: text("group_name").notNull(),
    contactName: text("contact_name").notNull().default(""),
    contactPhone: text("contact_phone").notNull().default(""),
    contactEmail: text("contact_email").notNull().default(""),
    requestedOn: date("requested_on").notNull(),
    proposedOn: date("proposed_on"),
    groupSize: integer("group_size").notNull(),
    topics: text("topics").notNull().default(""),
    status: text("status")
      .$type<"requested" | "proposed" | "accepted" | "declined" | "withdrawn" | "done">()
      .notNull()
      .default("requested"),
    hostNote: text("host_note").notNull().default(""),
    requesterNote: text("requester_note").notNull().default(""),
    visitedOn: date("visited_on"),
    visitorsCount: integer("visitors_count"),
    learnedTh: text("learned_th").notNull().default(""),
    learnedEn: text("learned_en").notNull().default(""),
    requestedBy: userRef("requested_by"),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("network_study_visits_tambon_idx").on(t.tambonId, t.status),
    index("network_study_visits_centre_idx").on(t.centreId, t.status),
    index("network_study_visits_requester_idx").on(t.requestingTambonId),
  ],
);
