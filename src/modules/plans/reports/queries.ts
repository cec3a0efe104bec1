import { asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { villages } from "../../../core/db/schema.ts";
import { listAreas } from "../../areas/public.ts";
import {
  indicatorTargets,
  indicators,
  measurements,
  planStrategies,
  plans,
  projectBudgets,
  projectVillages,
  projects,
} from "../schema.ts";
import {
  PROJECT_AIMS,
  type FormCategory,
  type ProjectStatus,
  type Rollup,
  type TargetGroup,
} from "../shared/kinds.ts";
import { COUNTED_STATUSES } from "../distribution/shares.ts";
import { tambonWhere, anyOf } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** A plan as the reports head it. */
export interface ReportPlan {
  id: number;
  title: string;
  firstYear: number;
  years: number;
  status: string;
  description: string;
}

/** The columns of a `ReportPlan`. */
const reportPlanColumns = {
  ...pick(plans, "id", "title", "firstYear", "years", "status", "description"),
};

/** A strategy of the plan, in order. */
export interface ReportStrategy {
  id: number;
  code: string;
  title: string;
  areaId: number | null;
}

/** A village a project covers (หมู่ที่ and its code, kept as text). */
export interface ReportVillage {
  id: number;
  moo: number;
  nameTh: string;
  code: string;
}

/** A project with what the forms and exports print. No proposer: reports carry no personal data. */
export interface ReportProject {
  id: number;
  seq: number;
  parentId: number | null;
  title: string;
  areaId: number | null;
  areaName: string;
  strategyId: number | null;
  wholeTambon: boolean;
  targetGroups: TargetGroup[];
  objectives: string;
  outputs: string;
  kpi: string;
  expectedResults: string;
  responsibleUnit: string;
  formCategory: FormCategory;
  status: ProjectStatus;
  progress: number;
  weight: number;
  rollup: Rollup;
  villages: ReportVillage[];
  /** Budget per fiscal year (all sources), in baht. */
  byYear: Map<number, number>;
  /** Budget per fiscal year and source. */
  bySource: { fiscalYear: number; source: string; amount: number }[];
}

/** A plan of the tambon (undefined when it is another tambon's). */
export async function reportPlan(
  db: DbOrTx,
  tambonId: number,
  planId: number,
): Promise<ReportPlan | undefined> {
  const [row] = await db
    .select(reportPlanColumns)
    .from(plans)
    .where(tambonWhere(plans, tambonId, { id: planId }));
  return row;
}

/** The tambon's plans, newest first (for the open data). */
export function reportPlans(db: DbOrTx, tambonId: number): Promise<ReportPlan[]> {
  return db
    .select(reportPlanColumns)
    .from(plans)
    .where(eq(plans.tambonId, tambonId))
    .orderBy(sql`${plans.firstYear} desc`, sql`${plans.id} desc`);
}

/** The strategies of plans, in order. */
export function reportStrategies(
  db: DbOrTx,
  tambonId: number,
  planIds: number[],
): Promise<(ReportStrategy & { planId: number })[]> {
  if (!planIds.length) return Promise.resolve([]);
  return db
    .select({
      ...pick(planStrategies, "id", "planId", "code", "title", "areaId"),
    })
    .from(planStrategies)
    .where(tambonWhere(planStrategies, tambonId, { planId: anyOf(planIds) }))
    .orderBy(asc(planStrategies.position), asc(planStrategies.id));
}

/**
 * The projects of plans as the reports print them, by ลำดับ. `all` keeps every project (the
 * project list, the open data); otherwise only those in the plan's money (screened or later,
 * neither cancelled nor merged), as the forms list them.
 */
export async function reportProjects(
  db: DbOrTx,
  tambonId: number,
  planIds: number[],
  opts: { all?: boolean } = {},
): Promise<(ReportProject & { planId: number })[]> {
  if (!planIds.length) return [];
  const rows = await db
    .select({
      ...pick(
        projects,
        "id",
        "planId",
        "seq",
        "parentId",
        "title",
        "areaId",
        "strategyId",
        "wholeTambon",
        "targetGroups",
        ...PROJECT_AIMS,
        "responsibleUnit",
        "formCategory",
        "status",
        "progress",
        "weight",
        "rollup",
      ),
    })
    .from(projects)
    .where(
      tambonWhere(
        projects,
        tambonId,
        { planId: anyOf(planIds) },
        ...(opts.all
          ? []
          : [isNull(projects.mergedIntoId), inArray(projects.status, [...COUNTED_STATUSES])]),
      ),
    )
    .orderBy(asc(projects.planId), asc(projects.seq), asc(projects.id));
  if (!rows.length) return [];
  const inPlans = sql`(select ${projects.id} from ${projects} where ${projects.tambonId} = ${tambonId} and ${inArray(projects.planId, planIds)})`;
  const [budgets, covered, areas] = await Promise.all([
    db
      .select({
        ...pick(projectBudgets, "projectId", "fiscalYear", "source", "amount"),
      })
      .from(projectBudgets)
      .where(
        tambonWhere(projectBudgets, tambonId, {}, sql`${projectBudgets.projectId} in ${inPlans}`),
      )
      .orderBy(asc(projectBudgets.fiscalYear), asc(projectBudgets.source)),
    db
      .select({
        projectId: projectVillages.projectId,
        ...pick(villages, "id", "moo", "nameTh", "code"),
      })
      .from(projectVillages)
      .innerJoin(villages, tambonWhere(villages, tambonId, { id: projectVillages.villageId }))
      .where(
        tambonWhere(projectVillages, tambonId, {}, sql`${projectVillages.projectId} in ${inPlans}`),
      )
      .orderBy(asc(villages.moo)),
    listAreas(db, tambonId),
  ]);
  const areaNames = new Map(areas.map((a) => [a.id, a.nameTh]));
  const money = new Map<number, ReportProject["bySource"]>();
  for (const b of budgets)
    money.set(b.projectId, [
      ...(money.get(b.projectId) ?? []),
      { fiscalYear: b.fiscalYear, source: b.source, amount: Number(b.amount) },
    ]);
  const where = new Map<number, ReportVillage[]>();
  for (const c of covered)
    where.set(c.projectId, [
      ...(where.get(c.projectId) ?? []),
      { ...pick(c, "id", "moo", "nameTh", "code") },
    ]);
  return rows.map((r) => {
    const bySource = money.get(r.id) ?? [];
    const byYear = new Map<number, number>();
    for (const b of bySource) byYear.set(b.fiscalYear, (byYear.get(b.fiscalYear) ?? 0) + b.amount);
    return {
      ...r,
      areaName: r.areaId === null ? "" : (areaNames.get(r.areaId) ?? ""),
      villages: where.get(r.id) ?? [],
      byYear,
      bySource,
    };
  });
}

/** An indicator as the tables and the open data show it, with its targets and measured values. */
export interface ReportIndicator {
  id: number;
  planId: number | null;
  areaId: number | null;
  name: string;
  unit: string;
  definition: string;
  direction: string;
  source: string;
  baselineValue: number | null;
  baselineYear: number | null;
  decimals: number;
  targets: { fiscalYear: number; target: number }[];
  measurements: {
    villageId: number | null;
    moo: number | null;
    fiscalYear: number;
    periodEnd: string;
    value: number;
    source: string;
  }[];
}

/** The indicators of a tambon (of the given plans, or all), with targets and measurements. */
export async function reportIndicators(
  db: DbOrTx,
  tambonId: number,
  planIds?: number[],
): Promise<ReportIndicator[]> {
  const list = await db
    .select()
    .from(indicators)
    .where(
      planIds
        ? tambonWhere(indicators, tambonId, { planId: anyOf(planIds) })
        : eq(indicators.tambonId, tambonId),
    )
    .orderBy(asc(indicators.id));
  if (!list.length) return [];
  const ids = list.map((i) => i.id);
  const [targets, values] = await Promise.all([
    db
      .select()
      .from(indicatorTargets)
      .where(tambonWhere(indicatorTargets, tambonId, { indicatorId: anyOf(ids) }))
      .orderBy(asc(indicatorTargets.fiscalYear)),
    db
      .select({
        indicatorId: measurements.indicatorId,
        villageId: measurements.villageId,
        moo: villages.moo,
        ...pick(measurements, "fiscalYear", "periodEnd", "value", "source"),
      })
      .from(measurements)
      .leftJoin(villages, tambonWhere(villages, tambonId, { id: measurements.villageId }))
      .where(tambonWhere(measurements, tambonId, { indicatorId: anyOf(ids) }))
      .orderBy(asc(measurements.periodEnd), asc(villages.moo)),
  ]);
  return list.map((i) => ({
    ...pick(i, "id", "planId", "areaId", "name", "unit", "definition", "direction", "source"),
    baselineValue: i.baselineValue === null ? null : Number(i.baselineValue),
    baselineYear: i.baselineYear,
    decimals: i.decimals,
    targets: targets
      .filter((t) => t.indicatorId === i.id)
      .map((t) => ({ fiscalYear: t.fiscalYear, target: Number(t.target) })),
    measurements: values
      .filter((v) => v.indicatorId === i.id)
      .map((v) => ({
        ...pick(v, "villageId", "moo", "fiscalYear", "periodEnd"),
        value: Number(v.value),
        source: v.source,
      })),
  }));
}
