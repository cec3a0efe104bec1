import type { Tambon } from "../../../core/tenancy.ts";
import { yearsOf } from "./forms.ts";
import type { ReportIndicator, ReportPlan, ReportProject, ReportStrategy } from "./queries.ts";
import { pick } from "../../../core/pick.ts";
import { PROJECT_AIMS } from "../shared/kinds.ts";

/** The version of the open-data format (docs/open-data-plans.md). */
export const OPEN_DATA_FORMAT = "tambon-plans/1";

/**
 * A tambon's open data: its plans and strategies, projects with budgets per year and source,
 * indicators with targets and measurements. Built field by field from what is public: no
 * proposer, author or recorder, no notes, no ids of people.
 */
export function openData(input: {
  tambon: Pick<
    Tambon,
    "slug" | "dopaCode" | "nameTh" | "nameEn" | "kind" | "districtTh" | "provinceTh"
  >;
  generatedAt: Date;
  villages: { id: number; moo: number; code: string; nameTh: string; nameEn: string }[];
  areas: { id: number; nameTh: string; nameEn: string }[];
  plans: ReportPlan[];
  strategies: (ReportStrategy & { planId: number })[];
  projects: (ReportProject & { planId: number })[];
  indicators: ReportIndicator[];
}) {
  const t = input.tambon;
  return {
    format: OPEN_DATA_FORMAT,
    generatedAt: input.generatedAt.toISOString(),
    tambon: {
      ...pick(t, "slug", "dopaCode", "nameTh", "nameEn", "kind", "districtTh", "provinceTh"),
    },
    villages: input.villages.map((v) => ({
      ...pick(v, "id", "moo", "code", "nameTh", "nameEn"),
    })),
    areas: input.areas.map((a) => ({ ...pick(a, "id", "nameTh", "nameEn") })),
    plans: input.plans.map((p) => {
      const years = yearsOf(p);
      return {
        ...pick(p, "id", "title", "firstYear"),
        lastYear: years[years.length - 1] ?? p.firstYear,
        ...pick(p, "years", "status", "description"),
        strategies: input.strategies
          .filter((s) => s.planId === p.id)
          .map((s) => ({ ...pick(s, "id", "code", "title", "areaId") })),
      };
    }),
    projects: input.projects.map((p) => ({
      ...pick(
        p,
        "id",
        "planId",
        "parentId",
        "seq",
        "title",
        "areaId",
        "strategyId",
        "formCategory",
        "status",
        "progress",
        "wholeTambon",
      ),
      villages: p.villages.map((v) => ({ ...pick(v, "id", "moo", "code") })),
      ...pick(p, "targetGroups", ...PROJECT_AIMS, "responsibleUnit"),
      budgets: p.bySource.map((b) => ({
        ...pick(b, "fiscalYear", "source", "amount"),
      })),
      budgetTotal: Math.round(p.bySource.reduce((a, b) => a + b.amount, 0) * 100) / 100,
    })),
    indicators: input.indicators.map((i) => ({
      ...pick(i, "id", "planId", "areaId", "name", "unit", "definition", "direction", "source"),
      baseline: { value: i.baselineValue, fiscalYear: i.baselineYear },
      decimals: i.decimals,
      targets: i.targets.map((x) => ({ fiscalYear: x.fiscalYear, target: x.target })),
      measurements: i.measurements.map((m) => ({
        ...pick(m, "villageId", "moo", "fiscalYear", "periodEnd", "value", "source"),
      })),
    })),
  };
}

/**
 * The tambon's value of an indicator in each fiscal year: its own (no village) value when
 * measured, else the average of the villages' values; the latest period of a year counts.
 */
export function tambonValues(i: Pick<ReportIndicator, "measurements">): Map<number, number> {
  const latest = new Map<string, { villageId: number | null; year: number; value: number }>();
  for (const m of [...i.measurements].sort((a, b) => a.periodEnd.localeCompare(b.periodEnd)))
    latest.set(`${m.villageId ?? 0}/${m.fiscalYear}`, {
      villageId: m.villageId,
      year: m.fiscalYear,
      value: m.value,
    });
  const own = new Map<number, number>();
  const villages = new Map<number, number[]>();
  for (const m of latest.values()) {
    if (m.villageId === null) own.set(m.year, m.value);
    else villages.set(m.year, [...(villages.get(m.year) ?? []), m.value]);
  }
  const out = new Map<number, number>();
  for (const [y, list] of villages) out.set(y, list.reduce((a, b) => a + b, 0) / list.length);
  for (const [y, v] of own) out.set(y, v);
  return out;
}
