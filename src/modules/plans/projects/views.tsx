import type { ComponentChildren } from "preact";
import { useCtx } from "../../../core/views/ctx.ts";
import {
  CheckField,
  CheckGroup,
  DateField,
  ErrorSummary,
  Field,
  Form,
  SelectField,
  TextArea,
  type FormState,
} from "../../../core/views/form.tsx";
import { Table } from "../../../core/views/list.tsx";
import { assetUrl } from "../../../core/views/assets.ts";
import { formatDate, formatDateTime } from "../../../core/dates.ts";
import { msg } from "../messages.ts";
import { lastYear, planYears } from "../shared/fiscal.ts";
import { baht } from "../shared/format.ts";
import {
  BUDGET_SOURCES,
  FORM_CATEGORIES,
  PROJECT_STATUSES,
  ROLLUPS,
  TARGET_GROUPS,
} from "../shared/kinds.ts";
import type { Plan } from "../plans/queries.ts";
import { ProgressBar } from "../plans/views.tsx";
import { BUDGET_ROWS } from "./input.ts";
import type { Project, projectDetail, ProjectSummary } from "./queries.ts";

type Option = { value: string; label: string };

/** The choices a project form offers. */
export interface ProjectChoices {
  areas: Option[];
  villages: Option[];
  /** Only on the staff form. */
  staff?: { strategies: Option[]; parents: Option[]; partners: Option[] };
}

/** The values of a project's form from the stored project and its lists. */
export function projectValues(
  p: Project,
  d: Awaited<ReturnType<typeof projectDetail>>,
): Record<string, string> {
  const v: Record<string, string> = {
    title: p.title,
    areaId: p.areaId == null ? "" : String(p.areaId),
    objectives: p.objectives,
    outputs: p.outputs,
    kpi: p.kpi,
    expectedResults: p.expectedResults,
    wholeTambon: p.wholeTambon ? "1" : "",
    villages: d.villageIds.join(","),
    targets: p.targetGroups.join(","),
    strategyId: p.strategyId == null ? "" : String(p.strategyId),
    parentId: p.parentId == null ? "" : String(p.parentId),
    formCategory: p.formCategory,
    responsibleUnit: p.responsibleUnit,
    weight: String(p.weight),
    rollup: p.rollup,
    seq: String(p.seq),
    responsible: d.partners
      .filter((x) => x.role === "responsible")
      .map((x) => x.partnerId)
      .join(","),
    supporting: d.partners
      .filter((x) => x.role === "supporting")
      .map((x) => x.partnerId)
      .join(","),
  };
  d.budgets.slice(0, BUDGET_ROWS).forEach((b, i) => {
    v[`budgetYear${i}`] = String(b.fiscalYear);
    v[`budgetSource${i}`] = b.source;
    v[`budgetAmount${i}`] = String(Number(b.amount));
  });
  return v;
}

/** The fields of a project: what a resident fills in, and (for staff) what screening adds. */
export function ProjectFields(p: { form: FormState; plan: Plan; choices: ProjectChoices }) {
  const { lang } = useCtx();
  const t = msg.t(lang);
  const f = p.form;
  const years = planYears(p.plan);
  return (
    <>
      <Field form={f} name="title" label={t("project.name")} required maxLength={200} />
      <SelectField
        form={f}
        name="areaId"
        label={t("project.area")}
        required
        options={p.choices.areas}
      />
      <TextArea
        form={f}
        name="objectives"
        label={t("project.objectives")}
        required
        rows={3}
        maxLength={2000}
      />
      <CheckField form={f} name="wholeTambon" label={t("project.wholeTambon")} />
      <CheckGroup
        form={f}
        name="villages"
        label={t("project.villages")}
        hint={t("plan.villagesOr")}
        options={p.choices.villages}
      />
      <CheckGroup
        form={f}
        name="targets"
        label={t("project.targetGroups")}
        options={TARGET_GROUPS.map((g) => ({ value: g, label: t(`target.${g}`) }))}
      />
      <TextArea form={f} name="outputs" label={t("project.outputs")} rows={2} maxLength={2000} />
      <TextArea form={f} name="kpi" label={t("project.kpi")} rows={2} maxLength={1000} />
      <TextArea
        form={f}
        name="expectedResults"
        label={t("project.expectedResults")}
        rows={2}
        maxLength={2000}
      />
      <fieldset class="budget-rows">
        <legend>{t("project.budgetRows")}</legend>
        <p class="hint">{t("plan.budgetHint", { from: p.plan.firstYear, to: lastYear(p.plan) })}</p>
        {Array.from({ length: BUDGET_ROWS }, (_, i) => (
          <div class="budget-row" key={i}>
            <SelectField
              form={f}
              name={`budgetYear${i}`}
              label={t("project.fiscalYear")}
              placeholder="–"
              options={years.map((y) => ({ value: String(y), label: String(y) }))}
            />
            <SelectField
              form={f}
              name={`budgetSource${i}`}
              label={t("project.source")}
              placeholder={false}
              options={BUDGET_SOURCES.map((s) => ({ value: s, label: t(`source.${s}`) }))}
            />
            <Field
              form={f}
              name={`budgetAmount${i}`}
              label={t("project.amount")}
              inputmode="numeric"
              maxLength={18}
            />
          </div>
        ))}
      </fieldset>
      {p.choices.staff && (
        <>
          <SelectField
            form={f}
            name="strategyId"
            label={t("project.strategy")}
            options={p.choices.staff.strategies}
          />
          <SelectField
            form={f}
            name="parentId"
            label={t("project.parent")}
            placeholder={t("project.noParent")}
            options={p.choices.staff.parents}
          />
          <SelectField
            form={f}
            name="formCategory"
            label={t("project.formCategory")}
            placeholder={false}
            options={FORM_CATEGORIES.map((c) => ({ value: c, label: t(`form.${c}`) }))}
          />
          <Field
            form={f}
            name="responsibleUnit"
            label={t("project.responsibleUnit")}
            maxLength={200}
          />
          <CheckGroup
            form={f}
            name="responsible"
            label={t("project.responsiblePartners")}
            options={p.choices.staff.partners}
          />
          <CheckGroup
            form={f}
            name="supporting"
            label={t("project.supportingPartners")}
            options={p.choices.staff.partners}
          />
          <Field form={f} name="seq" label={t("project.seq")} inputmode="numeric" maxLength={6} />
          <Field
            form={f}
            name="weight"
            label={t("project.weight")}
            inputmode="numeric"
            maxLength={4}
          />
          <SelectField
            form={f}
            name="rollup"
            label={t("project.rollup")}
            placeholder={false}
            options={ROLLUPS.map((r) => ({ value: r, label: t(`project.rollup.${r}`) }))}
          />
        </>
      )}
    </>
  );
}

/** The proposal form of a plan, with the projects that may overlap shown above its buttons. */
export function ProposePage(p: {
  plan: Plan;
  form: FormState;
  choices: ProjectChoices;
  overlaps: ComponentChildren;
}) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  const base = `/t/${tambon!.slug}`;
  return (
    <>
      <p>
        <a href={`${base}/plans/${p.plan.id}`}>← {p.plan.title}</a>
      </p>
      <h1>{t("plan.propose")}</h1>
      <Form
        action={`${base}/plans/${p.plan.id}/propose`}
        label={t("plan.propose")}
        data={{ overlaps: `${base}/plans/${p.plan.id}/overlaps`, "overlaps-title": t("dup.title") }}
      >
        <ErrorSummary form={p.form} />
        <ProjectFields form={p.form} plan={p.plan} choices={p.choices} />
        <div id="overlaps" aria-live="polite">
          {p.overlaps}
        </div>
        <p class="actions">
          <button type="submit" name="preview" value="1" formnovalidate class="secondary">
            {t("plan.preview")}
          </button>{" "}
          <button type="submit">{t("plan.send")}</button>
        </p>
      </Form>
      <script src={assetUrl("plans-overlaps")} defer />
    </>
  );
}

type Detail = Awaited<ReturnType<typeof projectDetail>>;

/** Everything a project's page shows. */
export interface ProjectView {
  project: Project;
  shownProgress: number;
  plan: Plan;
  detail: Detail;
  areaName: string | null;
  strategyName: string | null;
  villageNames: string[];
  partnerNames: Map<number, { name: string; href: string }>;
  clauses: { charterName: string; number: number; href: string; text: string }[];
  question: { href: string; phase: string; rank: number | null; winner: boolean } | null;
  today: string;
  canScreen: boolean;
}

/** A project's public page: what it is, where, for whom, its budget, milestones due and timeline. */
export function ProjectPage(v: ProjectView) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  const base = `/t/${tambon!.slug}`;
  const p = v.project;
  const d = v.detail;
  const due = d.milestones.filter((m) => m.dueOn <= v.today);
  const years = [...new Set(d.budgets.map((b) => b.fiscalYear))].sort();
  const sources = [...new Set(d.budgets.map((b) => b.source))];
  const amount = (y: number, s: string) =>
    d.budgets
      .filter((b) => b.fiscalYear === y && b.source === s)
      .reduce((a, b) => a + Number(b.amount), 0);
  const total = d.budgets.reduce((a, b) => a + Number(b.amount), 0);
  const dl = (label: string, value: ComponentChildren) =>
    value ? (
      <>
        <dt>{label}</dt>
        <dd>{value}</dd>
      </>
    ) : null;
  return (
    <>
      <p>
        <a href={`${base}/plans/${v.plan.id}`}>← {v.plan.title}</a>
      </p>
      <h1>{p.title}</h1>
      {d.mergedInto && (
        <p class="flash">
          {t("project.mergedNote")}{" "}
          <a href={`${base}/projects/${d.mergedInto.id}`}>{d.mergedInto.title}</a>
        </p>
      )}
      <p>
        <span class="badge">{t(`status.${p.status}`)}</span> <ProgressBar value={v.shownProgress} />
      </p>
      {v.canScreen && (
        <p>
          <a href={`${base}/admin/projects/${p.id}`}>{t("project.screen")}</a>
        </p>
      )}
      <dl>
        {dl(t("project.seq"), String(p.seq))}
        {dl(t("project.area"), v.areaName)}
        {dl(t("project.strategy"), v.strategyName)}
        {dl(t("project.formCategory"), t(`form.${p.formCategory}`))}
        {dl(
          t("project.villages"),
          p.wholeTambon ? t("project.wholeTambon") : v.villageNames.join(", "),
        )}
        {dl(t("project.targetGroups"), p.targetGroups.map((g) => t(`target.${g}`)).join(", "))}
        {dl(t("project.objectives"), p.objectives)}
        {dl(t("project.outputs"), p.outputs)}
        {dl(t("project.kpi"), p.kpi)}
        {dl(t("project.expectedResults"), p.expectedResults)}
        {dl(t("project.responsibleUnit"), p.responsibleUnit)}
        {dl(t("project.proposedBy"), d.proposerName)}
      </dl>
      {d.budgets.length > 0 && (
        <section aria-labelledby="budget">
          <h2 id="budget">{t("project.budget")}</h2>
          <div class="plan-budget">
            <Table
              label={t("project.budget")}
              columns={[
                t("project.source"),
                ...years.map((y) => ({ label: t("plan.yearShort", { year: y }), num: true })),
                { label: t("plan.total"), num: true },
              ]}
              foot={
                <tr>
                  <th scope="row">{t("plan.total")}</th>
                  {years.map((y) => (
                    <td key={y} class="num">
                      {baht(
                        sources.reduce((a, s) => a + amount(y, s), 0),
                        lang,
                      )}
                    </td>
                  ))}
                  <td class="num">{baht(total, lang)}</td>
                </tr>
              }
            >
              {sources.map((s) => (
                <tr key={s}>
                  <td>{t(`source.${s}`)}</td>
                  {years.map((y) => (
                    <td key={y} class="num">
                      {amount(y, s) ? baht(amount(y, s), lang) : "–"}
                    </td>
                  ))}
                  <td class="num">
                    {baht(
                      years.reduce((a, y) => a + amount(y, s), 0),
                      lang,
                    )}
                  </td>
                </tr>
              ))}
            </Table>
          </div>
        </section>
      )}
      {d.partners.length > 0 && (
        <section aria-labelledby="partners">
          <h2 id="partners">{t("project.partners")}</h2>
          <ul>
            {d.partners.map((x) => {
              const partner = v.partnerNames.get(x.partnerId);
              return partner ? (
                <li key={x.id}>
                  <a href={partner.href}>{partner.name}</a>{" "}
                  <span class="muted">· {t(`project.partnerRole.${x.role}`)}</span>
                </li>
              ) : null;
            })}
          </ul>
        </section>
      )}
      {v.clauses.length > 0 && (
        <section aria-labelledby="clauses">
          <h2 id="clauses">{t("project.clauses")}</h2>
          <ul>
            {v.clauses.map((c) => (
              <li key={c.href}>
                <a href={c.href}>
                  {c.charterName} · {c.number}
                </a>{" "}
                <span class="muted">{c.text.slice(0, 120)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {v.question && (
        <section aria-labelledby="question">
          <h2 id="question">{t("project.question")}</h2>
          <p>
            <a href={v.question.href}>{t("project.questionLink")}</a> ·{" "}
            {t("project.questionOutcome", { phase: v.question.phase })}
            {v.question.rank != null && ` · ${t("project.questionRank", { n: v.question.rank })}`}
            {v.question.winner && <strong> · {t("project.questionWinner")}</strong>}
          </p>
        </section>
      )}
      {d.children.length > 0 && (
        <section aria-labelledby="subs">
          <h2 id="subs">{t("project.subprojects")}</h2>
          <ul>
            {d.children.map((c) => (
              <li key={c.id}>
                <a href={`${base}/projects/${c.id}`}>{c.title}</a>{" "}
                <span class="muted">
                  · {t(`status.${c.status}`)} · {c.progress}%
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {d.links.length > 0 && (
        <section aria-labelledby="links">
          <h2 id="links">{t("dup.links")}</h2>
          <ul>
            {d.links.map((l) => (
              <li key={l.id}>
                {t(`dup.kind.${l.kind}`)}:{" "}
                {l.other ? <a href={`${base}/projects/${l.otherId}`}>{l.other.title}</a> : "–"}
                {l.note && <span class="muted"> · {l.note}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="milestones">
        <h2 id="milestones">{t("project.milestones")}</h2>
        {due.length === 0 ? (
          <p class="muted">{t("project.noMilestones")}</p>
        ) : (
          <ul>
            {due.map((m) => (
              <li key={m.id}>
                {m.doneOn ? "✓ " : ""}
                {m.title} <span class="muted">· {formatDate(m.dueOn, lang)}</span>
                {m.doneOn && (
                  <span class="muted">
                    {" "}
                    · {t("project.doneOn")} {formatDate(m.doneOn, lang)}
                  </span>
                )}
                {m.note && <p>{m.note}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="timeline">
        <h2 id="timeline">{t("project.timeline")}</h2>
        <ol class="timeline">
          {d.updates.map((u) => (
            <li key={u.id}>
              <strong>{t(`status.${u.status}`)}</strong> · {u.progress}%{" "}
              <span class="muted">
                · {formatDateTime(u.createdAt, lang)}
                {u.author && ` · ${u.author}`}
              </span>
              {u.note && <p>{u.note}</p>}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

/** A project in the administration: edit, screen, milestones, and the overlaps to link or merge. */
export function ProjectAdmin(p: {
  project: Project;
  plan: Plan;
  form: FormState;
  statusForm: FormState;
  milestoneForm: FormState;
  linkForm: FormState;
  choices: ProjectChoices;
  milestones: Detail["milestones"];
  overlaps: ComponentChildren;
}) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  const base = `/t/${tambon!.slug}`;
  const admin = `${base}/admin/projects/${p.project.id}`;
  return (
    <>
      <p>
        <a href={`${base}/admin/plans/${p.plan.id}/projects`}>← {t("plan.manageProjects")}</a> ·{" "}
        <a href={`${base}/projects/${p.project.id}`}>{t("plan.open")}</a>
      </p>
      <h1>{p.project.title}</h1>
      <h2 id="screen">{t("project.screen")}</h2>
      <Form action={`${admin}/status`} label={t("project.screen")}>
        <ErrorSummary form={p.statusForm} scope="st" />
        <SelectField
          form={p.statusForm}
          scope="st"
          name="status"
          label={t("project.status")}
          required
          placeholder={false}
          options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <Field
          form={p.statusForm}
          scope="st"
          name="progress"
          label={t("project.progress")}
          inputmode="numeric"
          maxLength={3}
        />
        <TextArea form={p.statusForm} scope="st" name="note" label={t("project.note")} rows={2} />
        <button type="submit">{t("plan.save")}</button>
      </Form>
      <h2 id="overlaps">{t("dup.title")}</h2>
      {p.overlaps}
      <Form action={`${admin}/links`} label={t("dup.link")}>
        <ErrorSummary form={p.linkForm} scope="l" />
        <Field
          form={p.linkForm}
          scope="l"
          name="otherId"
          label={`${t("dup.pair")} (#)`}
          required
          inputmode="numeric"
          maxLength={10}
        />
        <SelectField
          form={p.linkForm}
          scope="l"
          name="kind"
          label={t("dup.link")}
          required
          placeholder={false}
          options={(["overlaps", "duplicate"] as const).map((k) => ({
            value: k,
            label: t(`dup.kind.${k}`),
          }))}
        />
        <Field form={p.linkForm} scope="l" name="note" label={t("project.note")} maxLength={1000} />
        <button type="submit">{t("dup.link")}</button>
      </Form>
      <h2 id="milestones">{t("project.milestones")}</h2>
      <ul>
        {p.milestones.map((m) => (
          <li key={m.id}>
            {m.title} · {formatDate(m.dueOn, lang)}
            {m.doneOn && ` · ${t("project.doneOn")} ${formatDate(m.doneOn, lang)}`}
          </li>
        ))}
      </ul>
      <Form action={`${admin}/milestones`} label={t("project.addMilestone")}>
        <ErrorSummary form={p.milestoneForm} scope="m" />
        <Field
          form={p.milestoneForm}
          scope="m"
          name="title"
          label={t("project.milestone")}
          required
          maxLength={200}
        />
        <DateField
          form={p.milestoneForm}
          scope="m"
          name="dueOn"
          label={t("project.dueOn")}
          required
        />
        <DateField form={p.milestoneForm} scope="m" name="doneOn" label={t("project.doneOn")} />
        <Field
          form={p.milestoneForm}
          scope="m"
          name="note"
          label={t("project.note")}
          maxLength={1000}
        />
        <button type="submit">{t("project.addMilestone")}</button>
      </Form>
      <h2 id="edit">{t("project.edit")}</h2>
      <Form action={admin} label={t("project.edit")}>
        <ErrorSummary form={p.form} />
        <ProjectFields form={p.form} plan={p.plan} choices={p.choices} />
        <button type="submit">{t("plan.save")}</button>
      </Form>
    </>
  );
}

/** Every project of a plan for staff, with the form putting chosen ones to a priority vote. */
export function PlanProjectsAdmin(p: {
  plan: Plan;
  projects: ProjectSummary[];
  voteForm: FormState;
  areas: Option[];
}) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  const base = `/t/${tambon!.slug}`;
  const chosen = new Set((p.voteForm.values.projects ?? "").split(","));
  return (
    <>
      <p>
        <a href={`${base}/admin/plans/${p.plan.id}`}>← {p.plan.title}</a>
      </p>
      <h1>{t("plan.manageProjects")}</h1>
      <Form action={`${base}/admin/plans/${p.plan.id}/vote`} label={t("project.vote")}>
        <ErrorSummary form={p.voteForm} scope="v" />
        <Table
          label={t("plan.manageProjects")}
          columns={[
            { label: t("project.vote"), muted: true },
            t("project.seq"),
            t("project.name"),
            t("project.status"),
            { label: t("plan.total"), num: true },
          ]}
        >
          {p.projects.map((x) => (
            <tr key={x.id}>
              <td>
                <input
                  type="checkbox"
                  name="projects"
                  value={String(x.id)}
                  id={`v-${x.id}`}
                  checked={chosen.has(String(x.id))}
                  aria-label={x.title}
                />
              </td>
              <td>{x.seq}</td>
              <td>
                <a href={`${base}/admin/projects/${x.id}`}>{x.title}</a>
                {x.mergedIntoId != null && <span class="muted"> · {t("dup.kind.merged")}</span>}
                {x.questionId != null && <span class="muted"> · {t("project.question")}</span>}
              </td>
              <td>{t(`status.${x.status}`)}</td>
              <td class="num">{baht(x.total, lang)}</td>
            </tr>
          ))}
        </Table>
        {p.voteForm.errors.projects && <p class="error">{p.voteForm.errors.projects}</p>}
        <Field
          form={p.voteForm}
          scope="v"
          name="title"
          label={t("project.voteTitle")}
          required
          maxLength={200}
        />
        <SelectField
          form={p.voteForm}
          scope="v"
          name="areaId"
          label={t("project.voteArea")}
          required
          options={p.areas}
        />
        <button type="submit">{t("project.vote")}</button>
      </Form>
    </>
  );
}
