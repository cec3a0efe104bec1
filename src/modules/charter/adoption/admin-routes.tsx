import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { authorize, currentTambon, formBody } from "../../../core/http.ts";
import { requireId } from "../../../core/params.ts";
import { failedForm } from "../../../core/views/form.tsx";
import { msg } from "../messages.ts";
import { throwIfDenied } from "../../../core/result.ts";
import { editionAdmin } from "../charters/helpers.tsx";
import { putToVote, adoptByVote, withdrawVote, adoptByResolution } from "./commands.ts";
import { confirmFirst } from "../../../core/confirmation.tsx";

/** Putting an edition to the vote and adopting it by vote or by resolution. */
export async function adoptionAdminRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;
  const { renderEdition, back } = editionAdmin(db);
  app.post<{ Params: { id: string } }>(
    "/admin/charter-editions/:id/vote",
    confirmFirst,
    async (req, reply) => {
      const tambon = currentTambon(req);
      authorize(req, "charter.manage", { tambonId: tambon.id });
      const id = requireId(req.params.id);
      const body = formBody(req);
      const result = throwIfDenied(await putToVote(db, req.actor, tambon.id, id, body.area ?? ""));
      if (result.ok)
        return reply.seeOther(
          `/t/${tambon.slug}/decisions/${result.value.questionId}`,
          msg.t(req.lang)("adopt.voteOpened"),
        );
      return renderEdition(req, reply, id, {
        vote: failedForm(body, result.errors, req.lang, msg),
      });
    },
  );

  app.post<{ Params: { id: string } }>(
    "/admin/charter-editions/:id/adopt-vote",
    confirmFirst,
    async (req, reply) => {
      const tambon = currentTambon(req);
      authorize(req, "charter.manage", { tambonId: tambon.id });
      const id = requireId(req.params.id);
      const result = throwIfDenied(await adoptByVote(db, req.actor, tambon.id, id));
      if (result.ok) return reply.seeOther(back(req, id), msg.t(req.lang)("adopt.adopted"));
      return renderEdition(req, reply, id, { adopt: failedForm({}, result.errors, req.lang, msg) });
    },
  );

  app.post<{ Params: { id: string } }>(
    "/admin/charter-editions/:id/withdraw-vote",
    confirmFirst,
    async (req, reply) => {
      const tambon = currentTambon(req);
      authorize(req, "charter.manage", { tambonId: tambon.id });
      const id = requireId(req.params.id);
      const result = throwIfDenied(await withdrawVote(db, req.actor, tambon.id, id));
      if (result.ok) return reply.seeOther(back(req, id), msg.t(req.lang)("adopt.withdrawn"));
      return renderEdition(req, reply, id, { adopt: failedForm({}, result.errors, req.lang, msg) });
    },
  );

  app.post<{ Params: { id: string } }>(
    "/admin/charter-editions/:id/adopt-resolution",
    confirmFirst,
    async (req, reply) => {
      const tambon = currentTambon(req);
      authorize(req, "charter.manage", { tambonId: tambon.id });
      const id = requireId(req.params.id);
      const body = formBody(req);
      const result = throwIfDenied(
        await adoptByResolution(db, req.actor, tambon.id, id, body.resolution ?? ""),
      );
      if (result.ok) return reply.seeOther(back(req, id), msg.t(req.lang)("adopt.adopted"));
      return renderEdition(req, reply, id, {
        resolution: failedForm(body, result.errors, req.lang, msg),
      });
    },
  );
}
