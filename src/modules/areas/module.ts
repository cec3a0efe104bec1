import type { TambonModule } from "../../core/modules.ts";
import { areasAuditActions } from "./audit-actions.ts";
import { can } from "../../core/policy.ts";
import { msg } from "./messages.ts";
import { issueAreas } from "./schema.ts";
import { areaRoutes } from "./areas/routes.tsx";
import { seedDefaultAreas } from "./areas/commands.ts";

/** Issue areas (ประเด็น): the topics everything else is filed under. */
export const areasModule: TambonModule = {
  id: "areas",
  auditActions: areasAuditActions,
  access: [{ action: "area.manage", allow: ["admin", "editor", "working_group"] }],
  tambonRoutes: (app, deps) => {
    areaRoutes(app, deps);
  },
  nav: [{ path: "/areas", label: (lang) => msg.t(lang)("nav.areas") }],
  adminNav: [
    {
      path: "/admin/areas",
      label: (lang) => msg.t(lang)("areas.manage"),
      visible: (actor, tambon) => can(actor, "area.manage", { tambonId: tambon.id }),
    },
  ],
  resources: { areas: issueAreas },
  onTambonCreated: (tx, tambon, actorId) => seedDefaultAreas(tx, tambon.id, actorId),
};
