import type { FastifyRequest } from "fastify";
import type { Db } from "../../../core/db/index.ts";
import { currentTambon } from "../../../core/http.ts";
import { notFound } from "../../../core/errors.ts";
import { requireId } from "../../../core/params.ts";
import { todayIso } from "../../../core/dates.ts";
import { emptyForm } from "../../../core/views/form.tsx";
import { clausesLinkedTo, listClauses } from "../../charter/public.ts";
import { getPlan, type Plan } from "../plans/queries.ts";
import { candidateOf, findOverlaps } from "../duplicates/queries.ts";
import { OverlapList } from "../duplicates/views.tsx";
import { PROJECT_TARGET } from "../evaluations/queries.ts";
import { projectChoices } from "./choices.ts";
import { listProjectFiles } from "./files.ts";
import { getProject, planProjects, projectDetail, type Project } from "./queries.ts";
import { ProjectAdmin, type ProjectAdminForms } from "./views/admin.tsx";
import { projectValues } from "./views/form.tsx";

/** A tambon's project and its plan, else 404. */
export async function findProject(
  db: Db,
  tambonId: number,
  id: string | number,
): Promise<{ project: Project; plan: Plan }> {
  const project = await getProject(db, tambonId, typeof id === "number" ? id : requireId(id));
  if (!project) throw notFound();
  const plan = await getPlan(db, tambonId, project.planId);
  if (!plan) throw notFound();
  return { project, plan };
}

/** A project's administration page with its forms' states (the one that failed, if any). */
export async function projectAdminPage(
  db: Db,
  req: FastifyRequest,
  project: Project,
  plan: Plan,
  forms: Partial<ProjectAdminForms>,
) {
  const tambon = currentTambon(req);
  const [detail, all, files, linked, clauses, choices] = await Promise.all([
    projectDetail(db, tambon.id, project),
    planProjects(db, tambon.id, plan.id),
    listProjectFiles(db, tambon.id, project.id),
    clausesLinkedTo(db, tambon.id, PROJECT_TARGET, project.id),
    listClauses(db, tambon.id),
    projectChoices(db, tambon.id, plan, req.lang, { projectId: project.id }),
  ]);
  const summary = all.find((p) => p.id === project.id);
  const overlaps = summary
    ? await findOverlaps(db, tambon.id, plan, candidateOf(summary), { excludeId: project.id })
    : [];
  return (
    <ProjectAdmin
      project={project}
      plan={plan}
      forms={{
        edit: forms.edit ?? emptyForm(projectValues(project, detail)),
        status:
          forms.status ?? emptyForm({ status: project.status, progress: String(project.progress) }),
        milestone: forms.milestone ?? emptyForm(),
        link: forms.link ?? emptyForm(),
        file: forms.file ?? emptyForm(),
        clause: forms.clause ?? emptyForm(),
        milestoneFailed: forms.milestoneFailed,
        fileFailed: forms.fileFailed,
      }}
      choices={choices}
      milestones={detail.milestones}
      files={files}
      clauses={{ linked, all: clauses }}
      overlaps={<OverlapList overlaps={overlaps} checked />}
      today={todayIso()}
    />
  );
}
