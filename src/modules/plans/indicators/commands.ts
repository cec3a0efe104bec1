import { z } from "zod";
import type { Db, Tx } from "../../../core/db/index.ts";
import { auditBy } from "../../../core/audit.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { parseId } from "../../../core/params.ts";
import { can } from "../../../core/policy.ts";
import { fail, missing, ok, refused, type FieldError } from "../../../core/result.ts";
import type { Actor } from "../../../core/roles.ts";
import { getArea } from "../../areas/public.ts";
import { linkClause, listClauses } from "../../charter/public.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import type { PlansKey, PlansResult } from "../messages.ts";
import { indicatorProjects, indicatorTargets, indicators, plans, projects } from "../schema.ts";
import { fiscalYearOf, planYears } from "../shared/fiscal.ts";
import type { Indicator } from "./queries.ts";
import { tambonRow, tambonWhere, tambonRows } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** The target type of an indicator in the charter's clause links. */
export const INDICATOR_TARGET = "plans.indicator";

/** A decimal number as typed ("12", "-3.5", "1,234.5"), or null when empty; undefined when not a number. */
export function parseDecimal(raw: string | undefined): number | null | undefined {
  const s = (raw ?? "").trim().replace(/,/g, "");
  if (s === "") return null;
  if (!/^-?\d{1,12}(\.\d{1,6})?$/.test(s)) return undefined;
  return Number(s);
}

const schema = z.object({
  name: fields.text(200),
  unit: fields.optionalText(40),
  definition: fields.optionalText(2000),
  direction: fields.choice(["up", "down"]),
  source: fields.optionalChoice(["manual", "import", "community"], "manual"),
  baselineYear: fields.optionalInt(2500, 2700),
  decimals: fields.optionalInt(0, 4),
});

/**
 * Creates an indicator, or edits one (`indicatorId`): its name, unit, what it counts, which way
 * is better, its data source, baseline, plan and issue area. Plan and area must be the tambon's.
 */
export async function saveIndicator(
  db: Db,
  actor: Actor,
  tambonId: number,
  input: Record<string, string>,
  indicatorId?: number,
): Promise<PlansResult<Indicator>> {
  if (!can(actor, "plan.manage", { tambonId })) return refused();
  const parsed = parseForm(schema, input);
  const errors: Record<string, FieldError<PlansKey | CoreKey>> = parsed.ok
    ? {}
    : { ...parsed.errors };
  const baseline = parseDecimal(input.baselineValue);
  if (baseline === undefined) errors.baselineValue = { key: "indicator.numberInvalid" };
  const planRaw = (input.planId ?? "").trim();
  const planId = planRaw === "" ? null : parseId(planRaw);
  if (planRaw !== "" && planId === null) errors.planId = { key: "indicator.unknownPlan" };
  const areaRaw = (input.areaId ?? "").trim();
  const areaId = areaRaw === "" ? null : parseId(areaRaw);
  if (areaRaw !== "" && areaId === null) errors.areaId = { key: "indicator.unknownArea" };
  if (!parsed.ok || Object.keys(errors).length) return { ok: false, errors };
  const v = parsed.value;
  return db.transaction(async (tx): Promise<PlansResult<Indicator>> => {
    const [current] = indicatorId
      ? await tambonRows(tx, indicators, tambonId, { id: indicatorId })
      : [];
    if (indicatorId && !current) return missing();
    if (planId !== null) {
      const [plan] = await tx
        .select({ id: plans.id })
        .from(plans)
        .where(tambonWhere(plans, tambonId, { id: planId }));
      if (!plan) return fail("planId", "indicator.unknownPlan");
    }
    if (areaId !== null && !(await getArea(tx, tambonId, areaId)))
      return fail("areaId", "indicator.unknownArea");
    const values = {
      ...pick(v, "name", "unit", "definition", "direction", "source"),
      baselineValue: baseline === null || baseline === undefined ? null : String(baseline),
      baselineYear: v.baselineYear,
      decimals: v.decimals ?? 0,
      planId,
      areaId,
    };
    const [row] = current
      ? await tx
          .update(indicators)
          .set(values)
          .where(tambonWhere(indicators, tambonId, { id: current.id }))
          .returning()
      : await tx
          .insert(indicators)
          .values({
            tambonId,
            ...pick(
              values,
              "name",
              "unit",
              "definition",
              "direction",
              "source",
              "baselineValue",
              "baselineYear",
              "decimals",
              "planId",
              "areaId",
            ),
          })
          .returning();
    await auditBy(tx, actor, tambonId, {
      action: current ? "indicator.update" : "indicator.create",
      targetType: "indicator",
      targetId: row!.id,
      before: current ? { ...current } : null,
      after: values,
    });
    return ok(row!);
  });
}

/**
 * The fiscal years an indicator's targets are set for: its plan's years, or (without a plan)
 * the two years before the current one to the two after.
 */
export async function targetYears(
  db: Db | Tx,
  tambonId: number,
  indicator: Indicator,
  now = new Date(),
): Promise<number[]> {
  if (indicator.planId !== null) {
    const plan = await tambonRow(db, plans, tambonId, indicator.planId);
    if (plan) return planYears(plan);
  }
  const year = fiscalYearOf(now);
  return [year - 2, year - 1, year, year + 1, year + 2];
}

/** The form field of a year's target. */
export const targetField = (year: number) => `target_${year}`;

/**
 * Sets an indicator's targets, one per fiscal year it covers (`target_<year>`); an empty box
 * removes that year's target. Every bad number is reported next to its box and nothing is saved.
 */
export async function saveTargets(
  db: Db,
  actor: Actor,
  tambonId: number,
  indicatorId: number,
  input: Record<string, string>,
): Promise<PlansResult<Map<number, number>>> {
  if (!can(actor, "plan.manage", { tambonId })) return refused();
  return db.transaction(async (tx): Promise<PlansResult<Map<number, number>>> => {
    const indicator = await tambonRow(tx, indicators, tambonId, indicatorId);
    if (!indicator) return missing();
    const years = await targetYears(tx, tambonId, indicator);
    const wanted = new Map<number, number | null>();
    const errors: Record<string, FieldError<PlansKey>> = {};
    for (const y of years) {
      const value = parseDecimal(input[targetField(y)]);
      if (value === undefined) errors[targetField(y)] = { key: "indicator.numberInvalid" };
      else wanted.set(y, value);
    }
    if (Object.keys(errors).length) return { ok: false, errors };
    const before = await tambonRows(tx, indicatorTargets, tambonId, { indicatorId });
    const saved = new Map<number, number>();
    for (const [year, value] of wanted) {
      const where = tambonWhere(indicatorTargets, tambonId, { indicatorId, fiscalYear: year });
      if (value === null) {
        await tx.delete(indicatorTargets).where(where);
        continue;
      }
      saved.set(year, value);
      const [had] = await tx
        .select({ id: indicatorTargets.id })
        .from(indicatorTargets)
        .where(where);
      if (had)
        await tx
          .update(indicatorTargets)
          .set({ target: String(value) })
          .where(tambonWhere(indicatorTargets, tambonId, { id: had.id }));
      else
        await tx
          .insert(indicatorTargets)
          .values({ tambonId, indicatorId, fiscalYear: year, target: String(value) });
    }
    await auditBy(tx, actor, tambonId, {
      action: "indicator.targets",
      targetType: "indicator",
      targetId: indicatorId,
      before: Object.fromEntries(before.map((b) => [b.fiscalYear, Number(b.target)])),
      after: Object.fromEntries(saved),
    });
    return ok(saved);
  });
}

/** Links an indicator to a project of the tambon (linking twice is harmless), or unlinks it. */
export async function setIndicatorProject(
  db: Db,
  actor: Actor,
  tambonId: number,
  indicatorId: number,
  input: Record<string, string>,
  linked: boolean,
): Promise<PlansResult<{ projectId: number }>> {
  if (!can(actor, "plan.manage", { tambonId })) return refused();
  const projectId = parseId((input.projectId ?? "").trim());
  if (projectId === null) return fail("projectId", "indicator.unknownProject");
  return db.transaction(async (tx): Promise<PlansResult<{ projectId: number }>> => {
    const [indicator] = await tx
      .select({ id: indicators.id })
      .from(indicators)
      .where(tambonWhere(indicators, tambonId, { id: indicatorId }));
    if (!indicator) return missing();
    const [project] = await tx
      .select({ id: projects.id, title: projects.title })
      .from(projects)
      .where(tambonWhere(projects, tambonId, { id: projectId }));
    if (!project) return fail("projectId", "indicator.unknownProject");
    const where = tambonWhere(indicatorProjects, tambonId, { indicatorId, projectId });
    const [had] = await tx
      .select({ id: indicatorProjects.id })
      .from(indicatorProjects)
      .where(where);
    if (linked && !had)
      await tx.insert(indicatorProjects).values({ tambonId, indicatorId, projectId });
    if (!linked && had) await tx.delete(indicatorProjects).where(where);
    if (linked !== Boolean(had))
      await auditBy(tx, actor, tambonId, {
        action: linked ? "indicator.linkProject" : "indicator.unlinkProject",
        targetType: "indicator",
        targetId: indicatorId,
        after: { projectId, title: project.title },
      });
    return ok({ projectId });
  });
}

/**
 * Links an indicator to a clause of a charter in force (`clause` = "charterId:clauseKey"),
 * through the charter module's links; the charter page then shows the indicator.
 */
export async function linkIndicatorClause(
  db: Db,
  actor: Actor,
  tambonId: number,
  tambonSlug: string,
  indicatorId: number,
  input: Record<string, string>,
): Promise<PlansResult<{ charterId: number; clauseKey: number }>> {
  if (!can(actor, "plan.manage", { tambonId })) return refused();
  const m = /^(\d{1,9}):(\d{1,9})$/.exec((input.clause ?? "").trim());
  if (!m) return fail("clause", "indicator.unknownClause");
  const charterId = Number(m[1]);
  const clauseKey = Number(m[2]);
  return db.transaction(async (tx) => {
    const indicator = await tambonRow(tx, indicators, tambonId, indicatorId);
    if (!indicator) return missing();
    const clause = (await listClauses(tx, tambonId)).find(
      (c) => c.charterId === charterId && c.clauseKey === clauseKey,
    );
    if (!clause) return fail("clause", "indicator.unknownClause");
    const linked = await linkClause(tx, tambonId, {
      charterId,
      clauseKey,
      targetType: INDICATOR_TARGET,
      targetId: indicator.id,
      label: indicator.name,
      url: `/t/${tambonSlug}/indicators/${indicator.id}`,
    });
    if (!linked) return fail("clause", "indicator.unknownClause");
    await auditBy(tx, actor, tambonId, {
      action: "indicator.linkClause",
      targetType: "indicator",
      targetId: indicator.id,
      after: { charterId, clauseKey, clause: clause.number },
    });
    return ok({ charterId, clauseKey });
  });
}
