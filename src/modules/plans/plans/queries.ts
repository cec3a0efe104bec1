import { asc, desc, eq, lt } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { tambonRowOf, tambonWhere, tambonRows } from "../../../core/db/tambon-row.ts";
import { planStrategies, plans } from "../schema.ts";
import { pick } from "../../../core/pick.ts";

/** A development plan as stored. */
export type Plan = typeof plans.$inferSelect;
/** A strategy of a plan as stored. */
export type Strategy = typeof planStrategies.$inferSelect;

/** The plans of a tambon, newest period first. */
export function listPlans(db: DbOrTx, tambonId: number): Promise<Plan[]> {
  return db
    .select()
    .from(plans)
    .where(eq(plans.tambonId, tambonId))
    .orderBy(desc(plans.firstYear), desc(plans.id));
}

/** One plan of a tambon (undefined when it is another tambon's). */
export const getPlan = tambonRowOf(plans);

/** A plan's heading (id, title and period), or undefined when it is another tambon's. */
export async function planHead(db: DbOrTx, tambonId: number, planId: number) {
  const [row] = await db
    .select({ ...pick(plans, "id", "title", "firstYear", "years") })
    .from(plans)
    .where(tambonWhere(plans, tambonId, { id: planId }));
  return row;
}

/** The plan in force (the newest active one), else the newest plan; undefined when none. */
export async function currentPlan(db: DbOrTx, tambonId: number): Promise<Plan | undefined> {
  const all = await listPlans(db, tambonId);
  return all.find((p) => p.status === "active") ?? all[0];
}

/** The plan before this one (the newest that starts earlier), for the duplicate check. */
export async function previousPlan(
  db: DbOrTx,
  tambonId: number,
  plan: Plan,
): Promise<Plan | undefined> {
  const [row] = await db
    .select()
    .from(plans)
    .where(tambonWhere(plans, tambonId, {}, lt(plans.firstYear, plan.firstYear)))
    .orderBy(desc(plans.firstYear), desc(plans.id))
    .limit(1);
  return row;
}

/** The strategies of a plan, in order. */
export function listStrategies(db: DbOrTx, tambonId: number, planId: number): Promise<Strategy[]> {
  return tambonRows(
    db,
    planStrategies,
    tambonId,
    { planId },
    asc(planStrategies.position),
    asc(planStrategies.id),
  );
}

/** One strategy of a tambon (undefined when it is another tambon's). */
export const getStrategy = tambonRowOf(planStrategies);

/** A strategy's name as the forms print it: "1 ยุทธศาสตร์…" (its code first when it has one). */
export function strategyName(s: Pick<Strategy, "code" | "title">): string {
  return s.code ? `${s.code}. ${s.title}` : s.title;
}
