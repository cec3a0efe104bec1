import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { authorize, currentTambon, formBody, allowedTambon } from "../../../core/http.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { throwIfDenied } from "../../../core/result.ts";
import { notFound } from "../../../core/errors.ts";
import { requireId } from "../../../core/params.ts";
import { can } from "../../../core/policy.ts";
import { listVillages } from "../../../core/queries/villages.ts";
import { areaName, getArea, listAreas } from "../../areas/public.ts";
import { clausesLinkedTo, listClauses } from "../../charter/public.ts";
import { msg } from "../messages.ts";
import {
  INDICATOR_TARGET,
  linkIndicatorClause,
  saveIndicator,
  saveTargets,
  setIndicatorProject,
  targetField,
  targetYears,
} from "./commands.ts";
import {
  card,
  getIndicator,
  indicatorCards,
  listIndicators,
  measuredValues,
  planOptions,
  projectChoices,
  projectsOfIndicator,
  targetsOf,
  type Indicator,
  type Measured,
} from "./queries.ts";
import { planHead } from "../plans/queries.ts";
import { STATUS_COLOURS, trendChart } from "./chart.ts";
import { IndicatorDashboard } from "./views/dashboard.tsx";
import { IndicatorPage } from "./views/page.tsx";
import { IndicatorAdmin, IndicatorEdit, indicatorValues } from "./views/admin.tsx";

/** Indicators: a plan's dashboard, an indicator's page, and their administration. */
export function indicatorRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;

  async function findIndicator(tambonId: number, id: string): Promise<Indicator> {
    const found = await getIndicator(db, tambonId, requireId(id));
    if (!found) throw notFound();
    return found;
  }

  app.get<{ Params: { id: string } }>("/plans/:id/indicators", async (req, reply) => {
    const tambon = allowedTambon(req, "plan.read");
    const plan = await planHead(db, tambon.id, requireId(req.params.id));
    if (!plan) throw notFound();
    const t = msg.t(req.lang);
    const cards = await indicatorCards(db, tambon.id, await listIndicators(db, tambon.id, plan.id));
    const drawn = await Promise.all(
      cards.map(async (c) => ({
        ...c,
        sparkline: await trendChart(
          c.series.map((s) => ({
            year: s.year,
            value: s.value,
            target: c.targets.get(s.year) ?? null,
          })),
          {
            title: t("indicator.chart", { name: c.indicator.name }),
            valueName: t("indicator.valueSeries"),
            targetName: t("indicator.targetSeries"),
            colour: STATUS_COLOURS[c.status],
            decimals: c.indicator.decimals,
            small: true,
          },
        ),
      })),
    );
    return reply.page(
      t("indicator.dashboard", { plan: plan.title }),
      <IndicatorDashboard
        planTitle={plan.title}
        planHref={`/t/${tambon.slug}/plans/${plan.id}`}
        cards={drawn}
        canManage={can(req.actor, "plan.manage", { tambonId: tambon.id })}
        canRecord={can(req.actor, "measurement.record", { tambonId: tambon.id })}
      />,
    );
  });

  app.get<{ Params: { id: string } }>("/indicators/:id", async (req, reply) => {
    const tambon = allowedTambon(req, "plan.read");
    const indicator = await findIndicator(tambon.id, req.params.id);
    const t = msg.t(req.lang);
    const [targets, values, villages, projects, clauses, plan, area] = await Promise.all([
      targetsOf(db, tambon.id, [indicator.id]),
      measuredValues(db, tambon.id, [indicator.id]),
      listVillages(db, tambon.id),
      projectsOfIndicator(db, tambon.id, indicator.id),
      clausesLinkedTo(db, tambon.id, INDICATOR_TARGET, indicator.id),
      indicator.planId === null ? undefined : planHead(db, tambon.id, indicator.planId),
      indicator.areaId === null ? undefined : getArea(db, tambon.id, indicator.areaId),
    ]);
    const c = card(indicator, targets.get(indicator.id), values);
    const years = [
      ...new Set([
        ...(await targetYears(db, tambon.id, indicator)),
        ...values.map((v: Measured) => v.fiscalYear),
      ]),
    ].sort((a, b) => a - b);
    const byYear = new Map(c.series.map((s) => [s.year, s.value]));
    const chartSvg = await trendChart(
      years.map((y) => ({
        year: y,
        value: byYear.get(y) ?? null,
        target: c.targets.get(y) ?? null,
      })),
      {
        title: t("indicator.chart", { name: indicator.name }),
        valueName: t("indicator.valueSeries"),
        targetName: t("indicator.targetSeries"),
        colour: STATUS_COLOURS[c.status],
        decimals: indicator.decimals,
      },
    );
    return reply.page(
      indicator.name,
      <IndicatorPage
        card={c}
        chartSvg={chartSvg}
        villages={villages}
        values={values}
        years={years}
        planTitle={plan?.title ?? null}
        planHref={plan ? `/t/${tambon.slug}/plans/${plan.id}/indicators` : null}
        areaName={area ? areaName(area, req.lang) : null}
        projects={projects}
        clauses={clauses}
        canManage={can(req.actor, "plan.manage", { tambonId: tambon.id })}
        canRecord={can(req.actor, "measurement.record", { tambonId: tambon.id })}
      />,
    );
  });

  /** Choices of the definition form: the tambon's plans and active issue areas. */
  async function choices(req: FastifyRequest) {
    const tambonId = currentTambon(req).id;
    const [plans, areas] = await Promise.all([planOptions(db, tambonId), listAreas(db, tambonId)]);
    return {
      plans,
      areas: areas.map((a) => ({ value: String(a.id), label: areaName(a, req.lang) })),
    };
  }

  async function adminList(
    req: FastifyRequest,
    reply: FastifyReply,
    form: FormState,
    status = 200,
  ) {
    const tambon = currentTambon(req);
    const page = (
      <IndicatorAdmin
        indicators={await listIndicators(db, tambon.id)}
        form={form}
        {...await choices(req)}
        canRecord={can(req.actor, "measurement.record", { tambonId: tambon.id })}
      />
    );
    return reply.page(msg.t(req.lang)("indicator.manage"), page, { status });
  }

  app.get("/admin/indicators", async (req, reply) => {
    authorize(req, "plan.manage", { tambonId: currentTambon(req).id });
    return adminList(req, reply, emptyForm({ direction: "up", source: "manual", decimals: "0" }));
  });

  app.post("/admin/indicators", async (req, reply) => {
    const tambon = allowedTambon(req, "plan.manage");
    const body = formBody(req);
    const result = throwIfDenied(await saveIndicator(db, req.actor, tambon.id, body));
    if (result.ok)
      return reply.seeOther(
        `/t/${tambon.slug}/admin/indicators/${result.value.id}`,
        msg.t(req.lang)("indicator.saved"),
      );
    return adminList(req, reply, failedForm(body, result.errors, req.lang, msg), 422);
  });

  /** The edit page with each of its forms' state (the one that failed shows its errors). */
  async function editPage(
    req: FastifyRequest,
    reply: FastifyReply,
    indicator: Indicator,
    forms: {
      form?: FormState;
      targetsForm?: FormState;
      linkForm?: FormState;
      clauseForm?: FormState;
    },
    status = 200,
  ) {
    const tambonId = currentTambon(req).id;
    const [years, targets, projects, available, clauses, allClauses] = await Promise.all([
      targetYears(db, tambonId, indicator),
      targetsOf(db, tambonId, [indicator.id]),
      projectsOfIndicator(db, tambonId, indicator.id),
      projectChoices(db, tambonId, indicator.planId),
      clausesLinkedTo(db, tambonId, INDICATOR_TARGET, indicator.id),
      listClauses(db, tambonId),
    ]);
    const mine = targets.get(indicator.id) ?? new Map<number, number>();
    const linked = new Set(projects.map((p) => p.id));
    const linkedClauses = new Set(clauses.map((c) => `${c.charterId}:${c.clauseKey}`));
    const page = (
      <IndicatorEdit
        indicator={indicator}
        form={forms.form ?? emptyForm(indicatorValues(indicator))}
        targetsForm={
          forms.targetsForm ??
          emptyForm(
            Object.fromEntries(
              years.map((y) => [targetField(y), mine.has(y) ? String(mine.get(y)) : ""]),
            ),
          )
        }
        linkForm={forms.linkForm ?? emptyForm()}
        clauseForm={forms.clauseForm ?? emptyForm()}
        years={years}
        {...await choices(req)}
        projects={projects}
        projectChoices={available
          .filter((p) => !linked.has(p.id))
          .map((p) => ({ value: String(p.id), label: `${p.seq ? `${p.seq}. ` : ""}${p.title}` }))}
        clauses={clauses}
        clauseChoices={allClauses
          .filter((c) => !linkedClauses.has(`${c.charterId}:${c.clauseKey}`))
          .map((c) => ({
            value: `${c.charterId}:${c.clauseKey}`,
            label: `${c.charterName} · ${c.number} ${c.text.length > 80 ? `${c.text.slice(0, 79)}…` : c.text}`,
          }))}
      />
    );
    return reply.page(msg.t(req.lang)("indicator.edit"), page, { status });
  }

  app.get<{ Params: { id: string } }>("/admin/indicators/:id", async (req, reply) => {
    const tambon = allowedTambon(req, "plan.manage");
    return editPage(req, reply, await findIndicator(tambon.id, req.params.id), {});
  });

  app.post<{ Params: { id: string } }>("/admin/indicators/:id", async (req, reply) => {
    const tambon = allowedTambon(req, "plan.manage");
    const indicator = await findIndicator(tambon.id, req.params.id);
    const body = formBody(req);
    const result = throwIfDenied(await saveIndicator(db, req.actor, tambon.id, body, indicator.id));
    if (result.ok)
      return reply.seeOther(
        `/t/${tambon.slug}/admin/indicators/${indicator.id}`,
        msg.t(req.lang)("indicator.saved"),
      );
    const form = failedForm(body, result.errors, req.lang, msg);
    return editPage(req, reply, indicator, { form }, 422);
  });

  app.post<{ Params: { id: string } }>("/admin/indicators/:id/targets", async (req, reply) => {
    const tambon = allowedTambon(req, "plan.manage");
    const indicator = await findIndicator(tambon.id, req.params.id);
    const body = formBody(req);
    const result = throwIfDenied(await saveTargets(db, req.actor, tambon.id, indicator.id, body));
    if (result.ok)
      return reply.seeOther(
        `/t/${tambon.slug}/admin/indicators/${indicator.id}#targets`,
        msg.t(req.lang)("indicator.targetsSaved"),
      );
    const targetsForm = failedForm(body, result.errors, req.lang, msg);
    return editPage(req, reply, indicator, { targetsForm }, 422);
  });

  for (const [path, linked] of [
    ["/admin/indicators/:id/projects", true],
    ["/admin/indicators/:id/projects/unlink", false],
  ] as const)
    app.post<{ Params: { id: string } }>(path, async (req, reply) => {
      const tambon = allowedTambon(req, "plan.manage");
      const indicator = await findIndicator(tambon.id, req.params.id);
      const body = formBody(req);
      const result = throwIfDenied(
        await setIndicatorProject(db, req.actor, tambon.id, indicator.id, body, linked),
      );
      if (result.ok)
        return reply.seeOther(
          `/t/${tambon.slug}/admin/indicators/${indicator.id}#projects`,
          msg.t(req.lang)(linked ? "indicator.projectLinked" : "indicator.projectUnlinked"),
        );
      const linkForm = failedForm(body, result.errors, req.lang, msg);
      return editPage(req, reply, indicator, { linkForm }, 422);
    });

  app.post<{ Params: { id: string } }>("/admin/indicators/:id/clauses", async (req, reply) => {
    const tambon = allowedTambon(req, "plan.manage");
    const indicator = await findIndicator(tambon.id, req.params.id);
    const body = formBody(req);
    const result = throwIfDenied(
      await linkIndicatorClause(db, req.actor, tambon.id, tambon.slug, indicator.id, body),
    );
    if (result.ok)
      return reply.seeOther(
        `/t/${tambon.slug}/admin/indicators/${indicator.id}#clauses`,
        msg.t(req.lang)("indicator.clauseLinked"),
      );
    const clauseForm = failedForm(body, result.errors, req.lang, msg);
    return editPage(req, reply, indicator, { clauseForm }, 422);
  });
}
