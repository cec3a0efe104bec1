import type { ComponentChildren } from "preact";
import { ErrorSummary, Form, type FormState } from "../../../core/views/form.tsx";
import { assetUrl } from "../../../core/views/assets.ts";
import type { Plan } from "../plans/queries.ts";
import { ProjectFields, type ProjectChoices } from "../projects/views/form.tsx";
import { BackLink } from "../../../core/views/back-link.tsx";
import { RedrawOrSubmit, usePlans } from "../shared/views.tsx";

/** The proposal form of a plan, with the projects that may overlap shown above its buttons. */
export function ProposePage(p: {
  plan: Plan;
  form: FormState;
  choices: ProjectChoices;
  overlaps: ComponentChildren;
}) {
  const { t, base } = usePlans();
  return (
    <>
      <BackLink href={`${base}/plans/${p.plan.id}`}>{p.plan.title}</BackLink>
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
        <RedrawOrSubmit redraw="preview" redrawLabel={t("plan.preview")} submit={t("plan.send")} />
      </Form>
      <script src={assetUrl("plans-overlaps")} defer />
    </>
  );
}
