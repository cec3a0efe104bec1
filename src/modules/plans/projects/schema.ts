import { sql } from "drizzle-orm";
import { boolean, date, index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { storedFiles } from "../../../core/db/schema.ts";
import type {
  BudgetSource,
  FormCategory,
  LinkKind,
  PartnerRole,
  ProjectStatus,
  Rollup,
  TargetGroup,
} from "../shared/kinds.ts";
import { planEditions } from "../editions/schema.ts";
import { planStrategies, plans } from "../plans/schema.ts";
import {
  areaRef,
  at,
  money,
  userRef,
  villageRef,
  tambonKeys,
  partOf,
  createdAt,
} from "../shared/columns.ts";

/** A project (โครงการ) of a plan, proposed by a resident or staff; sub-projects have a parent. */
export const projects = pgTable(
  "projects",
  {
    ...tambonKeys(),
    planId: partOf("plan_id", () => plans.id),
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
    createdAt: createdAt(),
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
    ...tambonKeys(),
    projectId: partOf("project_id", () => projects.id),
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
    ...tambonKeys(),
    projectId: partOf("project_id", () => projects.id),
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
    ...tambonKeys(),
    projectId: partOf("project_id", () => projects.id),
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
    ...tambonKeys(),
    projectId: partOf("project_id", () => projects.id),
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
    ...tambonKeys(),
    projectId: partOf("project_id", () => projects.id),
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
    createdAt: createdAt(),
  },
  (t) => [index("project_files_project_idx").on(t.tambonId, t.projectId, t.position)],
);

/** An entry of a project's timeline: a status or progress change with its note. */
export const projectUpdates = pgTable(
  "project_updates",
  {
    ...tambonKeys(),
    projectId: partOf("project_id", () => projects.id),
    status: text("status").$type<ProjectStatus>().notNull(),
    progress: integer("progress").notNull(),
    note: text("note").notNull().default(""),
    authorId: userRef("author_id"),
    createdAt: createdAt(),
  },
  (t) => [index("project_updates_project_idx").on(t.tambonId, t.projectId, t.createdAt)],
);

/** Two projects found to overlap, to duplicate each other, or merged (the project is merged into the other). */
export const projectLinks = pgTable(
  "project_links",
  {
    ...tambonKeys(),
    projectId: partOf("project_id", () => projects.id),
    otherId: partOf("other_id", () => projects.id),
    kind: text("kind").$type<LinkKind>().notNull(),
    note: text("note").notNull().default(""),
    createdBy: userRef("created_by"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("project_links_key").on(t.projectId, t.otherId, t.kind),
    index("project_links_project_idx").on(t.tambonId, t.projectId),
    index("project_links_other_idx").on(t.tambonId, t.otherId),
  ],
);
