import type { Db, Tx } from "../../../core/db/index.ts";
import { audit } from "../../../core/audit.ts";
import { listVillages } from "../../../core/queries/villages.ts";
import { normaliseHeader, type ImportField, type Importer } from "../../../core/imports.ts";
import { ok, type FieldError, type Vars } from "../../../core/result.ts";
import { listAreas } from "../../areas/public.ts";
import { msg, type PlansKey } from "../messages.ts";
import { projectBudgets, projectUpdates, projectVillages, projects } from "../schema.ts";
import { lastYear } from "../shared/fiscal.ts";
import {
  PROJECT_AIMS,
  PROJECT_STATUSES,
  type FormCategory,
  type ProjectStatus,
} from "../shared/kinds.ts";
import { listStrategies, type Plan } from "../plans/queries.ts";
import { tambonWhere, tambonRows, anyOf, lastNumber } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

const label = (key: PlansKey) => ({ th: msg.t("th")(key), en: msg.t("en")(key) });

/** The budget field of a fiscal year. */
const yearField = (year: number) => `y${year}`;

/** The plan's years, first to last. */
const yearsOf = (plan: Plan) =>
  Array.from({ length: lastYear(plan) - plan.firstYear + 1 }, (_, i) => plan.firstYear + i);

/** The columns a projects file is read from: fixed fields, then one budget column per plan year. */
export function projectFields(plan: Plan): ImportField[] {
  return [
    {
      name: "title",
      label: label("pimport.field.title"),
      aliases: ["โครงการ", "ชื่อ", "title", "project"],
      required: true,
    },
    {
      name: "strategy",
      label: label("pimport.field.strategy"),
      aliases: ["ยุทธศาสตร์", "strategy"],
    },
    {
      name: "area",
      label: label("pimport.field.area"),
      aliases: ["ประเด็นปัญหา", "area", "issue"],
    },
    { name: "form", label: label("pimport.field.form"), aliases: ["ผ.", "form category"] },
    { name: "objectives", label: label("pimport.field.objectives"), aliases: ["objective"] },
    { name: "outputs", label: label("pimport.field.outputs"), aliases: ["เป้าหมาย", "output"] },
    { name: "kpi", label: label("pimport.field.kpi"), aliases: ["ตัวชี้วัด", "kpi"] },
    { name: "expected", label: label("pimport.field.expected"), aliases: ["ผลที่คาดว่าจะได้"] },
    { name: "unit", label: label("pimport.field.unit"), aliases: ["หน่วยงาน", "unit"] },
    {
      name: "villages",
      label: label("pimport.field.villages"),
      aliases: ["หมู่", "หมู่บ้าน", "moo", "village"],
    },
    { name: "status", label: label("pimport.field.status"), aliases: ["status"] },
    ...yearsOf(plan).map((y) => ({
      name: yearField(y),
      label: { th: String(y), en: String(y) },
      aliases: [`งบประมาณ ${y}`, `งบ ${y}`, `ปี ${y}`, `budget ${y}`],
    })),
  ];
}

/** A project row read from a file. */
export interface ProjectRow {
  title: string;
  strategyId: number | null;
  areaId: number | null;
  formCategory: FormCategory;
  objectives: string;
  outputs: string;
  kpi: string;
  expectedResults: string;
  responsibleUnit: string;
  wholeTambon: boolean;
  villageIds: number[];
  /** The status the file gives, or null (a new project is then proposed, a stored one keeps its own). */
  status: ProjectStatus | null;
  /** Local budget per fiscal year, as a decimal text ("150000.00"); years left empty are absent. */
  budgets: Record<number, string>;
}

/** The fields of a row the import stores on the project as they are, in the order it compares them. */
const IMPORTED_FIELDS = [
  "title",
  "strategyId",
  "areaId",
  "formCategory",
  ...PROJECT_AIMS,
  "responsibleUnit",
  "wholeTambon",
] as const satisfies readonly (keyof ProjectRow)[];

/** What is stored for a project of the plan under a row's key. */
export interface StoredProject extends Omit<ProjectRow, "status"> {
  id: number;
  status: ProjectStatus;
}

const arabic = (s: string) => s.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
const titleKey = (title: string) => normaliseHeader(title);
const codeKey = (code: string) => normaliseHeader(arabic(code)).replace(/\s/g, "");
const WHOLE_TAMBON = new Set(["ทั้งตำบล", "ตำบล", "whole tambon", "tambon", "all", "0"]);
const FORMS: Record<string, FormCategory> = {
  ผ02: "p02",
  ผ021: "p02_1",
  ผ022: "p02_2",
  ผ03: "p03",
  p02: "p02",
  p021: "p02_1",
  p022: "p02_2",
  p03: "p03",
};
const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;
const money = (n: string) => Number(n).toFixed(2);

/**
 * The importer of projects into one plan of a tambon. Strategies are named by their code,
 * issue areas by name (Thai or English) or number, villages by หมู่ที่. A row's key is its title
 * (spaces and case ignored), so a second import of the same file changes nothing and a
 * corrected row updates the stored project. Only local-source budget rows are written.
 */
export async function projectImporter(
  db: Db,
  tambonId: number,
  plan: Plan,
  actorId: number | null,
  filename: string,
): Promise<Importer<ProjectRow, PlansKey, Tx, StoredProject>> {
  const [strategies, areas, villageList] = await Promise.all([
    listStrategies(db, tambonId, plan.id),
    listAreas(db, tambonId),
    listVillages(db, tambonId),
  ]);
  const byCode = new Map(strategies.filter((s) => s.code).map((s) => [codeKey(s.code), s.id]));
  const byArea = new Map<string, number>();
  for (const a of areas.filter((a) => !a.archivedAt)) {
    byArea.set(normaliseHeader(a.nameTh), a.id);
    if (a.nameEn) byArea.set(normaliseHeader(a.nameEn), a.id);
    byArea.set(String(a.id), a.id);
  }
  const byMoo = new Map(villageList.map((v) => [v.moo, v.id]));
  const statusByWord = new Map<string, ProjectStatus>();
  for (const s of PROJECT_STATUSES) {
    statusByWord.set(s, s);
    for (const lang of ["th", "en"] as const)
      statusByWord.set(normaliseHeader(msg.t(lang)(`status.${s}`)), s);
  }
  const years = yearsOf(plan);
  /** The row as it will be stored: what a column left unmatched would blank stays as stored. */
  const keep = (r: ProjectRow, cur: StoredProject, mapped: ReadonlySet<string>): ProjectRow => {
    const out: ProjectRow = { ...r, villageIds: [...r.villageIds], budgets: { ...r.budgets } };
    if (!mapped.has("strategy")) out.strategyId = cur.strategyId;
    if (!mapped.has("area")) out.areaId = cur.areaId;
    if (!mapped.has("form")) out.formCategory = cur.formCategory;
    if (!mapped.has("objectives")) out.objectives = cur.objectives;
    if (!mapped.has("outputs")) out.outputs = cur.outputs;
    if (!mapped.has("kpi")) out.kpi = cur.kpi;
    if (!mapped.has("expected")) out.expectedResults = cur.expectedResults;
    if (!mapped.has("unit")) out.responsibleUnit = cur.responsibleUnit;
    if (!mapped.has("villages")) {
      out.wholeTambon = cur.wholeTambon;
      out.villageIds = [...cur.villageIds];
    }
    for (const y of years) {
      if (mapped.has(yearField(y))) continue;
      if (cur.budgets[y] === undefined) delete out.budgets[y];
      else out.budgets[y] = cur.budgets[y];
    }
    // A row without a status (or with its column unmatched) keeps the stored one.
    if (!mapped.has("status") || out.status === null) out.status = cur.status;
    return out;
  };

  return {
    fields: projectFields(plan),
    parse(cells) {
      const errors: Record<string, FieldError<PlansKey>> = {};
      const bad = (field: string, key: PlansKey, vars?: Vars) => {
        errors[field] ??= { key, vars };
      };
      // A cell longer than its field is reported on its row, never cut short in silence.
      const text = (name: string, max: number) => {
        const value = (cells[name] ?? "").trim();
        if (value.length > max) bad(name, "pimport.tooLong", { max });
        return value;
      };
      const texts = {
        objectives: text("objectives", 2000),
        outputs: text("outputs", 2000),
        kpi: text("kpi", 1000),
        expectedResults: text("expected", 2000),
        responsibleUnit: text("unit", 200),
      };
      const title = (cells.title ?? "").trim();
      if (title.length > 200) bad("title", "pimport.tooLong", { max: 200 });
      const code = arabic(cells.strategy ?? "").trim();
      let strategyId: number | null = null;
      if (code) {
        const id = byCode.get(codeKey(code));
        if (id === undefined) bad("strategy", "pimport.unknownStrategy", { code });
        else strategyId = id;
      }
      const areaText = arabic(cells.area ?? "").trim();
      let areaId: number | null = null;
      if (areaText) {
        const id = byArea.get(normaliseHeader(areaText));
        if (id === undefined) bad("area", "pimport.unknownArea", { name: areaText });
        else areaId = id;
      }
      const formText = arabic(cells.form ?? "")
        .toLowerCase()
        .replace(/[\s./_]/g, "");
      const formCategory = (formText ? FORMS[formText] : "p02") ?? "p02";
      if (formText && !FORMS[formText]) bad("form", "pimport.formInvalid");
      const villageText = arabic(cells.villages ?? "").trim();
      let wholeTambon = villageText === "";
      const villageIds: number[] = [];
      if (WHOLE_TAMBON.has(villageText.toLowerCase())) wholeTambon = true;
      else if (villageText) {
        const bare = villageText.replace(/(หมู่ที่|หมู่|ม\.|moo)\s*/gi, "");
        for (const part of bare.split(/[,，、;\s]+/).filter(Boolean)) {
          const m = /^(\d{1,3})$/.exec(part);
          const id = m ? byMoo.get(Number(m[1])) : undefined;
          if (id === undefined) bad("villages", "pimport.unknownVillage", { moo: part });
          else if (!villageIds.includes(id)) villageIds.push(id);
        }
      }
      const statusText = (cells.status ?? "").trim();
      let status: ProjectStatus | null = null;
      if (statusText) {
        const s = statusByWord.get(normaliseHeader(statusText));
        if (!s) bad("status", "pimport.statusInvalid", { value: statusText });
        else status = s;
      }
      const budgets: Record<number, string> = {};
      for (const y of years) {
        const raw = arabic(cells[yearField(y)] ?? "")
          .trim()
          .replace(/[,\s]/g, "");
        if (!raw) continue;
        if (!AMOUNT.test(raw)) bad(yearField(y), "pimport.amountInvalid");
        else budgets[y] = money(raw);
      }
      if (Object.keys(errors).length) return { ok: false, errors };
      return ok({
        title,
        strategyId,
        areaId,
        formCategory,
        ...texts,
        wholeTambon,
        villageIds: villageIds.sort((a, b) => a - b),
        status,
        budgets,
      });
    },
    key: (r) => titleKey(r.title),
    transaction: (fn) => db.transaction(fn),
    async current(tx) {
      const stored = await tambonRows(tx, projects, tambonId, { planId: plan.id });
      const out = new Map<string, StoredProject>();
      if (!stored.length) return out;
      const ids = stored.map((p) => p.id);
      const [vs, bs] = await Promise.all([
        tx
          .select()
          .from(projectVillages)
          .where(tambonWhere(projectVillages, tambonId, { projectId: anyOf(ids) })),
        tx
          .select()
          .from(projectBudgets)
          .where(tambonWhere(projectBudgets, tambonId, { source: "local", projectId: anyOf(ids) })),
      ]);
      for (const p of stored) {
        const budgets: Record<number, string> = {};
        for (const b of bs) if (b.projectId === p.id) budgets[b.fiscalYear] = money(b.amount);
        out.set(titleKey(p.title), {
          ...pick(p, "id", ...IMPORTED_FIELDS),
          villageIds: vs
            .filter((v) => v.projectId === p.id)
            .map((v) => v.villageId)
            .sort((a, b) => a - b),
          status: p.status,
          budgets,
        });
      }
      return out;
    },
    keep,
    same: (current, row) => JSON.stringify(comparable(current)) === JSON.stringify(comparable(row)),
    async write(tx, changes) {
      let seq = await lastNumber(tx, projects, "seq", tambonId, { planId: plan.id });
      for (const c of changes) {
        const r = c.row;
        const status = r.status ?? c.current?.status ?? "proposed";
        let id = c.current?.id;
        if (id === undefined) {
          const [row] = await tx
            .insert(projects)
            .values({ tambonId, planId: plan.id, seq: ++seq, title: r.title, status })
            .returning({ id: projects.id });
          id = row!.id;
        }
        await tx
          .update(projects)
          .set({
            ...pick(r, ...IMPORTED_FIELDS),
            status,
            updatedAt: new Date(),
          })
          .where(tambonWhere(projects, tambonId, { id }));
        if (!c.current || c.current.status !== status)
          await tx
            .insert(projectUpdates)
            .values({ tambonId, projectId: id, status, progress: 0, authorId: actorId });
        await writeLists(tx, tambonId, id, r);
        await audit(tx, {
          tambonId,
          actorId,
          action: "project.import",
          targetType: "project",
          targetId: id,
          before: c.current ? comparable(c.current) : undefined,
          after: { filename, line: c.line, planId: plan.id, ...comparable({ ...r, status }) },
        });
      }
    },
  };
}

/** What the import compares and audits (the status only when the file gives one). */
function comparable(r: Omit<ProjectRow, "status"> & { status: ProjectStatus | null }) {
  const { status, ...rest } = r;
  const out: Record<string, unknown> = { ...rest };
  delete out.id;
  if (status) out.status = status;
  return out;
}

/** Replaces a project's villages and its local budget rows with the row's. */
async function writeLists(tx: Tx, tambonId: number, projectId: number, r: ProjectRow) {
  await tx.delete(projectVillages).where(tambonWhere(projectVillages, tambonId, { projectId }));
  if (!r.wholeTambon && r.villageIds.length)
    await tx
      .insert(projectVillages)
      .values(r.villageIds.map((villageId) => ({ tambonId, projectId, villageId })));
  await tx
    .delete(projectBudgets)
    .where(tambonWhere(projectBudgets, tambonId, { projectId, source: "local" }));
  const rows = Object.entries(r.budgets);
  if (rows.length)
    await tx.insert(projectBudgets).values(
      rows.map(([year, amount]) => ({
        tambonId,
        projectId,
        fiscalYear: Number(year),
        source: "local" as const,
        amount,
      })),
    );
}
