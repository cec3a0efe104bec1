import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import type { PlanStatus } from "../shared/kinds.ts";
import { areaRef, at, userRef, tambonKeys, partOf, createdAt } from "../shared/columns.ts";

/** A development plan (แผนพัฒนาท้องถิ่น) of a tambon over fiscal years, five by default. */
export const plans = pgTable(
  "plans",
  {
    ...tambonKeys(),
    title: text("title").notNull(),
    /** The first fiscal year it covers, in พ.ศ. (2566 for the plan 2566–2570). */
    firstYear: integer("first_year").notNull(),
    years: integer("years").notNull().default(5),
    status: text("status").$type<PlanStatus>().notNull().default("draft"),
    description: text("description").notNull().default(""),
    createdBy: userRef("created_by"),
    createdAt: createdAt(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [index("plans_tambon_idx").on(t.tambonId, t.firstYear)],
);

/** A strategy or development issue (ยุทธศาสตร์) of a plan, filed under an issue area. */
export const planStrategies = pgTable(
  "plan_strategies",
  {
    ...tambonKeys(),
    planId: partOf("plan_id", () => plans.id),
    areaId: areaRef("area_id"),
    code: text("code").notNull().default(""),
    title: text("title").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("plan_strategies_plan_idx").on(t.tambonId, t.planId, t.position)],
);
