import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { authorize, currentTambon, formBody, requireUser } from "../../../core/http.ts";
import { core } from "../../../core/i18n/messages.ts";
import { orThrow } from "../../../core/result.ts";
import { msg } from "../messages.ts";
import { markNotificationsRead, setEmailPreference } from "./commands.ts";
import { notificationText } from "./notify.ts";
import { emailPreference, notificationsOf } from "./queries.ts";
import { NotificationsPage } from "./views.tsx";

/** A member's notifications and how they get them by e-mail. */
export async function notificationRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  app.get("/notifications", async (req, reply) => {
    const tambon = currentTambon(req);
    const me = requireUser(req);
    authorize(req, "question.participate", { tambonId: tambon.id });
    const rows = await notificationsOf(db, tambon.id, me.id);
    const items = rows.map((n) => ({
      id: n.id,
      text: notificationText(n, req.lang),
      at: n.createdAt,
      read: !!n.readAt,
      href: n.questionId
        ? `/t/${tambon.slug}/decisions/${n.questionId}`
        : n.kind === "delegated"
          ? `/t/${tambon.slug}/delegations`
          : null,
    }));
    return reply.page(
      msg.t(req.lang)("notif.title"),
      <NotificationsPage items={items} pref={await emailPreference(db, tambon.id, me.id)} />,
    );
  });

  app.post("/notifications/read", async (req, reply) => {
    const tambon = currentTambon(req);
    requireUser(req);
    authorize(req, "question.participate", { tambonId: tambon.id });
    orThrow(await markNotificationsRead(db, req.actor, tambon.id));
    return reply.seeOther(`/t/${tambon.slug}/notifications`);
  });

  app.post("/notifications/prefs", async (req, reply) => {
    const tambon = currentTambon(req);
    requireUser(req);
    authorize(req, "question.participate", { tambonId: tambon.id });
    orThrow(await setEmailPreference(db, req.actor, tambon.id, formBody(req).email ?? ""));
    return reply.seeOther(`/t/${tambon.slug}/notifications`, core.t(req.lang)("form.saved"));
  });
}
