import { date, index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { storedFiles, users, villages } from "../../core/db/schema.ts";
import { tambonKeys, createdAt, partOf, at, userRef } from "../../core/db/columns.ts";
import type { CharterDoc } from "./document.ts";
import type { DigitStyle } from "./digits.ts";
import type { EditionStatus, Progress, Rating, Scope } from "./edition.ts";

/** A file of the core file store (the bytes of a scan or photo). */
const fileRef = (name: string) => integer(name).references(() => storedFiles.id);

/** A health charter (ธรรมนูญสุขภาพ) of a tambon, or of a village, district or issue within it. */
export const charters = pgTable(
  "charters",
  {
    ...tambonKeys(),
    nameTh: text("name_th").notNull(),
    nameEn: text("name_en").notNull().default(""),
    scope: text("scope").$type<Scope>().notNull().default("tambon"),
    /** What the charter covers when it is not the whole tambon: a river basin, a district … */
    scopeName: text("scope_name").notNull().default(""),
    villageId: integer("village_id").references(() => villages.id, { onDelete: "set null" }),
    /** The issue area of an issue charter, and where adoption questions are filed. */
    areaId: integer("area_id"),
    digits: text("digits").$type<DigitStyle>().notNull().default("arabic"),
    contactName: text("contact_name").notNull().default(""),
    contactPhone: text("contact_phone").notNull().default(""),
    contactEmail: text("contact_email").notNull().default(""),
    /** The next free key for chapters, clauses and definitions of all its editions. */
    nextKey: integer("next_key").notNull().default(1),
    createdBy: userRef("created_by"),
    createdAt: createdAt(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [index("charters_tambon_idx").on(t.tambonId)],
);

/** An edition (ฉบับที่ n พ.ศ. yyyy): drafted, heard in public, adopted, then frozen. */
export const charterEditions = pgTable(
  "charter_editions",
  {
    ...tambonKeys(),
    charterId: partOf("charter_id", () => charters.id),
    number: integer("number").notNull(),
    yearBe: integer("year_be").notNull(),
    status: text("status").$type<EditionStatus>().notNull().default("draft"),
    currentVersionId: integer("current_version_id"),
    /** The version open for public hearing when the hearing began. */
    hearingVersionId: integer("hearing_version_id"),
    adoptedVersionId: integer("adopted_version_id"),
    basedOnEditionId: integer("based_on_edition_id"),
    hearingStartsOn: date("hearing_starts_on"),
    hearingEndsOn: date("hearing_ends_on"),
    hearingNote: text("hearing_note").notNull().default(""),
    effectiveOn: date("effective_on"),
    reviewYears: integer("review_years").notNull().default(5),
    adoptedOn: date("adopted_on"),
    adoptedAt: at("adopted_at"),
    adoptedBy: userRef("adopted_by"),
    adoptionKind: text("adoption_kind").$type<"vote" | "resolution">(),
    /** The question (decisions module) putting the edition to the vote, and its alternative. */
    questionId: integer("question_id"),
    alternativeId: integer("alternative_id"),
    /** The resolution (groups module) of the assembly that adopted it. */
    resolutionId: integer("resolution_id"),
    /** The public signing (ประกาศ) of the adopted edition. */
    signingOn: date("signing_on"),
    signingPlace: text("signing_place").notNull().default(""),
    createdBy: userRef("created_by"),
    createdAt: createdAt(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("charter_editions_number_key").on(t.charterId, t.number),
    index("charter_editions_tambon_idx").on(t.tambonId, t.status),
  ],
);

/** Every saved version of an edition's text; the highest number is the current draft. */
export const charterVersions = pgTable(
  "charter_versions",
  {
    ...tambonKeys(),
    editionId: partOf("edition_id", () => charterEditions.id),
    number: integer("number").notNull(),
    doc: jsonb("doc").$type<CharterDoc>().notNull(),
    note: text("note").notNull().default(""),
    source: text("source").$type<"start" | "edit" | "suggestion" | "restore">().notNull(),
    /** The accepted suggestion this version applied. */
    commentId: integer("comment_id"),
    authorId: userRef("author_id"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("charter_versions_number_key").on(t.editionId, t.number)],
);

/** A comment on, or a suggested replacement for, a clause (or the preamble) of one version. */
export const charterComments = pgTable(
  "charter_comments",
  {
    ...tambonKeys(),
    editionId: partOf("edition_id", () => charterEditions.id),
    /** The version the comment was about. */
    versionId: partOf("version_id", () => charterVersions.id),
    target: text("target").$type<"clause" | "preamble" | "general">().notNull(),
    clauseKey: integer("clause_key"),
    kind: text("kind").$type<"comment" | "suggestion">().notNull(),
    body: text("body").notNull().default(""),
    proposedText: text("proposed_text"),
    authorId: userRef("author_id"),
    /** The name of a person without an account, recorded by a facilitator. */
    authorName: text("author_name").notNull().default(""),
    villageId: integer("village_id").references(() => villages.id, { onDelete: "set null" }),
    recordedBy: userRef("recorded_by"),
    phase: text("phase").$type<"draft" | "hearing">().notNull(),
    status: text("status").$type<"open" | "accepted" | "declined">().notNull().default("open"),
    reason: text("reason").notNull().default(""),
    decidedBy: userRef("decided_by"),
    decidedAt: at("decided_at"),
    appliedVersionId: integer("applied_version_id"),
    createdAt: createdAt(),
  },
  (t) => [index("charter_comments_edition_idx").on(t.tambonId, t.editionId, t.clauseKey)],
);

/** A member's rating of a suggestion: must / should / should-not / must-not. */
export const charterCommentRatings = pgTable(
  "charter_comment_ratings",
  {
    ...tambonKeys(),
    commentId: partOf("comment_id", () => charterComments.id),
    userId: partOf("user_id", () => users.id),
    rating: text("rating").$type<Rating>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("charter_comment_ratings_key").on(t.commentId, t.userId)],
);

/** A signatory of an adopted edition: for a pillar or a village, with a scan of the signed page. */
export const charterSignatories = pgTable(
  "charter_signatories",
  {
    ...tambonKeys(),
    editionId: partOf("edition_id", () => charterEditions.id),
    kind: text("kind").$type<"pillar" | "village">().notNull(),
    pillar: text("pillar").notNull().default(""),
    villageId: integer("village_id").references(() => villages.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    position: text("position").notNull().default(""),
    sortOrder: integer("sort_order").notNull().default(0),
    signedOn: date("signed_on"),
    scanFileId: fileRef("scan_file_id"),
    scanMime: text("scan_mime"),
    scanBytes: integer("scan_bytes"),
    scanWidth: integer("scan_width"),
    scanHeight: integer("scan_height"),
    thumbFileId: fileRef("thumb_file_id"),
    createdBy: userRef("created_by"),
    createdAt: createdAt(),
  },
  (t) => [index("charter_signatories_edition_idx").on(t.tambonId, t.editionId)],
);

/** A meeting (groups module) held as part of an edition's public hearing. */
export const charterHearingMeetings = pgTable(
  "charter_hearing_meetings",
  {
    ...tambonKeys(),
    editionId: partOf("edition_id", () => charterEditions.id),
    meetingId: integer("meeting_id").notNull(),
    createdBy: userRef("created_by"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("charter_hearing_meetings_key").on(t.editionId, t.meetingId)],
);

/**
 * A review reminder sent about an adopted edition: once when the review falls due within 90 days
 * and once when it is overdue (for a given due day), to the tambon's admins and working group.
 */
export const charterReviewNotices = pgTable(
  "charter_review_notices",
  {
    ...tambonKeys(),
    editionId: partOf("edition_id", () => charterEditions.id),
    kind: text("kind").$type<"soon" | "overdue">().notNull(),
    dueOn: date("due_on").notNull(),
    /** The people it was addressed to (admins and working group of the tambon). */
    recipients: integer("recipients")
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("charter_review_notices_key").on(t.editionId, t.kind, t.dueOn)],
);

/** A photo of an edition's signing ceremony. */
export const charterPhotos = pgTable(
  "charter_photos",
  {
    ...tambonKeys(),
    editionId: partOf("edition_id", () => charterEditions.id),
    caption: text("caption").notNull().default(""),
    mime: text("mime").notNull(),
    bytes: integer("bytes").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    fileId: fileRef("file_id").notNull(),
    thumbFileId: fileRef("thumb_file_id").notNull(),
    createdBy: userRef("created_by"),
    createdAt: createdAt(),
  },
  (t) => [index("charter_photos_edition_idx").on(t.tambonId, t.editionId)],
);

/**
 * What carries out a clause: a project, an indicator, a responsible partner, or any record of
 * another module (target type and id), with a label and link so it shows before that module exists.
 */
export const charterClauseLinks = pgTable(
  "charter_clause_links",
  {
    ...tambonKeys(),
    charterId: partOf("charter_id", () => charters.id),
    clauseKey: integer("clause_key").notNull(),
    targetType: text("target_type").notNull(),
    targetId: integer("target_id"),
    label: text("label").notNull(),
    url: text("url").notNull().default(""),
    createdBy: userRef("created_by"),
    createdAt: createdAt(),
  },
  (t) => [
    index("charter_clause_links_clause_idx").on(t.tambonId, t.charterId, t.clauseKey),
    index("charter_clause_links_target_idx").on(t.tambonId, t.targetType, t.targetId),
  ],
);

/** The implementation status of a clause over time (the newest row is the current status). */
export const charterClauseProgress = pgTable(
  "charter_clause_progress",
  {
    ...tambonKeys(),
    charterId: partOf("charter_id", () => charters.id),
    editionId: partOf("edition_id", () => charterEditions.id),
    clauseKey: integer("clause_key").notNull(),
    status: text("status").$type<Progress>().notNull(),
    note: text("note").notNull().default(""),
    authorId: userRef("author_id"),
    createdAt: createdAt(),
  },
  (t) => [index("charter_clause_progress_idx").on(t.tambonId, t.charterId, t.clauseKey, t.id)],
);
