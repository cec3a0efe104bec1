import { z } from "zod";
import type { DbOrTx } from "../../../core/db/index.ts";
import { villages } from "../../../core/db/schema.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { fail, ok, type FieldError } from "../../../core/result.ts";
import { getArea } from "../../areas/public.ts";
import { listPartners } from "../../network/public.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import type { PlansKey, PlansResult } from "../messages.ts";
import { planStrategies, projects } from "../schema.ts";
import { lastYear } from "../shared/fiscal.ts";
import {
  BUDGET_SOURCES,
  FORM_CATEGORIES,
  PROJECT_AIMS,
  ROLLUPS,
  TARGET_GROUPS,
  type BudgetSource,
  type TargetGroup,
} from "../shared/kinds.ts";
import type { Plan } from "../plans/queries.ts";
import { tambonWhere, anyOf } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** The number of budget rows (year × source) a project form offers. */
export const BUDGET_ROWS = 6;

/** What a project form sends: its fields, and the lists of its check groups. */
export interface ProjectInput {
  body: Record<string, string>;
  villages: string[];
  targets: string[];
  responsible?: string[];
  supporting?: string[];
}

/** A project's fields once checked against the tambon and the plan. */
export interface ProjectFields {
  title: string;
  areaId: number;
  objectives: string;
  outputs: string;
  kpi: string;
  expectedResults: string;
  wholeTambon: boolean;
  villageIds: number[];
  targetGroups: TargetGroup[];
  budgets: { fiscalYear: number; source: BudgetSource; amount: string }[];
}

/** The fields of a project that a resident's proposal sets and a staff edit sets again. */
export const RESIDENT_FIELDS = [
  "title",
  "areaId",
  "wholeTambon",
  "targetGroups",
  ...PROJECT_AIMS,
] as const satisfies readonly (keyof ProjectFields)[];

/** The fields only staff set (when editing or screening). */
export interface StaffFields {
  strategyId: number | null;
  parentId: number | null;
  formCategory: (typeof FORM_CATEGORIES)[number];
  responsibleUnit: string;
  weight: number;
  rollup: (typeof ROLLUPS)[number];
  seq: number | null;
  responsible: number[];
  supporting: number[];
}

const common = z.object({
  title: fields.text(200),
  areaId: fields.int(1, 2_147_483_647),
  objectives: fields.text(2000),
  outputs: fields.optionalText(2000),
  kpi: fields.optionalText(1000),
  expectedResults: fields.optionalText(2000),
  wholeTambon: fields.optionalText(5),
});

const staff = z.object({
  strategyId: fields.optionalInt(1, 2_147_483_647),
  parentId: fields.optionalInt(1, 2_147_483_647),
  formCategory: fields.optionalChoice(FORM_CATEGORIES, "p02"),
  responsibleUnit: fields.optionalText(200),
  weight: fields.optionalInt(0, 1000),
  rollup: fields.optionalChoice(ROLLUPS, "average"),
  seq: fields.optionalInt(1, 100_000),
});

type Errors = Record<string, FieldError<PlansKey | CoreKey>>;

const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;

/** Reads the budget rows of a form: each row is a year, a source and an amount, or empty. */
function parseBudgets(body: Record<string, string>, plan: Plan, errors: Errors) {
  const out: ProjectFields["budgets"] = [];
  const seen = new Set<string>();
  for (let i = 0; i < BUDGET_ROWS; i++) {
    const year = (body[`budgetYear${i}`] ?? "").trim();
    const amountRaw = (body[`budgetAmount${i}`] ?? "").trim().replace(/,/g, "");
    const source = (body[`budgetSource${i}`] ?? "").trim() || "local";
    if (!year && !amountRaw) continue;
    if (!year || !amountRaw) {
      errors[year ? `budgetAmount${i}` : `budgetYear${i}`] = { key: "project.budgetIncomplete" };
      continue;
    }
    const y = Number(year);
    if (!/^\d{4}$/.test(year) || y < plan.firstYear || y > lastYear(plan)) {
      errors[`budgetYear${i}`] = {
        key: "project.yearOutside",
        vars: { from: plan.firstYear, to: lastYear(plan) },
      };
      continue;
    }
    if (!(BUDGET_SOURCES as readonly string[]).includes(source)) {
      errors[`budgetSource${i}`] = { key: "err.choice" };
      continue;
    }
    if (!AMOUNT.test(amountRaw)) {
      errors[`budgetAmount${i}`] = { key: "project.amountInvalid" };
      continue;
    }
    const key = `${y}:${source}`;
    if (seen.has(key)) {
      errors[`budgetSource${i}`] = { key: "project.budgetTwice" };
      continue;
    }
    seen.add(key);
    out.push({ fiscalYear: y, source: source as BudgetSource, amount: amountRaw });
  }
  return out;
}

const idList = (values: string[]) => [
  ...new Set(values.filter((v) => /^\d{1,9}$/.test(v)).map(Number)),
];

/**
 * Checks what a resident or staff sends for a project: the fields of the form, the villages (of
 * this tambon, or the whole tambon), target groups, issue area and budget rows within the plan's
 * years. Fields the form does not declare are never read.
 */
export async function parseProject(
  db: DbOrTx,
  tambonId: number,
  plan: Plan,
  input: ProjectInput,
): Promise<PlansResult<ProjectFields>> {
  const parsed = parseForm(common, input.body);
  const errors: Errors = parsed.ok ? {} : { ...parsed.errors };
  const budgets = parseBudgets(input.body, plan, errors);
  const wholeTambon = parsed.ok ? parsed.value.wholeTambon === "1" : input.body.wholeTambon === "1";
  const villageIds = idList(input.villages);
  if (villageIds.length !== input.villages.length)
    errors.villages = { key: "project.unknownVillage" };
  else if (villageIds.length) {
    const found = await db
      .select({ id: villages.id })
      .from(villages)
      .where(tambonWhere(villages, tambonId, { id: anyOf(villageIds) }));
    if (found.length !== villageIds.length) errors.villages = { key: "project.unknownVillage" };
  }
  if (!wholeTambon && !villageIds.length && !errors.villages)
    errors.villages = { key: "project.noVillage" };
  const targets = [...new Set(input.targets)];
  if (targets.some((t) => !(TARGET_GROUPS as readonly string[]).includes(t)))
    errors.targetGroups = { key: "err.choice" };
  if (parsed.ok) {
    const area = await getArea(db, tambonId, parsed.value.areaId);
    if (!area || area.archivedAt) errors.areaId = { key: "project.unknownArea" };
  }
  if (!parsed.ok || Object.keys(errors).length) return { ok: false, errors };
  const v = parsed.value;
  return ok({
    ...pick(v, "title", "areaId", ...PROJECT_AIMS),
    wholeTambon,
    villageIds: wholeTambon ? [] : villageIds,
    targetGroups: targets as TargetGroup[],
    budgets,
  });
}

/** Checks the fields only staff set: strategy and parent of this plan, partners of this tambon. */
export async function parseStaffFields(
  db: DbOrTx,
  tambonId: number,
  plan: Plan,
  projectId: number,
  input: ProjectInput,
): Promise<PlansResult<StaffFields>> {
  const parsed = parseForm(staff, input.body);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  if (v.strategyId != null) {
    const [s] = await db
      .select({ id: planStrategies.id })
      .from(planStrategies)
      .where(tambonWhere(planStrategies, tambonId, { planId: plan.id, id: v.strategyId }));
    if (!s) return fail("strategyId", "project.unknownStrategy");
  }
  if (v.parentId != null) {
    if (v.parentId === projectId) return fail("parentId", "project.selfParent");
    const [p] = await db
      .select({ id: projects.id, parentId: projects.parentId })
      .from(projects)
      .where(tambonWhere(projects, tambonId, { planId: plan.id, id: v.parentId }));
    if (!p) return fail("parentId", "project.unknownParent");
    if (p.parentId === projectId) return fail("parentId", "project.selfParent");
  }
  const responsible = idList(input.responsible ?? []);
  const supporting = idList(input.supporting ?? []).filter((id) => !responsible.includes(id));
  if (responsible.length || supporting.length) {
    const known = new Set((await listPartners(db, tambonId)).map((p) => p.id));
    if (responsible.some((id) => !known.has(id)))
      return fail("responsible", "project.unknownPartner");
    if (supporting.some((id) => !known.has(id)))
      return fail("supporting", "project.unknownPartner");
  }
  return ok({
    ...pick(v, "strategyId", "parentId", "formCategory", "responsibleUnit"),
    weight: v.weight ?? 1,
    rollup: v.rollup,
    seq: v.seq,
    responsible,
    supporting,
  });
}
