import { ErrorSummary, Fields, Form, type FormState, field } from "../../../../core/views/form.tsx";
import { Table } from "../../../../core/views/list.tsx";
import { ConfirmTick } from "../../../../core/views/confirm.tsx";
import { baht } from "../../shared/format.ts";
import type { Plan } from "../../plans/queries.ts";
import type { ProjectSummary } from "../queries.ts";
import { usePlans } from "../../shared/views.tsx";

type Option = { value: string; label: string };

/** Every project of a plan for staff, with the form putting chosen ones to a priority vote. */
export function PlanProjectsAdmin(p: {
  plan: Plan;
  projects: ProjectSummary[];
  voteForm: FormState;
  areas: Option[];
}) {
  const { lang, t, base } = usePlans();
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
        <Fields
          form={p.voteForm}
          scope="v"
          fields={[
            field.text("title", t("project.voteTitle"), { required: true, maxLength: 200 }),
            field.select("areaId", t("project.voteArea"), p.areas, { required: true }),
          ]}
        />
        <p>
          <ConfirmTick />
        </p>
        <button type="submit">{t("project.vote")}</button>
      </Form>
    </>
  );
}
