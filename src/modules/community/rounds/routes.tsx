import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { formBody, allowedTambon } from "../../../core/http.ts";
import { failedForm } from "../../../core/views/form.tsx";
import { throwIfDenied } from "../../../core/result.ts";
import { notFound } from "../../../core/errors.ts";
import { requireId } from "../../../core/params.ts";
import { msg } from "../messages.ts";
import { getForm, listVersions } from "../forms/queries.ts";
import { FormPage, formsBase } from "../forms/views.tsx";
import { closeRound, createRound } from "./commands.ts";
import { listRounds } from "./queries.ts";
import { confirmFirst } from "../../../core/confirmation.tsx";

/** Survey rounds: opened and closed from their form's admin page. */
export function roundRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;

  app.post<{ Params: { id: string } }>("/admin/community/forms/:id/rounds", async (req, reply) => {
    const tambon = allowedTambon(req, "community.manage");
    const form = await getForm(db, tambon.id, requireId(req.params.id));
    if (!form) throw notFound();
    const base = `${formsBase(tambon.slug)}/${form.id}`;
    const body = formBody(req);
    const r = throwIfDenied(await createRound(db, req.actor, tambon.id, form.id, body));
    if (r.ok) return reply.seeOther(base, msg.t(req.lang)("round.created"));
    const [versions, rounds] = await Promise.all([
      listVersions(db, tambon.id, form.id),
      listRounds(db, tambon.id, form.id),
    ]);
    return reply.page(
      form.title,
      <FormPage
        form={form}
        versions={versions}
        rounds={{ action: `${base}/rounds`, rounds }}
        failed={{ which: "round", state: failedForm(body, r.errors, req.lang, msg) }}
      />,
      { status: 422 },
    );
  });

  app.post<{ Params: { id: string; roundId: string } }>(
    "/admin/community/forms/:id/rounds/:roundId/close",
    confirmFirst,
    async (req, reply) => {
      const tambon = allowedTambon(req, "community.manage");
      const formId = requireId(req.params.id);
      const r = throwIfDenied(
        await closeRound(db, req.actor, tambon.id, formId, requireId(req.params.roundId)),
      );
      if (!r.ok) throw notFound();
      return reply.seeOther(
        `${formsBase(tambon.slug)}/${formId}`,
        msg.t(req.lang)("round.closedDone"),
      );
    },
  );
}
