import { index, integer, pgTable, serial, text } from "drizzle-orm/pg-core";
import type { PlanStatus } from "../shared/kinds.ts";
import { areaRef, at, tambonId, userRef } from "../shared/columns.ts";

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
