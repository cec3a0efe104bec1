import { ConfirmButton } from "../../../core/views/confirm.tsx";
import {
  ErrorSummary,
  Fields,
  Form,
  FormError,
  type FormState,
  field,
} from "../../../core/views/form.tsx";
import type { Indicator } from "../../plans/public.ts";
import { INDICATOR_MEASURES } from "../shared/kinds.ts";
import type { IndicatorSourceRow, SourceOption } from "./links.ts";
import { useCommunity } from "../shared/views.tsx";

export interface IndicatorLinksProps {
  indicators: Indicator[];
  sources: Map<number, IndicatorSourceRow>;
  options: SourceOption[];
  /** The indicator whose form came back with errors, and what was sent. */
  failed?: { indicatorId: number; state: FormState };
}

const keyOf = (s: IndicatorSourceRow) => `${s.formId}|${s.question}|${s.value ?? ""}`;

/** What a source option reads as: "form › question = answer". */
function optionLabel(o: SourceOption, anyAnswer: string): string {
  return `${o.question} · ${o.label} = ${o.valueLabel ?? anyAnswer}`;
}

/**
 * The plans' indicators, each with the question (and answer) of a published survey form and the
 * computation that feed it, and the "recompute now" button.
 */
export function IndicatorLinksPage(p: IndicatorLinksProps) {
  const { tambon, t } = useCommunity();
  const base = `/t/${tambon!.slug}/admin/community/indicators`;
  const options = p.options.map((o) => ({
    value: o.key,
    label: optionLabel(o, t("ind.anyAnswer")),
    group: o.formTitle,
  }));
  const measures = INDICATOR_MEASURES.map((m) => ({ value: m, label: t(`ind.measure.${m}`) }));
  return (
    <>
      <p>
        <a href={`/t/${tambon!.slug}/admin/community`}>{t("nav.admin")}</a>
      </p>
      <h1>{t("ind.title")}</h1>
      <p>{t("ind.intro")}</p>
      {p.indicators.length > 0 && (
        <Form action={`${base}/recompute`} label={t("ind.recompute")}>
          <button type="submit" class="secondary">
            {t("ind.recompute")}
          </button>
        </Form>
      )}
      {p.indicators.length === 0 && <p class="muted">{t("ind.none")}</p>}
      {p.indicators.length > 0 && p.options.length === 0 && <p class="muted">{t("ind.noForms")}</p>}
      <ul class="indicator-links">
        {p.indicators.map((ind) => {
          const src = p.sources.get(ind.id);
          const failed = p.failed?.indicatorId === ind.id ? p.failed.state : undefined;
          const values = failed ?? {
            values: src ? { source: keyOf(src), measure: src.measure } : {},
            errors: {},
          };
          const scope = `i${ind.id}`;
          const current = src ? p.options.find((o) => o.key === keyOf(src)) : undefined;
          return (
            <li key={ind.id} class="indicator-link">
              <h2 id={`${scope}-h`}>
                {ind.name}
                {ind.unit && <span class="muted"> ({ind.unit})</span>}
              </h2>
              <p>
                {src ? (
                  <>
                    {t("ind.linked")}:{" "}
                    {current
                      ? `${current.formTitle} › ${optionLabel(current, t("ind.anyAnswer"))}`
                      : `${src.question} = ${src.value ?? t("ind.anyAnswer")}`}{" "}
                    · {t(`ind.measure.${src.measure}`)}
                  </>
                ) : (
                  <span class="muted">{t("ind.unlinked")}</span>
                )}
              </p>
              {p.options.length > 0 && (
                <Form action={`${base}/${ind.id}`} label={`${t("ind.save")} ${ind.name}`}>
                  <ErrorSummary form={values} scope={scope} />
                  <Fields
                    form={values}
                    scope={scope}
                    fields={[
                      field.select("source", t("ind.source"), options, { required: true }),
                      field.select("measure", t("ind.measure"), measures, {
                        placeholder: false,
                        required: true,
                      }),
                    ]}
                  />
                  <FormError form={values} />
                  <button type="submit">{t("ind.save")}</button>
                </Form>
              )}
              {src && (
                <ConfirmButton
                  action={`${base}/${ind.id}/remove`}
                  label={`${t("ind.remove")} ${ind.name}`}
                >
                  {t("ind.remove")}
                </ConfirmButton>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
