import { type FastifyInstance, type FastifyRequest } from "fastify";
import { type ModuleDeps } from "../../../core/modules.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { currentTambon, formBody } from "../../../core/http.ts";
import { listPosts, openReports } from "./queries.ts";
import { CornerAdmin } from "./views.tsx";
import { base, idOf, moderate, t } from "../shared/helpers.tsx";
import { hideComment, moderatePost, resolveReport } from "./commands.ts";
import { orThrow, throwIfDenied } from "../../../core/result.ts";
import { msg } from "../messages.ts";

/** Administration of corner, mounted under /t/:tambon. */
export async function cornerAdminRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  // Members' corner moderation.
  const cornerPage = async (req: FastifyRequest, form: FormState) => {
    const tambon = currentTambon(req);
    const [pending, hidden, reports] = await Promise.all([
      listPosts(db, tambon.id, "pending", 100),
      listPosts(db, tambon.id, "hidden", 50),
      openReports(db, tambon.id),
    ]);
    return <CornerAdmin pending={pending} hidden={hidden} reports={reports} form={form} />;
  };

  app.get("/admin/site/corner", async (req, reply) => {
    moderate(req);
    return reply.page(t(req)("admin.corner"), await cornerPage(req, emptyForm()));
  });

  app.post<{ Params: { id: string } }>("/admin/site/corner/:id/moderate", async (req, reply) => {
    const tambon = moderate(req);
    const body = formBody(req);
    const r = await moderatePost(
      db,
      req.actor,
      tambon.id,
      idOf(req),
      body.decision ?? "",
      body.reason ?? "",
    );
    if (!r.ok) {
      throwIfDenied(r);
      return reply.page(
        t(req)("admin.corner"),
        await cornerPage(
          req,
          failedForm({ ...body, postId: String(idOf(req)) }, r.errors, req.lang, msg),
        ),
        { status: 422 },
      );
    }
    return reply.seeOther(`${base(tambon)}/corner`, t(req)("mod.done"));
  });

  app.post<{ Params: { id: string } }>(
    "/admin/site/corner-comments/:id/hide",
    async (req, reply) => {
      const tambon = moderate(req);
      const body = formBody(req);
      const r = await hideComment(db, req.actor, tambon.id, idOf(req), body.reason ?? "");
      if (!r.ok) {
        throwIfDenied(r);
        return reply.page(
          t(req)("admin.corner"),
          await cornerPage(
            req,
            failedForm({ ...body, commentId: String(idOf(req)) }, r.errors, req.lang, msg),
          ),
          { status: 422 },
        );
      }
      return reply.seeOther(`${base(tambon)}/corner`, t(req)("mod.done"));
    },
  );

  app.post<{ Params: { id: string } }>(
    "/admin/site/corner-reports/:id/resolve",
    async (req, reply) => {
      const tambon = moderate(req);
      orThrow(await resolveReport(db, req.actor, tambon.id, idOf(req)));
      return reply.seeOther(`${base(tambon)}/corner`, t(req)("mod.done"));
    },
  );
}
