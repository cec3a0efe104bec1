import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { currentTambon, formBody, allowedTambon } from "../../../core/http.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { throwIfDenied } from "../../../core/result.ts";
import { notFound } from "../../../core/errors.ts";
import { requireId } from "../../../core/params.ts";
import { can } from "../../../core/policy.ts";
import { areaName, listAreas } from "../../areas/public.ts";
import { clausesLinkedTo, listClauses } from "../../charter/public.ts";
import { listAdoptedResolutions, listMeetings } from "../../groups/public.ts";
import { formatDate } from "../../../core/dates.ts";
import { msg, type PlansKey, type PlansResult } from "../messages.ts";
import { fiscalYearOf } from "../shared/fiscal.ts";
import { listEditions } from "../editions/queries.ts";
import { EditionAdmin } from "../editions/views.tsx";
import { recordEdition } from "../editions/commands.ts";
import { planProjects } from "../projects/queries.ts";
import {
  getPlan,
  getStrategy,
  listPlans,
  listStrategies,
  type Plan,
  type Strategy,
} from "./queries.ts";
import { linkStrategyClause, savePlan, saveStrategy } from "./commands.ts";
import { editionName } from "../shared/views.tsx";
import { PlanAdmin, PlanEdit } from "./views/admin.tsx";
import { clauseChoice } from "../projects/views/clauses.tsx";
import { PlanList, PlanPage } from "./views/page.tsx";

const planValues = (p: Plan): Record<string, string> => ({
  title: p.title,
  firstYear: String(p.firstYear),
  years: String(p.years),
  status: p.status,
  description: p.description,
});

const strategyValues = (s: Strategy): Record<string, string> => ({
  code: s.code,
  title: s.title,
  areaId: s.areaId == null ? "" : String(s.areaId),
  position: String(s.position),
});

/** Plans and strategies: the public list and page of a plan; the administration of both. */
export function planRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;

  async function findPlan(tambonId: number, id: string): Promise<Plan> {
    const plan = await getPlan(db, tambonId, requireId(id));
    if (!plan) throw notFound();
    return plan;
  }

  app.get("/plans", async (req, reply) => {
    const tambon = allowedTambon(req, "plan.read");
    const canManage = can(req.actor, "plan.manage", { tambonId: tambon.id });
    return reply.page(
      msg.t(req.lang)("plan.title"),
      <PlanList plans={await listPlans(db, tambon.id)} canManage={canManage} />,
    );
  });

  app.get<{ Params: { id: string } }>("/plans/:id", async (req, reply) => {
    const tambon = allowedTambon(req, "plan.read");
    const plan = await findPlan(tambon.id, req.params.id);
    const [strategies, areas, projects, editions] = await Promise.all([
      listStrategies(db, tambon.id, plan.id),
      listAreas(db, tambon.id),
      planProjects(db, tambon.id, plan.id),
      listEditions(db, tambon.id, plan.id),
    ]);
    return reply.page(
      plan.title,
      <PlanPage
        plan={plan}
        strategies={strategies}
        areaNames={new Map(areas.map((a) => [a.id, areaName(a, req.lang)]))}
        projects={projects}
        editions={editions}
        canPropose={can(req.actor, "project.propose", { tambonId: tambon.id })}
        canManage={can(req.actor, "plan.manage", { tambonId: tambon.id })}
      />,
    );
  });

  app.get("/admin/plans", async (req, reply) => {
    const tambon = allowedTambon(req, "plan.manage");
    return reply.page(
      msg.t(req.lang)("nav.admin"),
      <PlanAdmin plans={await listPlans(db, tambon.id)} form={emptyForm({ years: "5" })} />,
    );
  });

  app.post("/admin/plans", async (req, reply) => {
    const tambon = allowedTambon(req, "plan.manage");
    const body = formBody(req);
    const result = throwIfDenied(await savePlan(db, req.actor, tambon.id, body));
    const t = msg.t(req.lang);
    if (result.ok)
      return reply.seeOther(`/t/${tambon.slug}/admin/plans/${result.value.id}`, t("plan.saved"));
    return reply.page(
      t("nav.admin"),
      <PlanAdmin
        plans={await listPlans(db, tambon.id)}
        form={failedForm(body, result.errors, req.lang, msg)}
      />,
      { status: 422 },
    );
  });

  /** The adopted resolutions an edition may cite: the chosen meeting's, else the latest of all. */
  function editionResolutions(tambonId: number, meeting: string | undefined) {
    const meetingId = meeting && /^\d{1,9}$/.test(meeting) ? Number(meeting) : undefined;
    return listAdoptedResolutions(db, tambonId, meetingId ? { meetingId } : { limit: 300 });
  }

  /** The administration page of a plan, with the forms' states (the one that failed, if any). */
  async function editPage(
    req: FastifyRequest,
    plan: Plan,
    forms: { plan?: FormState; strategy?: FormState; clause?: FormState; edition?: FormState },
    editing: Strategy | null = null,
  ) {
    const tambon = currentTambon(req);
    const lang = req.lang;
    const t = msg.t(lang);
    const [strategies, areas, clauses, editions, meetings, resolutions] = await Promise.all([
      listStrategies(db, tambon.id, plan.id),
      listAreas(db, tambon.id),
      listClauses(db, tambon.id),
      listEditions(db, tambon.id, plan.id),
      listMeetings(db, tambon.id, { limit: 500 }),
      editionResolutions(tambon.id, forms.edition?.values.meetingId),
    ]);
    const withClauses = await Promise.all(
      strategies.map(async (s) => ({
        ...s,
        clauses: await clausesLinkedTo(db, tambon.id, "plan_strategy", s.id),
      })),
    );
    return (
      <PlanEdit
        plan={plan}
        form={forms.plan ?? emptyForm(planValues(plan))}
        strategies={withClauses}
        strategyForm={forms.strategy ?? emptyForm(editing ? strategyValues(editing) : {})}
        clauseForm={forms.clause ?? emptyForm()}
        areaOptions={areas.map((a) => ({ value: String(a.id), label: areaName(a, lang) }))}
        clauseOptions={clauses.map(clauseChoice)}
        editing={editing}
      >
        {!editing && (
          <EditionAdmin
            plan={plan}
            editions={editions}
            form={forms.edition ?? emptyForm()}
            meetings={meetings.map((m) => ({
              value: String(m.id),
              label: `${formatDate(m.day, lang)} · ${m.titleTh}`,
              group: t("edition.fiscalYear", { year: fiscalYearOf(m.day) }),
            }))}
            resolutions={resolutions.map((r) => ({
              value: String(r.id),
              label: `${r.number}. ${r.textTh.slice(0, 80)}`,
              group: `${formatDate(r.decidedOn, lang)} · ${r.meetingTitleTh}`,
            }))}
          />
        )}
      </PlanEdit>
    );
  }

  app.get<{ Params: { id: string } }>("/admin/plans/:id", async (req, reply) => {
    const tambon = allowedTambon(req, "plan.manage");
    const plan = await findPlan(tambon.id, req.params.id);
    return reply.page(plan.title, await editPage(req, plan, {}));
  });

  /**
   * A form of a plan's edit page posted to `path`, for `plan.manage`: `run` the command with the
   * form; on success a redirect to `done` (under the tambon's `base`) with the `flash` message,
   * else the edit page again with the form under `key`, at 422.
   */
  function postEditForm<T extends { plan: Plan; strategy?: Strategy }>(
    path: string,
    find: (tambonId: number, id: string) => Promise<T>,
    key: "plan" | "strategy" | "clause",
    run: (
      req: FastifyRequest,
      tambonId: number,
      at: T,
      body: Record<string, string>,
    ) => Promise<PlansResult<unknown>>,
    done: (base: string, at: T) => string,
    flash: PlansKey,
  ) {
    app.post<{ Params: { id: string } }>(path, async (req, reply) => {
      const tambon = allowedTambon(req, "plan.manage");
      const at = await find(tambon.id, req.params.id);
      const body = formBody(req);
      const result = throwIfDenied(await run(req, tambon.id, at, body));
      if (result.ok) return reply.seeOther(done(`/t/${tambon.slug}`, at), msg.t(req.lang)(flash));
      const form = failedForm(body, result.errors, req.lang, msg);
      const page = await editPage(req, at.plan, { [key]: form }, at.strategy ?? null);
      return reply.page(at.strategy?.title ?? at.plan.title, page, { status: 422 });
    });
  }

  const planTarget = async (tambonId: number, id: string) => ({
    plan: await findPlan(tambonId, id),
  });

  postEditForm(
    "/admin/plans/:id",
    planTarget,
    "plan",
    (req, tambonId, { plan }, body) => savePlan(db, req.actor, tambonId, body, plan.id),
    (base, { plan }) => `${base}/admin/plans/${plan.id}`,
    "plan.saved",
  );

  postEditForm(
    "/admin/plans/:id/strategies",
    planTarget,
    "strategy",
    (req, tambonId, { plan }, body) => saveStrategy(db, req.actor, tambonId, plan.id, body),
    (base, { plan }) => `${base}/admin/plans/${plan.id}#strategies`,
    "strategy.saved",
  );

  async function findStrategy(tambonId: number, id: string) {
    const strategy = await getStrategy(db, tambonId, requireId(id));
    if (!strategy) throw notFound();
    const plan = await getPlan(db, tambonId, strategy.planId);
    if (!plan) throw notFound();
    return { strategy, plan };
  }

  app.get<{ Params: { id: string } }>("/admin/strategies/:id", async (req, reply) => {
    const tambon = allowedTambon(req, "plan.manage");
    const { strategy, plan } = await findStrategy(tambon.id, req.params.id);
    return reply.page(strategy.title, await editPage(req, plan, {}, strategy));
  });

  postEditForm(
    "/admin/strategies/:id",
    findStrategy,
    "strategy",
    (req, tambonId, { plan, strategy }, body) =>
      saveStrategy(db, req.actor, tambonId, plan.id, body, strategy.id),
    (base, { plan }) => `${base}/admin/plans/${plan.id}#strategies`,
    "strategy.saved",
  );

  postEditForm(
    "/admin/strategies/:id/clauses",
    findStrategy,
    "clause",
    (req, tambonId, { plan, strategy }, body) =>
      linkStrategyClause(
        db,
        req.actor,
        tambonId,
        strategy.id,
        body,
        `/t/${currentTambon(req).slug}/plans/${plan.id}#s-${strategy.id}`,
      ),
    (base, { strategy }) => `${base}/admin/strategies/${strategy.id}`,
    "strategy.clauseLinked",
  );

  app.post<{ Params: { id: string } }>("/admin/plans/:id/editions", async (req, reply) => {
    const tambon = allowedTambon(req, "plan.manage");
    const plan = await findPlan(tambon.id, req.params.id);
    const body = formBody(req);
    // "Show the meeting's resolutions" only narrows the picker: the form comes back as typed.
    if (body.pick === "1")
      return reply.page(plan.title, await editPage(req, plan, { edition: emptyForm(body) }));
    const result = throwIfDenied(await recordEdition(db, req.actor, tambon.id, plan.id, body));
    const t = msg.t(req.lang);
    if (result.ok)
      return reply.seeOther(
        `/t/${tambon.slug}/plans/${plan.id}/editions`,
        `${t("edition.saved")}: ${editionName(result.value, req.lang)}`,
      );
    const form = failedForm(body, result.errors, req.lang, msg);
    return reply.page(plan.title, await editPage(req, plan, { edition: form }), { status: 422 });
  });
}
