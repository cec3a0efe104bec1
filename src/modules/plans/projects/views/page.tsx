import type { ComponentChildren } from "preact";
import { formatDateTime } from "../../../../core/dates.ts";
import {
  usePlans,
  BudgetByYear,
  ProgressBar,
  ListOrNone,
  ClauseLink,
} from "../../shared/views.tsx";
import type { Plan } from "../../plans/queries.ts";
import type { ProjectFile } from "../files.ts";
import type { Project, projectDetail } from "../queries.ts";
import { ProjectGallery } from "./files.tsx";
import { MilestoneState } from "./milestones.tsx";

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
  files: ProjectFile[];
  question: { href: string; phase: string; rank: number | null; winner: boolean } | null;
  today: string;
  canScreen: boolean;
}

/** A project's public page: what it is, where, for whom, its budget, milestones due and timeline. */
export function ProjectPage(v: ProjectView) {
  const { lang, t, base } = usePlans();
  const p = v.project;
  const d = v.detail;
  // A milestone is shown once due (or done); the ones ahead are only counted.
  const due = d.milestones.filter((m) => m.dueOn <= v.today || m.doneOn);
  const upcoming = d.milestones.length - due.length;
  const years = [...new Set(d.budgets.map((b) => b.fiscalYear))].sort();
  const sources = [...new Set(d.budgets.map((b) => b.source))];
  const amount = (y: number, s: string) =>
    d.budgets
      .filter((b) => b.fiscalYear === y && b.source === s)
      .reduce((a, b) => a + Number(b.amount), 0);
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
          <BudgetByYear
            label={t("project.budget")}
            years={years}
            lead={[t("project.source")]}
            totalLabel={t("plan.total")}
            rows={sources.map((s) => ({
              key: s,
              lead: [t(`source.${s}`)],
              byYear: new Map(years.map((y) => [y, amount(y, s)])),
            }))}
          />
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
                <ClauseLink c={c} bare /> <span class="muted">{c.text.slice(0, 120)}</span>
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
        <ListOrNone items={due} none={t("project.noMilestones")} muted class="milestones">
          {(m) => (
            <li key={m.id} class={m.doneOn ? "done" : undefined}>
              {m.title} · <MilestoneState m={m} today={v.today} />
              {m.note && <p>{m.note}</p>}
            </li>
          )}
        </ListOrNone>
        {upcoming > 0 && <p class="muted">{t("milestone.upcoming", { n: upcoming })}</p>}
      </section>
      <ProjectGallery files={v.files} />
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
