import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { authorize, currentTambon, formBody } from "../../../core/http.ts";
import { requireId } from "../../../core/params.ts";
import { failedForm } from "../../../core/views/form.tsx";
import { msg } from "../messages.ts";
import { throwIfDenied } from "../../../core/result.ts";
import { editionAdmin } from "../charters/helpers.tsx";
import { setHearing, addHearingMeeting, removeHearingMeeting } from "./commands.ts";

/** Opening and closing the hearing, and the meetings it was heard at. */
export async function hearingAdminRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;
  const { renderEdition, back } = editionAdmin(db);
  app.post<{ Params: { id: string } }>(
    "/admin/charter-editions/:id/hearing",
    async (req, reply) => {
      const tambon = currentTambon(req);
      authorize(req, "charter.manage", { tambonId: tambon.id });
      const id = requireId(req.params.id);
      const body = formBody(req);
      const open = body.open !== "0";
      const result = throwIfDenied(await setHearing(db, req.actor, tambon.id, id, open, body));
      const t = msg.t(req.lang);
      if (result.ok)
        return reply.seeOther(
          back(req, id, "#h-hearing"),
          open ? t("hearing.opened") : t("hearing.closed"),
        );
      return renderEdition(req, reply, id, {
        hearing: failedForm(body, result.errors, req.lang, msg),
      });
    },
  );

  // Adding and removing a meeting of the hearing take the same form and come back to its panel.
  const meetingForms = [
    { path: "hearing-meetings", run: addHearingMeeting, done: "hearing.meetingAdded" },
    { path: "hearing-meetings/remove", run: removeHearingMeeting, done: "hearing.meetingRemoved" },
  ] as const;
  for (const m of meetingForms)
    app.post<{ Params: { id: string } }>(
      `/admin/charter-editions/:id/${m.path}`,
      async (req, reply) => {
        const tambon = currentTambon(req);
        authorize(req, "charter.manage", { tambonId: tambon.id });
        const id = requireId(req.params.id);
        const body = formBody(req);
        const result = throwIfDenied(await m.run(db, req.actor, tambon.id, id, body.meeting ?? ""));
        if (result.ok)
          return reply.seeOther(back(req, id, "#h-hearing-meetings"), msg.t(req.lang)(m.done));
        return renderEdition(req, reply, id, {
          meeting: failedForm(body, result.errors, req.lang, msg),
        });
      },
    );
}
