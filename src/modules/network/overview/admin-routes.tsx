import type { ModuleDeps } from "../../../core/modules.ts";
import type { FastifyInstance } from "fastify";
import { currentTambon, requireUser } from "../../../core/http.ts";
import { can } from "../../../core/policy.ts";
import { forbidden } from "../../../core/errors.ts";
import { type NetKey } from "../messages.ts";
import { waitingVisits } from "../visits/queries.ts";
import { AdminHome, type AdminLink } from "./admin-views.tsx";
import { STAFF_ACTIONS } from "../shared/helpers.ts";
import { ADMIN, adminUrl, netText } from "../shared/route-kit.ts";

export async function adminHomeRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  app.get(ADMIN, async (req, reply) => {
    const tambon = currentTambon(req);
    requireUser(req);
    const r = { tambonId: tambon.id };
    if (!STAFF_ACTIONS.some((a) => can(req.actor, a, r))) throw forbidden(true);
    const t = netText(req);
    const links: AdminLink[] = [];
    const add = (
      action: (typeof STAFF_ACTIONS)[number],
      path: string,
      label: NetKey,
      hint: NetKey,
      count?: number,
    ) => {
      if (can(req.actor, action, r))
        links.push({ href: adminUrl(tambon, path), label: t(label), hint: t(hint), count });
    };
    add("partner.create", "/partners", "admin.partners", "admin.partnersHint");
    add("network.lists", "/lists", "admin.lists", "admin.listsHint");
    add("agreement.manage", "/agreements", "admin.agreements", "admin.agreementsHint");
    add("link.manage", "/links", "admin.links", "admin.linksHint");
    add("centre.manage", "/centres", "admin.centres", "admin.centresHint");
    add(
      "visit.respond",
      "/visits",
      "admin.visits",
      "admin.visitsHint",
      await waitingVisits(db, tambon.id),
    );
    add("visit.request", "/outgoing", "admin.outgoing", "admin.outgoingHint");
    add("person.manage", "/people", "admin.people", "admin.peopleHint");
    return reply.page(t("admin.title", { tambon: tambon.nameTh }), <AdminHome links={links} />);
  });
}
