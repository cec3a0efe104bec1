import { date, index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import type { EditionKind, EditionSnapshot } from "../shared/kinds.ts";
import { plans } from "../plans/schema.ts";
import { userRef, tambonKeys, partOf, createdAt } from "../shared/columns.ts";

/** An approved edition of a plan: the first, an additional one (เพิ่มเติม) or a changed one (เปลี่ยนแปลง). */
export const planEditions = pgTable(
  "plan_editions",
  {
    ...tambonKeys(),
    planId: partOf("plan_id", () => plans.id),
    kind: text("kind").$type<EditionKind>().notNull(),
    /** ครั้งที่ n among the editions of the same kind (1 for the first edition). */
    number: integer("number").notNull().default(1),
    reason: text("reason").notNull().default(""),
    approvedOn: date("approved_on"),
    /** The meeting (groups module) and resolution that approved it. */
    meetingId: integer("meeting_id"),
    resolutionId: integer("resolution_id"),
    /** The plan's projects at approval. */
    snapshot: jsonb("snapshot").$type<EditionSnapshot>(),
    createdBy: userRef("created_by"),
    createdAt: createdAt(),
  },
  (t) => [
    index("plan_editions_plan_idx").on(t.tambonId, t.planId),
    uniqueIndex("plan_editions_number_key").on(t.planId, t.kind, t.number),
  ],
);
