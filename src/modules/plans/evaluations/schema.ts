import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import type { Rating, RatingSubject, RoundStatus } from "../shared/kinds.ts";
import { planEditions } from "../editions/schema.ts";
import { plans } from "../plans/schema.ts";
import { projects } from "../projects/schema.ts";
import { userRef, tambonKeys, partOf, createdAt } from "../shared/columns.ts";

/** An evaluation round (รอบการประเมิน) of a plan, held together in a meeting. */
export const evaluationRounds = pgTable(
  "evaluation_rounds",
  {
    ...tambonKeys(),
    planId: partOf("plan_id", () => plans.id),
    title: text("title").notNull(),
    heldOn: date("held_on"),
    meetingId: integer("meeting_id"),
    status: text("status").$type<RoundStatus>().notNull().default("open"),
    summary: text("summary").notNull().default(""),
    decisions: text("decisions").notNull().default(""),
    carriedToEditionId: integer("carried_to_edition_id").references(() => planEditions.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
  },
  (t) => [index("evaluation_rounds_plan_idx").on(t.tambonId, t.planId)],
);

/** One rater's rating of a project or a charter clause in a round. */
export const evaluationRatings = pgTable(
  "evaluation_ratings",
  {
    ...tambonKeys(),
    roundId: partOf("round_id", () => evaluationRounds.id),
    subjectType: text("subject_type").$type<RatingSubject>().notNull(),
    projectId: integer("project_id").references(() => projects.id, { onDelete: "cascade" }),
    charterId: integer("charter_id"),
    clauseKey: integer("clause_key"),
    raterId: userRef("rater_id"),
    rating: text("rating").$type<Rating>().notNull(),
    helped: text("helped").notNull().default(""),
    blocked: text("blocked").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("evaluation_ratings_key").on(
      t.roundId,
      t.subjectType,
      sql`coalesce(${t.projectId}, 0)`,
      sql`coalesce(${t.charterId}, 0)`,
      sql`coalesce(${t.clauseKey}, 0)`,
      t.raterId,
    ),
    index("evaluation_ratings_round_idx").on(t.tambonId, t.roundId),
  ],
);
