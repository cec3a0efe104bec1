import { asc, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { tambonRowOf, tambonWhere, anyOf } from "../../../core/db/tambon-row.ts";
import {
  indicatorProjects,
  indicatorTargets,
  indicators,
  measurements,
  plans,
  projects,
} from "../schema.ts";
import { indicatorStatus, indicatorTrend, type IndicatorStatus, type Trend } from "./status.ts";
import { pick } from "../../../core/pick.ts";

/** An indicator as stored. */
export type Indicator = typeof indicators.$inferSelect;

/** The indicators of a tambon (of one plan when `planId` is given), in the order they were made. */
export function listIndicators(
  db: DbOrTx,
  tambonId: number,
  planId?: number,
): Promise<Indicator[]> {
  return db
    .select()
    .from(indicators)
    .where(
      planId === undefined
        ? eq(indicators.tambonId, tambonId)
        : tambonWhere(indicators, tambonId, { planId }),
    )
    .orderBy(asc(indicators.id));
}

/** One indicator of a tambon (undefined when it is another tambon's). */
export const getIndicator = tambonRowOf(indicators);

/** An indicator's targets by fiscal year. */
export async function targetsOf(
  db: DbOrTx,
  tambonId: number,
  indicatorIds: readonly number[],
): Promise<Map<number, Map<number, number>>> {
  const out = new Map<number, Map<number, number>>();
  if (!indicatorIds.length) return out;
  const rows = await db
    .select()
    .from(indicatorTargets)
    .where(tambonWhere(indicatorTargets, tambonId, { indicatorId: anyOf([...indicatorIds]) }));
  for (const r of rows) {
    const m = out.get(r.indicatorId) ?? new Map<number, number>();
    m.set(r.fiscalYear, Number(r.target));
    out.set(r.indicatorId, m);
  }
  return out;
}

/** One measured value: a village's (or the whole tambon's: `villageId` null) in a fiscal year. */
export interface Measured {
  indicatorId: number;
  villageId: number | null;
  fiscalYear: number;
  value: number;
  source: string;
  note: string;
}

/**
 * The values of indicators, one per village (or tambon) and fiscal year: the one at the latest
 * period end of the year when a year holds several.
 */
export async function measuredValues(
  db: DbOrTx,
  tambonId: number,
  indicatorIds: readonly number[],
): Promise<Measured[]> {
  if (!indicatorIds.length) return [];
  const rows = await db
    .select()
    .from(measurements)
    .where(tambonWhere(measurements, tambonId, { indicatorId: anyOf([...indicatorIds]) }))
    .orderBy(asc(measurements.periodEnd));
  const latest = new Map<string, Measured>();
  for (const r of rows)
    latest.set(`${r.indicatorId}/${r.villageId ?? 0}/${r.fiscalYear}`, {
      ...pick(r, "indicatorId", "villageId", "fiscalYear"),
      value: Number(r.value),
      source: r.source,
      note: r.note,
    });
  return [...latest.values()];
}

/**
 * The tambon's figure of each fiscal year: the whole tambon's own value when measured, else the
 * average of the villages' values (`averaged` says which).
 */
export function tambonSeries(
  values: readonly Measured[],
): Map<number, { value: number; averaged: boolean }> {
  const own = new Map<number, number>();
  const byYear = new Map<number, number[]>();
  for (const v of values) {
    if (v.villageId === null) own.set(v.fiscalYear, v.value);
    else byYear.set(v.fiscalYear, [...(byYear.get(v.fiscalYear) ?? []), v.value]);
  }
  const out = new Map<number, { value: number; averaged: boolean }>();
  for (const [year, list] of byYear)
    out.set(year, { value: list.reduce((a, b) => a + b, 0) / list.length, averaged: true });
  for (const [year, value] of own) out.set(year, { value, averaged: false });
  return new Map([...out.entries()].sort((a, b) => a[0] - b[0]));
}

/** An indicator as the dashboard shows it: its latest figure, the year's target, status, trend. */
export interface IndicatorCard {
  indicator: Indicator;
  series: { year: number; value: number; averaged: boolean }[];
  targets: Map<number, number>;
  latest: { year: number; value: number; averaged: boolean } | null;
  target: number | null;
  status: IndicatorStatus;
  trend: Trend;
}

/** The cards of a dashboard: each indicator's tambon series, status against target and trend. */
export async function indicatorCards(
  db: DbOrTx,
  tambonId: number,
  list: readonly Indicator[],
): Promise<IndicatorCard[]> {
  const ids = list.map((i) => i.id);
  const [targets, values] = await Promise.all([
    targetsOf(db, tambonId, ids),
    measuredValues(db, tambonId, ids),
  ]);
  return list.map((indicator) => card(indicator, targets.get(indicator.id), values));
}

/** One indicator's card from its targets and the values of any indicators. */
export function card(
  indicator: Indicator,
  targets: Map<number, number> | undefined,
  values: readonly Measured[],
): IndicatorCard {
  const mine = values.filter((v) => v.indicatorId === indicator.id);
  const series = [...tambonSeries(mine)].map(([year, v]) => ({ year, ...v }));
  const latest = series[series.length - 1] ?? null;
  const t = targets ?? new Map<number, number>();
  const target = latest ? (t.get(latest.year) ?? null) : null;
  const baseline = indicator.baselineValue === null ? null : Number(indicator.baselineValue);
  return {
    indicator,
    series,
    targets: t,
    latest,
    target,
    status: indicatorStatus({
      direction: indicator.direction,
      value: latest?.value,
      target,
      baseline,
    }),
    trend: indicatorTrend(
      indicator.direction,
      series.map((s) => s.value),
    ),
  };
}

/** The projects an indicator measures (id, number and title). */
export async function projectsOfIndicator(db: DbOrTx, tambonId: number, indicatorId: number) {
  return db
    .select({ ...pick(projects, "id", "seq", "title", "planId") })
    .from(indicatorProjects)
    .innerJoin(projects, tambonWhere(projects, tambonId, { id: indicatorProjects.projectId }))
    .where(tambonWhere(indicatorProjects, tambonId, { indicatorId }))
    .orderBy(asc(projects.seq), asc(projects.id));
}

/** Projects a tambon's indicator may be linked to (those of the plan, or every plan's). */
export async function projectChoices(db: DbOrTx, tambonId: number, planId: number | null) {
  return db
    .select({ ...pick(projects, "id", "seq", "title") })
    .from(projects)
    .where(
      planId === null
        ? eq(projects.tambonId, tambonId)
        : tambonWhere(projects, tambonId, { planId }),
    )
    .orderBy(asc(projects.seq), asc(projects.id));
}

/** A number as shown: the indicator's decimal places, Thai digit grouping. */
export function formatValue(value: number, decimals: number): string {
  return value.toLocaleString("th-TH", {
    minimumFractionDigits: 0,
    maximumFractionDigits: Math.max(0, Math.min(decimals, 4)),
  });
}

/** The tambon's plans as choices of a form, newest first. */
export async function planOptions(
  db: DbOrTx,
  tambonId: number,
): Promise<{ value: string; label: string }[]> {
  const rows = await db
    .select({ id: plans.id, title: plans.title })
    .from(plans)
    .where(eq(plans.tambonId, tambonId))
    .orderBy(desc(plans.firstYear), desc(plans.id));
  return rows.map((r) => ({ value: String(r.id), label: r.title }));
}
