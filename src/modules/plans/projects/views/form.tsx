import { useCtx } from "../../../../core/views/ctx.ts";
import { Fields, type FormState } from "../../../../core/views/form.tsx";
import { msg } from "../../messages.ts";
import { lastYear, planYears } from "../../shared/fiscal.ts";
import {
  BUDGET_SOURCES,
  FORM_CATEGORIES,
  PROJECT_AIMS,
  ROLLUPS,
  TARGET_GROUPS,
} from "../../shared/kinds.ts";
import type { Plan } from "../../plans/queries.ts";
import { BUDGET_ROWS } from "../input.ts";
import type { Project, projectDetail } from "../queries.ts";
import { pick } from "../../../../core/pick.ts";

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
    ...pick(p, ...PROJECT_AIMS),
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
  const years = planYears(p.plan).map((y) => ({ value: String(y), label: String(y) }));
  const targets = TARGET_GROUPS.map((g) => ({ value: g, label: t(`target.${g}`) }));
  const sources = BUDGET_SOURCES.map((s) => ({ value: s, label: t(`source.${s}`) }));
  const staff = p.choices.staff;
  return (
    <>
      <Fields
        form={f}
        fields={[
          { name: "title", label: t("project.name"), required: true, maxLength: 200 },
          {
            kind: "select",
            name: "areaId",
            label: t("project.area"),
            required: true,
            options: p.choices.areas,
          },
          {
            kind: "textarea",
            name: "objectives",
            label: t("project.objectives"),
            required: true,
            rows: 3,
            maxLength: 2000,
          },
          { kind: "check", name: "wholeTambon", label: t("project.wholeTambon") },
          {
            kind: "checks",
            name: "villages",
            label: t("project.villages"),
            hint: t("plan.villagesOr"),
            options: p.choices.villages,
          },
          { kind: "checks", name: "targets", label: t("project.targetGroups"), options: targets },
          {
            kind: "textarea",
            name: "outputs",
            label: t("project.outputs"),
            rows: 2,
            maxLength: 2000,
          },
          { kind: "textarea", name: "kpi", label: t("project.kpi"), rows: 2, maxLength: 1000 },
          {
            kind: "textarea",
            name: "expectedResults",
            label: t("project.expectedResults"),
            rows: 2,
            maxLength: 2000,
          },
        ]}
      />
      <fieldset class="budget-rows">
        <legend>{t("project.budgetRows")}</legend>
        <p class="hint">{t("plan.budgetHint", { from: p.plan.firstYear, to: lastYear(p.plan) })}</p>
        {Array.from({ length: BUDGET_ROWS }, (_, i) => (
          <div class="budget-row" key={i}>
            <Fields
              form={f}
              fields={[
                {
                  kind: "select",
                  name: `budgetYear${i}`,
                  label: t("project.fiscalYear"),
                  placeholder: "–",
                  options: years,
                },
                {
                  kind: "select",
                  name: `budgetSource${i}`,
                  label: t("project.source"),
                  placeholder: false,
                  options: sources,
                },
                {
                  name: `budgetAmount${i}`,
                  label: t("project.amount"),
                  inputmode: "numeric",
                  maxLength: 18,
                },
              ]}
            />
          </div>
        ))}
      </fieldset>
      {staff && (
        <Fields
          form={f}
          fields={[
            {
              kind: "select",
              name: "strategyId",
              label: t("project.strategy"),
              options: staff.strategies,
            },
            {
              kind: "select",
              name: "parentId",
              label: t("project.parent"),
              placeholder: t("project.noParent"),
              options: staff.parents,
            },
            {
              kind: "select",
              name: "formCategory",
              label: t("project.formCategory"),
              placeholder: false,
              options: FORM_CATEGORIES.map((c) => ({ value: c, label: t(`form.${c}`) })),
            },
            { name: "responsibleUnit", label: t("project.responsibleUnit"), maxLength: 200 },
            {
              kind: "checks",
              name: "responsible",
              label: t("project.responsiblePartners"),
              options: staff.partners,
            },
            {
              kind: "checks",
              name: "supporting",
              label: t("project.supportingPartners"),
              options: staff.partners,
            },
            { name: "seq", label: t("project.seq"), inputmode: "numeric", maxLength: 6 },
            { name: "weight", label: t("project.weight"), inputmode: "numeric", maxLength: 4 },
            {
              kind: "select",
              name: "rollup",
              label: t("project.rollup"),
              placeholder: false,
              options: ROLLUPS.map((r) => ({ value: r, label: t(`project.rollup.${r}`) })),
            },
          ]}
        />
      )}
    </>
  );
}
