import { date, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { tambonKeys, createdAt, partOf, at, userRef } from "../../../core/db/columns.ts";
import { partners } from "../partners/schema.ts";
import { networkPillars } from "../pillars/schema.ts";

/** An agreement: an MOU between tambons or organisations, or the pillars' common-ground agreement. */
export const agreements = pgTable(
  "network_agreements",
  {
    ...tambonKeys(),
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
    createdAt: createdAt(),
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
    ...tambonKeys(),
    agreementId: partOf("agreement_id", () => agreements.id),
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
    ...tambonKeys(),
    agreementId: partOf("agreement_id", () => agreements.id),
    heldOn: date("held_on").notNull(),
    titleTh: text("title_th").notNull(),
    titleEn: text("title_en").notNull().default(""),
    note: text("note").notNull().default(""),
  },
  (t) => [index("network_agreement_activities_agreement_idx").on(t.agreementId, t.heldOn)],
);
