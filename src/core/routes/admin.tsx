import type { FastifyPluginAsync } from "fastify";
import type { ModuleDeps, TambonModule } from "../modules.ts";
import { core } from "../i18n/messages.ts";
import { authorize, currentTambon, requireUser } from "../http.ts";
import { can } from "../policy.ts";
import { tambonTitle } from "../views/layout.tsx";
import { AdminHome } from "../views/admin/home.tsx";
import { settingsRoutes, villageRoutes } from "./settings.tsx";
import { peopleRoutes } from "./people.tsx";
import { tambonAuditRoutes } from "./audit.tsx";
import { nmsg } from "../notices/messages.ts";

/** The tambon administration: settings, villages, people and roles, audit log, modules' parts. */
export function tambonAdminRoutes(deps: ModuleDeps, modules: TambonModule[]): FastifyPluginAsync {
  return async (app) => {
    app.get("/admin", async (req, reply) => {
      const tambon = currentTambon(req);
      requireUser(req);
      const t = core.t(req.lang);
      const base = `/t/${tambon.slug}/admin`;
      const links: { href: string; label: string }[] = [];
      if (can(req.actor, "tambon.manage", { tambonId: tambon.id })) {
        links.push({ href: `${base}/settings`, label: t("admin.settings") });
        links.push({ href: `${base}/villages`, label: t("admin.villages") });
      }
      if (can(req.actor, "account.create", { tambonId: tambon.id }))
        links.push({ href: `${base}/people`, label: t("admin.people") });
      if (can(req.actor, "audit.read", { tambonId: tambon.id }))
        links.push({ href: `${base}/audit`, label: t("admin.audit") });
      if (can(req.actor, "tambon.manage", { tambonId: tambon.id })) {
        const nt = nmsg.t(req.lang);
        links.push({ href: `${base}/notices`, label: nt("admin.log") });
        links.push({ href: `${base}/notices/line`, label: nt("admin.lineSettings") });
      }
      for (const mod of modules) {
        for (const n of mod.adminNav ?? []) {
          if (!n.visible || n.visible(req.actor, tambon))
            // A module's admin paths are the tambon's ("/admin/site"), as its menu paths are.
            links.push({ href: `/t/${tambon.slug}${n.path}`, label: n.label(req.lang) });
        }
      }
      if (!links.length) authorize(req, "tambon.manage", { tambonId: tambon.id });
      return reply.page(
        t("admin.title", { tambon: tambonTitle(tambon, req.lang) }),
        <AdminHome links={links} />,
      );
    });

    settingsRoutes(app, deps);
    villageRoutes(app, deps);
    peopleRoutes(app, deps);
    tambonAuditRoutes(app, deps);
  };
}
