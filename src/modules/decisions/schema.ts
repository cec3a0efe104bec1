import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "../../core/db/schema.ts";
import { tambonKeys, createdAt, partOf, at, userRef } from "../../core/db/columns.ts";
import { issueAreas } from "../areas/public.ts";

/** Voting rules (table `decision_policies`): phase lengths, majority, quorums, ballot secrecy and weight cap. */
export const decisionPolicies = pgTable("decision_policies", {
  ...tambonKeys(),
  nameTh: text("name_th").notNull(),
  nameEn: text("name_en").notNull().default(""),
  discussionDays: integer("discussion_days").notNull().default(14),
  frozenDays: integer("frozen_days").notNull().default(3),
  votingDays: integer("voting_days").notNull().default(7),
  majority: real("majority").notNull().default(0.5),
  quorum: real("quorum").notNull().default(0),
  minPerVillage: integer("min_per_village"),
  villagesFraction: real("villages_fraction"),
  secrecy: text("secrecy").$type<"public" | "private">().notNull().default("public"),
  maxWeight: integer("max_weight"),
  archived: boolean("archived").notNull().default(false),
});

/** A question (LiquidFeedback: issue) in one area, moving through its phases. */
export const questions = pgTable(
  "questions",
  {
    ...tambonKeys(),
    areaId: integer("area_id")
      .notNull()
      .references(() => issueAreas.id),
    policyId: integer("policy_id")
      .notNull()
      .references(() => decisionPolicies.id),
    title: text("title").notNull(),
    phase: text("phase")
      .$type<"draft" | "discussion" | "frozen" | "voting" | "closed" | "cancelled">()
      .notNull()
      .default("draft"),
    quickPoll: boolean("quick_poll").notNull().default(false),
    createdBy: userRef("created_by"),
    createdAt: createdAt(),
    phaseStartedAt: at("phase_started_at").notNull().defaultNow(),
    phaseEndsAt: at("phase_ends_at"),
    closedAt: at("closed_at"),
    reminderSentAt: at("reminder_sent_at"),
  },
  (t) => [
    // The list, newest first: all of a tambon's questions, or those in one phase.
    index("questions_tambon_id_idx").on(t.tambonId, t.id),
    index("questions_tambon_phase_idx").on(t.tambonId, t.phase, t.id),
    index("questions_due_idx").on(t.phaseEndsAt),
  ],
);

/** An alternative (LiquidFeedback: initiative) competing against the status quo. */
export const alternatives = pgTable(
  "alternatives",
  {
    ...tambonKeys(),
    questionId: partOf("question_id", () => questions.id),
    title: text("title").notNull(),
    authorId: userRef("author_id"),
    createdAt: createdAt(),
  },
  (t) => [index("alternatives_question_idx").on(t.questionId)],
);

/** Every saved version of an alternative's text (Markdown); the highest number is current. */
export const alternativeVersions = pgTable(
  "alternative_versions",
  {
    ...tambonKeys(),
    alternativeId: partOf("alternative_id", () => alternatives.id),
    version: integer("version").notNull(),
    body: text("body").notNull(),
    authorId: userRef("author_id"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("alternative_versions_key").on(t.alternativeId, t.version)],
);

/** Members who support (follow) an alternative. */
export const supporters = pgTable(
  "alternative_supporters",
  {
    ...tambonKeys(),
    alternativeId: partOf("alternative_id", () => alternatives.id),
    userId: partOf("user_id", () => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("alternative_supporters_key").on(t.alternativeId, t.userId)],
);

/** A suggestion to improve an alternative. */
export const suggestions = pgTable("suggestions", {
  ...tambonKeys(),
  alternativeId: partOf("alternative_id", () => alternatives.id),
  body: text("body").notNull(),
  authorId: userRef("author_id"),
  fulfilled: boolean("fulfilled").notNull().default(false),
  createdAt: createdAt(),
});

/** A member's rating of a suggestion: must, should, should-not, must-not. */
export const suggestionRatings = pgTable(
  "suggestion_ratings",
  {
    ...tambonKeys(),
    suggestionId: partOf("suggestion_id", () => suggestions.id),
    userId: partOf("user_id", () => users.id),
    rating: text("rating").$type<"must" | "should" | "should_not" | "must_not">().notNull(),
  },
  (t) => [uniqueIndex("suggestion_ratings_key").on(t.suggestionId, t.userId)],
);

/** Current delegations: one per truster and scope (tambon, area or question). */
export const delegations = pgTable(
  "delegations",
  {
    ...tambonKeys(),
    trusterId: partOf("truster_id", () => users.id),
    trusteeId: integer("trustee_id").references(() => users.id, { onDelete: "cascade" }),
    scope: text("scope").$type<"tambon" | "area" | "question">().notNull(),
    areaId: integer("area_id").references(() => issueAreas.id, { onDelete: "cascade" }),
    questionId: integer("question_id").references(() => questions.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("delegations_scope_key").on(
      t.tambonId,
      t.trusterId,
      t.scope,
      sql`coalesce(${t.areaId}, 0)`,
      sql`coalesce(${t.questionId}, 0)`,
    ),
    index("delegations_trustee_idx").on(t.tambonId, t.trusteeId),
  ],
);

/** A ballot: a grade per alternative; may change until the voting phase closes. */
export const ballots = pgTable(
  "ballots",
  {
    ...tambonKeys(),
    questionId: partOf("question_id", () => questions.id),
    userId: partOf("user_id", () => users.id),
    grades: jsonb("grades").$type<Record<string, number>>().notNull(),
    recordedBy: userRef("recorded_by"),
    receiptHash: text("receipt_hash"),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("ballots_key").on(t.questionId, t.userId)],
);

/** The stored result of a closed question (never recomputed silently). */
export const questionResults = pgTable(
  "question_results",
  {
    ...tambonKeys(),
    questionId: partOf("question_id", () => questions.id),
    input: jsonb("input").notNull(),
    result: jsonb("result").notNull(),
    pairwise: jsonb("pairwise").$type<number[][]>().notNull(),
    membersWithRight: integer("members_with_right").notNull(),
    ballotList: jsonb("ballot_list").$type<{ hash: string; grades: Record<string, number> }[]>(),
    inputHash: text("input_hash").notNull(),
    chainHash: text("chain_hash").notNull(),
    computedAt: at("computed_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("question_results_question_key").on(t.questionId)],
);

/** The per-tambon hash chain of ballots, delegation changes and phase changes. */
export const decisionEvents = pgTable(
  "decision_events",
  {
    ...tambonKeys(),
    seq: integer("seq").notNull(),
    kind: text("kind").notNull(),
    questionId: integer("question_id"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    at: text("at").notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [uniqueIndex("decision_events_seq_key").on(t.tambonId, t.seq)],
);

/** In-app notifications (and the queue of e-mails when SMTP is configured). */
export const notifications = pgTable(
  "notifications",
  {
    ...tambonKeys(),
    userId: partOf("user_id", () => users.id),
    kind: text("kind").notNull(),
    questionId: integer("question_id"),
    payload: jsonb("payload").$type<Record<string, string | number>>().notNull(),
    createdAt: createdAt(),
    readAt: at("read_at"),
    emailedAt: at("emailed_at"),
  },
  (t) => [index("notifications_user_idx").on(t.tambonId, t.userId, t.createdAt)],
);

/** How a member wants e-mail: each notification, a daily digest, or none. */
export const notificationPrefs = pgTable(
  "notification_prefs",
  {
    ...tambonKeys(),
    userId: partOf("user_id", () => users.id),
    email: text("email").$type<"each" | "daily" | "off">().notNull().default("daily"),
  },
  (t) => [uniqueIndex("notification_prefs_key").on(t.tambonId, t.userId)],
);
