import { index, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { at, userRef, tambonKeys, partOf, createdAt } from "../../../core/db/columns.ts";
import { updated } from "../shared/columns.ts";

/** A complaint or request (ร้องเรียน/ร้องทุกข์), followed by its tracking code. */
export const siteComplaints = pgTable(
  "site_complaints",
  {
    ...tambonKeys(),
    code: text("code").notNull(),
    channel: text("channel").$type<"general" | "corruption">().notNull().default("general"),
    kind: text("kind").$type<"complaint" | "request">().notNull().default("complaint"),
    subject: text("subject").notNull(),
    details: text("details").notNull(),
    location: text("location").notNull().default(""),
    photo: text("photo"),
    name: text("name").notNull().default(""),
    contact: text("contact").notNull().default(""),
    status: text("status")
      .$type<"received" | "in_progress" | "answered" | "closed">()
      .notNull()
      .default("received"),
    assignedTo: userRef("assigned_to"),
    /**
     * The member who filed it while signed in, told when its status changes; never kept for the
     * corruption channel, whose filers stay unnamed.
     */
    filedBy: userRef("filed_by"),
    answer: text("answer").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updated(),
    closedAt: at("closed_at"),
  },
  (t) => [
    uniqueIndex("site_complaints_code_key").on(t.code),
    index("site_complaints_tambon_idx").on(t.tambonId, t.channel, t.status),
  ],
);

/** A step in a complaint's history (status change, assignment, answer). */
export const siteComplaintEvents = pgTable(
  "site_complaint_events",
  {
    ...tambonKeys(),
    complaintId: partOf("complaint_id", () => siteComplaints.id),
    status: text("status").notNull(),
    note: text("note").notNull().default(""),
    actorId: userRef("actor_id"),
    at: at("at").notNull().defaultNow(),
  },
  (t) => [index("site_complaint_events_idx").on(t.tambonId, t.complaintId)],
);
