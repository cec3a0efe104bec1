import type { ComponentChildren } from "preact";
import type { FormState } from "../../../../core/views/form.tsx";
import type { ClauseRef } from "../../../charter/public.ts";
import { DRAWN_LINK_KINDS, PROJECT_STATUSES } from "../../shared/kinds.ts";
import type { Plan } from "../../plans/queries.ts";
import type { ProjectFile } from "../files.ts";
import type { Milestone, Project } from "../queries.ts";
import { ClausesAdmin } from "./clauses.tsx";
import { FilesAdmin } from "./files.tsx";
import { ProjectFields, type ProjectChoices } from "./form.tsx";
import { MilestoneFields, MilestonesAdmin, type MilestoneFailure } from "./milestones.tsx";
import { FieldsForm, usePlans } from "../../shared/views.tsx";
import { field } from "../../../../core/views/form.tsx";

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
  const statuses = PROJECT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }));
  const linkKinds = DRAWN_LINK_KINDS.map((k) => ({ value: k, label: t(`dup.kind.${k}`) }));
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
      <FieldsForm
        action={`${admin}/status`}
        label={t("project.screen")}
        form={f.status}
        scope="st"
        submit={t("plan.save")}
        fields={[
          field.select("status", t("project.status"), statuses, {
            required: true,
            placeholder: false,
          }),
          field.text("progress", t("project.progress"), { inputmode: "numeric", maxLength: 3 }),
          field.textarea("note", t("project.note"), { rows: 2 }),
        ]}
      />
      <h2 id="milestones">{t("project.milestones")}</h2>
      <MilestonesAdmin milestones={p.milestones} failed={f.milestoneFailed} today={p.today} />
      <h3>{t("project.addMilestone")}</h3>
      <FieldsForm
        action={`${admin}/milestones`}
        label={t("project.addMilestone")}
        form={f.milestone}
        scope="m"
        submit={t("project.addMilestone")}
      >
        <MilestoneFields form={f.milestone} scope="m" />
      </FieldsForm>
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
      <FieldsForm
        action={`${admin}/links`}
        label={t("dup.link")}
        form={f.link}
        scope="l"
        submit={t("dup.link")}
        fields={[
          field.text("otherId", `${t("dup.pair")} (#)`, {
            required: true,
            inputmode: "numeric",
            maxLength: 10,
          }),
          field.select("kind", t("dup.link"), linkKinds, { required: true, placeholder: false }),
          field.text("note", t("project.note"), { maxLength: 1000 }),
        ]}
      />
      <h2 id="edit">{t("project.edit")}</h2>
      <FieldsForm action={admin} label={t("project.edit")} form={f.edit} submit={t("plan.save")}>
        <ProjectFields form={f.edit} plan={p.plan} choices={p.choices} />
      </FieldsForm>
    </>
  );
}
