import type { ModuleDeps } from "../../../core/modules.ts";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { currentTambon, formBody } from "../../../core/http.ts";
import { orThrow } from "../../../core/result.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { msg } from "../messages.ts";
import { declarationsAbout } from "./queries.ts";
import { declareLink, removeLink } from "./commands.ts";
import { LinksAdmin } from "./views.tsx";
import { reciprocal } from "./tambon-links.ts";
import { param } from "../shared/helpers.ts";
import { ADMIN, allowedTambon, netText, toAdmin } from "../shared/route-kit.ts";
import { confirmFirst } from "../../../core/confirmation.tsx";

export async function linkRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

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

  app.get(`${ADMIN}/links`, async (req, reply) => {
    allowedTambon(req, "link.manage");
    return reply.page(netText(req)("admin.links"), await linksPage(req, emptyForm()));
  });

  app.post(`${ADMIN}/links`, async (req, reply) => {
    const tambon = allowedTambon(req, "link.manage");
    const body = formBody(req);
    const input = {
      ...body,
      dopaCode: (body.dopaCode ?? "").trim() || (body.platformTambon ?? ""),
    };
    const result = await declareLink(db, req.actor, tambon, input);
    if (result.ok) return toAdmin(reply, req, "/links", "flash.saved");
    return reply.page(
      netText(req)("admin.links"),
      await linksPage(req, failedForm(body, result.errors, req.lang, msg)),
      { status: 422 },
    );
  });

  app.post(`${ADMIN}/links/:id/delete`, confirmFirst, async (req, reply) => {
    const tambon = allowedTambon(req, "link.manage");
    orThrow(await removeLink(db, req.actor, tambon.id, param(req)));
    return toAdmin(reply, req, "/links", "flash.removed");
  });
}
