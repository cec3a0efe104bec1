import { asc, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { projectBudgets, projectVillages, projects } from "../schema.ts";
import { populationOf, type HeadsSource } from "./population.ts";
import {
  COUNTED_STATUSES,
  distribute,
  type ProjectMoney,
  type YearDistribution,
} from "./shares.ts";
import { tambonWhere, anyOf } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** A village as the distribution lists it. */
export interface VillageRow {
  id: number;
  moo: number;
  nameTh: string;
  nameEn: string;
  code: string;
}

/** A plan's distribution: each fiscal year's, the whole period's, and where populations came from. */
export interface PlanDistribution {
  plan: { id: number; title: string; firstYear: number; years: number };
  years: number[];
  villages: VillageRow[];
  perYear: YearDistribution[];
  whole: YearDistribution;
  /** The sources of the populations used, for the page's note. */
  sources: HeadsSource[];
  /** Projects counted, and those left out (proposed, cancelled, merged). */
  counted: number;
}

/** The plan's counted projects with their budget per fiscal year and villages. */
export async function projectMoney(
  db: DbOrTx,
  tambonId: number,
  planId: number,
): Promise<ProjectMoney[]> {
  const rows = await db
    .select({ ...pick(projects, "id", "areaId", "wholeTambon") })
    .from(projects)
    .where(
      tambonWhere(
        projects,
        tambonId,
        { planId, status: anyOf([...COUNTED_STATUSES]) },
        isNull(projects.mergedIntoId),
      ),
    )
    .orderBy(asc(projects.seq), asc(projects.id));
  if (!rows.length) return [];
  const inPlan = sql`(select ${projects.id} from ${projects} where ${projects.tambonId} = ${tambonId} and ${projects.planId} = ${planId})`;
  const [budgets, covered] = await Promise.all([
    db
      .select({
        projectId: projectBudgets.projectId,
        year: projectBudgets.fiscalYear,
        amount: sql<string>`sum(${projectBudgets.amount})`,
      })
      .from(projectBudgets)
      .where(
        tambonWhere(projectBudgets, tambonId, {}, sql`${projectBudgets.projectId} in ${inPlan}`),
      )
      .groupBy(projectBudgets.projectId, projectBudgets.fiscalYear),
    db
      .select({ projectId: projectVillages.projectId, villageId: projectVillages.villageId })
      .from(projectVillages)
      .where(
        tambonWhere(projectVillages, tambonId, {}, sql`${projectVillages.projectId} in ${inPlan}`),
      ),
  ]);
  const money = new Map<number, Map<number, number>>();
  for (const b of budgets) {
    const m = money.get(b.projectId) ?? new Map<number, number>();
    m.set(b.year, Number(b.amount));
    money.set(b.projectId, m);
  }
  const where = new Map<number, number[]>();
  for (const c of covered) where.set(c.projectId, [...(where.get(c.projectId) ?? []), c.villageId]);
  return rows.map((r) => ({
    ...pick(r, "id", "areaId", "wholeTambon"),
    villageIds: where.get(r.id) ?? [],
    byYear: money.get(r.id) ?? new Map(),
  }));
}

/** The distribution of a plan's budget among the tambon's villages, per fiscal year and in all. */
export async function planDistribution(
  db: DbOrTx,
  tambonId: number,
  plan: { id: number; title: string; firstYear: number; years: number },
): Promise<PlanDistribution> {
  const years = Array.from({ length: plan.years }, (_, i) => plan.firstYear + i);
  const [population, money] = await Promise.all([
    populationOf(db, tambonId),
    projectMoney(db, tambonId, plan.id),
  ]);
  const { villageIds, heads, villages: villageRows } = population;
  const perYear = years.map((y) => distribute([y], villageIds, heads, money));
  const whole = distribute(years, villageIds, heads, money);
  const sources = new Set<HeadsSource>();
  for (const y of years) for (const h of heads(y)) if (h.source) sources.add(h.source);
  return {
    plan,
    years,
    villages: villageRows,
    perYear,
    whole,
    sources: [...sources],
    counted: money.length,
  };
}
