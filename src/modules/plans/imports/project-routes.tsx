import type { ComponentChildren } from "preact";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { currentTambon } from "../../../core/http.ts";
import { notFound } from "../../../core/errors.ts";
import { requireId } from "../../../core/params.ts";
import { useCtx } from "../../../core/views/ctx.ts";
import { ok } from "../../../core/result.ts";
import { writeWorkbook } from "../../../core/xlsx.ts";
import { importJob } from "../../../core/imports.ts";
import { importRoutes } from "../../../core/import-routes.tsx";
import { msg, type PlansKey } from "../messages.ts";
import { getPlan, listStrategies, type Plan } from "../plans/queries.ts";
import { projectFields, projectImporter } from "./projects.ts";
import { pick } from "../../../core/pick.ts";

/** Largest projects file taken. */
const FILE_BYTES = 5 * 1024 * 1024;
/** Most rows of one import (a plan has a few hundred projects at most). */
const MAX_ROWS = 2_000;

/** The frame of the projects import: back to the plan, its title, what the file holds. */
function ProjectImportPage(p: { plan: Plan; templateHref?: string; children: ComponentChildren }) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  return (
    <>
      <p>
        <a href={`/t/${tambon!.slug}/admin/plans/${p.plan.id}`}>← {p.plan.title}</a>
      </p>
      <h1>{t("pimport.title")}</h1>
      <p>{t("pimport.intro", { plan: p.plan.title })}</p>
      {p.templateHref && (
        <p>
          <a href={p.templateHref}>{t("pimport.template")}</a>
        </p>
      )}
      {p.children}
    </>
  );
}

type Req = FastifyRequest<{ Params: { id: string } }>;

/** Importing a plan's projects from CSV or XLSX: upload, match columns, dry run, import. */
export function projectImportRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;
  importRoutes<Plan, PlansKey>(app, {
    path: "/admin/plans/:id/import",
    action: "plan.manage",
    /** The plan of the address, the tambon's own; another tambon's is a 404. */
    async subject(req) {
      const plan = await getPlan(db, currentTambon(req).id, requireId((req as Req).params.id));
      if (!plan) throw notFound();
      return plan;
    },
    title: (lang) => msg.t(lang)("pimport.title"),
    frame: (p) => (
      <ProjectImportPage plan={p.subject} templateHref={p.template}>
        {p.children}
      </ProjectImportPage>
    ),
    dictionary: msg,
    maxBytes: FILE_BYTES,
    maxRows: MAX_ROWS,
    importer: async (req, plan, table) =>
      ok(
        importJob(
          await projectImporter(
            db,
            currentTambon(req).id,
            plan,
            req.actor.user?.id ?? null,
            table.filename,
          ),
        ),
      ),
    applied: async (req, plan, report) => ({
      to: `/t/${currentTambon(req).slug}/admin/plans/${plan.id}/projects`,
      message: msg.t(req.lang)("pimport.imported", {
        ...pick(report, "create", "update", "unchanged"),
      }),
    }),
    async template(req, plan) {
      const tambon = currentTambon(req);
      const t = msg.t("th");
      const fields = projectFields(plan);
      const strategies = await listStrategies(db, tambon.id, plan.id);
      const header = fields.map((f) => ({ value: f.label.th, bold: true, shaded: true }));
      const sample = fields.map((f) => {
        if (f.name === "title") return t("pimport.field.title");
        if (f.name === "strategy") return strategies.find((s) => s.code)?.code ?? "";
        if (f.name === "form") return "ผ.02";
        if (f.name === "villages") return "1, 2";
        return "";
      });
      const body = await writeWorkbook([
        {
          name: t("plan.projects"),
          rows: [header, sample],
          widths: fields.map((f) => (f.name === "title" ? 40 : 16)),
          frozenRows: 1,
        },
        {
          name: t("pimport.field.strategy"),
          rows: [
            [{ value: t("pimport.field.strategy"), bold: true }],
            ...strategies.map((s) => [s.code, s.title]),
          ],
          widths: [16, 60],
        },
      ]);
      return { name: `projects-plan-${plan.id}.xlsx`, body };
    },
  });
}
