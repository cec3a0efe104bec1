import { useCtx } from "../../../core/views/ctx.ts";
import { Fields, type FormState, field } from "../../../core/views/form.tsx";
import { msg } from "../messages.ts";

/** The fields of an alternative, as opening a question, adding one and editing one ask them. */
export function AlternativeFields(props: { form: FormState }) {
  const t = msg.t(useCtx().lang);
  return (
    <Fields
      form={props.form}
      fields={[
        field.text("altTitle", t("alt.title"), { required: true, maxLength: 200 }),
        field.textarea("altBody", t("alt.body"), { required: true }),
      ]}
    />
  );
}
