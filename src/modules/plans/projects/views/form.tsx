import { useCtx } from "../../../../core/views/ctx.ts";
import { Fields, type FormState, field } from "../../../../core/views/form.tsx";
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
          field.text("title", t("project.name"), { required: true, maxLength: 200 }),
          field.select("areaId", t("project.area"), p.choices.areas, { required: true }),
          field.textarea("objectives", t("project.objectives"), {
            required: true,
            rows: 3,
            maxLength: 2000,
          }),
          field.check("wholeTambon", t("project.wholeTambon")),
          field.checks("villages", t("project.villages"), p.choices.villages, {
            hint: t("plan.villagesOr"),
          }),
          field.checks("targets", t("project.targetGroups"), targets),
          field.textarea("outputs", t("project.outputs"), { rows: 2, maxLength: 2000 }),
          field.textarea("kpi", t("project.kpi"), { rows: 2, maxLength: 1000 }),
          field.textarea("expectedResults", t("project.expectedResults"), {
            rows: 2,
            maxLength: 2000,
          }),
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
                field.select(`budgetYear${i}`, t("project.fiscalYear"), years, {
                  placeholder: "–",
                }),
                field.select(`budgetSource${i}`, t("project.source"), sources, {
                  placeholder: false,
                }),
                field.text(`budgetAmount${i}`, t("project.amount"), {
                  inputmode: "numeric",
                  maxLength: 18,
                }),
              ]}
            />
          </div>
        ))}
      </fieldset>
      {staff && (
        <Fields
          form={f}
          fields={[
            field.select("strategyId", t("project.strategy"), staff.strategies),
            field.select("parentId", t("project.parent"), staff.parents, {
              placeholder: t("project.noParent"),
            }),
            field.select(
              "formCategory",
              t("project.formCategory"),
              FORM_CATEGORIES.map((c) => ({ value: c, label: t(`form.${c}`) })),
              { placeholder: false },
            ),
            field.text("responsibleUnit", t("project.responsibleUnit"), { maxLength: 200 }),
            field.checks("responsible", t("project.responsiblePartners"), staff.partners),
            field.checks("supporting", t("project.supportingPartners"), staff.partners),
            field.text("seq", t("project.seq"), { inputmode: "numeric", maxLength: 6 }),
            field.text("weight", t("project.weight"), { inputmode: "numeric", maxLength: 4 }),
            field.select(
              "rollup",
              t("project.rollup"),
              ROLLUPS.map((r) => ({ value: r, label: t(`project.rollup.${r}`) })),
              { placeholder: false },
            ),
          ]}
        />
      )}
    </>
  );
}
