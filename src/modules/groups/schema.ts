import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { storedFiles, users, villages } from "../../core/db/schema.ts";
import { tambonKeys, partOf, createdAt, at, userRef } from "../../core/db/columns.ts";
import type { GroupKind, Position } from "./groups/group.ts";
import type { AttendeeRole, MeetingKind, MeetingStatus, Step } from "./meetings/meeting.ts";
import type { QuorumResult } from "./attendance/quorum.ts";
import type { DecisionMethod, Outcome, VoteChoice } from "./resolutions/resolution.ts";

/** A working group, issue team or committee (คณะทำงาน / ทีมประเด็น / คณะกรรมการ) of a tambon. */
export const workGroups = pgTable(
  "work_groups",
  {
    ...tambonKeys(),
    kind: text("kind").$type<GroupKind>().notNull(),
    nameTh: text("name_th").notNull(),
    nameEn: text("name_en").notNull().default(""),
    purposeTh: text("purpose_th").notNull().default(""),
    purposeEn: text("purpose_en").notNull().default(""),
    /** The issue area (areas module) an issue team works on; no foreign key across modules. */
    areaId: integer("area_id"),
    formedOn: date("formed_on").notNull(),
    dissolvedOn: date("dissolved_on"),
    createdAt: createdAt(),
  },
  (t) => [index("work_groups_tambon_idx").on(t.tambonId, t.kind)],
);

/**
 * One period of one person in a group: who, in which position, representing which pillar or
 * village, from when to when (both days included) and why. A person who leaves and comes back
 * has two rows; the rows together are the group's membership history.
 */
export const groupMemberships = pgTable(
  "group_memberships",
  {
    ...tambonKeys(),
    groupId: partOf("group_id", () => workGroups.id),
    userId: userRef("user_id"),
    name: text("name").notNull(),
    villageId: integer("village_id").references(() => villages.id, { onDelete: "set null" }),
    pillar: text("pillar").notNull().default(""),
    position: text("position").$type<Position>().notNull().default("member"),
    task: text("task").notNull().default(""),
    startOn: date("start_on").notNull(),
    endOn: date("end_on"),
    joinReason: text("join_reason").notNull().default(""),
    leaveReason: text("leave_reason").notNull().default(""),
    /** The resolution that approved this membership (nomination by a village assembly). */
    resolutionId: integer("resolution_id").references((): AnyPgColumn => resolutions.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
  },
  (t) => [
    index("group_memberships_group_idx").on(t.tambonId, t.groupId, t.startOn),
    index("group_memberships_user_idx").on(t.userId),
  ],
);

/** A village representative's term (วาระ): village, first and last day, how they were chosen. */
export const villageRepTerms = pgTable(
  "village_rep_terms",
  {
    ...tambonKeys(),
    villageId: partOf("village_id", () => villages.id),
    userId: partOf("user_id", () => users.id),
    startOn: date("start_on").notNull(),
    endOn: date("end_on"),
    chosenBy: text("chosen_by").notNull().default(""),
    endReason: text("end_reason").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    index("village_rep_terms_tambon_idx").on(t.tambonId, t.villageId),
    index("village_rep_terms_user_idx").on(t.tambonId, t.userId),
  ],
);

/** A meeting or forum (การประชุม / เวที). */
export const meetings = pgTable(
  "meetings",
  {
    ...tambonKeys(),
    kind: text("kind").$type<MeetingKind>().notNull(),
    step: smallint("step").$type<Step>().notNull(),
    titleTh: text("title_th").notNull(),
    titleEn: text("title_en").notNull().default(""),
    descriptionTh: text("description_th").notNull().default(""),
    startsAt: at("starts_at").notNull(),
    endsAt: at("ends_at"),
    place: text("place").notNull().default(""),
    organiser: text("organiser").notNull().default(""),
    /** The group that holds the meeting (working group, issue team), if any. */
    groupId: integer("group_id").references(() => workGroups.id, { onDelete: "set null" }),
    areaId: integer("area_id"),
    invitedGroupIds: integer("invited_group_ids")
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    invitedVillageIds: integer("invited_village_ids")
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    status: text("status").$type<MeetingStatus>().notNull().default("planned"),
    isPublic: boolean("is_public").notNull().default(true),
    /** Village quorum rule: at least this many representatives per village (null: no rule). */
    quorumMinPerVillage: integer("quorum_min_per_village"),
    /** Share of the villages that must reach the minimum (1 = every village). */
    quorumVillagesPct: integer("quorum_villages_pct").notNull().default(100),
    /** The quorum as last computed from the attendance (kept with the meeting). */
    quorumMet: boolean("quorum_met"),
    quorum: jsonb("quorum").$type<QuorumResult | null>(),
    /** Code people type to sign themselves in on their phone. */
    signinCode: text("signin_code").notNull(),
    minutesConfirmedAt: at("minutes_confirmed_at"),
    minutesConfirmedBy: integer("minutes_confirmed_by").references(() => users.id, {
      onDelete: "set null",
    }),
    revision: integer("revision").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [index("meetings_tambon_starts_idx").on(t.tambonId, t.startsAt)],
);

/** An agenda item (วาระ) of a meeting, with its minutes. */
export const agendaItems = pgTable(
  "meeting_agenda_items",
  {
    ...tambonKeys(),
    meetingId: partOf("meeting_id", () => meetings.id),
    position: integer("position").notNull(),
    titleTh: text("title_th").notNull(),
    titleEn: text("title_en").notNull().default(""),
    minutesTh: text("minutes_th").notNull().default(""),
  },
  (t) => [index("meeting_agenda_items_meeting_idx").on(t.tambonId, t.meetingId, t.position)],
);

/**
 * One person at one meeting: signed in themselves or recorded by a facilitator. People without
 * an account are kept by name, village and role (no user).
 */
export const attendances = pgTable(
  "meeting_attendances",
  {
    ...tambonKeys(),
    meetingId: partOf("meeting_id", () => meetings.id),
    userId: userRef("user_id"),
    name: text("name").notNull(),
    /** Lower-cased name without extra spaces, to find duplicate sign-ins of people without account. */
    nameKey: text("name_key").notNull(),
    villageId: integer("village_id").references(() => villages.id, { onDelete: "set null" }),
    role: text("role").$type<AttendeeRole>().notNull(),
    selfSigned: boolean("self_signed").notNull().default(false),
    recordedBy: userRef("recorded_by"),
    createdAt: createdAt(),
  },
  (t) => [
    index("meeting_attendances_meeting_idx").on(t.tambonId, t.meetingId),
    uniqueIndex("meeting_attendances_user_key")
      .on(t.meetingId, t.userId)
      .where(sql`${t.userId} is not null`),
  ],
);

/** A document or photo of a meeting, stored in the database with its thumbnail. */
export const meetingFiles = pgTable(
  "meeting_files",
  {
    ...tambonKeys(),
    meetingId: partOf("meeting_id", () => meetings.id),
    kind: text("kind").$type<"photo" | "document">().notNull(),
    name: text("name").notNull(),
    caption: text("caption").notNull().default(""),
    mime: text("mime").notNull(),
    bytes: integer("bytes").notNull(),
    width: integer("width"),
    height: integer("height"),
    /** The file itself and a photo's thumbnail, in the core file store. */
    fileId: integer("file_id")
      .notNull()
      .references(() => storedFiles.id),
    thumbFileId: integer("thumb_file_id").references(() => storedFiles.id),
    createdAt: createdAt(),
  },
  (t) => [index("meeting_files_meeting_idx").on(t.tambonId, t.meetingId)],
);

/**
 * A resolution (มติ) of a meeting: what was decided, how, and whether the quorum held. Fixed
 * once the meeting's minutes are confirmed; a correction is a new row pointing at the old one.
 */
export const resolutions = pgTable(
  "resolutions",
  {
    ...tambonKeys(),
    meetingId: partOf("meeting_id", () => meetings.id),
    agendaItemId: integer("agenda_item_id").references(() => agendaItems.id, {
      onDelete: "set null",
    }),
    number: integer("number").notNull(),
    textTh: text("text_th").notNull(),
    textEn: text("text_en").notNull().default(""),
    method: text("method").$type<DecisionMethod>().notNull(),
    votesFor: integer("votes_for"),
    votesAgainst: integer("votes_against"),
    votesAbstain: integer("votes_abstain"),
    outcome: text("outcome").$type<Outcome>().notNull(),
    /** Whether the meeting's quorum held when the resolution was made (null: no quorum rule). */
    quorumMet: boolean("quorum_met"),
    quorum: jsonb("quorum").$type<QuorumResult | null>(),
    correctsId: integer("corrects_id").references((): AnyPgColumn => resolutions.id, {
      onDelete: "set null",
    }),
    correctionReason: text("correction_reason").notNull().default(""),
    recordedBy: userRef("recorded_by"),
    createdAt: createdAt(),
  },
  (t) => [
    index("resolutions_meeting_idx").on(t.tambonId, t.meetingId, t.number),
    index("resolutions_corrects_idx").on(t.correctsId),
  ],
);

/** One vote of one person on a resolution, as recorded by the facilitator. */
export const resolutionVotes = pgTable(
  "resolution_votes",
  {
    ...tambonKeys(),
    resolutionId: partOf("resolution_id", () => resolutions.id),
    attendanceId: integer("attendance_id").references(() => attendances.id, {
      onDelete: "set null",
    }),
    name: text("name").notNull(),
    villageId: integer("village_id").references(() => villages.id, { onDelete: "set null" }),
    choice: text("choice").$type<VoteChoice>().notNull(),
  },
  (t) => [index("resolution_votes_resolution_idx").on(t.tambonId, t.resolutionId)],
);

/** What a resolution decided: a link to any record of any module (type + id). */
export const resolutionLinks = pgTable(
  "resolution_links",
  {
    ...tambonKeys(),
    resolutionId: partOf("resolution_id", () => resolutions.id),
    targetType: text("target_type").notNull(),
    targetId: integer("target_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("resolution_links_key").on(t.resolutionId, t.targetType, t.targetId),
    index("resolution_links_target_idx").on(t.tambonId, t.targetType, t.targetId),
  ],
);

/** A person nominated by a village assembly to a group, waiting for the assembly's resolution. */
export const nominations = pgTable(
  "group_nominations",
  {
    ...tambonKeys(),
    groupId: partOf("group_id", () => workGroups.id),
    meetingId: partOf("meeting_id", () => meetings.id),
    userId: userRef("user_id"),
    name: text("name").notNull(),
    villageId: integer("village_id").references(() => villages.id, { onDelete: "set null" }),
    pillar: text("pillar").notNull().default(""),
    position: text("position").$type<Position>().notNull().default("member"),
    status: text("status")
      .$type<"proposed" | "approved" | "rejected" | "withdrawn">()
      .notNull()
      .default("proposed"),
    resolutionId: integer("resolution_id").references(() => resolutions.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
  },
  (t) => [index("group_nominations_meeting_idx").on(t.tambonId, t.meetingId)],
);
