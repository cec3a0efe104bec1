import type { ModuleDeps } from "../../../core/modules.ts";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { authorize, currentTambon, formBody } from "../../../core/http.ts";
import { orThrow } from "../../../core/result.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import type { Tambon } from "../../../core/tenancy.ts";
import { msg } from "../messages.ts";
import { declarationsAbout } from "./queries.ts";
import { declareLink, removeLink } from "./commands.ts";
import { LinksAdmin } from "./views.tsx";
import { reciprocal } from "./tambon-links.ts";
import { param } from "../shared/helpers.ts";
import { confirmFirst } from "../../../core/confirmation.tsx";

export async function linkRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;
  const A = "/admin/network";
  const url = (tambon: Tambon, path = "") => `/t/${tambon.slug}${A}${path}`;
  const T = (req: FastifyRequest) => msg.t(req.lang);

  const linksPage = async (req: FastifyRequest, form: FormState) => {
    const tambon = currentTambon(req);
    const rows = await declarationsAbout(db, tambon.id, tambon.dopaCode);
    const own = rows.filter((r) => r.tambonId === tambon.id);
    const aboutUs = rows
      .filter((r) => r.tambonId !== tambon.id)
      .map((row) => {
        const from = deps.tambons.byId(row.tambonId);
        const confirmed =
          !!from &&
          own.some(
            (o) => o.otherDopaCode === from.dopaCode && o.relation === reciprocal(row.relation),
          );
        return { row, from, confirmed };
      });
    return <LinksAdmin own={own} aboutUs={aboutUs} tambons={deps.tambons.all()} form={form} />;
  };

  app.get(`${A}/links`, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "link.manage", { tambonId: tambon.id });
    return reply.page(T(req)("admin.links"), await linksPage(req, emptyForm()));
  });

  app.post(`${A}/links`, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "link.manage", { tambonId: tambon.id });
    const body = formBody(req);
    const input = {
      ...body,
      dopaCode: (body.dopaCode ?? "").trim() || (body.platformTambon ?? ""),
    };
    const result = await declareLink(db, req.actor, tambon, input);
    if (result.ok) return reply.seeOther(url(tambon, "/links"), T(req)("flash.saved"));
    return reply.page(
      T(req)("admin.links"),
      await linksPage(req, failedForm(body, result.errors, req.lang, msg)),
      { status: 422 },
    );
  });

  app.post(`${A}/links/:id/delete`, confirmFirst, async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "link.manage", { tambonId: tambon.id });
    orThrow(await removeLink(db, req.actor, tambon.id, param(req)));
    return reply.seeOther(url(tambon, "/links"), T(req)("flash.removed"));
  });
}
