import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TambonModule } from "../../core/modules.ts";
import { can } from "../../core/policy.ts";
import { hasRole, type Actor } from "../../core/roles.ts";
import { msg } from "./messages.ts";
import { siteAuditActions } from "./audit-actions.ts";
import { complaintsRoutes } from "./complaints/routes.tsx";
import { cornerRoutes } from "./corner/routes.tsx";
import { documentsRoutes } from "./documents/routes.tsx";
import { feedsRoutes } from "./feeds/routes.ts";
import { filesRoutes } from "./files/routes.ts";
import { galleriesRoutes } from "./galleries/routes.tsx";
import { jobsRoutes } from "./jobs/routes.tsx";
import { newsRoutes } from "./news/routes.tsx";
import { pagesRoutes } from "./pages/routes.tsx";
import { searchRoutes } from "./search/routes.tsx";
import { reindexAllSearch, reindexTambonSearch } from "./search/reindex.ts";
import { rootFeedRoutes } from "./feeds/root-routes.ts";
import { statisticsRoutes } from "./statistics/routes.tsx";
import { transparencyRoutes } from "./transparency/routes.tsx";
import { qaRoutes } from "./qa/routes.tsx";
import { complaintsAdminRoutes } from "./complaints/admin-routes.tsx";
import { cornerAdminRoutes } from "./corner/admin-routes.tsx";
import { dashboardAdminRoutes } from "./dashboard/admin-routes.tsx";
import { documentsAdminRoutes } from "./documents/admin-routes.tsx";
import { galleriesAdminRoutes } from "./galleries/admin-routes.tsx";
import { jobsAdminRoutes } from "./jobs/admin-routes.tsx";
import { menuAdminRoutes } from "./menu/admin-routes.tsx";
import { newsAdminRoutes } from "./news/admin-routes.tsx";
import { pagesAdminRoutes } from "./pages/admin-routes.tsx";
import { settingsAdminRoutes } from "./settings/admin-routes.tsx";
import { transparencyAdminRoutes } from "./transparency/admin-routes.tsx";
import { siteHome } from "./home/routes.tsx";
import { seedSiteDemo } from "./demo.ts";
import { setUpSite } from "./shared/setup.ts";
import { importSiteDiskFiles } from "./shared/legacy-files.ts";
import { siteFiles } from "./shared/files.ts";
import { ensureMenu, menuFor } from "./menu/cache.ts";
import { isBot, visits } from "./statistics/visits.ts";
import { COMPLAINT_NOTICE } from "./complaints/notices.ts";
import {
  itaItems,
  siteAlbums,
  siteCategories,
  siteComments,
  siteComplaints,
  siteDocuments,
  siteJobs,
  siteLinks,
  siteMenuItems,
  siteNews,
  sitePages,
  sitePhotos,
  sitePosts,
  siteQuestions,
  siteReports,
} from "./schema.ts";

const here = path.dirname(fileURLToPath(import.meta.url));

/** True when the actor is an active member (or holds any role) of the tambon. */
function isMemberOf(actor: Actor, tambonId: number): boolean {
  return actor.memberOf.has(tambonId) || actor.roles.has(tambonId);
}

/** Each resource's public and administration routes. */
const RESOURCE_ROUTES = [
  complaintsRoutes,
  cornerRoutes,
  documentsRoutes,
  feedsRoutes,
  filesRoutes,
  galleriesRoutes,
  jobsRoutes,
  newsRoutes,
  pagesRoutes,
  searchRoutes,
  statisticsRoutes,
  transparencyRoutes,
  qaRoutes,
  complaintsAdminRoutes,
  cornerAdminRoutes,
  dashboardAdminRoutes,
  documentsAdminRoutes,
  galleriesAdminRoutes,
  jobsAdminRoutes,
  menuAdminRoutes,
  newsAdminRoutes,
  pagesAdminRoutes,
  settingsAdminRoutes,
  transparencyAdminRoutes,
];

/** Paths of a tambon's site that are not counted as page views. */
const NOT_COUNTED = /^\/t\/[^/]+\/(admin|uploads|signup)\b/;

/** The tambon's public website: pages, menus, news, galleries, documents, members' corner, jobs,
 * visitor statistics, search, transparency, complaints, feeds and the editors' dashboard. */
export const siteModule: TambonModule = {
  id: "site",
  auditActions: siteAuditActions,
  notices: [COMPLAINT_NOTICE],
  access: [
    // Staff of the tambon edit the website.
    { action: "site.edit", allow: ["admin", "editor"] },
    { action: "site.moderate", allow: ["admin", "editor"] },
    // Members write in the members' corner, comment, report and post jobs.
    { action: "site.post", allow: (actor, r) => isMemberOf(actor, r.tambonId) },
    // Members ask in the public questions and answers; staff (site.moderate) answer.
    { action: "site.ask", allow: (actor, r) => isMemberOf(actor, r.tambonId) },
    // Complaints: anyone files; staff handle general ones; only admins see corruption complaints.
    { action: "complaint.file", allow: "public" },
    { action: "complaint.manage", allow: ["admin", "editor"] },
    { action: "complaint.corruption", allow: ["admin"] },
    // Not even a network administrator reads them unless an admin of that tambon.
    { action: "complaint.corruption", deny: (actor, r) => !hasRole(actor, r.tambonId, "admin") },
  ],
  styles: [readFileSync(path.join(here, "site.css"), "utf8")],
  assets: [
    {
      name: "site-js",
      ext: "js",
      type: "text/javascript; charset=utf-8",
      body: readFileSync(path.join(here, "site.js")),
    },
  ],
  async tambonRoutes(app, deps) {
    for (const routes of RESOURCE_ROUTES) await routes(app, deps);
  },
  adminNav: [
    {
      path: "/admin/site",
      label: (lang) => msg.t(lang)("admin.site"),
      visible: (actor, tambon) =>
        can(actor, "site.edit", { tambonId: tambon.id }) ||
        can(actor, "complaint.manage", { tambonId: tambon.id }),
    },
  ],
  menu: (tambon, lang) => menuFor(tambon, lang),
  homeSections: siteHome,
  async setup(app, deps) {
    const db = deps.database.db;
    await rootFeedRoutes(app, deps);
    // Files kept on disk before the file store move into it once, at start.
    await importSiteDiskFiles(db, deps.config.dataDir);
    // The menu is read from memory while the layout renders; load it before the handler runs.
    app.addHook("preHandler", async (req) => {
      if (req.tambon) await ensureMenu(db, req.tambon.id);
    });
    // On PostgreSQL every instance counts a visitor alike and the database judges who is new.
    visits.share(deps.database.kind === "postgres" ? deps.config.secret : null);
    // Page views are counted after the response has gone (also for cached pages), in memory.
    app.addHook("onResponse", (req, reply, done) => {
      done();
      if (req.method !== "GET" || (reply.statusCode !== 200 && reply.statusCode !== 304)) return;
      const type = reply.getHeader("content-type");
      if (typeof type !== "string" || !type.startsWith("text/html")) return;
      const slug = (req.params as { tambon?: string } | undefined)?.tambon;
      const tambon = slug ? deps.tambons.bySlug(slug) : undefined;
      const agent = req.headers["user-agent"];
      if (!tambon || isBot(agent) || NOT_COUNTED.test(req.url)) return;
      visits.record(tambon.id, req.url, req.ip, agent ?? "");
    });
    app.addHook("onClose", async () => {
      await visits.flush(db);
    });
  },
  jobs: [
    // Each instance writes the counts it holds.
    {
      id: "site.visits",
      everyMs: 5_000,
      everyInstance: true,
      run: (deps) => visits.flush(deps.database.db),
    },
    // Re-indexes the other modules' public records at start and twice a day (see reindex.ts).
    {
      id: "site.search-reindex",
      everyMs: 12 * 60 * 60 * 1000,
      run: async (deps) => void (await reindexAllSearch(deps.database.db)),
    },
  ],
  files: siteFiles,
  // A search page shows only its words and page number: visitors asking the same thing share it.
  cacheQuery: { "/search": ["q", "page", "kind"] },
  // File names of the tambon's uploads (any well-formed name answers 404 when nothing is stored).
  routeParams: { "site/:name": "logo-1.png", "complaint-photos/:name": "logo-1.png" },
  resources: {
    pages: sitePages,
    menu: siteMenuItems,
    news: siteNews,
    galleries: siteAlbums,
    photo: sitePhotos,
    docs: siteDocuments,
    corner: sitePosts,
    "corner-comments": siteComments,
    "corner-reports": siteReports,
    jobs: siteJobs,
    complaints: siteComplaints,
    ita: itaItems,
    qa: siteQuestions,
    "news-categories": siteCategories,
    "job-links": siteLinks,
  },
  onTambonCreated: (tx, tambon, actorId) => setUpSite(tx, tambon, actorId),
  seedDemo: (tx, tambon, people) => seedSiteDemo(tx, tambon, people),
  demoSeeded: async (tx, tambon) => void (await reindexTambonSearch(tx, tambon.id)),
};
