import { useCtx } from "../../../../core/views/ctx.ts";
import {
  Fields,
  Form,
  SelectField,
  type FieldSpec,
  type FormState,
  field,
} from "../../../../core/views/form.tsx";
import { core } from "../../../../core/i18n/messages.ts";
import { msg } from "../../messages.ts";
import type { ClauseRef } from "../../../charter/public.ts";
import { targetField } from "../commands.ts";
import { type Indicator } from "../queries.ts";
import { ButtonForm } from "../../../../core/views/confirm.tsx";
import { ClauseLink, FieldsForm, ListOrNone } from "../../shared/views.tsx";
import type { Direction, IndicatorSource } from "../../shared/kinds.ts";
import { pick } from "../../../../core/pick.ts";

/** The form values of a stored indicator. */
export function indicatorValues(i: Indicator): Record<string, string> {
  return {
    ...pick(i, "name", "unit", "definition", "direction", "source"),
    baselineValue: i.baselineValue === null ? "" : String(Number(i.baselineValue)),
    baselineYear: i.baselineYear === null ? "" : String(i.baselineYear),
    decimals: String(i.decimals),
    planId: i.planId === null ? "" : String(i.planId),
    areaId: i.areaId === null ? "" : String(i.areaId),
  };
}

type Option = { value: string; label: string };

const DIRECTIONS: readonly Direction[] = ["up", "down"];
const SOURCES: readonly IndicatorSource[] = ["manual", "import", "community"];

/** The fields of an indicator's definition. */
function IndicatorFields(p: { form: FormState; plans: Option[]; areas: Option[] }) {
  const { lang } = useCtx();
  const t = msg.t(lang);
  const directions = DIRECTIONS.map((d) => ({ value: d, label: t(`indicator.direction.${d}`) }));
  const sources = SOURCES.map((s) => ({ value: s, label: t(`indicator.source.${s}`) }));
  return (
    <Fields
      form={p.form}
      fields={[
        field.text("name", t("indicator.name"), { required: true, maxLength: 200 }),
        field.text("unit", t("indicator.unit"), { hint: t("indicator.unitHint") }),
        field.textarea("definition", t("indicator.definition"), { rows: 3 }),
        field.select("direction", t("indicator.direction"), directions, {
          required: true,
          placeholder: false,
        }),
        field.select("source", t("indicator.source"), sources, { placeholder: false }),
        field.text("baselineValue", t("indicator.baseline"), { inputmode: "text" }),
        field.text("baselineYear", t("indicator.baselineYear"), { inputmode: "numeric" }),
        field.text("decimals", t("indicator.decimals"), { inputmode: "numeric" }),
        field.select("planId", t("indicator.plan"), p.plans, {
          placeholder: t("indicator.noPlan"),
        }),
        field.select("areaId", t("indicator.area"), p.areas, {
          placeholder: t("indicator.noArea"),
        }),
      ]}
    />
  );
}

/** The administration's list of indicators and the form to add one. */
export function IndicatorAdmin(p: {
  indicators: Indicator[];
  form: FormState;
  plans: Option[];
  areas: Option[];
  canRecord: boolean;
}) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  const base = `/t/${tambon!.slug}/admin/indicators`;
  return (
    <>
      <h1>{t("indicator.manage")}</h1>
      {p.canRecord && (
        <p class="actions">
          <a class="button secondary" href={`${base}/import`}>
            {t("measure.import")}
          </a>
        </p>
      )}
      <ListOrNone items={p.indicators} none={t("indicator.none")}>
        {(i) => (
          <li key={i.id}>
            <a href={`${base}/${i.id}`}>{i.name}</a>
            {" · "}
            <a href={`${base}/${i.id}/measurements`}>{t("measure.enter")}</a>
          </li>
        )}
      </ListOrNone>
      <h2 id="add-indicator">{t("indicator.add")}</h2>
      <FieldsForm
        action={base}
        label={t("indicator.add")}
        form={p.form}
        submit={t("indicator.add")}
      >
        <IndicatorFields form={p.form} plans={p.plans} areas={p.areas} />
      </FieldsForm>
    </>
  );
}

/** An indicator's administration: its definition, targets per year, projects and clauses. */
export function IndicatorEdit(p: {
  indicator: Indicator;
  form: FormState;
  targetsForm: FormState;
  linkForm: FormState;
  clauseForm: FormState;
  years: number[];
  plans: Option[];
  areas: Option[];
  projects: { id: number; seq: number; title: string }[];
  projectChoices: Option[];
  clauses: ClauseRef[];
  clauseChoices: Option[];
}) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  const base = `/t/${tambon!.slug}/admin/indicators/${p.indicator.id}`;
  const save = core.t(lang)("form.save");
  const targetSpec = (y: number): FieldSpec => ({
    name: targetField(y),
    label: t("indicator.targetYear", { year: y }),
    inputmode: "text",
  });
  return (
    <>
      <p>
        <a href={`/t/${tambon!.slug}/admin/indicators`}>← {t("indicator.manage")}</a>
        {" · "}
        <a href={`/t/${tambon!.slug}/indicators/${p.indicator.id}`}>{p.indicator.name}</a>
      </p>
      <h1>{t("indicator.edit")}</h1>
      <FieldsForm action={base} label={t("indicator.edit")} form={p.form} submit={save}>
        <IndicatorFields form={p.form} plans={p.plans} areas={p.areas} />
      </FieldsForm>

      <h2 id="targets">{t("indicator.targets")}</h2>
      <FieldsForm
        action={`${base}/targets`}
        label={t("indicator.targets")}
        form={p.targetsForm}
        submit={save}
      >
        <div class="ind-grid">
          <Fields form={p.targetsForm} fields={p.years.map(targetSpec)} />
        </div>
      </FieldsForm>

      <h2 id="projects">{t("indicator.projects")}</h2>
      <ListOrNone items={p.projects} none={t("indicator.noProjects")} muted>
        {(pr) => (
          <li key={pr.id}>
            {pr.seq ? `${pr.seq}. ` : ""}
            {pr.title}{" "}
            <ButtonForm
              action={`${base}/projects/unlink`}
              label={pr.title}
              text={t("indicator.unlinkProject")}
              fields={{ projectId: String(pr.id) }}
            />
          </li>
        )}
      </ListOrNone>
      <LinkForm
        action={`${base}/projects`}
        form={p.linkForm}
        name="projectId"
        label={t("indicator.linkProject")}
        options={p.projectChoices}
      />

      <h2 id="clauses">{t("indicator.clauses")}</h2>
      <ListOrNone items={p.clauses} none={t("indicator.noClauses")} muted>
        {(c) => (
          <li key={`${c.charterId}:${c.clauseKey}`}>
            <ClauseLink c={c} bare />
          </li>
        )}
      </ListOrNone>
      <LinkForm
        action={`${base}/clauses`}
        form={p.clauseForm}
        name="clause"
        label={t("indicator.linkClause")}
        options={p.clauseChoices}
      />
    </>
  );
}

/** A one-choice form linking the indicator to a record (a project, a clause); none when nothing is left. */
function LinkForm(p: {
  action: string;
  form: FormState;
  name: string;
  label: string;
  options: Option[];
}) {
  if (p.options.length === 0) return null;
  return (
    <Form action={p.action} label={p.label}>
      <SelectField form={p.form} name={p.name} label={p.label} options={p.options} required />
      <button type="submit">{p.label}</button>
    </Form>
  );
}
