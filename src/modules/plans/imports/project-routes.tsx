import type { ComponentChildren } from "preact";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { authorize, currentTambon, formBody } from "../../../core/http.ts";
import { notFound } from "../../../core/errors.ts";
import { requireId } from "../../../core/params.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { useCtx } from "../../../core/views/ctx.ts";
import { fail, type Result } from "../../../core/result.ts";
import { readUploads, uploadError, uploadRoute } from "../../../core/uploads.ts";
import { sendDownload } from "../../../core/download.ts";
import { writeWorkbook } from "../../../core/xlsx.ts";
import {
  autoMap,
  dropImport,
  keepImport,
  keptImport,
  mappingValues,
  parseMapping,
  readImportFile,
  rowErrorText,
  runImport,
  type ImportReport,
  type ImportTable,
  type Mapping,
} from "../../../core/imports.ts";
import { ImportMappingForm, ImportUploadForm } from "../../../core/views/import.tsx";
import { msg } from "../messages.ts";
import { getPlan, listStrategies, type Plan } from "../plans/queries.ts";
import { projectFields, projectImporter } from "./projects.ts";

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
  const base = (req: FastifyRequest, plan: Plan) =>
    `/t/${currentTambon(req).slug}/admin/plans/${plan.id}/import`;
  const owner = (req: FastifyRequest) => ({
    tambonId: currentTambon(req).id,
    userId: req.actor.user?.id ?? 0,
  });

  /** The plan of the address, the tambon's own, for staff only; another tambon's is a 404. */
  async function allowedPlan(req: Req): Promise<Plan> {
    const tambonId = currentTambon(req).id;
    authorize(req, "plan.manage", { tambonId });
    const plan = await getPlan(db, tambonId, requireId(req.params.id));
    if (!plan) throw notFound();
    return plan;
  }

  function uploadPage(
    req: FastifyRequest,
    reply: FastifyReply,
    plan: Plan,
    form: FormState,
    status = 200,
  ) {
    return reply.page(
      msg.t(req.lang)("pimport.title"),
      <ProjectImportPage plan={plan} templateHref={`${base(req, plan)}/template`}>
        <ImportUploadForm action={base(req, plan)} form={form} maxBytes={FILE_BYTES} sheet />
      </ProjectImportPage>,
      { status },
    );
  }

  /** The mapping step with the dry run's report for `mapping` (or the mapping form's errors). */
  function mappingPage(
    req: FastifyRequest,
    reply: FastifyReply,
    plan: Plan,
    token: string,
    table: ImportTable,
    mapping: Mapping,
    checked: Result<ImportReport<string>, string>,
    values: Record<string, string>,
    status = 200,
  ) {
    const fields = projectFields(plan);
    const report = checked.ok
      ? {
          ...checked.value,
          errors: checked.value.errors.map((e) => ({
            line: e.line,
            column: e.column ?? fields.find((f) => f.name === e.field)?.label[req.lang] ?? "",
            text: rowErrorText(e, req.lang, msg),
          })),
        }
      : undefined;
    const form = checked.ok ? emptyForm(values) : failedForm(values, checked.errors, req.lang, msg);
    return reply.page(
      msg.t(req.lang)("pimport.title"),
      <ProjectImportPage plan={plan}>
        <ImportMappingForm
          action={`${base(req, plan)}/check`}
          table={table}
          fields={fields}
          mapping={mapping}
          form={form}
          report={report}
          hidden={{ token }}
        />
      </ProjectImportPage>,
      { status },
    );
  }

  async function run(
    req: FastifyRequest,
    plan: Plan,
    table: ImportTable,
    mapping: Mapping,
    apply: boolean,
  ) {
    const importer = await projectImporter(
      db,
      currentTambon(req).id,
      plan,
      req.actor.user?.id ?? null,
      table.filename,
      new Set(Object.keys(mapping).filter((name) => mapping[name] != null)),
    );
    return runImport(table, mapping, importer, { apply });
  }

  app.get<{ Params: { id: string } }>("/admin/plans/:id/import", async (req, reply) => {
    const plan = await allowedPlan(req);
    return uploadPage(req, reply, plan, emptyForm());
  });

  app.get<{ Params: { id: string } }>("/admin/plans/:id/import/template", async (req, reply) => {
    const plan = await allowedPlan(req);
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
    return sendDownload(reply, { type: "xlsx", name: `projects-plan-${plan.id}.xlsx`, body });
  });

  app.post<{ Params: { id: string } }>(
    "/admin/plans/:id/import",
    uploadRoute({ files: 1, fileBytes: FILE_BYTES, fields: 5 }),
    async (req, reply) => {
      const plan = await allowedPlan(req);
      const body = formBody(req);
      const got = readUploads(req, "file");
      const tooBig = uploadError(req, got);
      if (tooBig)
        return uploadPage(req, reply, plan, failedForm(body, { file: tooBig }, req.lang), 422);
      const file = got.files[0];
      if (!file)
        return uploadPage(
          req,
          reply,
          plan,
          failedForm(body, fail("file", "err.required").errors, req.lang),
          422,
        );
      const read = await readImportFile(file, {
        sheet: body.sheet,
        maxRows: MAX_ROWS,
        maxBytes: 4 * FILE_BYTES,
      });
      if (!read.ok)
        return uploadPage(req, reply, plan, failedForm(body, read.errors, req.lang), 422);
      const fields = projectFields(plan);
      const token = keepImport(owner(req), read.value);
      const mapping = autoMap(read.value.headers, fields);
      const checked = parseMapping(mappingValues(mapping), read.value.headers, fields);
      const report = checked.ok
        ? { ok: true as const, value: await run(req, plan, read.value, mapping, false) }
        : checked;
      const bad = !report.ok || report.value.errors.length > 0;
      return mappingPage(
        req,
        reply,
        plan,
        token,
        read.value,
        mapping,
        report,
        mappingValues(mapping),
        bad ? 422 : 200,
      );
    },
  );

  app.post<{ Params: { id: string } }>("/admin/plans/:id/import/check", async (req, reply) => {
    const plan = await allowedPlan(req);
    const body = formBody(req);
    const token = body.token ?? "";
    const table = keptImport(token, owner(req));
    if (!table)
      return uploadPage(
        req,
        reply,
        plan,
        failedForm(body, fail("file", "import.expired").errors, req.lang),
        422,
      );
    const fields = projectFields(plan);
    const chosen = parseMapping(body, table.headers, fields);
    if (!chosen.ok)
      return mappingPage(
        req,
        reply,
        plan,
        token,
        table,
        autoMap(table.headers, fields),
        chosen,
        body,
        422,
      );
    const apply = body.step === "apply";
    const report = await run(req, plan, table, chosen.value, apply);
    if (report.applied) {
      dropImport(token);
      return reply.seeOther(
        `/t/${currentTambon(req).slug}/admin/plans/${plan.id}/projects`,
        msg.t(req.lang)("pimport.imported", {
          create: report.create,
          update: report.update,
          unchanged: report.unchanged,
        }),
      );
    }
    return mappingPage(
      req,
      reply,
      plan,
      token,
      table,
      chosen.value,
      { ok: true, value: report },
      mappingValues(chosen.value),
      report.errors.length ? 422 : 200,
    );
  });
}
