import { index, integer, numeric, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import type { Direction, IndicatorSource } from "../shared/kinds.ts";
import { plans } from "../plans/schema.ts";
import { projects } from "../projects/schema.ts";
import { areaRef, tambonKeys, partOf, createdAt } from "../shared/columns.ts";

/** An indicator (ตัวชี้วัด): what is counted, in which unit, and which way is better. */
export const indicators = pgTable(
  "indicators",
  {
    ...tambonKeys(),
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
    createdAt: createdAt(),
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
    ...tambonKeys(),
    indicatorId: partOf("indicator_id", () => indicators.id),
    projectId: partOf("project_id", () => projects.id),
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
    ...tambonKeys(),
    indicatorId: partOf("indicator_id", () => indicators.id),
    fiscalYear: integer("fiscal_year").notNull(),
    target: numeric("target").notNull(),
  },
  (t) => [
    uniqueIndex("indicator_targets_key").on(t.indicatorId, t.fiscalYear),
    index("indicator_targets_tambon_idx").on(t.tambonId, t.indicatorId),
  ],
);
