import { useCtx } from "../../../core/views/ctx.ts";
import {
  ErrorSummary,
  Field,
  Form,
  SelectField,
  TextArea,
  type FormState,
} from "../../../core/views/form.tsx";
import { Table } from "../../../core/views/list.tsx";
import type { Lang } from "../../../core/i18n/index.ts";
import { msg } from "../messages.ts";
import { lastYear, planYears } from "../shared/fiscal.ts";
import { baht } from "../shared/format.ts";
import { PLAN_STATUSES } from "../shared/kinds.ts";
import type { ProjectSummary } from "../projects/queries.ts";
import type { Edition } from "../editions/queries.ts";
import { strategyName, type Plan, type Strategy } from "./queries.ts";

/** The name of an edition: "ฉบับแรก", "เพิ่มเติม ครั้งที่ 2" … */
export function editionName(e: Pick<Edition, "kind" | "number">, lang: Lang): string {
  return msg.t(lang)(`edition.name.${e.kind}`, { n: e.number });
}

/** A plan's period: "พ.ศ. 2566–2570". */
export function planPeriod(plan: Plan, lang: Lang): string {
  return msg.t(lang)("plan.period", { from: plan.firstYear, to: lastYear(plan) });
}

/** A progress bar with its value for screen readers. */
export function ProgressBar({ value }: { value: number }) {
  const { lang } = useCtx();
  return (
    <span class="nowrap">
      <span
        class="plan-progress"
        role="img"
        aria-label={msg.t(lang)("project.progressValue", { n: value })}
      >
        <span style={`width:${Math.max(0, Math.min(100, value))}%`} />
      </span>{" "}
      {value}%
    </span>
  );
}

/** The tambon's plans, newest first. */
export function PlanList({ plans, canManage }: { plans: Plan[]; canManage: boolean }) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  const base = `/t/${tambon!.slug}`;
  return (
    <>
      <h1>{t("plan.title")}</h1>
      <p>{t("plan.intro")}</p>
      {canManage && (
        <p>
          <a href={`${base}/admin/plans`}>{t("nav.admin")}</a>
        </p>
      )}
      {plans.length === 0 ? (
        <p>{t("plan.none")}</p>
      ) : (
        <ul class="cards">
          {plans.map((p) => (
            <li key={p.id}>
              <h2>
                <a href={`${base}/plans/${p.id}`}>{p.title}</a>
              </h2>
              <p class="muted">
                {planPeriod(p, lang)} · {t(`plan.status.${p.status}`)}
              </p>
              {p.description && <p>{p.description}</p>}
            </li>
          ))}
        </ul>
      )}
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
  const years = planYears(p.plan);
  const rows = withChildren(p.projects);
  // Sub-projects' budgets are part of their parent's: totals count top-level rows only.
  const top = rows.filter((r) => r.depth === 0).map((r) => r.p);
  const sum = (f: (x: ProjectSummary) => number) => top.reduce((a, x) => a + f(x), 0);
  return (
    <div class="plan-budget">
      <Table
        label={p.label}
        columns={[
          t("project.seq"),
          t("project.name"),
          ...years.map((y) => ({ label: t("plan.yearShort", { year: y }), num: true })),
          { label: t("plan.total"), num: true },
          t("project.progress"),
          t("project.status"),
        ]}
        foot={
          <tr>
            <th scope="row" colSpan={2}>
              {t("plan.total")} ({top.length})
            </th>
            {years.map((y) => (
              <td key={y} class="num">
                {baht(
                  sum((x) => x.byYear.get(y) ?? 0),
                  lang,
                )}
              </td>
            ))}
            <td class="num">
              {baht(
                sum((x) => x.total),
                lang,
              )}
            </td>
            <td colSpan={2} />
          </tr>
        }
      >
        {rows.map(({ p: x, depth }) => (
          <tr key={x.id} class={depth ? "plan-sub" : undefined}>
            <td>{depth ? `${"↳".repeat(depth)} ${x.seq}` : x.seq}</td>
            <td>
              <a href={`/t/${tambon!.slug}/projects/${x.id}`}>{x.title}</a>
            </td>
            {years.map((y) => (
              <td key={y} class="num">
                {x.byYear.has(y) ? baht(x.byYear.get(y)!, lang) : "–"}
              </td>
            ))}
            <td class="num">{baht(x.total, lang)}</td>
            <td>
              <ProgressBar value={x.shownProgress} />
            </td>
            <td>{t(`status.${x.status}`)}</td>
          </tr>
        ))}
      </Table>
    </div>
  );
}

/** The public page of a plan: strategies by issue area, their projects with budgets per year. */
export function PlanPage(v: PlanView) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  const base = `/t/${tambon!.slug}`;
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

/** The fields of a plan's form. */
export function PlanFields({ form }: { form: FormState }) {
  const { lang } = useCtx();
  const t = msg.t(lang);
  return (
    <>
      <Field form={form} name="title" label={t("plan.name")} required maxLength={200} />
      <Field
        form={form}
        name="firstYear"
        label={t("plan.firstYear")}
        required
        inputmode="numeric"
        maxLength={4}
      />
      <Field form={form} name="years" label={t("plan.years")} inputmode="numeric" maxLength={2} />
      <SelectField
        form={form}
        name="status"
        label={t("plan.status")}
        placeholder={false}
        options={PLAN_STATUSES.map((s) => ({ value: s, label: t(`plan.status.${s}`) }))}
      />
      <TextArea form={form} name="description" label={t("plan.description")} rows={3} />
    </>
  );
}

/** The administration's list of plans with the form to create one. */
export function PlanAdmin({ plans, form }: { plans: Plan[]; form: FormState }) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  const base = `/t/${tambon!.slug}`;
  return (
    <>
      <h1>{t("nav.admin")}</h1>
      {plans.length === 0 ? (
        <p>{t("plan.none")}</p>
      ) : (
        <ul>
          {plans.map((p) => (
            <li key={p.id}>
              <a href={`${base}/admin/plans/${p.id}`}>{p.title}</a>{" "}
              <span class="muted">
                {planPeriod(p, lang)} · {t(`plan.status.${p.status}`)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h2>{t("plan.add")}</h2>
      <Form action={`${base}/admin/plans`}>
        <ErrorSummary form={form} />
        <PlanFields form={form} />
        <button type="submit">{t("plan.save")}</button>
      </Form>
    </>
  );
}

/** One plan in the administration: its fields, strategies (with clauses) and editions. */
export function PlanEdit(p: {
  plan: Plan;
  form: FormState;
  strategies: (Strategy & { clauses: { number: number; charterName: string; href: string }[] })[];
  strategyForm: FormState;
  clauseForm: FormState;
  areaOptions: { value: string; label: string }[];
  clauseOptions: { value: string; label: string }[];
  editing: Strategy | null;
  children?: preact.ComponentChildren;
}) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  const base = `/t/${tambon!.slug}`;
  const planBase = `${base}/admin/plans/${p.plan.id}`;
  return (
    <>
      <p>
        <a href={`${base}/admin/plans`}>← {t("nav.admin")}</a> ·{" "}
        <a href={`${base}/plans/${p.plan.id}`}>{t("plan.open")}</a> ·{" "}
        <a href={`${planBase}/projects`}>{t("plan.manageProjects")}</a> ·{" "}
        <a href={`${planBase}/duplicates`}>{t("plan.duplicatesLink")}</a>
      </p>
      <h1>{p.plan.title}</h1>
      <Form action={planBase} label={t("plan.edit")}>
        <ErrorSummary form={p.form} />
        <PlanFields form={p.form} />
        <button type="submit">{t("plan.save")}</button>
      </Form>

      <h2 id="strategies">{t("strategy.title")}</h2>
      {p.strategies.length === 0 ? (
        <p class="muted">{t("plan.noProjects")}</p>
      ) : (
        <ul>
          {p.strategies.map((s) => (
            <li key={s.id}>
              <a href={`${base}/admin/strategies/${s.id}`}>{strategyName(s)}</a>
              {s.areaId != null && (
                <span class="muted">
                  {" "}
                  · {p.areaOptions.find((o) => o.value === String(s.areaId))?.label}
                </span>
              )}
              {s.clauses.length > 0 && (
                <ul>
                  {s.clauses.map((c) => (
                    <li key={`${c.charterName}-${c.number}`}>
                      <a href={c.href}>
                        {c.charterName} · {t("strategy.clause")} {c.number}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3>{p.editing ? t("strategy.edit") : t("strategy.add")}</h3>
      <Form
        action={p.editing ? `${base}/admin/strategies/${p.editing.id}` : `${planBase}/strategies`}
        label={p.editing ? t("strategy.edit") : t("strategy.add")}
      >
        <ErrorSummary form={p.strategyForm} scope="s" />
        <Field
          form={p.strategyForm}
          scope="s"
          name="code"
          label={t("strategy.code")}
          maxLength={20}
        />
        <Field
          form={p.strategyForm}
          scope="s"
          name="title"
          label={t("strategy.name")}
          required
          maxLength={300}
        />
        <SelectField
          form={p.strategyForm}
          scope="s"
          name="areaId"
          label={t("strategy.area")}
          options={p.areaOptions}
        />
        <Field
          form={p.strategyForm}
          scope="s"
          name="position"
          label={t("strategy.position")}
          inputmode="numeric"
          maxLength={4}
        />
        <button type="submit">{t("plan.save")}</button>
      </Form>
      {p.editing && (
        <>
          <h3>{t("strategy.linkClause")}</h3>
          {p.clauseOptions.length === 0 ? (
            <p class="muted">{t("strategy.noClauses")}</p>
          ) : (
            <Form
              action={`${base}/admin/strategies/${p.editing.id}/clauses`}
              label={t("strategy.linkClause")}
            >
              <ErrorSummary form={p.clauseForm} scope="c" />
              <SelectField
                form={p.clauseForm}
                scope="c"
                name="clause"
                label={t("strategy.clause")}
                required
                options={p.clauseOptions}
              />
              <button type="submit">{t("strategy.linkClause")}</button>
            </Form>
          )}
        </>
      )}
      {p.children}
    </>
  );
}
