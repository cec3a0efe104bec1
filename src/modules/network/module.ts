import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { and, asc, desc, eq, ne, sql } from "drizzle-orm";
import type { PageSection, TambonModule } from "../../core/modules.ts";
import type { DbOrTx } from "../../core/db/index.ts";
import { tambons } from "../../core/db/schema.ts";
import { can, type Rule } from "../../core/policy.ts";
import type { Actor } from "../../core/roles.ts";
import type { Tambon } from "../../core/tenancy.ts";
import { formatDate } from "../../core/dates.ts";
import { msg } from "./messages.ts";
import { nameIn } from "./shared/lists.ts";
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
  partnerAreas,
  partners,
  personProfiles,
  personRoles,
  studyVisits,
  tambonLinks,
} from "./schema.ts";

const STAFF = ["admin", "editor", "working_group", "facilitator"] as const;

/** A partner's own contact person, or a member deciding about themselves (`ownerId`). */
const isOwner: Rule = (a, r) => !!a.user && r.ownerId != null && a.user.id === r.ownerId;

function isStaff(actor: Actor, tambon: Tambon): boolean {
  return STAFF_ACTIONS.some((action) => can(actor, action, { tambonId: tambon.id }));
}

const areaSection1: PageSection<number> = {
  id: "network-partners",
  title: (lang) => msg.t(lang)("area.partners"),
  load: async (db, tambonId, lang, areaId) => {
    const rows = await db
      .select({ id: partners.id, nameTh: partners.nameTh, nameEn: partners.nameEn })
      .from(partnerAreas)
      .innerJoin(partners, eq(partners.id, partnerAreas.partnerId))
      .where(
        and(
          eq(partnerAreas.tambonId, tambonId),
          eq(partnerAreas.areaId, areaId),
          eq(partners.active, true),
        ),
      )
      .orderBy(asc(partners.nameTh))
      .limit(50);
    const slug = await slugOf(db, tambonId);
    return rows.map((r) => ({ href: `/t/${slug}/partners/${r.id}`, title: nameIn(r, lang) }));
  },
};

const areaSection2: PageSection<number> = {
  id: "network-centres",
  title: (lang) => msg.t(lang)("area.centres"),
  load: async (db, tambonId, lang, areaId) => {
    const rows = await db
      .select({
        id: learningCentres.id,
        nameTh: learningCentres.nameTh,
        nameEn: learningCentres.nameEn,
      })
      .from(learningCentres)
      .where(
        and(
          eq(learningCentres.tambonId, tambonId),
          eq(learningCentres.areaId, areaId),
          eq(learningCentres.active, true),
        ),
      )
      .orderBy(asc(learningCentres.nameTh))
      .limit(50);
    const slug = await slugOf(db, tambonId);
    return rows.map((r) => ({ href: `/t/${slug}/centres/${r.id}`, title: nameIn(r, lang) }));
  },
};

// Step 2 of the three steps (build networks and participation): partners who joined, MOUs signed.
const stepSection3: PageSection<null> = {
  id: "network.partners",
  slot: 2,
  title: (lang) => msg.t(lang)("step.partnersJoined"),
  load: async (db, tambonId, lang) => {
    const rows = await db
      .select({
        id: partners.id,
        nameTh: partners.nameTh,
        nameEn: partners.nameEn,
        createdAt: partners.createdAt,
      })
      .from(partners)
      .where(and(eq(partners.tambonId, tambonId), eq(partners.active, true)))
      .orderBy(desc(partners.createdAt), desc(partners.id))
      .limit(20);
    const slug = await slugOf(db, tambonId);
    return rows.map((r) => ({
      href: `/t/${slug}/partners/${r.id}`,
      title: nameIn(r, lang),
      meta: msg.t(lang)("step.joinedOn", { date: formatDate(r.createdAt, lang) }),
    }));
  },
};

const stepSection4: PageSection<null> = {
  id: "network.mous",
  slot: 2,
  title: (lang) => msg.t(lang)("step.mousSigned"),
  load: async (db, tambonId, lang) => {
    const rows = await db
      .select({
        id: agreements.id,
        titleTh: agreements.titleTh,
        titleEn: agreements.titleEn,
        signedOn: agreements.signedOn,
      })
      .from(agreements)
      .where(
        and(
          eq(agreements.tambonId, tambonId),
          eq(agreements.kind, "mou"),
          ne(agreements.status, "draft"),
        ),
      )
      .orderBy(sql`${agreements.signedOn} desc nulls last`, desc(agreements.id))
      .limit(20);
    const slug = await slugOf(db, tambonId);
    const t = msg.t(lang);
    return rows.map((r) => ({
      href: `/t/${slug}/agreements/${r.id}`,
      title: lang === "en" && r.titleEn ? r.titleEn : r.titleTh,
      meta: r.signedOn
        ? t("step.signedOn", { date: formatDate(r.signedOn, lang) })
        : t("step.notSignedYet"),
    }));
  },
};

async function slugOf(db: DbOrTx, id: number): Promise<string> {
  const [row] = await db.select({ slug: tambons.slug }).from(tambons).where(eq(tambons.id, id));
  return row?.slug ?? "";
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
  async tambonRoutes(app, deps) {
    for (const routes of RESOURCE_ROUTES) await routes(app, deps);
  },
  setup: rootRoutes,
  nav: [{ path: "/network", label: (lang) => msg.t(lang)("nav.network") }],
  adminNav: [
    {
      path: "/admin/network",
      label: (lang) => msg.t(lang)("nav.admin"),
      visible: isStaff,
    },
  ],
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
    { on: "areas.area", section: areaSection1 },
    { on: "areas.area", section: areaSection2 },
    { on: "groups.process", section: stepSection3 },
    { on: "groups.process", section: stepSection4 },
  ],
};
