import { ErrorSummary, Fields, Form, type FormState, field } from "../../../core/views/form.tsx";
import { DECISION_METHODS } from "./resolution.ts";
import { ResolutionText, VoteCounts } from "./fields.tsx";
import type { MeetingRow } from "../meetings/queries.ts";
import type { ResolutionRow } from "./queries.ts";
import { Back, meetingTitle, meetingWhen, useView } from "../shared/views.tsx";

/** The form to correct a resolution with a new, linked record. */
export function CorrectionPage(props: {
  original: ResolutionRow;
  meeting: MeetingRow;
  form: FormState;
}) {
  const { lang, t, base } = useView();
  const f = props.form;
  const methods = DECISION_METHODS.map((k) => ({ value: k, label: t(`method.${k}`) }));
  return (
    <>
      <Back href={`${base}/resolutions/${props.original.id}`}>
        {t("res.title", { n: props.original.number })}
      </Back>
      <h1>{t("res.correct")}</h1>
      <p>
        {meetingTitle(props.meeting, lang)} · {meetingWhen(props.meeting, lang)}
      </p>
      <blockquote class="prose">{props.original.textTh}</blockquote>
      <p class="hint">{t("res.correctHint")}</p>
      <ErrorSummary form={f} />
      <Form
        action={`${base}/admin/resolutions/${props.original.id}/correct`}
        label={t("res.correct")}
      >
        <ResolutionText form={f} />
        <Fields
          form={f}
          fields={[
            field.select("method", t("res.method"), methods, {
              required: true,
              placeholder: false,
            }),
          ]}
        />
        <VoteCounts form={f} />
        <Fields
          form={f}
          fields={[
            field.textarea("correctionReason", t("res.correctionReason"), {
              required: true,
              rows: 2,
            }),
          ]}
        />
        <button type="submit">{t("res.correct")}</button>
      </Form>
    </>
  );
}
