import { tambonRow } from "../../../core/db/tambon-row.ts";
import { type FastifyInstance, type FastifyRequest } from "fastify";
import { type ModuleDeps } from "../../../core/modules.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { currentTambon, formBody, allowedTambon } from "../../../core/http.ts";
import { listLinks, listOpenJobs } from "./queries.ts";
import { JobView, JobsPage } from "./views.tsx";
import { can } from "../../../core/policy.ts";
import { read, url } from "../shared/helpers.tsx";
import { msg } from "../messages.ts";
import { isOpen, saveJob } from "./commands.ts";
import { siteJobs } from "../schema.ts";
import { requireId } from "../../../core/params.ts";
import { notFound } from "../../../core/errors.ts";

/** Public pages of jobs, mounted under /t/:tambon. */
export async function jobsRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  // Job market.
  const jobsPage = async (req: FastifyRequest, form: FormState) => {
    const tambon = currentTambon(req);
    const [jobs, links] = await Promise.all([
      listOpenJobs(db, tambon.id),
      listLinks(db, tambon.id),
    ]);
    return (
      <JobsPage
        jobs={jobs}
        links={links}
        canPost={can(req.actor, "site.post", { tambonId: tambon.id })}
        form={form}
      />
    );
  };

  app.get("/jobs", async (req, reply) => {
    read(req);
    return reply.page(msg.t(req.lang)("jobs.title"), await jobsPage(req, emptyForm()), {
      description: msg.t(req.lang)("jobs.intro"),
    });
  });

  app.post("/jobs", async (req, reply) => {
    const tambon = allowedTambon(req, "site.post");
    const body = formBody(req);
    const r = await saveJob(db, req.actor, tambon.id, body);
    if (!r.ok)
      return reply.page(
        msg.t(req.lang)("jobs.title"),
        await jobsPage(req, failedForm(body, r.errors, req.lang, msg)),
        { status: 422 },
      );
    const t = msg.t(req.lang);
    return r.value.status === "approved"
      ? reply.seeOther(url(tambon, `/jobs/${r.value.id}`), t("admin.saved"))
      : reply.seeOther(url(tambon, "/jobs"), t("jobs.sent"));
  });

  app.get<{ Params: { id: string } }>("/jobs/:id", async (req, reply) => {
    const tambon = read(req);
    const job = await tambonRow(db, siteJobs, tambon.id, requireId(req.params.id));
    if (!job || (!isOpen(job) && !can(req.actor, "site.edit", { tambonId: tambon.id })))
      throw notFound();
    return reply.page(job.title, <JobView job={job} />, {
      description: `${job.title} · ${job.employer}`,
    });
  });
}
