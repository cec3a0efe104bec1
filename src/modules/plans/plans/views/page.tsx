import { useCtx } from "../../../../core/views/ctx.ts";
import { msg } from "../../messages.ts";
import { planYears } from "../../shared/fiscal.ts";
import { baht } from "../../shared/format.ts";
import {
  usePlans,
  BudgetByYear,
  editionName,
  planPeriod,
  ProgressBar,
  ListOrNone,
} from "../../shared/views.tsx";
import type { ProjectSummary } from "../../projects/queries.ts";
import type { Edition } from "../../editions/queries.ts";
import { strategyName, type Plan, type Strategy } from "../queries.ts";

/** The tambon's plans, newest first. */
export function PlanList({ plans, canManage }: { plans: Plan[]; canManage: boolean }) {
  const { lang, t, base } = usePlans();
  return (
    <>
      <h1>{t("plan.title")}</h1>
      <p>{t("plan.intro")}</p>
      {canManage && (
        <p>
          <a href={`${base}/admin/plans`}>{t("nav.admin")}</a>
        </p>
      )}
      <ListOrNone items={plans} none={t("plan.none")} class="cards">
        {(p) => (
          <li key={p.id}>
            <h2>
              <a href={`${base}/plans/${p.id}`}>{p.title}</a>
            </h2>
            <p class="muted">
              {planPeriod(p, lang)} · {t(`plan.status.${p.status}`)}
            </p>
            {p.description && <p>{p.description}</p>}
          </li>
        )}
      </ListOrNone>
    </>
  );
}

/** A plan as the public reads it: data for the page. */
export interface PlanView {
  plan: Plan;
  strategies: Strategy[];
  areaNames: Map<number, string>;
  projects: ProjectSummary[];
  editions: Edition[];
  canPropose: boolean;
  canManage: boolean;
}

const SHOWN = new Set(["screened", "in_plan", "in_progress", "done", "cancelled"]);

/** Projects in order with each project's sub-projects right after it (depth for indenting). */
function withChildren(list: ProjectSummary[]): { p: ProjectSummary; depth: number }[] {
  const ids = new Set(list.map((p) => p.id));
  const kids = new Map<number, ProjectSummary[]>();
  for (const p of list)
    if (p.parentId != null && ids.has(p.parentId))
      kids.set(p.parentId, [...(kids.get(p.parentId) ?? []), p]);
  const out: { p: ProjectSummary; depth: number }[] = [];
  const seen = new Set<number>();
  const walk = (p: ProjectSummary, depth: number) => {
    if (seen.has(p.id)) return;
    seen.add(p.id);
    out.push({ p, depth });
    for (const c of kids.get(p.id) ?? []) walk(c, depth + 1);
  };
  for (const p of list) if (p.parentId == null || !ids.has(p.parentId)) walk(p, 0);
  for (const p of list) walk(p, 0);
  return out;
}

/** The budget table of some projects: one column per fiscal year, their total, progress and status. */
export function BudgetTable(p: { plan: Plan; projects: ProjectSummary[]; label: string }) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  const rows = withChildren(p.projects);
  // Sub-projects' budgets are part of their parent's: totals count top-level rows only.
  return (
    <BudgetByYear
      label={p.label}
      years={planYears(p.plan)}
      lead={[t("project.seq"), t("project.name")]}
      tail={[t("project.progress"), t("project.status")]}
      totalLabel={`${t("plan.total")} (${rows.filter((r) => r.depth === 0).length})`}
      rows={rows.map(({ p: x, depth }) => ({
        key: x.id,
        sub: depth > 0,
        lead: [
          depth ? `${"↳".repeat(depth)} ${x.seq}` : x.seq,
          <a href={`/t/${tambon!.slug}/projects/${x.id}`}>{x.title}</a>,
        ],
        byYear: x.byYear,
        tail: [<ProgressBar value={x.shownProgress} />, t(`status.${x.status}`)],
      }))}
    />
  );
}

/** The public page of a plan: strategies by issue area, their projects with budgets per year. */
export function PlanPage(v: PlanView) {
  const { lang, t, base } = usePlans();
  const live = v.projects.filter((p) => p.mergedIntoId == null);
  const inPlan = live.filter((p) => SHOWN.has(p.status));
  const proposals = live.filter((p) => p.status === "proposed");
  const byStrategy = (id: number | null) => inPlan.filter((p) => p.strategyId === id);
  const strategyIds = new Set(v.strategies.map((s) => s.id));
  const orphans = inPlan.filter((p) => p.strategyId == null || !strategyIds.has(p.strategyId));
  const grandTotal = inPlan.filter((p) => p.parentId == null).reduce((a, p) => a + p.total, 0);
  return (
    <>
      <p>
        <a href={`${base}/plans`}>← {t("plan.title")}</a>
      </p>
      <h1>{v.plan.title}</h1>
      <p class="muted">
        {planPeriod(v.plan, lang)} · {t(`plan.status.${v.plan.status}`)}
        {v.editions.length > 0 && ` · ${v.editions.map((e) => editionName(e, lang)).join(", ")}`}
      </p>
      {v.plan.description && <p>{v.plan.description}</p>}
      <ul class="stats">
        <li>
          <strong>{inPlan.length}</strong> {t("plan.projects")}
        </li>
        <li>
          <strong>{baht(grandTotal, lang)}</strong> {t("plan.budgetTotal")}
        </li>
      </ul>
      <p class="actions">
        {v.canPropose && v.plan.status !== "closed" && (
          <a class="button" href={`${base}/plans/${v.plan.id}/propose`}>
            {t("plan.propose")}
          </a>
        )}{" "}
        <a href={`${base}/plans/${v.plan.id}/editions`}>{t("plan.editionsLink")}</a>
        {" · "}
        <a href={`${base}/plans/${v.plan.id}/evaluations`}>{t("evaluation.title")}</a>
        {" · "}
        <a href={`${base}/plans/${v.plan.id}/distribution`}>{t("report.distribution")}</a>
        {" · "}
        <a href={`${base}/plans/${v.plan.id}/reports`}>{t("report.title")}</a>
        {" · "}
        <a href={`${base}/plans/open-data.json`}>{t("report.openData")}</a>
        {v.canManage && (
          <>
            {" · "}
            <a href={`${base}/admin/plans/${v.plan.id}`}>{t("plan.edit")}</a>
            {" · "}
            <a href={`${base}/admin/plans/${v.plan.id}/duplicates`}>{t("plan.duplicatesLink")}</a>
          </>
        )}
      </p>
      {v.strategies.map((s) => {
        const list = byStrategy(s.id);
        const area = s.areaId != null ? v.areaNames.get(s.areaId) : undefined;
        return (
          <section key={s.id} aria-labelledby={`s-${s.id}`}>
            <h2 id={`s-${s.id}`}>{strategyName(s)}</h2>
            {area && <p class="muted">{area}</p>}
            {list.length ? (
              <BudgetTable plan={v.plan} projects={list} label={strategyName(s)} />
            ) : (
              <p class="muted">{t("plan.noProjects")}</p>
            )}
          </section>
        );
      })}
      {orphans.length > 0 && (
        <section aria-labelledby="s-none">
          <h2 id="s-none">{t("plan.otherProjects")}</h2>
          <BudgetTable plan={v.plan} projects={orphans} label={t("plan.otherProjects")} />
        </section>
      )}
      {proposals.length > 0 && (
        <section aria-labelledby="s-proposals">
          <h2 id="s-proposals">{t("plan.proposals")}</h2>
          <ul>
            {proposals.map((p) => (
              <li key={p.id}>
                <a href={`${base}/projects/${p.id}`}>{p.title}</a>
                {p.areaId != null && v.areaNames.has(p.areaId) && (
                  <span class="muted"> · {v.areaNames.get(p.areaId)}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
