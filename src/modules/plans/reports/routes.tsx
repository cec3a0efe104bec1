import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ComponentChildren } from "preact";
import type { ModuleDeps } from "../../../core/modules.ts";
import { notFound } from "../../../core/errors.ts";
import { queryOf } from "../../../core/params.ts";
import { sendDownload } from "../../../core/download.ts";
import type { Tambon } from "../../../core/tenancy.ts";
import { pagePdf, pdfAvailable, sendStandalone } from "../../../core/pdf.ts";
import { msg } from "../messages.ts";
import { FORMS, FORM_CODES, formTable, yearsOf, type FormKey } from "./forms.ts";
import { formsWorkbook } from "./xlsx.ts";
import { reportProjects, reportStrategies, type ReportPlan } from "./queries.ts";
import { loadReportPlan, projectList } from "./load.ts";
import { reportDataRoutes } from "./data-routes.tsx";
import { FormPrint, PrintDoc, ProgressPrint, ReportsIndex } from "./views.tsx";

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

  const loadPlan = (req: FastifyRequest, id: string) => loadReportPlan(db, req, id);

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

  app.get<{ Params: { id: string } }>("/plans/:id/reports/progress", async (req, reply) => {
    const { tambon, plan, base } = await loadPlan(req, req.params.id);
    const asked = queryOf(req).year ?? "";
    const year = /^\d{4}$/.test(asked) ? Number(asked) : NaN;
    if (!yearsOf(plan).includes(year)) throw notFound();
    const list = (await projectList(db, tambon, plan)).filter((p) => (p.byYear.get(year) ?? 0) > 0);
    return sendPrint(
      req,
      reply,
      <PrintDoc title={msg.t(req.lang)("report.progress", { year })} back={base}>
        <ProgressPrint plan={plan} year={year} projects={list} />
      </PrintDoc>,
    );
  });

  reportDataRoutes(app, deps);
}
