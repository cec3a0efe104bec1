/** The words of the plans module that are stored as text: statuses, kinds and sources. */

export const PLAN_STATUSES = ["draft", "active", "closed"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const EDITION_KINDS = ["first", "additional", "changed"] as const;
export type EditionKind = (typeof EDITION_KINDS)[number];

export const PROJECT_STATUSES = [
  "proposed",
  "screened",
  "in_plan",
  "in_progress",
  "done",
  "cancelled",
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** The form of the local development plan a project is listed on (ผ.02, ผ.02/1, ผ.02/2, ผ.03). */
export const FORM_CATEGORIES = ["p02", "p02_1", "p02_2", "p03"] as const;
export type FormCategory = (typeof FORM_CATEGORIES)[number];

export const TARGET_GROUPS = [
  "everyone",
  "elderly",
  "disabled",
  "children",
  "youth",
  "women",
  "patients",
  "low_income",
  "farmers",
] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

/**
 * What a project aims at, in the order of the ผ.02 columns: its objectives, outputs (เป้าหมาย),
 * KPI and expected results. The project's form, commands, import, reports and search take them
 * together.
 */
export const PROJECT_AIMS = ["objectives", "outputs", "kpi", "expectedResults"] as const;

/** Where a project's money comes from (กปท. is the local health fund). */
export const BUDGET_SOURCES = [
  "local",
  "health_fund",
  "thaihealth",
  "province",
  "partner",
  "community",
  "other",
] as const;
export type BudgetSource = (typeof BUDGET_SOURCES)[number];

export const ROLLUPS = ["average", "weighted"] as const;
export type Rollup = (typeof ROLLUPS)[number];

export const PARTNER_ROLES = ["responsible", "supporting"] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

export const LINK_KINDS = ["overlaps", "duplicate", "merged"] as const;
export type LinkKind = (typeof LINK_KINDS)[number];
/** The links staff draw between two projects themselves ("merged" comes of merging one). */
export const DRAWN_LINK_KINDS = ["overlaps", "duplicate"] as const;

export type Direction = "up" | "down";
export type IndicatorSource = "manual" | "import" | "community";
export type MeasurementSource = "manual" | "import" | "computed";
export type RoundStatus = "open" | "closed";
export type RatingSubject = "project" | "clause";
export type Rating = "achieved" | "partly" | "not";
export type FigureSource = "entered" | "community";

/** The progress a status implies when none is recorded (done is 100, proposed 0). */
export const STATUS_PROGRESS: Record<ProjectStatus, number | null> = {
  proposed: 0,
  screened: 0,
  in_plan: 0,
  in_progress: null,
  done: 100,
  cancelled: null,
};

/** A project as an edition recorded it when approved (for the differences between editions). */
export interface SnapshotProject {
  id: number;
  seq: number;
  title: string;
  status: ProjectStatus;
  areaId: number | null;
  strategyId: number | null;
  /** Budget per fiscal year (พ.ศ.), all sources summed, in baht. */
  budgets: Record<string, number>;
}

/** What an edition keeps of its plan at approval. */
export interface EditionSnapshot {
  takenAt: string;
  projects: SnapshotProject[];
}
