import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { authorize, currentTambon } from "../../../core/http.ts";
import { notFound } from "../../../core/errors.ts";
import { parseId } from "../../../core/params.ts";
import { ok, type Result } from "../../../core/result.ts";
import { readWorkbook } from "../../../core/xlsx.ts";
import { importJob, type ImportJob, type ImportTable } from "../../../core/imports.ts";
import { importRoutes as importSteps } from "../../../core/import-routes.tsx";
import { msg } from "../messages.ts";
import { formTitles } from "../forms/queries.ts";
import { roundNames } from "../rounds/queries.ts";
import { peopleImporter } from "./people.ts";
import { figureImporter } from "./figures.ts";
import { submissionImporter, type RepeatSheet } from "./submissions.ts";
import { ImportIndex, ImportKindPage, SubmissionUpload } from "./views.tsx";
import { afterImport } from "../indicators/compute.ts";
import { pick } from "../../../core/pick.ts";

const KINDS = ["people", "submissions", "figures"] as const;
type Kind = (typeof KINDS)[number];
const FILE_BYTES = 10 * 1024 * 1024;
const MAX_ROWS = 20_000;

/** A workbook's other sheets kept beside its token (repeat groups of a submissions export). */
const repeatSheets = new Map<string, RepeatSheet[]>();

/** Imports of households and people, submissions and figures: upload, columns, dry run, import. */
export function importRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;
  const base = (req: FastifyRequest) => `/t/${currentTambon(req).slug}/admin/community/imports`;

  async function formChoices(tambonId: number) {
    const list = await formTitles(db, tambonId, { published: true });
    const rs = await roundNames(db, tambonId);
    return {
      forms: list.map((f) => ({ value: String(f.id), label: f.title })),
      rounds: rs.map((r) => ({
        value: String(r.id),
        label: `${list.find((f) => f.id === r.formId)?.title ?? ""} · ${r.name}`,
      })),
    };
  }

  async function importerFor(
    req: FastifyRequest,
    kind: Kind,
    table: ImportTable,
    token: string,
    values: Readonly<Record<string, string>>,
  ): Promise<Result<ImportJob, string>> {
    const tambon = currentTambon(req);
    const actor = req.actor.user?.id ?? null;
    if (kind === "people")
      return ok(importJob(await peopleImporter(db, tambon.id, actor, table.filename)));
    if (kind === "figures")
      return ok(importJob(await figureImporter(db, tambon.id, actor, table.filename)));
    const made = await submissionImporter(db, tambon.id, actor, table.filename, {
      // A value that is no id (1.5, past the integer column) names no form or round.
      formId: parseId(values.form) ?? 0,
      roundId: parseId(values.round) ?? 0,
      headers: table.headers,
      repeatSheets: repeatSheets.get(token) ?? [],
    });
    return made.ok ? ok(importJob(made.value)) : made;
  }

  app.get("/admin/community/imports", async (req, reply) => {
    authorize(req, "community.manage", { tambonId: currentTambon(req).id });
    return reply.page(msg.t(req.lang)("imp.title"), <ImportIndex base={base(req)} kinds={KINDS} />);
  });

  importSteps<Kind, Parameters<ReturnType<typeof msg.t>>[0]>(app, {
    path: "/admin/community/imports/:kind",
    action: "community.manage",
    subject(req) {
      const kind = (req.params as { kind: string }).kind;
      if (!(KINDS as readonly string[]).includes(kind)) throw notFound();
      return kind as Kind;
    },
    title: (lang, kind) => msg.t(lang)(`imp.kind.${kind}`),
    frame: (p) => <ImportKindPage kind={p.subject}>{p.children}</ImportKindPage>,
    async uploadForm({ req, subject, action, form, maxBytes }) {
      if (subject !== "submissions") return undefined;
      const choices = await formChoices(currentTambon(req).id);
      return (
        <>
          {choices.forms.length === 0 && <p>{msg.t(req.lang)("imp.noForms")}</p>}
          <SubmissionUpload action={action} form={form} choices={choices} maxBytes={maxBytes} />
        </>
      );
    },
    carry: ["form", "round"],
    dictionary: msg,
    maxBytes: FILE_BYTES,
    maxRows: MAX_ROWS,
    async uploaded(kind, file, table, token) {
      if (kind !== "submissions" || !table.sheet) return;
      const book = await readWorkbook(file.data, { maxRows: MAX_ROWS, maxBytes: 4 * FILE_BYTES });
      if (book.ok)
        repeatSheets.set(
          token,
          book.value
            .filter((s) => s.name !== table.sheet)
            .map((s) => ({
              name: s.name,
              headers: (s.rows[0] ?? []).map((c) => c.trim()),
              rows: s.rows
                .slice(1)
                .map((cells, i) => ({ line: i + 2, cells: cells.map((c) => c.trim()) })),
            })),
        );
    },
    dropped: (token) => repeatSheets.delete(token),
    importer: (req, kind, table, { token, values }) => importerFor(req, kind, table, token, values),
    async applied(req, _kind, report) {
      await afterImport(db, currentTambon(req).id, req.actor.user?.id ?? null);
      return {
        to: base(req),
        message: msg.t(req.lang)("imp.imported", {
          ...pick(report, "create", "update", "unchanged"),
        }),
      };
    },
  });
}
