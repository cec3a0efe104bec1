import { type FastifyInstance, type FastifyRequest } from "fastify";
import { type ModuleDeps } from "../../../core/modules.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { currentTambon, formBody } from "../../../core/http.ts";
import { JobForm, JobsAdmin } from "./views.tsx";
import { base, edit, idOf, t } from "../shared/helpers.tsx";
import { moderateJob, saveJob } from "./commands.ts";
import { msg } from "../messages.ts";
import { orThrow } from "../../../core/result.ts";
import { listAllJobs } from "./queries.ts";

/** Administration of jobs, mounted under /t/:tambon. */
export async function jobsAdminRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  // Jobs.
  const jobsPage = async (req: FastifyRequest, form: FormState) => {
    const tambon = currentTambon(req);
    const jobs = await listAllJobs(db, tambon.id);
    return (
      <JobsAdmin jobs={jobs}>
        <JobForm form={form} action={`${base(tambon)}/jobs`} />
      </JobsAdmin>
    );
  };

  app.get("/admin/site/jobs", async (req, reply) => {
    edit(req);
    return reply.page(t(req)("admin.jobs"), await jobsPage(req, emptyForm()));
  });

  app.post("/admin/site/jobs", async (req, reply) => {
    const tambon = edit(req);
    const body = formBody(req);
    const r = await saveJob(db, req.actor, tambon.id, body);
    if (!r.ok)
      return reply.page(
        t(req)("admin.jobs"),
        await jobsPage(req, failedForm(body, r.errors, req.lang, msg)),
        {
          status: 422,
        },
      );
    return reply.seeOther(`${base(tambon)}/jobs`, t(req)("admin.saved"));
  });

  app.post<{ Params: { id: string } }>("/admin/site/jobs/:id/moderate", async (req, reply) => {
    const tambon = edit(req);
    orThrow(await moderateJob(db, req.actor, tambon.id, idOf(req), formBody(req).decision ?? ""));
    return reply.seeOther(`${base(tambon)}/jobs`, t(req)("mod.done"));
  });
}
