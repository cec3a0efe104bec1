import { type FastifyInstance, type FastifyRequest } from "fastify";
import { type ModuleDeps } from "../../../core/modules.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { currentTambon, formBody } from "../../../core/http.ts";
import { listPosts, openReports } from "./queries.ts";
import { CornerAdmin } from "./views.tsx";
import { base, idOf, moderate, t } from "../shared/helpers.tsx";
import { hideComment, moderatePost, resolveReport } from "./commands.ts";
import { orThrow, throwIfDenied, type Result } from "../../../core/result.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import { msg, type SiteKey } from "../messages.ts";

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

  /**
   * A moderation form: the command's outcome goes back to the corner page, with the errors next to
   * the post or comment (`idField` names which) at 422.
   */
  const moderation = (
    path: string,
    idField: "postId" | "commentId",
    run: (
      req: FastifyRequest,
      tambonId: number,
      body: Record<string, string>,
    ) => Promise<Result<unknown, SiteKey | CoreKey>>,
  ) =>
    app.post<{ Params: { id: string } }>(path, async (req, reply) => {
      const tambon = moderate(req);
      const body = formBody(req);
      const r = await run(req, tambon.id, body);
      if (!r.ok) {
        throwIfDenied(r);
        return reply.page(
          t(req)("admin.corner"),
          await cornerPage(
            req,
            failedForm({ ...body, [idField]: String(idOf(req)) }, r.errors, req.lang, msg),
          ),
          { status: 422 },
        );
      }
      return reply.seeOther(`${base(tambon)}/corner`, t(req)("mod.done"));
    });

  moderation("/admin/site/corner/:id/moderate", "postId", (req, tambonId, body) =>
    moderatePost(db, req.actor, tambonId, idOf(req), body.decision ?? "", body.reason ?? ""),
  );
  moderation("/admin/site/corner-comments/:id/hide", "commentId", (req, tambonId, body) =>
    hideComment(db, req.actor, tambonId, idOf(req), body.reason ?? ""),
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
