import type { FastifyRequest } from "fastify";
import { core } from "./i18n/messages.ts";
import type { TambonModule } from "./modules.ts";
import { can } from "./policy.ts";
import type { NavItem } from "./views/ctx.ts";

/** The menu of a request: the network's, or the tambon's with the entries modules add. */
export function navFor(req: FastifyRequest, modules: TambonModule[]): NavItem[] {
  const t = core.t(req.lang);
  const tambon = req.tambon;
  if (!tambon) return [{ href: "/", label: t("nav.network") }];
  const base = `/t/${tambon.slug}`;
  const items: NavItem[] = [{ href: base, label: t("nav.home") }];
  for (const mod of modules) items.push(...(mod.menu?.(tambon, req.lang, req.actor) ?? []));
  items.push({ href: `${base}/villages`, label: t("nav.villages") });
  for (const mod of modules) {
    for (const n of mod.nav ?? []) {
      if (n.visible && !n.visible(req.actor, tambon)) continue;
      items.push({ href: `${base}${n.path}`, label: n.label(req.lang) });
    }
  }
  if (req.actor.user && adminVisible(req, modules)) {
    items.push({ href: `${base}/admin`, label: t("nav.admin") });
  }
  return items;
}

/** True when the actor may see the tambon's administration page. */
export function adminVisible(req: FastifyRequest, modules: TambonModule[]): boolean {
  const tambon = req.tambon;
  if (!tambon) return false;
  if (can(req.actor, "tambon.manage", { tambonId: tambon.id })) return true;
  if (can(req.actor, "account.create", { tambonId: tambon.id })) return true;
  return modules.some((m) =>
    (m.adminNav ?? []).some((n) => !n.visible || n.visible(req.actor, tambon)),
  );
}
