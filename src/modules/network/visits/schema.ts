import { date, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { tambons } from "../../../core/db/schema.ts";
import { tambonKeys, createdAt, partOf, at, userRef } from "../../../core/db/columns.ts";
import { learningCentres } from "../centres/schema.ts";

/**
 * A study visit (ดูงาน) to a learning centre. The row belongs to the host tambon; a request filed
 * by another tambon on the platform records it in `requesting_tambon_id`.
 */
export const studyVisits = pgTable(
  "network_study_visits",
  {
    ...tambonKeys(),
    centreId: partOf("centre_id", () => learningCentres.id),
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
    createdAt: createdAt(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("network_study_visits_tambon_idx").on(t.tambonId, t.status),
    index("network_study_visits_centre_idx").on(t.centreId, t.status),
    index("network_study_visits_requester_idx").on(t.requestingTambonId),
  ],
);
