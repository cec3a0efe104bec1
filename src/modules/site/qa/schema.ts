import { index, pgTable, text } from "drizzle-orm/pg-core";
import { at, userRef, tambonKeys, createdAt } from "../../../core/db/columns.ts";

/**
 * A question asked in public (ถาม-ตอบ): a resident asks, staff answer, and the answered question
 * is shown to everyone (the two-way channel of ITA item O3). A question waits (`pending`) until
 * staff answer it; staff may hide one instead (`hidden`), with a reason.
 */
export const siteQuestions = pgTable(
  "site_questions",
  {
    ...tambonKeys(),
    askedBy: userRef("asked_by"),
    /** The name shown with the question, as the asker gave it. */
    askerName: text("asker_name").notNull(),
    question: text("question").notNull(),
    status: text("status").$type<"pending" | "answered" | "hidden">().notNull().default("pending"),
    answer: text("answer").notNull().default(""),
    reason: text("reason").notNull().default(""),
    answeredBy: userRef("answered_by"),
    answeredAt: at("answered_at"),
    createdAt: createdAt(),
  },
  (t) => [index("site_questions_tambon_idx").on(t.tambonId, t.status, t.createdAt)],
);
