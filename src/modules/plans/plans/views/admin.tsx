import { useCtx } from "../../../../core/views/ctx.ts";
import { Fields, type FormState, field } from "../../../../core/views/form.tsx";
import { msg } from "../../messages.ts";
import { PLAN_STATUSES } from "../../shared/kinds.ts";
import {
  usePlans,
  planPeriod,
  ListOrNone,
  FieldsForm,
  ClauseLink,
  ClauseLinkForm,
} from "../../shared/views.tsx";
import { strategyName, type Plan, type Strategy } from "../queries.ts";

/** The fields of a plan's form. */
export function PlanFields({ form }: { form: FormState }) {
  const { lang } = useCtx();
  const t = msg.t(lang);
  const statuses = PLAN_STATUSES.map((s) => ({ value: s, label: t(`plan.status.${s}`) }));
  return (
    <Fields
      form={form}
      fields={[
        field.text("title", t("plan.name"), { required: true, maxLength: 200 }),
        field.text("firstYear", t("plan.firstYear"), {
          required: true,
          inputmode: "numeric",
          maxLength: 4,
        }),
        field.text("years", t("plan.years"), { inputmode: "numeric", maxLength: 2 }),
        field.select("status", t("plan.status"), statuses, { placeholder: false }),
        field.textarea("description", t("plan.description"), { rows: 3 }),
      ]}
    />
  );
}

/** The administration's list of plans with the form to create one. */
export function PlanAdmin({ plans, form }: { plans: Plan[]; form: FormState }) {
  const { lang, t, base } = usePlans();
  return (
    <>
      <h1>{t("nav.admin")}</h1>
      <ListOrNone items={plans} none={t("plan.none")}>
        {(p) => (
          <li key={p.id}>
            <a href={`${base}/admin/plans/${p.id}`}>{p.title}</a>{" "}
            <span class="muted">
              {planPeriod(p, lang)} · {t(`plan.status.${p.status}`)}
            </span>
          </li>
        )}
      </ListOrNone>
      <h2>{t("plan.add")}</h2>
      <FieldsForm action={`${base}/admin/plans`} form={form} submit={t("plan.save")}>
        <PlanFields form={form} />
      </FieldsForm>
    </>
  );
}

/** One plan in the administration: its fields, strategies (with clauses) and editions. */
export function PlanEdit(p: {
  plan: Plan;
  form: FormState;
  strategies: (Strategy & { clauses: { number: number; charterName: string; href: string }[] })[];
  strategyForm: FormState;
  clauseForm: FormState;
  areaOptions: { value: string; label: string }[];
  clauseOptions: { value: string; label: string }[];
  editing: Strategy | null;
  children?: preact.ComponentChildren;
}) {
  const { t, base } = usePlans();
  const planBase = `${base}/admin/plans/${p.plan.id}`;
  return (
    <>
      <p>
        <a href={`${base}/admin/plans`}>← {t("nav.admin")}</a> ·{" "}
        <a href={`${base}/plans/${p.plan.id}`}>{t("plan.open")}</a> ·{" "}
        <a href={`${planBase}/projects`}>{t("plan.manageProjects")}</a> ·{" "}
        <a href={`${planBase}/duplicates`}>{t("plan.duplicatesLink")}</a> ·{" "}
        <a href={`${planBase}/import`}>{t("pimport.link")}</a>
      </p>
      <h1>{p.plan.title}</h1>
      <FieldsForm action={planBase} label={t("plan.edit")} form={p.form} submit={t("plan.save")}>
        <PlanFields form={p.form} />
      </FieldsForm>

      <h2 id="strategies">{t("strategy.title")}</h2>
      <ListOrNone items={p.strategies} none={t("plan.noStrategies")} muted>
        {(s) => (
          <li key={s.id}>
            <a href={`${base}/admin/strategies/${s.id}`}>{strategyName(s)}</a>
            {s.areaId != null && (
              <span class="muted">
                {" "}
                · {p.areaOptions.find((o) => o.value === String(s.areaId))?.label}
              </span>
            )}
            {s.clauses.length > 0 && (
              <ul>
                {s.clauses.map((c) => (
                  <li key={`${c.charterName}-${c.number}`}>
                    <ClauseLink c={c} />
                  </li>
                ))}
              </ul>
            )}
          </li>
        )}
      </ListOrNone>
      <h3>{p.editing ? t("strategy.edit") : t("strategy.add")}</h3>
      <FieldsForm
        action={p.editing ? `${base}/admin/strategies/${p.editing.id}` : `${planBase}/strategies`}
        label={p.editing ? t("strategy.edit") : t("strategy.add")}
        form={p.strategyForm}
        scope="s"
        submit={t("plan.save")}
        fields={[
          field.text("code", t("strategy.code"), { maxLength: 20 }),
          field.text("title", t("strategy.name"), { required: true, maxLength: 300 }),
          field.select("areaId", t("strategy.area"), p.areaOptions),
          field.text("position", t("strategy.position"), { inputmode: "numeric", maxLength: 4 }),
        ]}
      />
      {p.editing && (
        <>
          <h3>{t("strategy.linkClause")}</h3>
          {p.clauseOptions.length === 0 ? (
            <p class="muted">{t("strategy.noClauses")}</p>
          ) : (
            <ClauseLinkForm
              action={`${base}/admin/strategies/${p.editing.id}/clauses`}
              label={t("strategy.linkClause")}
              form={p.clauseForm}
              scope="c"
              options={p.clauseOptions}
            />
          )}
        </>
      )}
      {p.children}
    </>
  );
}
