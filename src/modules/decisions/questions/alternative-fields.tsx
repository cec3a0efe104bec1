import { useCtx } from "../../../core/views/ctx.ts";
import { Field, TextArea, type FormState } from "../../../core/views/form.tsx";
import { msg } from "../messages.ts";

/** The fields of an alternative, as opening a question, adding one and editing one ask them. */
export function AlternativeFields(props: { form: FormState }) {
  const t = msg.t(useCtx().lang);
  return (
    <>
      <Field form={props.form} name="altTitle" label={t("alt.title")} required maxLength={200} />
      <TextArea form={props.form} name="altBody" label={t("alt.body")} required />
    </>
  );
}
