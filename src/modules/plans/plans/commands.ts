import { z } from "zod";
import type { Db } from "../../../core/db/index.ts";
import { auditBy } from "../../../core/audit.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { fail, missing, ok, refused } from "../../../core/result.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { getArea } from "../../areas/public.ts";
import { linkClause, listClauses } from "../../charter/public.ts";
import type { PlansResult } from "../messages.ts";
import { planStrategies, plans } from "../schema.ts";
import { PLAN_STATUSES } from "../shared/kinds.ts";
import { getPlan, getStrategy, strategyName, type Plan, type Strategy } from "./queries.ts";
import { syncPlanSearch } from "../search.ts";
import { tambonWhere, lastNumber } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

const planSchema = z.object({
  title: fields.text(200),
  firstYear: fields.int(2500, 2700),
  years: fields.optionalInt(1, 10),
  status: fields.optionalChoice(PLAN_STATUSES, "draft"),
  description: fields.optionalText(4000),
});

/** Creates a plan, or edits one (`planId`): validate → authorize → write + audit. */
export async function savePlan(
  db: Db,
  actor: Actor,
  tambonId: number,
  input: Record<string, string>,
  planId?: number,
): Promise<PlansResult<Plan>> {
  if (!can(actor, "plan.manage", { tambonId })) return refused();
  const parsed = parseForm(planSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  return db.transaction(async (tx): Promise<PlansResult<Plan>> => {
    const current = planId ? await getPlan(tx, tambonId, planId) : undefined;
    if (planId && !current) return missing();
    const values = {
      title: v.title,
      firstYear: v.firstYear,
      years: v.years ?? 5,
      status: v.status,
      description: v.description,
    };
    const [row] = current
      ? await tx
          .update(plans)
          .set({
            ...pick(values, "title", "firstYear", "years", "status", "description"),
            updatedAt: new Date(),
          })
          .where(tambonWhere(plans, tambonId, { id: current.id }))
          .returning()
      : await tx
          .insert(plans)
          .values({
            tambonId,
            ...pick(values, "title", "firstYear", "years", "status", "description"),
            createdBy: actor.user?.id ?? null,
          })
          .returning();
    await auditBy(tx, actor, tambonId, {
      action: current ? "plan.update" : "plan.create",
      targetType: "plan",
      targetId: row!.id,
      before: current ? { ...pick(current, "title", "firstYear", "status") } : null,
      after: values,
    });
    await syncPlanSearch(tx, tambonId, row!.id);
    return ok(row!);
  });
}

const strategySchema = z.object({
  code: fields.optionalText(20),
  title: fields.text(300),
  areaId: fields.optionalInt(1, 2_147_483_647),
  position: fields.optionalInt(0, 1000),
});

/** Adds a strategy to a plan, or edits one (`strategyId`). */
export async function saveStrategy(
  db: Db,
  actor: Actor,
  tambonId: number,
  planId: number,
  input: Record<string, string>,
  strategyId?: number,
): Promise<PlansResult<Strategy>> {
  if (!can(actor, "plan.manage", { tambonId })) return refused();
  const parsed = parseForm(strategySchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  if (v.areaId != null && !(await getArea(db, tambonId, v.areaId)))
    return fail("areaId", "project.unknownArea");
  return db.transaction(async (tx): Promise<PlansResult<Strategy>> => {
    const plan = await getPlan(tx, tambonId, planId);
    if (!plan) return missing();
    const current = strategyId ? await getStrategy(tx, tambonId, strategyId) : undefined;
    if (strategyId && (!current || current.planId !== plan.id)) return missing();
    let position = v.position;
    if (position == null) {
      const last = await lastNumber(tx, planStrategies, "position", tambonId, { planId: plan.id });
      position = current?.position ?? last + 1;
    }
    const [row] = current
      ? await tx
          .update(planStrategies)
          .set({ ...pick(v, "code", "title", "areaId"), position })
          .where(tambonWhere(planStrategies, tambonId, { id: current.id }))
          .returning()
      : await tx
          .insert(planStrategies)
          .values({
            tambonId,
            planId: plan.id,
            ...pick(v, "code", "title", "areaId"),
            position,
          })
          .returning();
    await auditBy(tx, actor, tambonId, {
      action: current ? "strategy.update" : "strategy.create",
      targetType: "plan_strategy",
      targetId: row!.id,
      before: current ? { code: current.code, title: current.title } : null,
      after: { planId: plan.id, ...pick(v, "code", "title", "areaId") },
    });
    return ok(row!);
  });
}

/**
 * Links a strategy to a charter clause it carries out (`clause` = "charterId:clauseKey", one of
 * the clauses in force), through the charter module; audited here.
 */
export async function linkStrategyClause(
  db: Db,
  actor: Actor,
  tambonId: number,
  strategyId: number,
  input: Record<string, string>,
  url: string,
): Promise<PlansResult<Strategy>> {
  if (!can(actor, "plan.manage", { tambonId })) return refused();
  const strategy = await getStrategy(db, tambonId, strategyId);
  if (!strategy) return missing();
  const m = /^(\d{1,9}):(\d{1,9})$/.exec((input.clause ?? "").trim());
  if (!m) return fail("clause", "err.required");
  const charterId = Number(m[1]);
  const clauseKey = Number(m[2]);
  const clauses = await listClauses(db, tambonId);
  const clause = clauses.find((c) => c.charterId === charterId && c.clauseKey === clauseKey);
  if (!clause) return fail("clause", "strategy.unknownClause");
  return db.transaction(async (tx): Promise<PlansResult<Strategy>> => {
    const linked = await linkClause(tx, tambonId, {
      charterId,
      clauseKey,
      targetType: "plan_strategy",
      targetId: strategy.id,
      label: strategyName(strategy),
      url,
    });
    if (!linked) return fail("clause", "strategy.unknownClause");
    await auditBy(tx, actor, tambonId, {
      action: "strategy.linkClause",
      targetType: "plan_strategy",
      targetId: strategy.id,
      after: { charterId, clauseKey },
    });
    return ok(strategy);
  });
}
