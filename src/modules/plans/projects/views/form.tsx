import { useCtx } from "../../../../core/views/ctx.ts";
import {
  CheckField,
  CheckGroup,
  Field,
  SelectField,
  TextArea,
  type FormState,
} from "../../../../core/views/form.tsx";
import { msg } from "../../messages.ts";
import { lastYear, planYears } from "../../shared/fiscal.ts";
import { BUDGET_SOURCES, FORM_CATEGORIES, ROLLUPS, TARGET_GROUPS } from "../../shared/kinds.ts";
import type { Plan } from "../../plans/queries.ts";
import { BUDGET_ROWS } from "../input.ts";
import type { Project, projectDetail } from "../queries.ts";

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
