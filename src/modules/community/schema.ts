import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { tambons, villages } from "../../core/db/schema.ts";
import {
  at,
  createdAt,
  partOf,
  tambonId,
  tambonKeys,
  userRef,
  villageRef,
} from "../../core/db/columns.ts";
import { indicators } from "../plans/public.ts";
import type { Answers, FormDefinition } from "./forms/definition.ts";
import type {
  ChangeAction,
  ChangeVia,
  Condition,
  ConsentStatus,
  FigureSource,
  FormLevel,
  FormStatus,
  HouseholdStatus,
  IndicatorMeasure,
  LawfulBasis,
  PersonStatus,
  ReadSubject,
  RecordEntity,
  Relation,
  RequestKind,
  RequestStatus,
  RoundStatus,
  Sex,
  SubmissionStatus,
} from "./shared/kinds.ts";

/** What PDPA asks to know of every record of personal data: why, on what basis, consent, until when. */
const personalData = () => ({
  purpose: text("purpose").notNull().default(""),
  lawfulBasis: text("lawful_basis").$type<LawfulBasis>().notNull().default("public_task"),
  consent: text("consent").$type<ConsentStatus>().notNull().default("not_needed"),
  consentAt: at("consent_at"),
  /** The retention job erases the record after this day (null: the tambon's default period). */
  retainUntil: date("retain_until"),
});

/** What a household and a person both keep: the version sync compares, PDPA's fields, who made it and when. */
const registryRecord = () => ({
  version: integer("version").notNull().default(1),
  ...personalData(),
  createdBy: userRef("created_by"),
  createdAt: createdAt(),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

/**
 * A household (ครัวเรือน) of a village. `version` grows with each change (sync conflicts). Its
 * village and tambon are one reference (`community_households_village_fk`): a household is in a
 * village of its own tambon, and goes with the village (and the village with the tambon).
 */
export const households = pgTable(
  "community_households",
  {
    id: serial("id").primaryKey(),
    tambonId: integer("tambon_id").notNull(),
    villageId: integer("village_id").notNull(),
    /** บ้านเลขที่, as written ("12/3"). */
    houseNo: text("house_no").notNull(),
    locationText: text("location_text").notNull().default(""),
    lat: numeric("lat", { precision: 9, scale: 6 }),
    lng: numeric("lng", { precision: 9, scale: 6 }),
    status: text("status").$type<HouseholdStatus>().notNull().default("active"),
    ...registryRecord(),
  },
  (t) => [
    foreignKey({
      name: "community_households_village_fk",
      columns: [t.villageId, t.tambonId],
      foreignColumns: [villages.id, villages.tambonId],
    }).onDelete("cascade"),
    uniqueIndex("community_households_house_key").on(t.tambonId, t.villageId, t.houseNo),
    index("community_households_village_idx").on(t.tambonId, t.villageId, t.status),
    // What a person's one reference points at: its household, with the household's tambon
    // and village (see `community_people_household_fk`).
    unique("community_households_place_key").on(t.id, t.tambonId, t.villageId),
  ],
);

/**
 * A person of a household. `tambonId` and `villageId` are the household's, kept here for access
 * and counts, and held to it by one composite reference: a person can be in no other tambon or
 * village than its household, moves with it (`on update cascade`) and goes with it. One key
 * instead of three (tambon, household, village) is one check per person written instead of
 * three, a third of a large import's work.
 */
export const people = pgTable(
  "community_people",
  {
    id: serial("id").primaryKey(),
    tambonId: integer("tambon_id").notNull(),
    householdId: integer("household_id").notNull(),
    villageId: integer("village_id").notNull(),
    name: text("name").notNull(),
    /** เลขประจำตัวประชาชน, 13 digits with a valid check digit, or null. */
    thaiId: text("thai_id"),
    birthDate: date("birth_date"),
    sex: text("sex").$type<Sex>().notNull().default("unspecified"),
    relation: text("relation").$type<Relation>().notNull().default("other"),
    conditions: jsonb("conditions").$type<Condition[]>().notNull().default([]),
    status: text("status").$type<PersonStatus>().notNull().default("living"),
    ...registryRecord(),
  },
  (t) => [
    foreignKey({
      name: "community_people_household_fk",
      columns: [t.householdId, t.tambonId, t.villageId],
      foreignColumns: [households.id, households.tambonId, households.villageId],
    })
      .onDelete("cascade")
      .onUpdate("cascade"),
    uniqueIndex("community_people_thai_id_key")
      .on(t.tambonId, t.thaiId)
      .where(sql`${t.thaiId} is not null`),
    index("community_people_household_idx").on(t.tambonId, t.householdId),
    // Covering the village figures' counts (people per village, by band and sex): a village
    // counted again after a change is read from the index alone, not from the pages of a
    // million people it is spread over.
    index("community_people_village_idx").on(t.tambonId, t.villageId, t.status, t.sex, t.birthDate),
  ],
);

/**
 * The history of every change to a household or a person: which fields changed from what to what
 * (`{ field: [before, after] }`), by whom and how. Erasing a person on request or by the retention
 * job empties the values of that person's history and keeps that it happened.
 */
export const recordChanges = pgTable(
  "community_record_changes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tambonId: tambonId(),
    entity: text("entity").$type<RecordEntity>().notNull(),
    entityId: integer("entity_id").notNull(),
    version: integer("version").notNull(),
    action: text("action").$type<ChangeAction>().notNull(),
    changes: jsonb("changes").$type<Record<string, [unknown, unknown]>>().notNull().default({}),
    via: text("via").$type<ChangeVia>().notNull().default("web"),
    /** The submission the change came from (a household survey's members), when one did. */
    submissionId: integer("submission_id"),
    byUser: userRef("by_user"),
    at: at("at").notNull().defaultNow(),
  },
  (t) => [index("community_record_changes_entity_idx").on(t.tambonId, t.entity, t.entityId)],
);

/** A survey form; its questions are in its versions. */
export const forms = pgTable(
  "community_forms",
  {
    ...tambonKeys(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    level: text("level").$type<FormLevel>().notNull().default("household"),
    status: text("status").$type<FormStatus>().notNull().default("draft"),
    /** The draft being edited (what the builder changes). */
    draft: jsonb("draft").$type<FormDefinition>().notNull(),
    /** The version phones fill now (null until first published). */
    currentVersion: integer("current_version"),
    createdBy: userRef("created_by"),
    createdAt: createdAt(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [index("community_forms_tambon_idx").on(t.tambonId)],
);

/** A published version of a form: answers keep the version they were given to. */
export const formVersions = pgTable(
  "community_form_versions",
  {
    ...tambonKeys(),
    formId: partOf("form_id", () => forms.id),
    version: integer("version").notNull(),
    definition: jsonb("definition").$type<FormDefinition>().notNull(),
    publishedBy: userRef("published_by"),
    publishedAt: at("published_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("community_form_versions_key").on(t.formId, t.version)],
);

/** A survey round (e.g. "2569"): figures compare rounds for trends. */
export const rounds = pgTable(
  "community_rounds",
  {
    ...tambonKeys(),
    formId: partOf("form_id", () => forms.id),
    name: text("name").notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on"),
    status: text("status").$type<RoundStatus>().notNull().default("open"),
    createdAt: createdAt(),
  },
  (t) => [index("community_rounds_form_idx").on(t.tambonId, t.formId)],
);

/**
 * A filled form. `clientId` is made on the phone, so a re-sent submission is recognised and never
 * stored twice; `baseVersion` is the household's version the phone started from, so a change made
 * meanwhile by someone else is held as a conflict for a reviewer instead of overwritten.
 */
export const submissions = pgTable(
  "community_submissions",
  {
    ...tambonKeys(),
    clientId: text("client_id").notNull(),
    formId: partOf("form_id", () => forms.id),
    formVersionId: partOf("form_version_id", () => formVersions.id),
    roundId: integer("round_id").references(() => rounds.id, { onDelete: "set null" }),
    villageId: villageRef("village_id").notNull(),
    householdId: integer("household_id").references(() => households.id, { onDelete: "cascade" }),
    personId: integer("person_id").references(() => people.id, { onDelete: "cascade" }),
    answers: jsonb("answers").$type<Answers>().notNull(),
    baseVersion: integer("base_version"),
    status: text("status").$type<SubmissionStatus>().notNull().default("accepted"),
    /** For a conflict: the submission it collided with. */
    conflictWith: integer("conflict_with"),
    submittedBy: userRef("submitted_by"),
    collectedAt: at("collected_at"),
    receivedAt: at("received_at").notNull().defaultNow(),
    reviewedBy: userRef("reviewed_by"),
    reviewedAt: at("reviewed_at"),
    reviewNote: text("review_note").notNull().default(""),
  },
  (t) => [
    uniqueIndex("community_submissions_client_key").on(t.tambonId, t.clientId),
    index("community_submissions_form_idx").on(t.tambonId, t.formId, t.roundId),
    index("community_submissions_household_idx").on(t.tambonId, t.householdId),
    index("community_submissions_village_idx").on(t.tambonId, t.villageId),
  ],
);

/** Every read of personal data: who looked at what, when (PDPA; shown to the tambon's admin). */
export const personalReads = pgTable(
  "community_personal_reads",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tambonId: tambonId(),
    userId: userRef("user_id"),
    subject: text("subject").$type<ReadSubject>().notNull(),
    subjectId: integer("subject_id"),
    /** What was shown: a page's path and filters, an export's name. */
    detail: text("detail").notNull().default(""),
    /** How many records were shown. */
    records: integer("records").notNull().default(1),
    at: at("at").notNull().defaultNow(),
  },
  (t) => [index("community_personal_reads_at_idx").on(t.tambonId, t.at)],
);

/** A person's request to see, correct or delete their data, and what was done. */
export const dataRequests = pgTable(
  "community_data_requests",
  {
    ...tambonKeys(),
    personId: integer("person_id").references(() => people.id, { onDelete: "set null" }),
    /** Who asked, as the requester gave it (kept when the person's record is erased). */
    requester: text("requester").notNull(),
    kind: text("kind").$type<RequestKind>().notNull(),
    status: text("status").$type<RequestStatus>().notNull().default("open"),
    receivedOn: date("received_on").notNull(),
    details: text("details").notNull().default(""),
    outcome: text("outcome").notNull().default(""),
    createdBy: userRef("created_by"),
    handledBy: userRef("handled_by"),
    handledAt: at("handled_at"),
    createdAt: createdAt(),
  },
  (t) => [index("community_data_requests_tambon_idx").on(t.tambonId, t.status)],
);

/** A tambon's settings for its community data (one row per tambon, made when first saved). */
export const communitySettings = pgTable("community_settings", {
  tambonId: integer("tambon_id")
    .primaryKey()
    .references(() => tambons.id, { onDelete: "cascade" }),
  /** Who decides about the data (the data controller), shown on the privacy notice. */
  controller: text("controller").notNull().default(""),
  contact: text("contact").notNull().default(""),
  defaultPurpose: text("default_purpose").notNull().default(""),
  /** Years a record is kept after its last change, unless it says otherwise. */
  retentionYears: integer("retention_years").notNull().default(5),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

/**
 * A figure the tambon already has (e.g. a จปฐ. summary) for a village, or for the whole tambon
 * when `villageId` is null, in a year (พ.ศ.): imported or entered instead of collected again.
 */
export const figures = pgTable(
  "community_figures",
  {
    ...tambonKeys(),
    villageId: villageRef("village_id"),
    year: integer("year").notNull(),
    code: text("code").notNull(),
    label: text("label").notNull(),
    numerator: numeric("numerator").notNull(),
    denominator: numeric("denominator"),
    source: text("source").$type<FigureSource>().notNull().default("import"),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("community_figures_key").on(
      t.tambonId,
      sql`coalesce(${t.villageId}, 0)`,
      t.year,
      t.code,
    ),
  ],
);

/**
 * An indicator of the plans module computed from answers: the share (or count) of a form's
 * records whose answer to `question` is `value` (or is "yes" / any answer when null).
 */
export const indicatorSources = pgTable(
  "community_indicator_sources",
  {
    ...tambonKeys(),
    indicatorId: partOf("indicator_id", () => indicators.id),
    formId: partOf("form_id", () => forms.id),
    question: text("question").notNull(),
    value: text("value"),
    measure: text("measure").$type<IndicatorMeasure>().notNull().default("share"),
  },
  (t) => [uniqueIndex("community_indicator_sources_key").on(t.tambonId, t.indicatorId)],
);

/** A counter of a tambon's changes (one row per tambon), bumped by statement triggers. */
const tambonStamp = (name: string) =>
  pgTable(name, {
    tambonId: integer("tambon_id")
      .primaryKey()
      .references(() => tambons.id, { onDelete: "cascade" }),
    stamp: bigint("stamp", { mode: "number" }).notNull().default(0),
  });

/**
 * How many times a tambon's households or people changed: bumped by statement triggers on
 * `community_households` and `community_people` (migration community_figure_stamps), so the
 * figures counted over a million people are counted again only after a change.
 */
export const figureStamps = tambonStamp("community_figure_stamps");

/**
 * How many times a tambon's survey submissions changed (sent, reviewed, moved to another round,
 * removed): bumped by statement triggers on `community_submissions`, so each form's answer
 * counts are counted again only after such a change, and not after a change to the registry.
 */
export const answerStamps = tambonStamp("community_answer_stamps");

/**
 * How many times a village's households or people changed, bumped by the same triggers with the
 * villages of the rows each statement touched (both sides of an update, so a person moving
 * between villages moves both): the figures count again only the villages whose stamp moved.
 */
export const figureVillageStamps = pgTable(
  "community_figure_village_stamps",
  {
    villageId: villageRef("village_id").primaryKey(),
    tambonId: tambonId(),
    stamp: bigint("stamp", { mode: "number" }).notNull().default(0),
  },
  (t) => [index("community_figure_village_stamps_tambon_idx").on(t.tambonId)],
);

/**
 * Living people per village, sex and month of birth (`-infinity` for people without a birth
 * date), kept by statement triggers on `community_people` (migration
 * community_people_month_counts): the village figures read these few thousand rows, and the
 * people of the months that hold an age-band edge, instead of every person of the tambon.
 */
export const peopleMonthCounts = pgTable(
  "community_people_month_counts",
  {
    villageId: villageRef("village_id").notNull(),
    tambonId: tambonId(),
    sex: text("sex").$type<Sex>().notNull(),
    birthMonth: date("birth_month").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.villageId, t.sex, t.birthMonth] }),
    index("community_people_month_counts_tambon_idx").on(t.tambonId),
  ],
);

/** Active households per village, kept by statement triggers on `community_households`. */
export const householdCounts = pgTable(
  "community_household_counts",
  {
    villageId: villageRef("village_id").primaryKey(),
    tambonId: tambonId(),
    n: integer("n").notNull(),
  },
  (t) => [index("community_household_counts_tambon_idx").on(t.tambonId)],
);
