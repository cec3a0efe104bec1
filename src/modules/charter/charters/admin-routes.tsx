import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { currentTambon, formBody, allowedTambon } from "../../../core/http.ts";
import { notFound } from "../../../core/errors.ts";
import { requireId } from "../../../core/params.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { msg } from "../messages.ts";
import { editionLabel } from "../present.ts";
import { throwIfDenied, translateErrors } from "../../../core/result.ts";
import { createCharter, updateCharter } from "./commands.ts";
import { startNextEdition, updateEdition } from "./edition-commands.ts";
import { reviewNoticesOf } from "./review.ts";
import { CharterAdminPage, ManagePage, charterValues } from "./admin-views.tsx";
import { editionAdmin } from "./helpers.tsx";
import { listCharters, getCharter, editionsOf } from "./queries.ts";

/** The working group's pages of charters and editions (settings, next edition). */
export async function charterAdminRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;
  const { choices, renderEdition, editionPost } = editionAdmin(db);
  const managePage = async (req: FastifyRequest, form: FormState) => {
    const tambon = currentTambon(req);
    return (
      <ManagePage
        items={await listCharters(db, tambon.id)}
        notices={await reviewNoticesOf(db, tambon.id)}
        form={form}
        choices={await choices(tambon.id, req.lang)}
      />
    );
  };

  app.get("/admin/charters", async (req, reply) => {
    const tambon = allowedTambon(req, "charter.manage");
    return reply.page(
      msg.t(req.lang)("manage.title"),
      await managePage(
        req,
        emptyForm({ scope: "tambon", digits: "arabic", nameTh: `ธรรมนูญสุขภาพตำบล${tambon.nameTh}` }),
      ),
    );
  });

  app.post("/admin/charters", async (req, reply) => {
    const tambon = allowedTambon(req, "charter.manage");
    const body = formBody(req);
    const result = throwIfDenied(await createCharter(db, req.actor, tambon.id, body));
    if (result.ok)
      return reply.seeOther(
        `/t/${tambon.slug}/admin/charter-editions/${result.value.edition.id}`,
        msg.t(req.lang)("manage.created"),
      );
    return reply.page(
      msg.t(req.lang)("manage.title"),
      await managePage(req, failedForm(body, result.errors, req.lang, msg)),
      { status: 422 },
    );
  });

  const charterPage = async (
    req: FastifyRequest,
    id: number,
    form: FormState | null,
    startError: string | null,
  ) => {
    const tambon = currentTambon(req);
    const charter = await getCharter(db, tambon.id, id);
    if (!charter) throw notFound();
    return (
      <CharterAdminPage
        charter={charter}
        editions={await editionsOf(db, tambon.id, charter.id)}
        form={form ?? emptyForm(charterValues(charter))}
        choices={await choices(tambon.id, req.lang)}
        startError={startError}
      />
    );
  };

  app.get<{ Params: { id: string } }>("/admin/charters/:id", async (req, reply) => {
    allowedTambon(req, "charter.manage");
    return reply.page(
      msg.t(req.lang)("manage.settings"),
      await charterPage(req, requireId(req.params.id), null, null),
    );
  });

  app.post<{ Params: { id: string } }>("/admin/charters/:id", async (req, reply) => {
    const tambon = allowedTambon(req, "charter.manage");
    const body = formBody(req);
    const id = requireId(req.params.id);
    const result = throwIfDenied(await updateCharter(db, req.actor, tambon.id, id, body));
    if (result.ok)
      return reply.seeOther(
        `/t/${tambon.slug}/admin/charters/${id}`,
        msg.t(req.lang)("manage.saved"),
      );
    return reply.page(
      msg.t(req.lang)("manage.settings"),
      await charterPage(req, id, failedForm(body, result.errors, req.lang, msg), null),
      { status: 422 },
    );
  });

  app.post<{ Params: { id: string } }>("/admin/charters/:id/next-edition", async (req, reply) => {
    const tambon = allowedTambon(req, "charter.manage");
    const id = requireId(req.params.id);
    const result = throwIfDenied(await startNextEdition(db, req.actor, tambon.id, id));
    if (result.ok) {
      const charter = await getCharter(db, tambon.id, id);
      return reply.seeOther(
        `/t/${tambon.slug}/admin/charter-editions/${result.value.id}`,
        msg.t(req.lang)("manage.started", {
          label: editionLabel(result.value, req.lang, charter!.digits),
        }),
      );
    }
    return reply.page(
      msg.t(req.lang)("manage.settings"),
      await charterPage(
        req,
        id,
        null,
        Object.values(translateErrors(result.errors, req.lang, msg)).join(" "),
      ),
      { status: 409 },
    );
  });

  app.get<{ Params: { id: string } }>("/admin/charter-editions/:id", async (req, reply) => {
    allowedTambon(req, "charter.admin");
    return renderEdition(req, reply, requireId(req.params.id), {}, null, 200);
  });

  editionPost(app, {
    path: "",
    permission: "charter.manage",
    form: "edition",
    run: (req, tambonId, id, body) => updateEdition(db, req.actor, tambonId, id, body),
    done: (t) => t("manage.saved"),
  });
}
