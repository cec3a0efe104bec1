import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { editionAdmin } from "../charters/helpers.tsx";
import { setHearing, addHearingMeeting, removeHearingMeeting } from "./commands.ts";

/** Opening and closing the hearing, and the meetings it was heard at. */
export async function hearingAdminRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;
  const { editionPost } = editionAdmin(db);
  editionPost(app, {
    path: "hearing",
    permission: "charter.manage",
    form: "hearing",
    run: (req, tambonId, id, body) =>
      setHearing(db, req.actor, tambonId, id, body.open !== "0", body),
    anchor: "#h-hearing",
    done: (t, _value, body) => (body.open !== "0" ? t("hearing.opened") : t("hearing.closed")),
  });

  // Adding and removing a meeting of the hearing take the same form and come back to its panel.
  const meetingForms = [
    { path: "hearing-meetings", run: addHearingMeeting, done: "hearing.meetingAdded" },
    { path: "hearing-meetings/remove", run: removeHearingMeeting, done: "hearing.meetingRemoved" },
  ] as const;
  for (const m of meetingForms)
    editionPost(app, {
      path: m.path,
      permission: "charter.manage",
      form: "meeting",
      run: (req, tambonId, id, body) => m.run(db, req.actor, tambonId, id, body.meeting ?? ""),
      anchor: "#h-hearing-meetings",
      done: (t) => t(m.done),
    });
}
