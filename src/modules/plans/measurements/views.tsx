import { useCtx } from "../../../core/views/ctx.ts";
import { ErrorSummary, Field, Form, type FormState } from "../../../core/views/form.tsx";
import { core } from "../../../core/i18n/messages.ts";
import type { Village } from "../../../core/commands/tambons.ts";
import { msg } from "../messages.ts";
import type { Indicator } from "../indicators/queries.ts";
import { gridField } from "./commands.ts";
import { BackLink } from "../../../core/views/back-link.tsx";

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
      <Form action={`${action}?year=${p.year}`} label={t("measure.enter")}>
        <ErrorSummary form={p.form} />
        <div class="ind-grid">
          <Field
            form={p.form}
            name={gridField(null)}
            label={`${t("indicator.tambon")}${unit}`}
            inputmode="text"
            class="ind-cell"
          />
          {p.villages.map((v) => (
            <Field
              key={v.id}
              form={p.form}
              name={gridField(v.id)}
              label={`${ct("village.mooN", { n: v.moo })} ${lang === "en" && v.nameEn ? v.nameEn : v.nameTh}${unit}`}
              inputmode="text"
              class="ind-cell"
            />
          ))}
        </div>
        <button type="submit">{ct("form.save")}</button>
      </Form>
    </>
  );
}
