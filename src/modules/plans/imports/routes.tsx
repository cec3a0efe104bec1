import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { authorize, currentTambon, formBody } from "../../../core/http.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { fail, type Result } from "../../../core/result.ts";
import { readUploads, uploadError, uploadRoute } from "../../../core/uploads.ts";
import { sendDownload } from "../../../core/download.ts";
import { writeWorkbook } from "../../../core/xlsx.ts";
import { listVillages } from "../../../core/queries/villages.ts";
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
import { fiscalYearOf } from "../shared/fiscal.ts";
import { listIndicators } from "../indicators/queries.ts";
import { MEASUREMENT_FIELDS, measurementImporter } from "./measurements.ts";
import { ImportPage } from "./views.tsx";

/** Largest measurements file taken. */
const FILE_BYTES = 5 * 1024 * 1024;
/** Most rows of one import (18 villages × 10 indicators × 5 years is 900). */
const MAX_ROWS = 20_000;

/** Importing measurements from CSV or XLSX: upload, match columns, dry run, import. */
export function measurementImportRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;
  const base = (req: FastifyRequest) => `/t/${currentTambon(req).slug}/admin/indicators/import`;
  const owner = (req: FastifyRequest) => ({
    tambonId: currentTambon(req).id,
    userId: req.actor.user?.id ?? 0,
  });
  const allow = (req: FastifyRequest) =>
    authorize(req, "measurement.record", { tambonId: currentTambon(req).id });

  function uploadPage(req: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) {
    return reply.page(
      msg.t(req.lang)("measure.import"),
      <ImportPage templateHref={`${base(req)}/template`}>
        <ImportUploadForm action={base(req)} form={form} maxBytes={FILE_BYTES} sheet />
      </ImportPage>,
      { status },
    );
  }

  /** The mapping step with the dry run's report for `mapping` (or the mapping form's errors). */
  async function mappingPage(
    req: FastifyRequest,
    reply: FastifyReply,
    token: string,
    table: ImportTable,
    mapping: Mapping,
    checked: Result<ImportReport<string>, string>,
    values: Record<string, string>,
    status = 200,
  ) {
    const report = checked.ok
      ? {
          ...checked.value,
          errors: checked.value.errors.map((e) => ({
            line: e.line,
            column:
              e.column ?? MEASUREMENT_FIELDS.find((f) => f.name === e.field)?.label[req.lang] ?? "",
            text: rowErrorText(e, req.lang, msg),
          })),
        }
      : undefined;
    const form = checked.ok ? emptyForm(values) : failedForm(values, checked.errors, req.lang, msg);
    return reply.page(
      msg.t(req.lang)("measure.import"),
      <ImportPage>
        <ImportMappingForm
          action={`${base(req)}/check`}
          table={table}
          fields={MEASUREMENT_FIELDS}
          mapping={mapping}
          form={form}
          report={report}
          hidden={{ token }}
        />
      </ImportPage>,
      { status },
    );
  }

  app.get("/admin/indicators/import", async (req, reply) => {
    allow(req);
    return uploadPage(req, reply, emptyForm());
  });

  app.get("/admin/indicators/import/template", async (req, reply) => {
    const tambon = currentTambon(req);
    allow(req);
    const t = msg.t("th");
    const [list, villages] = await Promise.all([
      listIndicators(db, tambon.id),
      listVillages(db, tambon.id),
    ]);
    const year = fiscalYearOf(new Date());
    const header = MEASUREMENT_FIELDS.map((f) => ({ value: f.label.th, bold: true, shaded: true }));
    const rows = (
      list.length ? list.slice(0, 1) : [{ name: t("measure.field.indicator") }]
    ).flatMap((i) => [
      [i.name, "", String(year), "", ""],
      ...villages.map((v) => [i.name, String(v.moo), String(year), "", ""]),
    ]);
    const body = await writeWorkbook([
      {
        name: t("measure.field.value"),
        rows: [header, ...rows],
        widths: [40, 10, 14, 14, 30],
        frozenRows: 1,
      },
      {
        name: t("indicator.title"),
        rows: [[{ value: t("indicator.name"), bold: true }], ...list.map((i) => [i.name])],
        widths: [60],
      },
    ]);
    return sendDownload(reply, { type: "xlsx", name: `measurements-${tambon.slug}.xlsx`, body });
  });

  app.post(
    "/admin/indicators/import",
    uploadRoute({ files: 1, fileBytes: FILE_BYTES, fields: 5 }),
    async (req, reply) => {
      allow(req);
      const body = formBody(req);
      const got = readUploads(req, "file");
      const tooBig = uploadError(req, got);
      if (tooBig) return uploadPage(req, reply, failedForm(body, { file: tooBig }, req.lang), 422);
      const file = got.files[0];
      if (!file)
        return uploadPage(
          req,
          reply,
          failedForm(body, fail("file", "err.required").errors, req.lang),
          422,
        );
      const read = await readImportFile(file, {
        sheet: body.sheet,
        maxRows: MAX_ROWS,
        maxBytes: 4 * FILE_BYTES,
      });
      if (!read.ok) return uploadPage(req, reply, failedForm(body, read.errors, req.lang), 422);
      const token = keepImport(owner(req), read.value);
      const mapping = autoMap(read.value.headers, MEASUREMENT_FIELDS);
      const checked = parseMapping(mappingValues(mapping), read.value.headers, MEASUREMENT_FIELDS);
      const report = checked.ok
        ? { ok: true as const, value: await dryRun(req, read.value, mapping, false) }
        : checked;
      const bad = !report.ok || report.value.errors.length > 0;
      return mappingPage(
        req,
        reply,
        token,
        read.value,
        mapping,
        report,
        mappingValues(mapping),
        bad ? 422 : 200,
      );
    },
  );

  async function dryRun(req: FastifyRequest, table: ImportTable, mapping: Mapping, apply: boolean) {
    const tambon = currentTambon(req);
    const importer = await measurementImporter(
      db,
      tambon.id,
      req.actor.user?.id ?? null,
      table.filename,
    );
    return runImport(table, mapping, importer, { apply });
  }

  app.post("/admin/indicators/import/check", async (req, reply) => {
    allow(req);
    const tambon = currentTambon(req);
    const body = formBody(req);
    const token = body.token ?? "";
    const table = keptImport(token, owner(req));
    if (!table)
      return uploadPage(
        req,
        reply,
        failedForm(body, fail("file", "import.expired").errors, req.lang),
        422,
      );
    const chosen = parseMapping(body, table.headers, MEASUREMENT_FIELDS);
    if (!chosen.ok)
      return mappingPage(
        req,
        reply,
        token,
        table,
        autoMap(table.headers, MEASUREMENT_FIELDS),
        chosen,
        body,
        422,
      );
    const apply = body.step === "apply";
    const report = await dryRun(req, table, chosen.value, apply);
    if (report.applied || (apply && report.errors.length === 0)) {
      dropImport(token);
      return reply.seeOther(
        `/t/${tambon.slug}/admin/indicators`,
        msg.t(req.lang)("measure.imported", {
          create: report.create,
          update: report.update,
          unchanged: report.unchanged,
        }),
      );
    }
    const values = { ...mappingValues(chosen.value) };
    return mappingPage(
      req,
      reply,
      token,
      table,
      chosen.value,
      { ok: true, value: report },
      values,
      report.errors.length ? 422 : 200,
    );
  });
}
