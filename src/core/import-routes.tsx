import type { ComponentChildren, VNode } from "preact";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { authorize, currentTambon, formBody } from "./http.ts";
import type { Dictionary, Lang } from "./i18n/index.ts";
import { fail, type Result } from "./result.ts";
import { readUploads, uploadError, uploadRoute, type Upload } from "./uploads.ts";
import { sendDownload } from "./download.ts";
import { emptyForm, failedForm, type FormState } from "./views/form.tsx";
import { ImportMappingForm, ImportUploadForm } from "./views/import.tsx";
import {
  autoMap,
  dropImport,
  keepImport,
  keptImport,
  mappingValues,
  parseMapping,
  readImportFile,
  rowErrorText,
  type ImportJob,
  type ImportReport,
  type ImportTable,
  type Mapping,
} from "./imports.ts";

/**
 * The web import of one kind of record, the same steps for every module: the upload page (and
 * its template download), the file read and checked at once (a dry run with a report of every
 * bad row), the column mapping chosen again and checked, then every row imported or none.
 *
 *   GET  {path}            the upload form
 *   GET  {path}/template   an XLSX to fill in (when the module gives one)
 *   POST {path}            the file: read, matched by headers, checked → the mapping step
 *   POST {path}/check      the mapping chosen: step=check runs the dry run, step=apply imports
 */
export interface ImportRoutesSpec<S, D extends string> {
  /** The upload page's address inside the tambon, with `:params` ("/admin/plans/:id/import"). */
  path: string;
  /** The access rule checked in the current tambon before anything else. */
  action: string;
  /** What the import is about (a plan, a kind of record), read after the access check. */
  subject: (req: FastifyRequest) => S | Promise<S>;
  /** The page's title. */
  title: (lang: Lang, subject: S) => string;
  /** The page around each step; `template` is the template's address, on the upload step. */
  frame: (p: { subject: S; template?: string; children: ComponentChildren }) => VNode;
  /** The upload form, when it asks more than the file and its sheet (undefined: the plain one). */
  uploadForm?: (p: {
    req: FastifyRequest;
    subject: S;
    action: string;
    form: FormState;
    maxBytes: number;
  }) => VNode | undefined | Promise<VNode | undefined>;
  /** Fields of the upload form carried through the next steps (a form and round chosen). */
  carry?: readonly string[];
  /** The importer for a file read, or errors for the upload form (a choice that is not there). */
  importer: (
    req: FastifyRequest,
    subject: S,
    table: ImportTable,
    ctx: { token: string; values: Readonly<Record<string, string>> },
  ) => Promise<Result<ImportJob, string>>;
  /** Runs after a file is read and kept under `token` (to keep more of a workbook). */
  uploaded?: (subject: S, file: Upload, table: ImportTable, token: string) => Promise<void>;
  /** Runs when the kept file is let go after its import. */
  dropped?: (token: string) => void;
  /** After the rows were written: where to go and the message shown there. */
  applied: (
    req: FastifyRequest,
    subject: S,
    report: ImportReport<string>,
  ) => Promise<{ to: string; message: string }>;
  /** The template to fill in, as an XLSX workbook. */
  template?: (req: FastifyRequest, subject: S) => Promise<{ name: string; body: Uint8Array }>;
  /** The module's messages (row errors and mapping errors are looked up there, then in core). */
  dictionary: Dictionary<D>;
  /** Largest file taken (a workbook may unpack to four times this). */
  maxBytes: number;
  /** Most data rows of one file. */
  maxRows: number;
}

/** Registers the four routes of a web import (see `ImportRoutesSpec`). */
export function importRoutes<S, D extends string>(
  app: FastifyInstance,
  spec: ImportRoutesSpec<S, D>,
): void {
  const carry = spec.carry ?? [];
  const base = (req: FastifyRequest) => {
    const params = (req.params ?? {}) as Record<string, string>;
    const path = spec.path.replace(/:(\w+)/g, (_m, name: string) =>
      encodeURIComponent(params[name] ?? ""),
    );
    return `/t/${currentTambon(req).slug}${path}`;
  };
  const owner = (req: FastifyRequest) => ({
    tambonId: currentTambon(req).id,
    userId: req.actor.user?.id ?? 0,
  });
  const allowed = async (req: FastifyRequest): Promise<S> => {
    authorize(req, spec.action, { tambonId: currentTambon(req).id });
    return spec.subject(req);
  };
  const carried = (body: Readonly<Record<string, string>>) =>
    Object.fromEntries(carry.map((name) => [name, body[name] ?? ""]));

  async function uploadPage(
    req: FastifyRequest,
    reply: FastifyReply,
    subject: S,
    form: FormState,
    status = 200,
  ) {
    const action = base(req);
    const own = await spec.uploadForm?.({ req, subject, action, form, maxBytes: spec.maxBytes });
    const body = own ?? (
      <ImportUploadForm action={action} form={form} maxBytes={spec.maxBytes} sheet />
    );
    return reply.page(
      spec.title(req.lang, subject),
      spec.frame({
        subject,
        template: spec.template ? `${action}/template` : undefined,
        children: body,
      }),
      { status },
    );
  }

  /** The mapping step with the dry run's report for `mapping` (or the mapping form's errors). */
  function mappingPage(
    req: FastifyRequest,
    reply: FastifyReply,
    subject: S,
    step: { token: string; table: ImportTable; job: ImportJob; mapping: Mapping },
    checked: Result<ImportReport<string>, string>,
    values: Record<string, string>,
  ) {
    const { token, table, job, mapping } = step;
    const report = checked.ok
      ? {
          ...checked.value,
          errors: checked.value.errors.map((e) => ({
            line: e.line,
            column: e.column ?? job.fields.find((f) => f.name === e.field)?.label[req.lang] ?? "",
            text: rowErrorText(e, req.lang, spec.dictionary),
          })),
        }
      : undefined;
    const form = checked.ok
      ? emptyForm(values)
      : failedForm(values, checked.errors, req.lang, spec.dictionary);
    const bad = !checked.ok || checked.value.errors.length > 0;
    return reply.page(
      spec.title(req.lang, subject),
      spec.frame({
        subject,
        children: (
          <ImportMappingForm
            action={`${base(req)}/check`}
            table={table}
            fields={job.fields}
            mapping={mapping}
            form={form}
            report={report}
            hidden={{ token, ...carried(values) }}
          />
        ),
      }),
      { status: bad ? 422 : 200 },
    );
  }

  app.get(spec.path, async (req, reply) => {
    const subject = await allowed(req);
    return uploadPage(req, reply, subject, emptyForm());
  });

  const template = spec.template;
  if (template)
    app.get(`${spec.path}/template`, async (req, reply) => {
      const subject = await allowed(req);
      const file = await template(req, subject);
      return sendDownload(reply, { type: "xlsx", name: file.name, body: file.body });
    });

  app.post(
    spec.path,
    uploadRoute({ files: 1, fileBytes: spec.maxBytes, fields: 5 + carry.length }),
    async (req, reply) => {
      const subject = await allowed(req);
      const body = formBody(req);
      const again = (errors: Parameters<typeof failedForm>[1]) =>
        uploadPage(req, reply, subject, failedForm(body, errors, req.lang, spec.dictionary), 422);
      const got = readUploads(req, "file");
      const tooBig = uploadError(req, got);
      if (tooBig) return again({ file: tooBig });
      const file = got.files[0];
      if (!file) return again(fail("file", "err.required").errors);
      const read = await readImportFile(file, {
        sheet: body.sheet,
        maxRows: spec.maxRows,
        maxBytes: 4 * spec.maxBytes,
      });
      if (!read.ok) return again(read.errors);
      const table = read.value;
      const token = keepImport(owner(req), table);
      await spec.uploaded?.(subject, file, table, token);
      const job = await spec.importer(req, subject, table, { token, values: body });
      if (!job.ok) return again(job.errors);
      const mapping = autoMap(table.headers, job.value.fields);
      const values = { ...mappingValues(mapping), ...carried(body) };
      const checked = parseMapping(mappingValues(mapping), table.headers, job.value.fields);
      const report = checked.ok
        ? { ok: true as const, value: await job.value.run(table, mapping, false) }
        : checked;
      return mappingPage(
        req,
        reply,
        subject,
        { token, table, job: job.value, mapping },
        report,
        values,
      );
    },
  );

  app.post(`${spec.path}/check`, async (req, reply) => {
    const subject = await allowed(req);
    const body = formBody(req);
    const token = body.token ?? "";
    const again = (errors: Parameters<typeof failedForm>[1]) =>
      uploadPage(req, reply, subject, failedForm(body, errors, req.lang, spec.dictionary), 422);
    const table = keptImport(token, owner(req));
    if (!table) return again(fail("file", "import.expired").errors);
    const job = await spec.importer(req, subject, table, { token, values: body });
    if (!job.ok) return again(job.errors);
    const chosen = parseMapping(body, table.headers, job.value.fields);
    if (!chosen.ok) {
      const mapping = autoMap(table.headers, job.value.fields);
      return mappingPage(
        req,
        reply,
        subject,
        { token, table, job: job.value, mapping },
        chosen,
        body,
      );
    }
    const report = await job.value.run(table, chosen.value, body.step === "apply");
    if (report.applied) {
      dropImport(token);
      spec.dropped?.(token);
      const done = await spec.applied(req, subject, report);
      return reply.seeOther(done.to, done.message);
    }
    const values = { ...mappingValues(chosen.value), ...carried(body) };
    return mappingPage(
      req,
      reply,
      subject,
      { token, table, job: job.value, mapping: chosen.value },
      { ok: true, value: report },
      values,
    );
  });
}
