import type { ModuleDeps } from "../../../core/modules.ts";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { formBody } from "../../../core/http.ts";
import { notFound } from "../../../core/errors.ts";
import { requireId } from "../../../core/params.ts";
import { emptyForm } from "../../../core/views/form.tsx";
import { msg } from "../messages.ts";
import { nameIn } from "../shared/lists.ts";
import { centreById } from "../centres/queries.ts";
import { visitById } from "./queries.ts";
import { requestVisit } from "./commands.ts";
import { replyByLink } from "./answer-commands.ts";
import { isVisitToken, visitLinkPath } from "./visit-link.ts";
import { VisitByLink } from "./outgoing-views.tsx";
import { translateErrors } from "../../../core/result.ts";
import { PublicVisitForm, VisitSent } from "../centres/request-views.tsx";
import { param } from "../shared/helpers.ts";
import { allowedTambon } from "../shared/route-kit.ts";

export async function visitPublicRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  app.get("/centres/:id/visit", async (req, reply) => {
    const tambon = allowedTambon(req, "network.read");
    const centre = await centreById(db, tambon.id, param(req));
    if (!centre || !centre.active) throw notFound();
    return reply.page(
      msg.t(req.lang)("visit.requestTitle", { name: nameIn(centre, req.lang) }),
      <PublicVisitForm centre={centre} form={emptyForm()} />,
    );
  });

  app.post(
    "/centres/:id/visit",
    { config: { rateLimit: { max: 10, timeWindow: "10 minutes" } } },
    async (req, reply) => {
      const tambon = allowedTambon(req, "visit.requestPublic");
      const centre = await centreById(db, tambon.id, param(req));
      if (!centre || !centre.active) throw notFound();
      const body = formBody(req);
      const result = await requestVisit(db, req.actor, centre.id, body, { kind: "public" });
      const t = msg.t(req.lang);
      if (!result.ok) {
        const errors = translateErrors(result.errors, req.lang, msg);
        if (errors.centreId) errors._form = errors.centreId;
        return reply.page(
          t("visit.requestTitle", { name: nameIn(centre, req.lang) }),
          <PublicVisitForm centre={centre} form={{ values: body, errors }} />,
          { status: 422 },
        );
      }
      const link = visitLinkPath(
        tambon.slug,
        {
          id: result.value.id,
          tambonId: result.value.hostTambonId,
          createdAt: result.value.createdAt,
        },
        deps.config.secret,
      );
      return reply.page(t("visit.sentTitle"), <VisitSent centre={centre} link={link} />, {
        head: <meta name="robots" content="noindex" />,
      });
    },
  );

  // A public requester's private link: follow the request, accept a proposed date or withdraw.
  const linkLimit = { config: { rateLimit: { max: 30, timeWindow: "10 minutes" } } };

  async function linkedVisit(req: FastifyRequest) {
    const tambon = allowedTambon(req, "visit.requestPublic");
    const p = req.params as { id?: string; token?: string };
    const visit = await visitById(db, tambon.id, requireId(p.id));
    if (!visit || visit.source !== "public") throw notFound();
    const token = String(p.token ?? "");
    if (!isVisitToken(deps.config.secret, visit, token)) throw notFound();
    return { tambon, visit, path: `/t/${tambon.slug}/visit-requests/${visit.id}/${token}` };
  }

  app.get("/visit-requests/:id/:token", linkLimit, async (req, reply) => {
    const { visit, path } = await linkedVisit(req);
    return reply.page(
      msg.t(req.lang)("visit.title", { group: visit.groupName }),
      <VisitByLink visit={visit} action={`${path}/reply`} message="" />,
      { head: <meta name="robots" content="noindex" /> },
    );
  });

  app.post("/visit-requests/:id/:token/reply", linkLimit, async (req, reply) => {
    const { tambon, visit, path } = await linkedVisit(req);
    const p = req.params as { token: string };
    const body = formBody(req);
    const result = await replyByLink(db, deps.config.secret, tambon.id, visit.id, p.token, body);
    const t = msg.t(req.lang);
    if (result.ok) return reply.seeOther(path, t("flash.linkReplied"));
    const errors = translateErrors(result.errors, req.lang, msg);
    return reply.page(
      t("visit.title", { group: visit.groupName }),
      <VisitByLink
        visit={visit}
        action={`${path}/reply`}
        message={Object.values(errors)[0] ?? ""}
      />,
      { status: 422, head: <meta name="robots" content="noindex" /> },
    );
  });
}
