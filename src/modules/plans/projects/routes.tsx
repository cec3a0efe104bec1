import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { currentTambon, formBody, formList, allowedTambon } from "../../../core/http.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { throwIfDenied, translateErrors, type Result } from "../../../core/result.ts";
import { ErrorPage } from "../../../core/views/error-page.tsx";
import { notFound } from "../../../core/errors.ts";
import { requireId } from "../../../core/params.ts";
import { can } from "../../../core/policy.ts";
import { todayIso } from "../../../core/dates.ts";
import { listVillages } from "../../../core/queries/villages.ts";
import { areaName, getArea, listAreas } from "../../areas/public.ts";
import { clausesLinkedTo } from "../../charter/public.ts";
import { questionOutcome } from "../../decisions/public.ts";
import { listPartners, partnerName, partnerUrl } from "../../network/public.ts";
import { msg } from "../messages.ts";
import { getPlan, getStrategy, strategyName, type Plan } from "../plans/queries.ts";
import { linkProjects, mergeProject } from "../duplicates/commands.ts";
import { PROJECT_TARGET } from "../evaluations/queries.ts";
import { saveProject, setProjectStatus } from "./commands.ts";
import { addMilestone } from "./milestones.ts";
import { putProjectsToVote } from "./vote.ts";
import { findProject as findProjectOf, projectAdminPage } from "./admin-page.tsx";
import { listProjectFiles } from "./files.ts";
import { planProjects, projectDetail, getProject, type Project } from "./queries.ts";
import type { ProjectAdminForms } from "./views/admin.tsx";
import { PlanProjectsAdmin } from "./views/list.tsx";
import { ProjectPage } from "./views/page.tsx";
import { confirmFirst } from "../../../core/confirmation.tsx";

/** A project's public page; its administration (edit, screen, milestones, links, merge); the priority vote. */
export function projectRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;

  const findProject = (tambonId: number, id: string) => findProjectOf(db, tambonId, id);

  /** The project's question and how its own alternative ranked. */
  async function questionOf(tambonId: number, slug: string, project: Project) {
    if (project.questionId == null) return null;
    const outcome = await questionOutcome(db, tambonId, project.questionId);
    if (!outcome) return null;
    const mine = outcome.result?.alternatives.find((a) => a.id === project.questionAlternativeId);
    return {
      href: `/t/${slug}/decisions/${project.questionId}`,
      phase: outcome.phase,
      rank: mine?.rank ?? null,
      winner: !!mine && outcome.result?.winner === mine.id,
    };
  }

  app.get<{ Params: { id: string } }>("/projects/:id", async (req, reply) => {
    const tambon = allowedTambon(req, "plan.read");
    const { project, plan } = await findProject(tambon.id, req.params.id);
    const [detail, area, strategy, villages, partners, clauses, question, all, files] =
      await Promise.all([
        projectDetail(db, tambon.id, project),
        project.areaId != null ? getArea(db, tambon.id, project.areaId) : undefined,
        project.strategyId != null ? getStrategy(db, tambon.id, project.strategyId) : undefined,
        listVillages(db, tambon.id),
        listPartners(db, tambon.id),
        clausesLinkedTo(db, tambon.id, PROJECT_TARGET, project.id),
        questionOf(tambon.id, tambon.slug, project),
        planProjects(db, tambon.id, plan.id),
        listProjectFiles(db, tambon.id, project.id),
      ]);
    const villageNames = villages
      .filter((v) => detail.villageIds.includes(v.id))
      .map((v) => `${v.moo} ${req.lang === "en" && v.nameEn ? v.nameEn : v.nameTh}`);
    return reply.page(
      project.title,
      <ProjectPage
        project={project}
        shownProgress={all.find((p) => p.id === project.id)?.shownProgress ?? project.progress}
        plan={plan}
        detail={detail}
        areaName={area ? areaName(area, req.lang) : null}
        strategyName={strategy ? strategyName(strategy) : null}
        villageNames={villageNames}
        partnerNames={
          new Map(
            partners.map((p) => [
              p.id,
              { name: partnerName(p, req.lang), href: partnerUrl(tambon.slug, p.id) },
            ]),
          )
        }
        clauses={clauses}
        files={files}
        question={question}
        today={todayIso()}
        canScreen={can(req.actor, "project.screen", { tambonId: tambon.id })}
      />,
    );
  });

  const adminPage = (
    req: FastifyRequest,
    project: Project,
    plan: Plan,
    forms: Partial<ProjectAdminForms>,
  ) => projectAdminPage(db, req, project, plan, forms);

  app.get<{ Params: { id: string } }>("/admin/projects/:id", async (req, reply) => {
    const tambon = allowedTambon(req, "project.screen");
    const { project, plan } = await findProject(tambon.id, req.params.id);
    return reply.page(project.title, await adminPage(req, project, plan, {}));
  });

  app.post<{ Params: { id: string } }>("/admin/projects/:id", async (req, reply) => {
    const tambon = allowedTambon(req, "project.screen");
    const { project, plan } = await findProject(tambon.id, req.params.id);
    const body = formBody(req);
    const lists = {
      villages: formList(req, "villages"),
      targets: formList(req, "targets"),
      responsible: formList(req, "responsible"),
      supporting: formList(req, "supporting"),
    };
    const result = throwIfDenied(
      await saveProject(db, req.actor, tambon.id, project.id, { body, ...lists }),
    );
    if (result.ok)
      return reply.seeOther(
        `/t/${tambon.slug}/projects/${project.id}`,
        msg.t(req.lang)("project.saved"),
      );
    const shown = {
      ...body,
      villages: lists.villages.join(","),
      targets: lists.targets.join(","),
      responsible: lists.responsible.join(","),
      supporting: lists.supporting.join(","),
    };
    const form = failedForm(shown, result.errors, req.lang, msg);
    return reply.page(project.title, await adminPage(req, project, plan, { edit: form }), {
      status: 422,
    });
  });

  /** A small form of the project's administration page: saved and back, or the page again at 422. */
  function subForm(
    path: string,
    key: "status" | "milestone" | "link",
    run: (
      req: FastifyRequest,
      tambonId: number,
      projectId: number,
      body: Record<string, string>,
    ) => Promise<Result<unknown, string>>,
    flash: "project.statusSaved" | "project.milestoneSaved" | "dup.linked",
  ) {
    app.post<{ Params: { id: string } }>(`/admin/projects/:id/${path}`, async (req, reply) => {
      const tambon = allowedTambon(req, "project.screen");
      const { project, plan } = await findProject(tambon.id, req.params.id);
      const body = formBody(req);
      const result = throwIfDenied(await run(req, tambon.id, project.id, body));
      if (result.ok)
        return reply.seeOther(
          `/t/${tambon.slug}/admin/projects/${project.id}`,
          msg.t(req.lang)(flash),
        );
      const form = failedForm(body, result.errors, req.lang, msg);
      const fresh = (await getProject(db, tambon.id, project.id)) ?? project;
      return reply.page(project.title, await adminPage(req, fresh, plan, { [key]: form }), {
        status: 422,
      });
    });
  }

  subForm(
    "status",
    "status",
    (req, t, id, body) => setProjectStatus(db, req.actor, t, id, body),
    "project.statusSaved",
  );
  subForm(
    "milestones",
    "milestone",
    (req, t, id, body) => addMilestone(db, req.actor, t, id, body),
    "project.milestoneSaved",
  );
  subForm(
    "links",
    "link",
    (req, t, id, body) => linkProjects(db, req.actor, t, id, body),
    "dup.linked",
  );

  app.post<{ Params: { id: string } }>(
    "/admin/projects/:id/merge",
    confirmFirst,
    async (req, reply) => {
      const tambon = allowedTambon(req, "project.screen");
      const { project } = await findProject(tambon.id, req.params.id);
      const result = throwIfDenied(
        await mergeProject(db, req.actor, tambon.id, project.id, formBody(req)),
      );
      if (!result.ok) {
        // A button with no form of its own: the refusal is a page saying why, 409 for a project
        // merged already (the same merge sent twice), else 422.
        const status = Object.values(result.errors).some((e) => e.key === "dup.alreadyMerged")
          ? 409
          : 422;
        const message = Object.values(translateErrors(result.errors, req.lang, msg)).join(" ");
        return reply.page(project.title, <ErrorPage status={status} message={message} />, {
          status,
        });
      }
      const merged = result.value;
      const into = await getProject(db, tambon.id, merged.mergedIntoId ?? 0);
      return reply.seeOther(
        `/t/${tambon.slug}/projects/${project.id}`,
        msg.t(req.lang)("project.merged", { title: into?.title ?? "" }),
      );
    },
  );

  async function planProjectsPage(req: FastifyRequest, plan: Plan, voteForm: FormState) {
    const tambon = currentTambon(req);
    const [projects, areas] = await Promise.all([
      planProjects(db, tambon.id, plan.id),
      listAreas(db, tambon.id),
    ]);
    return (
      <PlanProjectsAdmin
        plan={plan}
        projects={projects}
        voteForm={voteForm}
        areas={areas.map((a) => ({ value: String(a.id), label: areaName(a, req.lang) }))}
      />
    );
  }

  app.get<{ Params: { id: string } }>("/admin/plans/:id/projects", async (req, reply) => {
    const tambon = allowedTambon(req, "project.screen");
    const plan = await getPlan(db, tambon.id, requireId(req.params.id));
    if (!plan) throw notFound();
    return reply.page(
      msg.t(req.lang)("plan.manageProjects"),
      await planProjectsPage(req, plan, emptyForm()),
    );
  });

  app.post<{ Params: { id: string } }>(
    "/admin/plans/:id/vote",
    confirmFirst,
    async (req, reply) => {
      const tambon = allowedTambon(req, "plan.manage");
      const plan = await getPlan(db, tambon.id, requireId(req.params.id));
      if (!plan) throw notFound();
      const body = formBody(req);
      const chosen = formList(req, "projects");
      const result = throwIfDenied(
        await putProjectsToVote(
          db,
          req.actor,
          tambon.id,
          plan.id,
          body,
          chosen,
          (id) => `/t/${tambon.slug}/projects/${id}`,
        ),
      );
      const t = msg.t(req.lang);
      if (result.ok)
        return reply.seeOther(
          `/t/${tambon.slug}/decisions/${result.value.questionId}`,
          t("project.voteOpened"),
        );
      const form = failedForm(
        { ...body, projects: chosen.join(",") },
        result.errors,
        req.lang,
        msg,
      );
      return reply.page(t("plan.manageProjects"), await planProjectsPage(req, plan, form), {
        status: 422,
      });
    },
  );
}
