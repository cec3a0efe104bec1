import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { storedFiles, tambons, users, villages } from "../../core/db/schema.ts";
import { issueAreas } from "../areas/public.ts";
import type {
  BudgetSource,
  Direction,
  EditionKind,
  EditionSnapshot,
  FigureSource,
  FormCategory,
  IndicatorSource,
  LinkKind,
  MeasurementSource,
  PartnerRole,
  PlanStatus,
  ProjectStatus,
  Rating,
  RatingSubject,
  Rollup,
  RoundStatus,
  TargetGroup,
} from "./shared/kinds.ts";

const tambonId = () =>
  integer("tambon_id")
    .notNull()
    .references(() => tambons.id, { onDelete: "cascade" });
const at = (name: string) => timestamp(name, { withTimezone: true });
const userRef = (name: string) =>
  integer(name).references(() => users.id, { onDelete: "set null" });
/** Money in baht, two decimals (read back as a string). */
const money = (name: string) => numeric(name, { precision: 14, scale: 2 });
const areaRef = (name: string) =>
  integer(name).references(() => issueAreas.id, { onDelete: "set null" });
const villageRef = (name: string) =>
  integer(name).references(() => villages.id, { onDelete: "cascade" });

/** A development plan (แผนพัฒนาท้องถิ่น) of a tambon over fiscal years, five by default. */
export const plans = pgTable(
  "plans",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    title: text("title").notNull(),
    /** The first fiscal year it covers, in พ.ศ. (2566 for the plan 2566–2570). */
    firstYear: integer("first_year").notNull(),
    years: integer("years").notNull().default(5),
    status: text("status").$type<PlanStatus>().notNull().default("draft"),
    description: text("description").notNull().default(""),
    createdBy: userRef("created_by"),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [index("plans_tambon_idx").on(t.tambonId, t.firstYear)],
);

/** A strategy or development issue (ยุทธศาสตร์) of a plan, filed under an issue area. */
export const planStrategies = pgTable(
  "plan_strategies",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    areaId: areaRef("area_id"),
    code: text("code").notNull().default(""),
    title: text("title").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("plan_strategies_plan_idx").on(t.tambonId, t.planId, t.position)],
);

/** An approved edition of a plan: the first, an additional one (เพิ่มเติม) or a changed one (เปลี่ยนแปลง). */
export const planEditions = pgTable(
  "plan_editions",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
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
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("plan_editions_plan_idx").on(t.tambonId, t.planId),
    uniqueIndex("plan_editions_number_key").on(t.planId, t.kind, t.number),
  ],
);

/** A project (โครงการ) of a plan, proposed by a resident or staff; sub-projects have a parent. */
export const projects = pgTable(
  "projects",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    parentId: integer("parent_id"),
    /** ลำดับ: its number in the plan's forms. */
    seq: integer("seq").notNull().default(0),
    title: text("title").notNull(),
    areaId: areaRef("area_id"),
    strategyId: integer("strategy_id").references(() => planStrategies.id, {
      onDelete: "set null",
    }),
    wholeTambon: boolean("whole_tambon").notNull().default(false),
    targetGroups: text("target_groups")
      .array()
      .$type<TargetGroup[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    objectives: text("objectives").notNull().default(""),
    /** เป้าหมาย/ผลผลิต. */
    outputs: text("outputs").notNull().default(""),
    kpi: text("kpi").notNull().default(""),
    expectedResults: text("expected_results").notNull().default(""),
    /** หน่วยงานรับผิดชอบหลัก as written on the form (partners are linked apart). */
    responsibleUnit: text("responsible_unit").notNull().default(""),
    formCategory: text("form_category").$type<FormCategory>().notNull().default("p02"),
    status: text("status").$type<ProjectStatus>().notNull().default("proposed"),
    /** Its own progress, 0–100 (sub-projects roll up into the shown progress). */
    progress: integer("progress").notNull().default(0),
    weight: integer("weight").notNull().default(1),
    rollup: text("rollup").$type<Rollup>().notNull().default("average"),
    proposedBy: userRef("proposed_by"),
    /** The priority question (decisions module) it was put to. */
    questionId: integer("question_id"),
    /** The project's own alternative in that question (its rank is the project's priority). */
    questionAlternativeId: integer("question_alternative_id"),
    mergedIntoId: integer("merged_into_id"),
    /** The edition that brought it into the plan. */
    editionId: integer("edition_id").references(() => planEditions.id, { onDelete: "set null" }),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("projects_plan_idx").on(t.tambonId, t.planId, t.seq),
    index("projects_parent_idx").on(t.tambonId, t.parentId),
    index("projects_area_idx").on(t.tambonId, t.areaId),
    index("projects_status_idx").on(t.tambonId, t.status),
  ],
);

/** A village a project covers. */
export const projectVillages = pgTable(
  "project_villages",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    villageId: villageRef("village_id").notNull(),
  },
  (t) => [
    uniqueIndex("project_villages_key").on(t.projectId, t.villageId),
    index("project_villages_village_idx").on(t.tambonId, t.villageId),
  ],
);

/** The budget of a project in one fiscal year from one source. */
export const projectBudgets = pgTable(
  "project_budgets",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    fiscalYear: integer("fiscal_year").notNull(),
    source: text("source").$type<BudgetSource>().notNull().default("local"),
    amount: money("amount").notNull(),
  },
  (t) => [
    uniqueIndex("project_budgets_key").on(t.projectId, t.fiscalYear, t.source),
    index("project_budgets_year_idx").on(t.tambonId, t.fiscalYear),
  ],
);

/** A partner (network module) responsible for or supporting a project. */
export const projectPartners = pgTable(
  "project_partners",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    partnerId: integer("partner_id").notNull(),
    role: text("role").$type<PartnerRole>().notNull().default("responsible"),
  },
  (t) => [
    uniqueIndex("project_partners_key").on(t.projectId, t.partnerId),
    index("project_partners_partner_idx").on(t.tambonId, t.partnerId),
  ],
);

/** A dated milestone of a project, shown publicly once due. */
export const projectMilestones = pgTable(
  "project_milestones",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    dueOn: date("due_on").notNull(),
    doneOn: date("done_on"),
    note: text("note").notNull().default(""),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("project_milestones_project_idx").on(t.tambonId, t.projectId, t.dueOn)],
);

/**
 * A photo or document of a project, kept in the core file store: photos re-encoded (with a
 * thumbnail), documents as they came, each with a caption and its place in the gallery.
 */
export const projectFiles = pgTable(
  "project_files",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"photo" | "document">().notNull(),
    name: text("name").notNull(),
    caption: text("caption").notNull().default(""),
    mime: text("mime").notNull(),
    bytes: integer("bytes").notNull(),
    position: integer("position").notNull().default(0),
    fileId: integer("file_id")
      .notNull()
      .references(() => storedFiles.id),
    thumbFileId: integer("thumb_file_id").references(() => storedFiles.id),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [index("project_files_project_idx").on(t.tambonId, t.projectId, t.position)],
);

/** An entry of a project's timeline: a status or progress change with its note. */
export const projectUpdates = pgTable(
  "project_updates",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    status: text("status").$type<ProjectStatus>().notNull(),
    progress: integer("progress").notNull(),
    note: text("note").notNull().default(""),
    authorId: userRef("author_id"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [index("project_updates_project_idx").on(t.tambonId, t.projectId, t.createdAt)],
);

/** Two projects found to overlap, to duplicate each other, or merged (the project is merged into the other). */
export const projectLinks = pgTable(
  "project_links",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    otherId: integer("other_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    kind: text("kind").$type<LinkKind>().notNull(),
    note: text("note").notNull().default(""),
    createdBy: userRef("created_by"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("project_links_key").on(t.projectId, t.otherId, t.kind),
    index("project_links_project_idx").on(t.tambonId, t.projectId),
    index("project_links_other_idx").on(t.tambonId, t.otherId),
  ],
);

/** An indicator (ตัวชี้วัด): what is counted, in which unit, and which way is better. */
export const indicators = pgTable(
  "indicators",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    planId: integer("plan_id").references(() => plans.id, { onDelete: "set null" }),
    areaId: areaRef("area_id"),
    name: text("name").notNull(),
    unit: text("unit").notNull().default(""),
    /** What is counted, or the formula. */
    definition: text("definition").notNull().default(""),
    direction: text("direction").$type<Direction>().notNull().default("up"),
    source: text("source").$type<IndicatorSource>().notNull().default("manual"),
    baselineValue: numeric("baseline_value"),
    baselineYear: integer("baseline_year"),
    decimals: integer("decimals").notNull().default(0),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("indicators_plan_idx").on(t.tambonId, t.planId),
    index("indicators_area_idx").on(t.tambonId, t.areaId),
  ],
);

/** A project an indicator measures. */
export const indicatorProjects = pgTable(
  "indicator_projects",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
  },
  (t) => [
    uniqueIndex("indicator_projects_key").on(t.indicatorId, t.projectId),
    index("indicator_projects_project_idx").on(t.tambonId, t.projectId),
  ],
);

/** An indicator's target for a fiscal year. */
export const indicatorTargets = pgTable(
  "indicator_targets",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    fiscalYear: integer("fiscal_year").notNull(),
    target: numeric("target").notNull(),
  },
  (t) => [
    uniqueIndex("indicator_targets_key").on(t.indicatorId, t.fiscalYear),
    index("indicator_targets_tambon_idx").on(t.tambonId, t.indicatorId),
  ],
);

/** A measured value of an indicator for a village (or the whole tambon: no village) at a period's end. */
export const measurements = pgTable(
  "measurements",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    villageId: villageRef("village_id"),
    fiscalYear: integer("fiscal_year").notNull(),
    periodEnd: date("period_end").notNull(),
    value: numeric("value").notNull(),
    source: text("source").$type<MeasurementSource>().notNull().default("manual"),
    /** The key of the imported row it came from, so that importing the same file again changes nothing. */
    importKey: text("import_key"),
    note: text("note").notNull().default(""),
    recordedBy: userRef("recorded_by"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("measurements_key").on(
      t.tambonId,
      t.indicatorId,
      sql`coalesce(${t.villageId}, 0)`,
      t.periodEnd,
    ),
    index("measurements_indicator_idx").on(t.tambonId, t.indicatorId, t.fiscalYear),
    index("measurements_import_idx").on(t.tambonId, t.importKey),
  ],
);

/** An evaluation round (รอบการประเมิน) of a plan, held together in a meeting. */
export const evaluationRounds = pgTable(
  "evaluation_rounds",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    heldOn: date("held_on"),
    meetingId: integer("meeting_id"),
    status: text("status").$type<RoundStatus>().notNull().default("open"),
    summary: text("summary").notNull().default(""),
    decisions: text("decisions").notNull().default(""),
    carriedToEditionId: integer("carried_to_edition_id").references(() => planEditions.id, {
      onDelete: "set null",
    }),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [index("evaluation_rounds_plan_idx").on(t.tambonId, t.planId)],
);

/** One rater's rating of a project or a charter clause in a round. */
export const evaluationRatings = pgTable(
  "evaluation_ratings",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    roundId: integer("round_id")
      .notNull()
      .references(() => evaluationRounds.id, { onDelete: "cascade" }),
    subjectType: text("subject_type").$type<RatingSubject>().notNull(),
    projectId: integer("project_id").references(() => projects.id, { onDelete: "cascade" }),
    charterId: integer("charter_id"),
    clauseKey: integer("clause_key"),
    raterId: userRef("rater_id"),
    rating: text("rating").$type<Rating>().notNull(),
    helped: text("helped").notNull().default(""),
    blocked: text("blocked").notNull().default(""),
    createdAt: at("created_at").notNull().defaultNow(),
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

/** A village's people and households in a fiscal year, when the community-data module is absent. */
export const villageFigures = pgTable(
  "village_figures",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    villageId: villageRef("village_id").notNull(),
    fiscalYear: integer("fiscal_year").notNull(),
    people: integer("people"),
    households: integer("households"),
    source: text("source").$type<FigureSource>().notNull().default("entered"),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("village_figures_key").on(t.tambonId, t.villageId, t.fiscalYear)],
);
