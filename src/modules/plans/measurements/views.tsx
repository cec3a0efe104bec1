import { useCtx } from "../../../core/views/ctx.ts";
import { Fields, type FieldSpec, type FormState } from "../../../core/views/form.tsx";
import { core } from "../../../core/i18n/messages.ts";
import type { Village } from "../../../core/commands/tambons.ts";
import { msg } from "../messages.ts";
import type { Indicator } from "../indicators/queries.ts";
import { gridField } from "./commands.ts";
import { BackLink } from "../../../core/views/back-link.tsx";
import { FieldsForm } from "../shared/views.tsx";

/**
 * The entry grid of one indicator and fiscal year: one box per village and one for the whole
 * tambon, in one column on a phone. The year is chosen with a plain GET form.
 */
export function MeasurementGrid(p: {
  indicator: Indicator;
  year: number;
  years: number[];
  villages: Village[];
  form: FormState;
}) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  const ct = core.t(lang);
  const slug = tambon!.slug;
  const action = `/t/${slug}/admin/indicators/${p.indicator.id}/measurements`;
  const unit = p.indicator.unit ? ` (${p.indicator.unit})` : "";
  const villageLabel = (v: Village) =>
    `${ct("village.mooN", { n: v.moo })} ${lang === "en" && v.nameEn ? v.nameEn : v.nameTh}`;
  /** One box of the grid: a figure, with the indicator's unit after its label. */
  const cell = (name: string, label: string): FieldSpec => ({
    name,
    label: `${label}${unit}`,
    inputmode: "text",
    class: "ind-cell",
  });
  return (
    <>
      <BackLink href={`/t/${slug}/indicators/${p.indicator.id}`}>{p.indicator.name}</BackLink>
      <h1>
        {t("measure.enter")}: {p.indicator.name}
      </h1>
      <form method="get" action={action} class="filters">
        <div class="field">
          <label for="f-year">{t("measure.year")}</label>
          <select id="f-year" name="year">
            {p.years.map((y) => (
              <option key={y} value={String(y)} selected={y === p.year}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="secondary">
          {t("measure.show")}
        </button>
      </form>
      <p class="hint">{t("measure.gridIntro")}</p>
      <FieldsForm
        action={`${action}?year=${p.year}`}
        label={t("measure.enter")}
        form={p.form}
        submit={ct("form.save")}
      >
        <div class="ind-grid">
          <Fields
            form={p.form}
            fields={[
              cell(gridField(null), t("indicator.tambon")),
              ...p.villages.map((v) => cell(gridField(v.id), villageLabel(v))),
            ]}
          />
        </div>
      </FieldsForm>
    </>
  );
}
