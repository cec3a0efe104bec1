import { useCtx } from "../../../../core/views/ctx.ts";
import { emptyForm, Fields, type FormState, field } from "../../../../core/views/form.tsx";
import { formatDate } from "../../../../core/dates.ts";
import { msg } from "../../messages.ts";
import type { Milestone } from "../queries.ts";
import { ButtonForm, ConfirmButton } from "../../../../core/views/confirm.tsx";
import { FieldsForm } from "../../shared/views.tsx";
import { pick } from "../../../../core/pick.ts";

/** The milestone form that failed (kept with its errors when the page comes back at 422). */
export interface MilestoneFailure {
  id: number;
  kind: "edit" | "done";
  form: FormState;
}

/** A milestone's due and done state in words: done on …, overdue, due on …. */
export function MilestoneState({ m, today }: { m: Milestone; today: string }) {
  const { lang } = useCtx();
  const t = msg.t(lang);
  if (m.doneOn)
    return (
      <span class="milestone-state done">
        ✓ {t("project.doneOn")} {formatDate(m.doneOn, lang)}
      </span>
    );
  const late = m.dueOn < today;
  return (
    <span class={`milestone-state ${late ? "late" : "due"}`}>
      {late ? t("milestone.overdue") : t("project.dueOn")} {formatDate(m.dueOn, lang)}
    </span>
  );
}

const valuesOf = (m: Milestone) => ({ ...pick(m, "title", "dueOn", "note") });

/** Each milestone of a project with its forms: edit, tick done (day, note), untick, delete. */
export function MilestonesAdmin(p: {
  milestones: Milestone[];
  failed?: MilestoneFailure;
  today: string;
}) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  const base = `/t/${tambon!.slug}/admin/milestones`;
  if (!p.milestones.length) return <p class="muted">{t("milestone.none")}</p>;
  return (
    <ul class="milestones">
      {p.milestones.map((m) => {
        const failed = p.failed?.id === m.id ? p.failed : undefined;
        const edit = failed?.kind === "edit" ? failed.form : emptyForm(valuesOf(m));
        const done = failed?.kind === "done" ? failed.form : emptyForm({ doneOn: p.today });
        const scope = `m${m.id}`;
        return (
          <li key={m.id} id={`milestone-${m.id}`}>
            <strong>{m.title}</strong> · <MilestoneState m={m} today={p.today} />
            {m.note && <p class="muted">{m.note}</p>}
            {m.doneOn ? (
              <ButtonForm
                action={`${base}/${m.id}/undone`}
                label={m.title}
                text={t("milestone.untick")}
              />
            ) : (
              <details open={failed?.kind === "done"}>
                <summary>{t("milestone.tick")}</summary>
                <FieldsForm
                  action={`${base}/${m.id}/done`}
                  label={`${t("milestone.tick")}: ${m.title}`}
                  form={done}
                  scope={`${scope}d`}
                  submit={t("milestone.tick")}
                  fields={[
                    field.date("doneOn", t("project.doneOn")),
                    field.text("note", t("project.note"), { maxLength: 1000 }),
                  ]}
                />
              </details>
            )}
            <details open={failed?.kind === "edit"}>
              <summary>{t("milestone.edit")}</summary>
              <FieldsForm
                action={`${base}/${m.id}`}
                label={`${t("milestone.edit")}: ${m.title}`}
                form={edit}
                scope={scope}
                submit={t("plan.save")}
              >
                <MilestoneFields form={edit} scope={scope} />
              </FieldsForm>
              <ConfirmButton
                action={`${base}/${m.id}/delete`}
                label={`${t("milestone.delete")}: ${m.title}`}
              >
                {t("milestone.delete")}
              </ConfirmButton>
            </details>
          </li>
        );
      })}
    </ul>
  );
}

/** A milestone's title, due day (พ.ศ.) and description. */
export function MilestoneFields({ form, scope }: { form: FormState; scope: string }) {
  const { lang } = useCtx();
  const t = msg.t(lang);
  return (
    <Fields
      form={form}
      scope={scope}
      fields={[
        field.text("title", t("project.milestone"), { required: true, maxLength: 200 }),
        field.date("dueOn", t("project.dueOn"), { required: true }),
        field.textarea("note", t("milestone.description"), { rows: 2, maxLength: 1000 }),
      ]}
    />
  );
}
