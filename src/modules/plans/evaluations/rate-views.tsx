import { useCtx } from "../../../core/views/ctx.ts";
import { core } from "../../../core/i18n/messages.ts";
import {
  ErrorSummary,
  Form,
  FormError,
  Fields,
  fieldId,
  type FormState,
  field,
} from "../../../core/views/form.tsx";
import type { Rating } from "../shared/kinds.ts";
import { WORDS_MAX } from "./commands.ts";
import { RATINGS, type Round, type Subject } from "./queries.ts";
import { SubjectName, useT } from "./views.tsx";
import { BackLink } from "../../../core/views/back-link.tsx";

/** One subject's card of the rating form: the three answers, what helped and what blocked. */
function RateCard({ subject, form }: { subject: Subject; form: FormState }) {
  const t = useT();
  const k = subject.key;
  const name = `rating-${k}`;
  const id = fieldId(name);
  const err = form.errors[name];
  const chosen = form.values[name] ?? "";
  return (
    <li class={err ? "rate-card has-error" : "rate-card"} id={`card-${k}`}>
      <fieldset class="rating-choice" id={id} aria-describedby={err ? `${id}-err` : undefined}>
        <legend>
          <SubjectName subject={subject} />
        </legend>
        {err && (
          <p class="error" id={`${id}-err`}>
            {err}
          </p>
        )}
        <div class="rating-options">
          {RATINGS.map((r: Rating) => (
            <label key={r} class={`rating-option rating-${r}`} for={`${id}-${r}`}>
              <input type="radio" id={`${id}-${r}`} name={name} value={r} checked={chosen === r} />{" "}
              {t(`evaluation.rating.${r}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <Fields
        form={form}
        fields={[
          field.textarea(`helped-${k}`, t("evaluation.helped"), { rows: 2, maxLength: WORDS_MAX }),
          field.textarea(`blocked-${k}`, t("evaluation.blocked"), {
            rows: 2,
            maxLength: WORDS_MAX,
          }),
        ]}
      />
    </li>
  );
}

/** The phone-friendly rating form: one card per subject, one button at the end. */
export function RateForm(props: { round: Round; subjects: Subject[]; form: FormState }) {
  const { tambon, lang } = useCtx();
  const t = useT();
  const ct = core.t(lang);
  const here = `/t/${tambon!.slug}/evaluations/${props.round.id}`;
  const projects = props.subjects.filter((s) => s.type === "project");
  const clauses = props.subjects.filter((s) => s.type === "clause");
  return (
    <>
      <BackLink href={here}>{props.round.title}</BackLink>
      <h1>{t("evaluation.rate")}</h1>
      <p>{t("evaluation.rateIntro")}</p>
      <ErrorSummary form={props.form} />
      {props.subjects.length === 0 ? (
        <p class="muted">{t("evaluation.noSubjects")}</p>
      ) : (
        <Form action={`${here}/rate`} label={t("evaluation.rate")} class="rate-form">
          <FormError form={props.form} />
          {projects.length > 0 && (
            <>
              <h2>{t("evaluation.projects")}</h2>
              <ul class="rate-cards">
                {projects.map((s) => (
                  <RateCard key={s.key} subject={s} form={props.form} />
                ))}
              </ul>
            </>
          )}
          {clauses.length > 0 && (
            <>
              <h2>{t("evaluation.clauses")}</h2>
              <ul class="rate-cards">
                {clauses.map((s) => (
                  <RateCard key={s.key} subject={s} form={props.form} />
                ))}
              </ul>
            </>
          )}
          <p class="rate-submit">
            <button type="submit">{t("evaluation.save")}</button>{" "}
            <a href={here}>{ct("form.cancel")}</a>
          </p>
        </Form>
      )}
    </>
  );
}
