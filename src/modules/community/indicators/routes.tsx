import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { formBody, allowedTambon } from "../../../core/http.ts";
import { failedForm } from "../../../core/views/form.tsx";
import { throwIfDenied } from "../../../core/result.ts";
import { notFound } from "../../../core/errors.ts";
import { requireId } from "../../../core/params.ts";
import { msg } from "../messages.ts";
import { recomputeIndicators } from "./compute.ts";
import { indicatorLinks, removeIndicatorLink, saveIndicatorLink } from "./links.ts";
import { IndicatorLinksPage } from "./views.tsx";
import { confirmFirst } from "../../../core/confirmation.tsx";

/** The page that links the plans' indicators to form questions, and its "recompute now". */
export function indicatorRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;
  const PATH = "/admin/community/indicators";
  const back = (slug: string) => `/t/${slug}${PATH}`;

  app.get(PATH, async (req, reply) => {
    const tambon = allowedTambon(req, "community.manage");
    const links = await indicatorLinks(db, tambon.id);
    return reply.page(msg.t(req.lang)("ind.title"), <IndicatorLinksPage {...links} />);
  });

  app.post<{ Params: { id: string } }>(`${PATH}/:id`, async (req, reply) => {
    const tambon = allowedTambon(req, "community.manage");
    const indicatorId = requireId(req.params.id);
    const body = formBody(req);
    const r = throwIfDenied(await saveIndicatorLink(db, req.actor, tambon.id, indicatorId, body));
    if (r.ok) return reply.seeOther(back(tambon.slug), msg.t(req.lang)("ind.saved"));
    const links = await indicatorLinks(db, tambon.id);
    return reply.page(
      msg.t(req.lang)("ind.title"),
      <IndicatorLinksPage
        {...links}
        failed={{ indicatorId, state: failedForm(body, r.errors, req.lang, msg) }}
      />,
      { status: 422 },
    );
  });

  app.post<{ Params: { id: string } }>(`${PATH}/:id/remove`, confirmFirst, async (req, reply) => {
    const tambon = allowedTambon(req, "community.manage");
    const r = throwIfDenied(
      await removeIndicatorLink(db, req.actor, tambon.id, requireId(req.params.id)),
    );
    if (!r.ok) throw notFound();
    return reply.seeOther(back(tambon.slug), msg.t(req.lang)("ind.removed"));
  });

  app.post(`${PATH}/recompute`, async (req, reply) => {
    const tambon = allowedTambon(req, "community.manage");
    const done = await recomputeIndicators(db, tambon.id, req.actor.user?.id ?? null);
    return reply.seeOther(back(tambon.slug), msg.t(req.lang)("ind.recomputed", done));
  });
}
