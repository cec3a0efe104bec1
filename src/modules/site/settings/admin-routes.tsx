import { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { type ModuleDeps } from "../../../core/modules.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { currentTambon, formBody } from "../../../core/http.ts";
import { listCategories } from "../news/queries.ts";
import { listLinks } from "../jobs/queries.ts";
import { SettingsAdmin } from "./views.tsx";
import { base, deleteRoute, edit, idOf, t, type Errors } from "../shared/helpers.tsx";
import { throwIfDenied } from "../../../core/result.ts";
import { msg } from "../messages.ts";
import { addJobLink, deleteJobLink, saveCategory, setCountsBefore } from "./commands.ts";
import { countsBefore } from "./queries.ts";

/** Administration of settings, mounted under /t/:tambon. */
export async function settingsAdminRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  // Settings: categories, job-market links, counts from the old site.
  const settingsPage = async (req: FastifyRequest, form: FormState) => {
    const tambon = currentTambon(req);
    const [categories, links, counts] = await Promise.all([
      listCategories(db, tambon.id),
      listLinks(db, tambon.id),
      countsBefore(db, tambon.id),
    ]);
    const values = {
      visitorsBefore: String(counts?.visitorsBefore ?? 0),
      viewsBefore: String(counts?.viewsBefore ?? 0),
      ...form.values,
    };
    return (
      <SettingsAdmin categories={categories} links={links} form={{ values, errors: form.errors }} />
    );
  };

  app.get("/admin/site/settings", async (req, reply) => {
    edit(req);
    return reply.page(t(req)("admin.settings"), await settingsPage(req, emptyForm()));
  });

  const settingsResult = async (
    req: FastifyRequest,
    reply: FastifyReply,
    r: { ok: true } | { ok: false; errors: Errors },
    body: Record<string, string>,
  ) => {
    const tambon = currentTambon(req);
    if (!r.ok) {
      throwIfDenied(r);
      return reply.page(
        t(req)("admin.settings"),
        await settingsPage(req, failedForm(body, r.errors, req.lang, msg)),
        {
          status: 422,
        },
      );
    }
    return reply.seeOther(`${base(tambon)}/settings`, t(req)("admin.saved"));
  };

  app.post("/admin/site/news-categories", async (req, reply) => {
    const tambon = edit(req);
    const body = formBody(req);
    return settingsResult(req, reply, await saveCategory(db, req.actor, tambon.id, body), body);
  });

  app.post<{ Params: { id: string } }>("/admin/site/news-categories/:id", async (req, reply) => {
    const tambon = edit(req);
    const body = formBody(req);
    const r = await saveCategory(db, req.actor, tambon.id, body, idOf(req));
    return settingsResult(req, reply, r, body);
  });

  app.post("/admin/site/job-links", async (req, reply) => {
    const tambon = edit(req);
    const body = formBody(req);
    return settingsResult(req, reply, await addJobLink(db, req.actor, tambon.id, body), body);
  });

  deleteRoute(app, db, "/admin/site/job-links/:id/delete", deleteJobLink, "/settings");

  app.post("/admin/site/counts", async (req, reply) => {
    const tambon = edit(req);
    const body = formBody(req);
    return settingsResult(req, reply, await setCountsBefore(db, req.actor, tambon.id, body), body);
  });
}
