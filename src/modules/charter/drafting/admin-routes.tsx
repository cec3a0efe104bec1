import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { formBody, allowedTambon } from "../../../core/http.ts";
import { notFound } from "../../../core/errors.ts";
import { parseId, requireId } from "../../../core/params.ts";
import { failedForm } from "../../../core/views/form.tsx";
import { msg } from "../messages.ts";
import { throwIfDenied } from "../../../core/result.ts";
import { applyDraftOp, opFromForm, restoreVersion } from "./commands.ts";
import { editionAdmin } from "../charters/helpers.tsx";
import { getEdition } from "../charters/queries.ts";

/** Drafting an edition's text: one operation is one new version; restoring an earlier one. */
export async function draftingAdminRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;
  const { renderEdition, back, editionPost } = editionAdmin(db);
  app.post<{ Params: { id: string } }>("/admin/charter-editions/:id/draft", async (req, reply) => {
    const tambon = allowedTambon(req, "charter.draft");
    const id = requireId(req.params.id);
    const found = await getEdition(db, tambon.id, id);
    if (!found) throw notFound();
    const body = formBody(req);
    const op = opFromForm(body);
    const form = body.form ?? "";
    if (!op) {
      return renderEdition(
        req,
        reply,
        id,
        {},
        { form, state: { values: body, errors: { _form: msg.t(req.lang)("err.doc.notFound") } } },
      );
    }
    const base = parseId(body.base) ?? undefined;
    const result = throwIfDenied(await applyDraftOp(db, req.actor, tambon.id, id, op, base));
    if (result.ok) {
      const anchor =
        "key" in op ? `#c-${op.key}` : op.op === "addClause" ? `#ch-${op.chapter}` : "#h-draft";
      return reply.seeOther(
        back(req, id, op.op.includes("Chapter") && "key" in op ? `#ch-${op.key}` : anchor),
        msg.t(req.lang)("draft.saved", { n: result.value.number }),
      );
    }
    if (form.startsWith("split-")) req.query = { ...(req.query as object), split: form.slice(6) };
    if (form.startsWith("splitch-"))
      req.query = { ...(req.query as object), newChapterAt: form.slice(8) };
    return renderEdition(
      req,
      reply,
      id,
      {},
      { form, state: failedForm(body, result.errors, req.lang, msg) },
    );
  });

  editionPost(app, {
    path: "restore",
    permission: "charter.draft",
    form: "adopt",
    keepInput: false,
    run: (req, tambonId, id, body) =>
      restoreVersion(db, req.actor, tambonId, id, parseId(body.version) ?? 0),
    done: (t, _value, body) => t("versions.restored", { n: parseId(body.version) ?? 0 }),
  });
}
