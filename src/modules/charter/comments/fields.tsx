import { Fields, SelectField, fieldId, type FormState, field } from "../../../core/views/form.tsx";
import { useT } from "../shared/views.tsx";

/**
 * The fields every comment form asks: what it is about (general, the preamble or a clause, from
 * `aboutOptions`), comment or suggestion, the comment and the proposed text. `scope` names the
 * form on its page; `rows` are the heights of the two text areas.
 */
export function CommentFields(props: {
  scope: string;
  form: FormState;
  aboutOptions: { value: string; label: string }[];
  rows: [number, number];
}) {
  const t = useT();
  const { scope, form } = props;
  const id = fieldId("kind", scope);
  return (
    <>
      <SelectField
        scope={scope}
        form={form}
        name="about"
        label={t("comments.about")}
        required
        options={props.aboutOptions}
        placeholder={false}
      />
      <fieldset id={id}>
        <legend>{t("comments.kind")}</legend>
        {form.errors.kind && (
          <p class="error" id={`${id}-err`}>
            {form.errors.kind}
          </p>
        )}
        {(["comment", "suggestion"] as const).map((k) => (
          <div class="field check" key={k}>
            <input
              type="radio"
              id={`${id}-${k}`}
              name="kind"
              value={k}
              checked={(form.values.kind ?? "comment") === k}
            />
            <label for={`${id}-${k}`}>{t(`comments.kind.${k}`)}</label>
          </div>
        ))}
      </fieldset>
      <Fields
        scope={scope}
        form={form}
        fields={[
          field.textarea("body", t("comments.body"), { rows: props.rows[0], maxLength: 4000 }),
          field.textarea("proposedText", t("comments.proposed"), {
            hint: t("comments.proposedHint"),
            rows: props.rows[1],
          }),
        ]}
      />
    </>
  );
}
