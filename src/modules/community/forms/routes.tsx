import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { currentTambon, formBody, allowedTambon } from "../../../core/http.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { fail, throwIfDenied } from "../../../core/result.ts";
import { notFound } from "../../../core/errors.ts";
import { requireId, queryOf } from "../../../core/params.ts";
import { readUploads, uploadError, uploadRoute } from "../../../core/uploads.ts";
import { sendDownload } from "../../../core/download.ts";
import { msg } from "../messages.ts";
import { listRounds } from "../rounds/queries.ts";
import {
  changeDraft,
  createForm,
  publishForm,
  publishProblems,
  setFormStatus,
} from "./commands.ts";
import { findItem, itemValues, moveItem, putItem, removeItem } from "./draft.ts";
import { formatLogicError } from "./logic-messages.ts";
import { getForm, getFormVersion, listForms, listVersions, type FormRow } from "./queries.ts";
import { FormPreview } from "./preview.tsx";
import { formatXlsFormError, readXlsForm, writeXlsForm } from "./xlsform.ts";
import { FormPage, FormsListPage, ItemPage, formsBase, type Failed } from "./views.tsx";
import { confirmFirst } from "../../../core/confirmation.tsx";
import type { FormDefinition } from "./definition.ts";

type IdParams = { Params: { id: string } };
type ItemParams = { Params: { id: string; name: string } };
const ACTION = "community.manage";
const XLSX_BYTES = 5 * 1024 * 1024;

/** The form builder, versions and XLSForm import and export (admin pages). */
export function formRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;

  async function load(req: FastifyRequest<IdParams>) {
    const tambon = allowedTambon(req, ACTION);
    const form = await getForm(db, tambon.id, requireId(req.params.id));
    if (!form) throw notFound();
    /** Changes this form's draft as the one asking (403 or 404 thrown, else the result). */
    const change = async (
      what: Record<string, unknown>,
      edit: Parameters<typeof changeDraft>[5],
      renamed?: { from: string; to: string },
    ) => throwIfDenied(await changeDraft(db, req.actor, tambon.id, form.id, what, edit, renamed));
    return { tambon, form, base: `${formsBase(tambon.slug)}/${form.id}`, change };
  }

  /** The definition of the version asked for (`?version=`), or else of the draft given. */
  async function definitionAt(
    tambonId: number,
    formId: number,
    v: string | undefined,
    draft: FormDefinition,
  ): Promise<FormDefinition> {
    if (!v) return draft;
    // A version that is no whole number in the integer column's range is none of the form's.
    const version = await getFormVersion(db, tambonId, formId, requireId(v));
    if (!version) throw notFound();
    return version.definition;
  }

  async function formPage(
    req: FastifyRequest,
    reply: FastifyReply,
    form: FormRow,
    failed?: Failed,
  ) {
    const tambon = currentTambon(req);
    const [versions, rounds] = await Promise.all([
      listVersions(db, tambon.id, form.id),
      listRounds(db, tambon.id, form.id),
    ]);
    const action = `${formsBase(tambon.slug)}/${form.id}/rounds`;
    return reply.page(
      form.title,
      <FormPage form={form} versions={versions} rounds={{ action, rounds }} failed={failed} />,
      { status: failed ? 422 : 200 },
    );
  }

  /** The form's page again with the errors of its status buttons (publish, open, close). */
  const statusFailed = (
    req: FastifyRequest,
    reply: FastifyReply,
    form: FormRow,
    errors: Parameters<typeof failedForm>[1],
  ) =>
    formPage(req, reply, form, { which: "status", state: failedForm({}, errors, req.lang, msg) });

  /** The tambon's forms with the new form's fields (at 422 when they came back with errors). */
  async function listPage(
    req: FastifyRequest,
    reply: FastifyReply,
    state: FormState,
    status = 200,
  ) {
    const list = await listForms(db, currentTambon(req).id);
    const page = <FormsListPage forms={list} form={state} />;
    return reply.page(msg.t(req.lang)("form.title"), page, { status });
  }

  app.get("/admin/community/forms", async (req, reply) => {
    allowedTambon(req, ACTION);
    return listPage(req, reply, emptyForm({ level: "household" }));
  });

  app.post("/admin/community/forms", async (req, reply) => {
    const tambon = allowedTambon(req, ACTION);
    const body = formBody(req);
    const r = throwIfDenied(await createForm(db, req.actor, tambon.id, body));
    if (r.ok)
      return reply.seeOther(
        `${formsBase(tambon.slug)}/${r.value.id}`,
        msg.t(req.lang)("form.created"),
      );
    return listPage(req, reply, failedForm(body, r.errors, req.lang, msg), 422);
  });

  app.get<IdParams>("/admin/community/forms/:id", async (req, reply) => {
    const { form } = await load(req);
    return formPage(req, reply, form);
  });

  app.post<IdParams>("/admin/community/forms/:id/items", async (req, reply) => {
    const { form, base, change } = await load(req);
    const body = formBody(req);
    const which = body.kind === "question" ? "question" : "group";
    const r = await change({ op: "add", name: body.name ?? "" }, (def) => putItem(def, body));
    if (r.ok) return reply.seeOther(base, msg.t(req.lang)("form.saved"));
    return formPage(req, reply, form, { which, state: failedForm(body, r.errors, req.lang, msg) });
  });

  app.get<ItemParams>("/admin/community/forms/:id/items/:name", async (req, reply) => {
    const { form } = await load(req);
    const at = findItem(form.draft, req.params.name);
    if (!at) throw notFound();
    const state = emptyForm(itemValues(form.draft, at.item, at.parent));
    return reply.page(at.item.name, <ItemPage form={form} item={at.item} state={state} />);
  });

  app.post<ItemParams>("/admin/community/forms/:id/items/:name", async (req, reply) => {
    const { form, base, change } = await load(req);
    const at = findItem(form.draft, req.params.name);
    if (!at) throw notFound();
    const body = formBody(req);
    const r = await change(
      { op: "edit", name: at.item.name, to: body.name ?? "" },
      (def) => putItem(def, body, at.item.name),
      // As putItem reads the name.
      { from: at.item.name, to: (body.name ?? "").trim() },
    );
    if (r.ok) return reply.seeOther(base, msg.t(req.lang)("form.saved"));
    return reply.page(
      at.item.name,
      <ItemPage form={form} item={at.item} state={failedForm(body, r.errors, req.lang, msg)} />,
      {
        status: 422,
      },
    );
  });

  for (const op of ["delete", "move"] as const)
    app.post<ItemParams>(
      `/admin/community/forms/:id/items/:name/${op}`,
      op === "delete" ? confirmFirst : {},
      async (req, reply) => {
        const { base, change } = await load(req);
        const body = formBody(req);
        const name = req.params.name;
        const r = await change({ op, name, dir: body.dir }, (def) => {
          const next =
            op === "delete" ? removeItem(def, name) : moveItem(def, name, body.dir === "up");
          return next ? { ok: true, value: next } : fail("_form", "form.missing");
        });
        if (!r.ok) throw notFound();
        return reply.seeOther(base, msg.t(req.lang)("form.saved"));
      },
    );

  app.get<IdParams>("/admin/community/forms/:id/preview", async (req, reply) => {
    const { tambon, form } = await load(req);
    const v = queryOf(req).version;
    const def = await definitionAt(tambon.id, form.id, v, form.draft);
    const t = msg.t(req.lang);
    const title = `${t("form.preview")} · ${form.title}`;
    return reply.page(
      title,
      <>
        <p>
          <a href={`${formsBase(tambon.slug)}/${form.id}`}>← {t("form.backToForm")}</a>
        </p>
        <h1>{form.title}</h1>
        <p class="hint">
          {t("form.previewNote")}
          {v ? ` · ${t("form.versionN", { n: Number(v) })}` : ` · ${t("form.draft")}`}
        </p>
        <FormPreview def={def} />
      </>,
    );
  });

  app.post<IdParams>("/admin/community/forms/:id/publish", confirmFirst, async (req, reply) => {
    const { tambon, form, base } = await load(req);
    const problems = publishProblems(form.draft);
    if (problems.length) {
      const list = problems.map((p) => formatLogicError(p, req.lang));
      return formPage(req, reply, form, { which: "publish", state: emptyForm(), list });
    }
    const r = throwIfDenied(await publishForm(db, req.actor, tambon.id, form.id));
    if (r.ok)
      return reply.seeOther(base, msg.t(req.lang)("form.published", { n: r.value.version }));
    return statusFailed(req, reply, form, r.errors);
  });

  app.post<IdParams>("/admin/community/forms/:id/status", async (req, reply) => {
    const { tambon, form, base } = await load(req);
    const status = formBody(req).status === "open" ? "open" : "closed";
    const r = throwIfDenied(await setFormStatus(db, req.actor, tambon.id, form.id, status));
    if (r.ok)
      return reply.seeOther(
        base,
        msg.t(req.lang)(status === "open" ? "form.opened" : "form.closed"),
      );
    return statusFailed(req, reply, form, r.errors);
  });

  app.get<IdParams>("/admin/community/forms/:id/xlsform", async (req, reply) => {
    const { tambon, form } = await load(req);
    const v = queryOf(req).version;
    const def = await definitionAt(tambon.id, form.id, v, {
      ...form.draft,
      title: { ...form.draft.title, th: form.title },
    });
    const name = `${def.formId}${v ? `-v${Number(v)}` : "-draft"}.xlsx`;
    return sendDownload(reply, { type: "xlsx", name, body: await writeXlsForm(def) });
  });

  app.post<IdParams>(
    "/admin/community/forms/:id/xlsform",
    uploadRoute({ files: 1, fileBytes: XLSX_BYTES, fields: 5 }),
    async (req, reply) => {
      const { form, base, change } = await load(req);
      const got = readUploads(req, "file");
      const tooBig = uploadError(req, got);
      const file = got.files[0];
      if (tooBig || !file) {
        const errors = tooBig ? { file: tooBig } : fail("file", "err.required").errors;
        return formPage(req, reply, form, {
          which: "upload",
          state: failedForm({}, errors, req.lang),
        });
      }
      const read = await readXlsForm(file.data);
      if (!read.ok) {
        const list = read.errors.map((e) => formatXlsFormError(e, req.lang));
        return formPage(req, reply, form, { which: "upload", state: emptyForm(), list });
      }
      const r = await change({ op: "xlsform", file: file.filename }, () => ({
        ok: true,
        value: read.value,
      }));
      if (!r.ok) throw notFound();
      return reply.seeOther(base, msg.t(req.lang)("form.uploaded"));
    },
  );
}
