import { readFileSync } from "node:fs";
import { networkAuditActions } from "./audit-actions.ts";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TambonModule } from "../../core/modules.ts";
import { can, type Rule } from "../../core/policy.ts";
import type { Actor } from "../../core/roles.ts";
import type { Tambon } from "../../core/tenancy.ts";
import { msg } from "./messages.ts";
import { rootRoutes } from "./overview/root-routes.tsx";
import { overviewRoutes } from "./overview/routes.tsx";
import { adminHomeRoutes } from "./overview/admin-routes.tsx";
import { partnerAdminRoutes } from "./partners/admin-routes.tsx";
import { partnerPublicRoutes } from "./partners/public-routes.tsx";
import { pillarRoutes } from "./pillars/routes.tsx";
import { listRoutes } from "./lists/routes.tsx";
import { agreementAdminRoutes } from "./agreements/admin-routes.tsx";
import { agreementPublicRoutes } from "./agreements/public-routes.tsx";
import { linkRoutes } from "./links/routes.tsx";
import { centreAdminRoutes } from "./centres/admin-routes.tsx";
import { centrePublicRoutes } from "./centres/public-routes.tsx";
import { visitAdminRoutes } from "./visits/admin-routes.tsx";
import { visitPublicRoutes } from "./visits/public-routes.tsx";
import { facilitatorRoutes } from "./people/public-routes.tsx";
import { peopleAdminRoutes } from "./people/admin-routes.tsx";
import { fileRoutes } from "./shared/file-routes.tsx";
import { STAFF_ACTIONS } from "./shared/helpers.ts";
import { seedNetworkDefaults } from "./lists/commands.ts";
import { seedNetworkDemo } from "./demo.ts";
import { listPillars } from "./lists/queries.ts";
import {
  affiliations,
  agreementActivities,
  agreementParties,
  agreements,
  centrePhotos,
  learningCentres,
  networkPillars,
  networkTerms,
  partners,
  personProfiles,
  personRoles,
  studyVisits,
  tambonLinks,
} from "./schema.ts";
import { networkFiles } from "./shared/files.ts";
import { partnersOfArea, centresOfArea, partnersJoined, mousSigned } from "./overview/sections.ts";
import { importNetworkDiskFiles } from "./uploads.ts";
import { networkSearch } from "./search.ts";
import { VISIT_ANSWERED } from "./visits/notices.ts";

const STAFF = ["admin", "editor", "working_group", "facilitator"] as const;

/** A partner's own contact person, or a member deciding about themselves (`ownerId`). */
const isOwner: Rule = (a, r) => !!a.user && r.ownerId != null && a.user.id === r.ownerId;

function isStaff(actor: Actor, tambon: Tambon): boolean {
  return STAFF_ACTIONS.some((action) => can(actor, action, { tambonId: tambon.id }));
}

/** Each resource's pages under /t/:tambon: the public ones first, then the administration. */
const RESOURCE_ROUTES = [
  overviewRoutes,
  partnerPublicRoutes,
  pillarRoutes,
  agreementPublicRoutes,
  centrePublicRoutes,
  visitPublicRoutes,
  facilitatorRoutes,
  fileRoutes,
  adminHomeRoutes,
  listRoutes,
  partnerAdminRoutes,
  agreementAdminRoutes,
  linkRoutes,
  centreAdminRoutes,
  visitAdminRoutes,
  peopleAdminRoutes,
];

/**
 * The partner network (ภาคีเครือข่าย): partners, pillars and their common ground, people's roles,
 * agreements (MOU), the network of tambons, learning centres and study visits.
 */
export const networkModule: TambonModule = {
  id: "network",
  auditActions: networkAuditActions,
  notices: [VISIT_ANSWERED],
  access: [
    { action: "network.read", allow: "public" },
    // Anyone may ask a tambon for a study visit through a learning centre's public form.
    { action: "visit.requestPublic", allow: "public" },
    { action: "partner.create", allow: [...STAFF] },
    { action: "partner.edit", allow: [...STAFF] },
    // A partner's own contact person (a member of the tambon) may edit the partner's record.
    { action: "partner.edit", allow: isOwner },
    { action: "partner.classify", allow: ["admin", "working_group"] },
    { action: "network.lists", allow: ["admin", "working_group"] },
    { action: "agreement.manage", allow: ["admin", "editor", "working_group"] },
    { action: "link.manage", allow: ["admin"] },
    { action: "centre.manage", allow: ["admin", "editor", "working_group"] },
    { action: "visit.respond", allow: [...STAFF] },
    { action: "visit.request", allow: [...STAFF] },
    { action: "person.manage", allow: ["admin", "facilitator"] },
    // A member decides for themselves whether the network shows them publicly.
    { action: "person.self", allow: isOwner },
  ],
  styles: [
    readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "network.css"), "utf8"),
  ],
  search: networkSearch,
  async tambonRoutes(app, deps) {
    for (const routes of RESOURCE_ROUTES) await routes(app, deps);
  },
  async setup(app, deps) {
    await rootRoutes(app, deps);
    // Files kept on disk before the file store move into it once, at start.
    await importNetworkDiskFiles(deps.database.db, deps.config.dataDir);
  },
  nav: [{ path: "/network", label: (lang) => msg.t(lang)("nav.network") }],
  adminNav: [
    {
      path: "/admin/network",
      label: (lang) => msg.t(lang)("nav.admin"),
      visible: isStaff,
    },
  ],
  routeParams: { "network/:name": "logo-1.png" },
  files: networkFiles,
  resources: {
    partners,
    agreements,
    parties: agreementParties,
    activities: agreementActivities,
    centres: learningCentres,
    photos: centrePhotos,
    visits: studyVisits,
    outgoing: studyVisits,
    "visit-requests": studyVisits,
    facilitators: personProfiles,
    pillars: networkPillars,
    lists: networkTerms,
    links: tambonLinks,
    roles: personRoles,
    affiliations,
  },
  onTambonCreated: (tx, tambon, actorId) => seedNetworkDefaults(tx, tambon.id, actorId),
  seedDemo: seedNetworkDemo,
  lookups: { pillars: listPillars },
  sections: [
    { on: "areas.area", section: partnersOfArea },
    { on: "areas.area", section: centresOfArea },
    { on: "groups.process", section: partnersJoined },
    { on: "groups.process", section: mousSigned },
  ],
};
