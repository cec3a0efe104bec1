import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ComponentChildren } from "preact";
import { asc, eq } from "drizzle-orm";
import type { ModuleDeps } from "../../../core/modules.ts";
import { authorize, currentTambon } from "../../../core/http.ts";
import { notFound } from "../../../core/errors.ts";
import { queryOf, requireId } from "../../../core/params.ts";
import { sendDownload } from "../../../core/download.ts";
import { toCsv } from "../../../core/csv.ts";
import { writeWorkbook, type Cell } from "../../../core/xlsx.ts";
import { villages } from "../../../core/db/schema.ts";
import type { Tambon } from "../../../core/tenancy.ts";
import { listAreas } from "../../areas/public.ts";
import { pagePdf, pdfAvailable, sendStandalone } from "../../../core/pdf.ts";
import { progressById } from "../shared/progress.ts";
import { msg } from "../messages.ts";
import { FORMS, FORM_CODES, formTable, yearsOf, type FormKey } from "./forms.ts";
import { formsWorkbook } from "./xlsx.ts";
import {
  reportIndicators,
  reportPlan,
  reportPlans,
  reportProjects,
  reportStrategies,
  type ReportPlan,
} from "./queries.ts";
import { openData, tambonValues } from "./open-data.ts";
import { FormPrint, IndicatorTable, PrintDoc, ProgressPrint, ReportsIndex } from "./views.tsx";

/** "องค์การบริหารส่วนตำบลละงู อำเภอละงู จังหวัดสตูล", the line under a form's title. */
function tambonLine(t: Tambon): string {
  const office = t.kind === "sao" ? "องค์การบริหารส่วนตำบล" : "เทศบาลตำบล";
  return `${office}${t.nameTh} อำเภอ${t.districtTh} จังหวัด${t.provinceTh}`;
}

function formKey(value: string): FormKey {
  if (!(FORMS as readonly string[]).includes(value)) throw notFound();
  return value as FormKey;
}

/**
 * Reports of a plan: the forms ผ.01–ผ.03 as print pages, PDF and XLSX; the project list as CSV
 * and JSON; progress per fiscal year; indicator tables; and the tambon's open data.
 */
export function reportRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;

  async function loadPlan(req: FastifyRequest, id: string) {
    const tambon = currentTambon(req);
    authorize(req, "plan.read", { tambonId: tambon.id });
    const plan = await reportPlan(db, tambon.id, requireId(id));
    if (!plan) throw notFound();
    return { tambon, plan, base: `/t/${tambon.slug}/plans/${plan.id}/reports` };
  }

  async function formsOf(tambon: Tambon, plan: ReportPlan, forms: readonly FormKey[]) {
    const [strategies, projects] = await Promise.all([
      reportStrategies(db, tambon.id, [plan.id]),
      reportProjects(db, tambon.id, [plan.id]),
    ]);
    return forms.map((f) => formTable(f, plan, tambonLine(tambon), strategies, projects));
  }

  /** Sends a page without the site's header and menu (the print layouts). */
  const sendPrint = (req: FastifyRequest, reply: FastifyReply, tree: ComponentChildren) =>
    sendStandalone(req, reply, deps.config.secret, tree);

  app.get<{ Params: { id: string } }>("/plans/:id/reports", async (req, reply) => {
    const { tambon, plan } = await loadPlan(req, req.params.id);
    return reply.page(
      msg.t(req.lang)("report.heading", { plan: plan.title }),
      <ReportsIndex plan={plan} base={`/t/${tambon.slug}`} pdf={pdfAvailable()} />,
    );
  });

  app.get<{ Params: { id: string; form: string } }>(
    "/plans/:id/reports/forms/:form",
    async (req, reply) => {
      const form = formKey(req.params.form);
      const { tambon, plan, base } = await loadPlan(req, req.params.id);
      const [table] = await formsOf(tambon, plan, [form]);
      return sendPrint(
        req,
        reply,
        <PrintDoc
          title={`${table!.code} ${plan.title}`}
          back={base}
          noPdf={queryOf(req).nopdf === "1"}
        >
          <FormPrint form={table!} />
        </PrintDoc>,
      );
    },
  );

  app.get<{ Params: { id: string; form: string } }>(
    "/plans/:id/reports/forms/:form/xlsx",
    async (req, reply) => {
      const form = formKey(req.params.form);
      const { tambon, plan } = await loadPlan(req, req.params.id);
      const tables = await formsOf(tambon, plan, [form]);
      return sendDownload(reply, {
        type: "xlsx",
        name: `${FORM_CODES[form]} ${plan.title}.xlsx`,
        body: await formsWorkbook(tables),
      });
    },
  );

  app.get<{ Params: { id: string } }>("/plans/:id/reports/forms.xlsx", async (req, reply) => {
    const { tambon, plan } = await loadPlan(req, req.params.id);
    return sendDownload(reply, {
      type: "xlsx",
      name: `${plan.title}.xlsx`,
      body: await formsWorkbook(await formsOf(tambon, plan, FORMS)),
    });
  });

  app.get<{ Params: { id: string; form: string } }>(
    "/plans/:id/reports/forms/:form/pdf",
    { config: { rateLimit: { max: 20, timeWindow: "1 minute" } } },
    async (req, reply) => {
      const form = formKey(req.params.form);
      const { plan, base } = await loadPlan(req, req.params.id);
      const printPath = `${base}/forms/${form}`;
      const pdf = await pagePdf(app, req, printPath);
      if (!pdf) return reply.redirect(`${printPath}?nopdf=1`, 303);
      return sendDownload(reply, {
        type: "pdf",
        name: `${FORM_CODES[form]} ${plan.title}.pdf`,
        body: pdf,
        inline: true,
      });
    },
  );

  /** The project list's rows: every project of the plan, one row per project. */
  async function projectList(tambon: Tambon, plan: ReportPlan) {
    const list = await reportProjects(db, tambon.id, [plan.id], { all: true });
    const shown = progressById(list);
    return list.map((p) => ({ ...p, shownProgress: shown.get(p.id) ?? p.progress }));
  }

  app.get<{ Params: { id: string } }>("/plans/:id/reports/projects.csv", async (req, reply) => {
    const { tambon, plan } = await loadPlan(req, req.params.id);
    const years = yearsOf(plan);
    const list = await projectList(tambon, plan);
    const header = [
      "id",
      "seq",
      "title",
      "area",
      "form",
      "status",
      "progress",
      "whole_tambon",
      "moo",
      "village_codes",
      "target_groups",
      "objectives",
      "outputs",
      "kpi",
      "expected_results",
      "responsible_unit",
      ...years.map((y) => `budget_${y}`),
      "budget_total",
    ];
    const rows = list.map((p) => [
      p.id,
      p.seq,
      p.title,
      p.areaName,
      FORM_CODES[p.formCategory],
      p.status,
      p.shownProgress,
      p.wholeTambon,
      p.villages.map((v) => v.moo).join(" "),
      p.villages.map((v) => v.code).join(" "),
      p.targetGroups.join(" "),
      p.objectives,
      p.outputs,
      p.kpi,
      p.expectedResults,
      p.responsibleUnit,
      ...years.map((y) => (p.byYear.get(y) ?? 0).toFixed(2)),
      years.reduce((a, y) => a + (p.byYear.get(y) ?? 0), 0).toFixed(2),
    ]);
    return sendDownload(reply, {
      type: "csv",
      name: `projects-${tambon.slug}-${plan.id}.csv`,
      body: toCsv(header, rows),
    });
  });

  app.get<{ Params: { id: string } }>("/plans/:id/reports/projects.json", async (req, reply) => {
    const { tambon, plan } = await loadPlan(req, req.params.id);
    const list = await projectList(tambon, plan);
    const body = openData({
      tambon,
      generatedAt: new Date(),
      villages: [],
      areas: [],
      plans: [plan],
      strategies: [],
      projects: list,
      indicators: [],
    }).projects.map((p, i) => ({
      ...p,
      areaName: list[i]!.areaName,
      progress: list[i]!.shownProgress,
    }));
    return sendDownload(reply, {
      type: "json",
      name: `projects-${tambon.slug}-${plan.id}.json`,
      body: JSON.stringify({ plan: { id: plan.id, title: plan.title }, projects: body }, null, 1),
      inline: true,
    });
  });

  app.get<{ Params: { id: string } }>("/plans/:id/reports/progress", async (req, reply) => {
    const { tambon, plan, base } = await loadPlan(req, req.params.id);
    const asked = queryOf(req).year ?? "";
    const year = /^\d{4}$/.test(asked) ? Number(asked) : NaN;
    if (!yearsOf(plan).includes(year)) throw notFound();
    const list = (await projectList(tambon, plan)).filter((p) => (p.byYear.get(year) ?? 0) > 0);
    return sendPrint(
      req,
      reply,
      <PrintDoc title={msg.t(req.lang)("report.progress", { year })} back={base}>
        <ProgressPrint plan={plan} year={year} projects={list} />
      </PrintDoc>,
    );
  });

  async function indicatorRows(tambon: Tambon, plan: ReportPlan) {
    const list = await reportIndicators(db, tambon.id, [plan.id]);
    return list.map((indicator) => ({ indicator, values: tambonValues(indicator) }));
  }

  app.get<{ Params: { id: string } }>("/plans/:id/reports/indicators", async (req, reply) => {
    const { tambon, plan } = await loadPlan(req, req.params.id);
    return reply.page(
      msg.t(req.lang)("report.indicators"),
      <IndicatorTable years={yearsOf(plan)} rows={await indicatorRows(tambon, plan)} />,
    );
  });

  /** The indicator table as rows: name, unit, baseline, then target and value per year. */
  async function indicatorSheet(tambon: Tambon, plan: ReportPlan) {
    const years = yearsOf(plan);
    const rows = await indicatorRows(tambon, plan);
    const header = [
      "id",
      "indicator",
      "unit",
      "direction",
      "baseline",
      "baseline_year",
      ...years.flatMap((y) => [`target_${y}`, `value_${y}`]),
    ];
    const body = rows.map(({ indicator: i, values }) => {
      const targets = new Map(i.targets.map((x) => [x.fiscalYear, x.target]));
      return [
        i.id,
        i.name,
        i.unit,
        i.direction,
        i.baselineValue,
        i.baselineYear,
        ...years.flatMap((y) => [targets.get(y) ?? null, values.get(y) ?? null]),
      ];
    });
    return { header, body };
  }

  app.get<{ Params: { id: string } }>("/plans/:id/reports/indicators.csv", async (req, reply) => {
    const { tambon, plan } = await loadPlan(req, req.params.id);
    const { header, body } = await indicatorSheet(tambon, plan);
    return sendDownload(reply, {
      type: "csv",
      name: `indicators-${tambon.slug}-${plan.id}.csv`,
      body: toCsv(header, body),
    });
  });

  app.get<{ Params: { id: string } }>("/plans/:id/reports/indicators.xlsx", async (req, reply) => {
    const { tambon, plan } = await loadPlan(req, req.params.id);
    const { header, body } = await indicatorSheet(tambon, plan);
    const rows: Cell[][] = [
      header.map((h) => ({ value: h, bold: true, shaded: true })),
      ...body.map((r) => r.map((v) => (typeof v === "number" ? v : (v ?? null)))),
    ];
    return sendDownload(reply, {
      type: "xlsx",
      name: `indicators-${tambon.slug}-${plan.id}.xlsx`,
      body: await writeWorkbook([
        { name: "ตัวชี้วัด", rows, landscape: true, frozenRows: 1, widths: [6, 40, 12] },
      ]),
    });
  });

  app.get("/plans/open-data.json", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "plan.read", { tambonId: tambon.id });
    const plans = await reportPlans(db, tambon.id);
    const ids = plans.map((p) => p.id);
    const [strategies, projects, indicators, areas, villageRows] = await Promise.all([
      reportStrategies(db, tambon.id, ids),
      reportProjects(db, tambon.id, ids, { all: true }),
      reportIndicators(db, tambon.id),
      listAreas(db, tambon.id),
      db
        .select({
          id: villages.id,
          moo: villages.moo,
          code: villages.code,
          nameTh: villages.nameTh,
          nameEn: villages.nameEn,
        })
        .from(villages)
        .where(eq(villages.tambonId, tambon.id))
        .orderBy(asc(villages.moo)),
    ]);
    const body = openData({
      tambon,
      generatedAt: new Date(),
      villages: villageRows,
      areas,
      plans,
      strategies,
      projects,
      indicators,
    });
    return reply
      .header("access-control-allow-origin", "*")
      .header("content-type", "application/json; charset=utf-8")
      .header("cache-control", "public, max-age=300")
      .header("x-content-type-options", "nosniff")
      .send(JSON.stringify(body));
  });
}
