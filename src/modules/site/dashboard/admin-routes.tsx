import { type FastifyInstance } from "fastify";
import { type ModuleDeps } from "../../../core/modules.ts";
import { authorize, currentTambon } from "../../../core/http.ts";
import { can } from "../../../core/policy.ts";
import { base, t } from "../shared/helpers.tsx";
import { Dashboard } from "./views.tsx";
import { dashboardData } from "./queries.ts";

/** Administration of dashboard, mounted under /t/:tambon. */
export async function dashboardAdminRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  // Dashboard.
  app.get("/admin/site", async (req, reply) => {
    const tambon = currentTambon(req);
    const editor = can(req.actor, "site.edit", { tambonId: tambon.id });
    const handler = can(req.actor, "complaint.manage", { tambonId: tambon.id });
    if (!editor && !handler) authorize(req, "site.edit", { tambonId: tambon.id });
    const tt = t(req);
    const b = base(tambon);
    const { recent, drafts, pendingPosts, pendingJobs, reports, complaints } = await dashboardData(
      db,
      tambon.id,
      handler,
    );
    const sections = editor
      ? [
          { href: `${b}/pages`, label: tt("admin.pages") },
          { href: `${b}/menu`, label: tt("admin.menu") },
          { href: `${b}/news`, label: tt("admin.news"), count: drafts.length },
          { href: `${b}/galleries`, label: tt("admin.galleries") },
          { href: `${b}/documents`, label: tt("admin.documents") },
          {
            href: `${b}/corner`,
            label: tt("admin.corner"),
            count: pendingPosts.length + reports.length,
          },
          { href: `${b}/qa`, label: tt("qa.manage") },
          { href: `${b}/jobs`, label: tt("admin.jobs"), count: pendingJobs.length },
          { href: `${b}/transparency`, label: tt("admin.transparency") },
          { href: `${b}/settings`, label: tt("admin.settings") },
          { href: `/t/${tambon.slug}/stats`, label: tt("admin.stats") },
        ]
      : [];
    if (handler)
      sections.push({
        href: `${b}/complaints`,
        label: tt("admin.complaints"),
        count: complaints.length,
      });
    return reply.page(
      tt("admin.dashboard"),
      <Dashboard
        sections={sections}
        recent={editor ? recent : []}
        drafts={editor ? drafts : []}
        pendingPosts={editor ? pendingPosts : []}
        pendingJobs={editor ? pendingJobs : []}
        reports={editor ? reports.length : 0}
        complaints={complaints}
      />,
    );
  });
}
