import type { ComponentChildren } from "preact";
import {
  ErrorSummary,
  Field,
  Form,
  SelectField,
  TextArea,
  type FormState,
} from "../../../../core/views/form.tsx";
import type { ClauseRef } from "../../../charter/public.ts";
import { PROJECT_STATUSES } from "../../shared/kinds.ts";
import type { Plan } from "../../plans/queries.ts";
import type { ProjectFile } from "../files.ts";
import type { Milestone, Project } from "../queries.ts";
import { ClausesAdmin } from "./clauses.tsx";
import { FilesAdmin } from "./files.tsx";
import { ProjectFields, type ProjectChoices } from "./form.tsx";
import { MilestoneFields, MilestonesAdmin, type MilestoneFailure } from "./milestones.tsx";
import { usePlans } from "../../shared/views.tsx";

/** The forms of a project's administration page, each as shown (the one that failed, if any). */
export interface ProjectAdminForms {
  edit: FormState;
  status: FormState;
  milestone: FormState;
  link: FormState;
  file: FormState;
  clause: FormState;
  milestoneFailed?: MilestoneFailure;
  fileFailed?: { id: number; form: FormState };
}

/**
 * A project in the administration: screening, overlaps to link, milestones, photos and
 * documents, charter clauses, and its fields.
 */
export function ProjectAdmin(p: {
  project: Project;
  plan: Plan;
  forms: ProjectAdminForms;
  choices: ProjectChoices;
  milestones: Milestone[];
  files: ProjectFile[];
  clauses: { linked: ClauseRef[]; all: ClauseRef[] };
  overlaps: ComponentChildren;
  today: string;
}) {
  const { t, base } = usePlans();
  const admin = `${base}/admin/projects/${p.project.id}`;
  const f = p.forms;
  return (
    <>
      <p>
        <a href={`${base}/admin/plans/${p.plan.id}/projects`}>← {t("plan.manageProjects")}</a> ·{" "}
        <a href={`${base}/projects/${p.project.id}`}>{t("plan.open")}</a>
      </p>
      <h1>{p.project.title}</h1>
      <nav class="page-toc" aria-label={t("project.screen")}>
        <a href="#screen">{t("project.screen")}</a> ·{" "}
        <a href="#milestones">{t("project.milestones")}</a> ·{" "}
        <a href="#files">{t("projectFile.title")}</a> ·{" "}
        <a href="#clauses">{t("projectClause.title")}</a> · <a href="#overlaps">{t("dup.title")}</a>{" "}
        · <a href="#edit">{t("project.edit")}</a>
      </nav>
      <h2 id="screen">{t("project.screen")}</h2>
      <Form action={`${admin}/status`} label={t("project.screen")}>
        <ErrorSummary form={f.status} scope="st" />
        <SelectField
          form={f.status}
          scope="st"
          name="status"
          label={t("project.status")}
          required
          placeholder={false}
          options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <Field
          form={f.status}
          scope="st"
          name="progress"
          label={t("project.progress")}
          inputmode="numeric"
          maxLength={3}
        />
        <TextArea form={f.status} scope="st" name="note" label={t("project.note")} rows={2} />
        <button type="submit">{t("plan.save")}</button>
      </Form>
      <h2 id="milestones">{t("project.milestones")}</h2>
      <MilestonesAdmin milestones={p.milestones} failed={f.milestoneFailed} today={p.today} />
      <h3>{t("project.addMilestone")}</h3>
      <Form action={`${admin}/milestones`} label={t("project.addMilestone")}>
        <ErrorSummary form={f.milestone} scope="m" />
        <MilestoneFields form={f.milestone} scope="m" />
        <button type="submit">{t("project.addMilestone")}</button>
      </Form>
      <h2 id="files">{t("projectFile.title")}</h2>
      <FilesAdmin projectId={p.project.id} files={p.files} form={f.file} failed={f.fileFailed} />
      <h2 id="clauses">{t("projectClause.title")}</h2>
      <ClausesAdmin
        projectId={p.project.id}
        linked={p.clauses.linked}
        all={p.clauses.all}
        form={f.clause}
      />
      <h2 id="overlaps">{t("dup.title")}</h2>
      {p.overlaps}
      <Form action={`${admin}/links`} label={t("dup.link")}>
        <ErrorSummary form={f.link} scope="l" />
        <Field
          form={f.link}
          scope="l"
          name="otherId"
          label={`${t("dup.pair")} (#)`}
          required
          inputmode="numeric"
          maxLength={10}
        />
        <SelectField
          form={f.link}
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
        <Field form={f.link} scope="l" name="note" label={t("project.note")} maxLength={1000} />
        <button type="submit">{t("dup.link")}</button>
      </Form>
      <h2 id="edit">{t("project.edit")}</h2>
      <Form action={admin} label={t("project.edit")}>
        <ErrorSummary form={f.edit} />
        <ProjectFields form={f.edit} plan={p.plan} choices={p.choices} />
        <button type="submit">{t("plan.save")}</button>
      </Form>
    </>
  );
}
