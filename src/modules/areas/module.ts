import type { TambonModule } from "../../core/modules.ts";
import { allow } from "../../core/policy.ts";
import { can } from "../../core/policy.ts";
import { msg } from "./messages.ts";
import { areaRoutes } from "./routes.tsx";
import { seedDefaultAreas } from "./commands/save-area.ts";
import { issueAreas } from "./schema.ts";

allow("area.manage", ["admin", "editor", "working_group"]);

/** Issue areas (ประเด็น): the topics everything else is filed under. */
export const areasModule: TambonModule = {
  id: "areas",
  tambonRoutes: areaRoutes,
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
