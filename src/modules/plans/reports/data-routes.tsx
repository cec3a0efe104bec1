import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { allowedTambon } from "../../../core/http.ts";
import { sendDownload } from "../../../core/download.ts";
import { tableRoutes } from "../../../core/table-export.ts";
import { listVillages } from "../../../core/queries/villages.ts";
import type { Tambon } from "../../../core/tenancy.ts";
import { listAreas } from "../../areas/public.ts";
import { msg } from "../messages.ts";
import { FORM_CODES, yearsOf } from "./forms.ts";
import {
  reportIndicators,
  reportPlans,
  reportProjects,
  reportStrategies,
  type ReportPlan,
} from "./queries.ts";
import { openData, tambonValues } from "./open-data.ts";
import { IndicatorTable } from "./views.tsx";
import { loadReportPlan, projectList } from "./load.ts";

/** A plan's data as files: the project list (CSV, JSON), indicator tables, the tambon's open data. */
export function reportDataRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;
  const loadPlan = (req: FastifyRequest, id: string) => loadReportPlan(db, req, id);

  tableRoutes<{ Params: { id: string } }>(app, "/plans/:id/reports/projects", async (req) => {
    const { tambon, plan } = await loadPlan(req, req.params.id);
    const years = yearsOf(plan);
    const list = await projectList(db, tambon, plan);
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
    return { file: `projects-${tambon.slug}-${plan.id}`, sheet: "projects", columns: header, rows };
  });

  app.get<{ Params: { id: string } }>("/plans/:id/reports/projects.json", async (req, reply) => {
    const { tambon, plan } = await loadPlan(req, req.params.id);
    const list = await projectList(db, tambon, plan);
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

  tableRoutes<{ Params: { id: string } }>(app, "/plans/:id/reports/indicators", async (req) => {
    const { tambon, plan } = await loadPlan(req, req.params.id);
    const { header, body } = await indicatorSheet(tambon, plan);
    return {
      file: `indicators-${tambon.slug}-${plan.id}`,
      sheet: "ตัวชี้วัด",
      columns: header,
      rows: body,
      landscape: true,
      widths: [6, 40, 12],
    };
  });

  app.get("/plans/open-data.json", async (req, reply) => {
    const tambon = allowedTambon(req, "plan.read");
    const plans = await reportPlans(db, tambon.id);
    const ids = plans.map((p) => p.id);
    const [strategies, projects, indicators, areas, villageRows] = await Promise.all([
      reportStrategies(db, tambon.id, ids),
      reportProjects(db, tambon.id, ids, { all: true }),
      reportIndicators(db, tambon.id),
      listAreas(db, tambon.id),
      listVillages(db, tambon.id),
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
