import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { ModuleDeps } from "../../../core/modules.ts";
import { authorize, currentTambon, formBody } from "../../../core/http.ts";
import { notFound } from "../../../core/errors.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { fail, type Result } from "../../../core/result.ts";
import { readUploads, uploadError, uploadRoute } from "../../../core/uploads.ts";
import { readWorkbook } from "../../../core/xlsx.ts";
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
  type ImportCounts,
  type ImportReport,
  type ImportTable,
  type Importer,
  type Mapping,
} from "../../../core/imports.ts";
import { ImportMappingForm, ImportUploadForm } from "../../../core/views/import.tsx";
import type { Tx } from "../../../core/db/index.ts";
import { msg } from "../messages.ts";
import { forms, rounds } from "../schema.ts";
import { peopleImporter } from "./people.ts";
import { figureImporter } from "./figures.ts";
import { submissionImporter, type RepeatSheet } from "./submissions.ts";
import { ImportIndex, ImportKindPage, SubmissionUpload } from "./views.tsx";
import { afterImport } from "../indicators/compute.ts";

const KINDS = ["people", "submissions", "figures"] as const;
type Kind = (typeof KINDS)[number];
const FILE_BYTES = 10 * 1024 * 1024;
const MAX_ROWS = 20_000;

/** A workbook's other sheets kept beside its token (repeat groups of a submissions export). */
const repeatSheets = new Map<string, RepeatSheet[]>();

type AnyImporter = Importer<unknown, string, Tx, unknown> & {
  finish(tx: Tx, c: ImportCounts): Promise<void>;
};

/** Imports of households and people, submissions and figures: upload, columns, dry run, import. */
export function importRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;
  const base = (req: FastifyRequest) => `/t/${currentTambon(req).slug}/admin/community/imports`;
  const owner = (req: FastifyRequest) => ({
    tambonId: currentTambon(req).id,
    userId: req.actor.user?.id ?? 0,
  });
  const allow = (req: FastifyRequest) => {
    const tambon = currentTambon(req);
    authorize(req, "community.manage", { tambonId: tambon.id });
    return tambon;
  };
  const kindOf = (value: string): Kind => {
    if (!(KINDS as readonly string[]).includes(value)) throw notFound();
    return value as Kind;
  };

  async function formChoices(tambonId: number) {
    const list = await db
      .select({ id: forms.id, title: forms.title })
      .from(forms)
      .where(and(eq(forms.tambonId, tambonId), isNotNull(forms.currentVersion)))
      .orderBy(asc(forms.id));
    const rs = await db
      .select({ id: rounds.id, formId: rounds.formId, name: rounds.name })
      .from(rounds)
      .where(eq(rounds.tambonId, tambonId))
      .orderBy(asc(rounds.startsOn));
    return {
      forms: list.map((f) => ({ value: String(f.id), label: f.title })),
      rounds: rs.map((r) => ({
        value: String(r.id),
        label: `${list.find((f) => f.id === r.formId)?.title ?? ""} · ${r.name}`,
      })),
    };
  }

  async function uploadPage(
    req: FastifyRequest,
    reply: FastifyReply,
    kind: Kind,
    form: FormState,
    status = 200,
  ) {
    return reply.page(
      msg.t(req.lang)(`imp.kind.${kind}`),
      <ImportKindPage kind={kind}>
        <ImportUploadForm action={`${base(req)}/${kind}`} form={form} maxBytes={FILE_BYTES} sheet />
      </ImportKindPage>,
      { status },
    );
  }

  async function importerFor(
    req: FastifyRequest,
    kind: Kind,
    table: ImportTable,
    token: string,
    choice: { form: string; round: string },
  ): Promise<Result<AnyImporter, string>> {
    const tambon = currentTambon(req);
    const actor = req.actor.user?.id ?? null;
    if (kind === "people")
      return {
        ok: true,
        value: (await peopleImporter(
          db,
          tambon.id,
          actor,
          table.filename,
        )) as unknown as AnyImporter,
      };
    if (kind === "figures")
      return {
        ok: true,
        value: (await figureImporter(
          db,
          tambon.id,
          actor,
          table.filename,
        )) as unknown as AnyImporter,
      };
    const made = await submissionImporter(db, tambon.id, actor, table.filename, {
      formId: Number(choice.form) || 0,
      roundId: Number(choice.round) || 0,
      headers: table.headers,
      repeatSheets: repeatSheets.get(token) ?? [],
    });
    return made.ok ? { ok: true, value: made.value as unknown as AnyImporter } : made;
  }

  /** The mapping step with the dry run's report (or the errors of the mapping form). */
  async function mappingPage(
    req: FastifyRequest,
    reply: FastifyReply,
    kind: Kind,
    token: string,
    table: ImportTable,
    importer: AnyImporter,
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
              e.column ?? importer.fields.find((f) => f.name === e.field)?.label[req.lang] ?? "",
            text: rowErrorText(e, req.lang, msg),
          })),
        }
      : undefined;
    const form = checked.ok ? emptyForm(values) : failedForm(values, checked.errors, req.lang, msg);
    return reply.page(
      msg.t(req.lang)(`imp.kind.${kind}`),
      <ImportKindPage kind={kind}>
        <ImportMappingForm
          action={`${base(req)}/${kind}/check`}
          table={table}
          fields={importer.fields}
          mapping={mapping}
          form={form}
          report={report}
          hidden={{ token, form: values.form ?? "", round: values.round ?? "" }}
        />
      </ImportKindPage>,
      { status },
    );
  }

  const run = (table: ImportTable, mapping: Mapping, importer: AnyImporter, apply: boolean) =>
    runImport<unknown, string, Tx, unknown>(
      table,
      mapping,
      {
        fields: importer.fields,
        parse: (c, l) => importer.parse(c, l),
        key: (r) => importer.key(r),
        transaction: (fn) => importer.transaction(fn),
        current: (tx, rows) => importer.current(tx, rows),
        same: (a, b) => importer.same(a, b),
        async write(tx, changes, counts) {
          await importer.write(tx, changes, counts);
          await importer.finish(tx, counts);
        },
      },
      { apply },
    );

  app.get("/admin/community/imports", async (req, reply) => {
    allow(req);
    return reply.page(msg.t(req.lang)("imp.title"), <ImportIndex base={base(req)} kinds={KINDS} />);
  });

  app.get<{ Params: { kind: string } }>("/admin/community/imports/:kind", async (req, reply) => {
    allow(req);
    const kind = kindOf(req.params.kind);
    if (kind !== "submissions") return uploadPage(req, reply, kind, emptyForm());
    return submissionsUpload(req, reply, emptyForm());
  });

  async function submissionsUpload(
    req: FastifyRequest,
    reply: FastifyReply,
    form: FormState,
    status = 200,
  ) {
    const t = msg.t(req.lang);
    const choices = await formChoices(currentTambon(req).id);
    return reply.page(
      t("imp.kind.submissions"),
      <ImportKindPage kind="submissions">
        {choices.forms.length === 0 && <p>{t("imp.noForms")}</p>}
        <SubmissionUpload
          action={`${base(req)}/submissions`}
          form={form}
          choices={choices}
          maxBytes={FILE_BYTES}
        />
      </ImportKindPage>,
      { status },
    );
  }

  app.post<{ Params: { kind: string } }>(
    "/admin/community/imports/:kind",
    uploadRoute({ files: 1, fileBytes: FILE_BYTES, fields: 6 }),
    async (req, reply) => {
      allow(req);
      const kind = kindOf(req.params.kind);
      const body = formBody(req);
      const again = (f: FormState) =>
        kind === "submissions"
          ? submissionsUpload(req, reply, f, 422)
          : uploadPage(req, reply, kind, f, 422);
      const got = readUploads(req, "file");
      const tooBig = uploadError(req, got);
      if (tooBig) return again(failedForm(body, { file: tooBig }, req.lang));
      const file = got.files[0];
      if (!file) return again(failedForm(body, fail("file", "err.required").errors, req.lang));
      const read = await readImportFile(file, {
        sheet: body.sheet,
        maxRows: MAX_ROWS,
        maxBytes: 4 * FILE_BYTES,
      });
      if (!read.ok) return again(failedForm(body, read.errors, req.lang));
      const token = keepImport(owner(req), read.value);
      if (kind === "submissions" && read.value.sheet) {
        const book = await readWorkbook(file.data, { maxRows: MAX_ROWS, maxBytes: 4 * FILE_BYTES });
        if (book.ok)
          repeatSheets.set(
            token,
            book.value
              .filter((s) => s.name !== read.value.sheet)
              .map((s) => ({
                name: s.name,
                headers: (s.rows[0] ?? []).map((c) => c.trim()),
                rows: s.rows
                  .slice(1)
                  .map((cells, i) => ({ line: i + 2, cells: cells.map((c) => c.trim()) })),
              })),
          );
      }
      const choice = { form: body.form ?? "", round: body.round ?? "" };
      const importer = await importerFor(req, kind, read.value, token, choice);
      if (!importer.ok) return again(failedForm(body, importer.errors, req.lang, msg));
      const mapping = autoMap(read.value.headers, importer.value.fields);
      const checked = parseMapping(
        mappingValues(mapping),
        read.value.headers,
        importer.value.fields,
      );
      const report = checked.ok
        ? { ok: true as const, value: await run(read.value, mapping, importer.value, false) }
        : checked;
      const bad = !report.ok || report.value.errors.length > 0;
      return mappingPage(
        req,
        reply,
        kind,
        token,
        read.value,
        importer.value,
        mapping,
        report,
        { ...mappingValues(mapping), ...choice },
        bad ? 422 : 200,
      );
    },
  );

  app.post<{ Params: { kind: string } }>(
    "/admin/community/imports/:kind/check",
    async (req, reply) => {
      const tambon = allow(req);
      const kind = kindOf(req.params.kind);
      const body = formBody(req);
      const token = body.token ?? "";
      const table = keptImport(token, owner(req));
      if (!table) {
        const f = failedForm(body, fail("file", "import.expired").errors, req.lang);
        return kind === "submissions"
          ? submissionsUpload(req, reply, f, 422)
          : uploadPage(req, reply, kind, f, 422);
      }
      const choice = { form: body.form ?? "", round: body.round ?? "" };
      const importer = await importerFor(req, kind, table, token, choice);
      if (!importer.ok)
        return submissionsUpload(req, reply, failedForm(body, importer.errors, req.lang, msg), 422);
      const chosen = parseMapping(body, table.headers, importer.value.fields);
      if (!chosen.ok)
        return mappingPage(
          req,
          reply,
          kind,
          token,
          table,
          importer.value,
          autoMap(table.headers, importer.value.fields),
          chosen,
          body,
          422,
        );
      const apply = body.step === "apply";
      const report = await run(table, chosen.value, importer.value, apply);
      if (report.applied) {
        dropImport(token);
        repeatSheets.delete(token);
        await afterImport(db, tambon.id, req.actor.user?.id ?? null);
        return reply.seeOther(
          base(req),
          msg.t(req.lang)("imp.imported", {
            create: report.create,
            update: report.update,
            unchanged: report.unchanged,
          }),
        );
      }
      return mappingPage(
        req,
        reply,
        kind,
        token,
        table,
        importer.value,
        chosen.value,
        { ok: true, value: report },
        { ...mappingValues(chosen.value), ...choice },
        report.errors.length ? 422 : 200,
      );
    },
  );
}
