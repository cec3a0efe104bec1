/**
 * The forms of the local development plan as tables: ผ.01 (summary of projects and budgets per
 * strategy and year) and ผ.02, ผ.02/1, ผ.02/2, ผ.03 (project details by form category). One
 * model serves the XLSX and the printed page. The forms are official Thai documents: their titles
 * and headers are Thai in both languages of the site. Pure, no I/O.
 */
import type { FormCategory } from "../shared/kinds.ts";
import type { ReportPlan, ReportProject, ReportStrategy } from "./queries.ts";

/** How a column's cells are written: text (kept as text in XLSX), whole numbers, or baht. */
export type ColumnKind = "text" | "count" | "money";

/** A header cell of a form: its label and how many columns or header rows it spans. */
export interface HeadCell {
  label: string;
  colSpan?: number;
  rowSpan?: number;
}

/** A row of a form's body: a strategy's heading, a project, or the totals. */
export type BodyRow =
  | { kind: "section"; text: string }
  | { kind: "row"; cells: (string | number | null)[] }
  | { kind: "total"; cells: (string | number | null)[] };

/** A form as a table: its title lines, two header rows, the kinds and widths of its columns, its body. */
export interface FormTable {
  code: string;
  title: string[];
  head: HeadCell[][];
  columns: { kind: ColumnKind; width: number }[];
  body: BodyRow[];
}

/** The code printed at the top right of each form (ผ.02/1 …). */
export const FORM_CODES: Record<FormCategory | "p01", string> = {
  p01: "ผ.01",
  p02: "ผ.02",
  p02_1: "ผ.02/1",
  p02_2: "ผ.02/2",
  p03: "ผ.03",
};

/** The heading of each form as the regulation names it. */
export const FORM_TITLES: Record<FormCategory | "p01", string> = {
  p01: "บัญชีสรุปโครงการพัฒนา",
  p02: "รายละเอียดโครงการพัฒนา",
  p02_1: "รายละเอียดโครงการพัฒนา (ที่มาจากแผนพัฒนาหมู่บ้านและแผนชุมชน)",
  p02_2: "รายละเอียดโครงการพัฒนา สำหรับประสานโครงการพัฒนาจังหวัดและหน่วยงานอื่น",
  p03: "บัญชีครุภัณฑ์",
};

/** The forms the reports page offers, in order. */
export const FORMS = ["p01", "p02", "p02_1", "p02_2", "p03"] as const;
/** A form's key in addresses (`/reports/p02.xlsx`). */
export type FormKey = (typeof FORMS)[number];

/** The plan's fiscal years (2566 … 2570). */
export function yearsOf(plan: Pick<ReportPlan, "firstYear" | "years">): number[] {
  return Array.from({ length: plan.years }, (_, i) => plan.firstYear + i);
}

/** Whole satang, so that sums of baht never drift. */
const baht = (x: number) => Math.round(x * 100) / 100;

/** A project's total over the plan's years. */
export function totalOver(p: Pick<ReportProject, "byYear">, years: readonly number[]): number {
  return baht(years.reduce((a, y) => a + (p.byYear.get(y) ?? 0), 0));
}

/** "หมู่ที่ 1, 3, 7" or "ทั้งตำบล". */
export function placeOf(p: Pick<ReportProject, "villages" | "wholeTambon">): string {
  if (p.wholeTambon || !p.villages.length) return "ทั้งตำบล";
  return `หมู่ที่ ${p.villages.map((v) => v.moo).join(", ")}`;
}

/** The village codes a project covers, as text ("91050201, 91050203"). */
export function codesOf(p: Pick<ReportProject, "villages">): string {
  return p.villages.map((v) => v.code).join(", ");
}

/** "1. ยุทธศาสตร์การพัฒนาด้านสุขภาพ" */
export function strategyHeading(s: Pick<ReportStrategy, "code" | "title">): string {
  return s.code ? `${s.code}. ${s.title}` : s.title;
}

const NO_STRATEGY = "ไม่ระบุยุทธศาสตร์";

/** The projects grouped under their strategies, in the plan's order; those without one last. */
export function byStrategy<P extends Pick<ReportProject, "strategyId">>(
  strategies: readonly ReportStrategy[],
  projects: readonly P[],
): { heading: string; projects: P[] }[] {
  const known = new Set(strategies.map((s) => s.id));
  const groups = strategies.map((s) => ({
    heading: strategyHeading(s),
    projects: projects.filter((p) => p.strategyId === s.id),
  }));
  const rest = projects.filter((p) => p.strategyId === null || !known.has(p.strategyId));
  if (rest.length) groups.push({ heading: NO_STRATEGY, projects: rest });
  return groups;
}

/** The lines above every form: its title, the plan's period, the tambon. */
function titleLines(form: FormKey, plan: ReportPlan, tambonLine: string): string[] {
  const years = yearsOf(plan);
  return [
    FORM_TITLES[form],
    `แผนพัฒนาท้องถิ่น (พ.ศ. ${years[0]} – ${years[years.length - 1]})`,
    tambonLine,
  ];
}

/**
 * ผ.01: per strategy, the number of projects and their budget in each fiscal year and over the
 * whole plan (a project is counted in a year when it has budget in that year).
 */
export function formP01(
  plan: ReportPlan,
  tambonLine: string,
  strategies: readonly ReportStrategy[],
  projects: readonly ReportProject[],
): FormTable {
  const years = yearsOf(plan);
  const n = years.length;
  const label = `รวม ${n} ปี`;
  const head: HeadCell[][] = [
    [
      { label: "ยุทธศาสตร์", rowSpan: 2 },
      ...years.map((y) => ({ label: `ปี ${y}`, colSpan: 2 })),
      { label, colSpan: 2 },
    ],
    [...years, "all"].flatMap(() => [{ label: "จำนวนโครงการ" }, { label: "งบประมาณ (บาท)" }]),
  ];
  const rowOf = (title: string, list: readonly ReportProject[]): (string | number)[] => [
    title,
    ...years.flatMap((y) => {
      const withMoney = list.filter((p) => (p.byYear.get(y) ?? 0) > 0);
      return [withMoney.length, baht(withMoney.reduce((a, p) => a + p.byYear.get(y)!, 0))];
    }),
    list.length,
    baht(list.reduce((a, p) => a + totalOver(p, years), 0)),
  ];
  const body: BodyRow[] = byStrategy(strategies, projects).map((g) => ({
    kind: "row" as const,
    cells: rowOf(g.heading, g.projects),
  }));
  body.push({ kind: "total", cells: rowOf("รวม", projects) });
  return {
    code: FORM_CODES.p01,
    title: titleLines("p01", plan, tambonLine),
    head,
    columns: [
      { kind: "text", width: 44 },
      ...[...years, "all"].flatMap(() => [
        { kind: "count" as const, width: 10 },
        { kind: "money" as const, width: 15 },
      ]),
    ],
    body,
  };
}

/**
 * ผ.02, ผ.02/1, ผ.02/2 and ผ.03: each project of the form category under its strategy, with
 * ลำดับ, ชื่อโครงการ, ประเด็นการพัฒนา, วัตถุประสงค์, เป้าหมาย/ผลผลิต, where (หมู่ที่ and village codes,
 * as text), the budget of each year, the total over the plan, KPI, expected results and the
 * responsible unit; a last row adds up the count and the budgets.
 */
export function formP02(
  form: Exclude<FormKey, "p01">,
  plan: ReportPlan,
  tambonLine: string,
  strategies: readonly ReportStrategy[],
  projects: readonly ReportProject[],
): FormTable {
  const years = yearsOf(plan);
  const n = years.length;
  const mine = projects.filter((p) => p.formCategory === form);
  const equipment = form === "p03";
  const head: HeadCell[][] = [
    [
      { label: "ที่", rowSpan: 2 },
      { label: equipment ? "รายการครุภัณฑ์" : "โครงการ", rowSpan: 2 },
      { label: "ประเด็นการพัฒนา", rowSpan: 2 },
      { label: "วัตถุประสงค์", rowSpan: 2 },
      { label: "เป้าหมาย (ผลผลิตของโครงการ)", rowSpan: 2 },
      { label: "พื้นที่ดำเนินการ", rowSpan: 2 },
      { label: "รหัสหมู่บ้าน", rowSpan: 2 },
      { label: "งบประมาณ", colSpan: n + 1 },
      { label: "ตัวชี้วัด (KPI)", rowSpan: 2 },
      { label: "ผลที่คาดว่าจะได้รับ", rowSpan: 2 },
      { label: "หน่วยงานรับผิดชอบหลัก", rowSpan: 2 },
    ],
    [...years.map((y) => ({ label: `${y} (บาท)` })), { label: `รวม ${n} ปี (บาท)` }],
  ];
  const body: BodyRow[] = [];
  let number = 0;
  for (const g of byStrategy(strategies, mine)) {
    if (!g.projects.length) continue;
    body.push({ kind: "section", text: g.heading });
    for (const p of g.projects)
      body.push({
        kind: "row",
        cells: [
          ++number,
          p.title,
          p.areaName,
          p.objectives,
          p.outputs,
          placeOf(p),
          codesOf(p),
          ...years.map((y) => baht(p.byYear.get(y) ?? 0)),
          totalOver(p, years),
          p.kpi,
          p.expectedResults,
          p.responsibleUnit,
        ],
      });
  }
  body.push({
    kind: "total",
    cells: [
      null,
      `รวม ${mine.length} โครงการ`,
      null,
      null,
      null,
      null,
      null,
      ...years.map((y) => baht(mine.reduce((a, p) => a + (p.byYear.get(y) ?? 0), 0))),
      baht(mine.reduce((a, p) => a + totalOver(p, years), 0)),
      null,
      null,
      null,
    ],
  });
  return {
    code: FORM_CODES[form],
    title: titleLines(form, plan, tambonLine),
    head,
    columns: [
      { kind: "count", width: 5 },
      { kind: "text", width: 30 },
      { kind: "text", width: 16 },
      { kind: "text", width: 28 },
      { kind: "text", width: 24 },
      { kind: "text", width: 14 },
      { kind: "text", width: 12 },
      ...years.map(() => ({ kind: "money" as const, width: 12 })),
      { kind: "money", width: 13 },
      { kind: "text", width: 22 },
      { kind: "text", width: 24 },
      { kind: "text", width: 18 },
    ],
    body,
  };
}

/** The table of one form of a plan. */
export function formTable(
  form: FormKey,
  plan: ReportPlan,
  tambonLine: string,
  strategies: readonly ReportStrategy[],
  projects: readonly ReportProject[],
): FormTable {
  return form === "p01"
    ? formP01(
        plan,
        tambonLine,
        strategies,
        projects.filter((p) => p.formCategory === "p02"),
      )
    : formP02(form, plan, tambonLine, strategies, projects);
}
