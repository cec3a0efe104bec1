import { useCtx } from "../ctx.ts";
import { NewPassword } from "./new-password.tsx";
import { CheckField, ErrorSummary, Fields, Form, type FormState } from "../form.tsx";
import { tambonTitle } from "../layout.tsx";

/** Signing up in a tambon: a pending member until a facilitator or admin confirms them. */
export function SignupPage({
  form,
  villageOptions,
}: {
  form: FormState;
  villageOptions: { value: string; label: string }[];
}) {
  const { t, tambon, lang } = useCtx();
  return (
    <>
      <h1>{t("signup.title", { tambon: tambonTitle(tambon!, lang) })}</h1>
      <p>{t("signup.intro")}</p>
      <ErrorSummary form={form} />
      <Form action={`/t/${tambon!.slug}/signup`} label={t("signup.submit")}>
        <Fields
          form={form}
          fields={[
            {
              name: "name",
              label: t("signup.name"),
              required: true,
              autocomplete: "name",
              maxLength: 120,
            },
            {
              name: "phone",
              type: "tel",
              label: t("signup.phone"),
              hint: t("signup.contactHint"),
              autocomplete: "tel",
              inputmode: "tel",
            },
            {
              name: "email",
              type: "email",
              label: t("signup.email"),
              hint: t("signup.contactHint"),
              autocomplete: "email",
            },
            {
              kind: "select",
              name: "village",
              label: t("signup.village"),
              options: villageOptions,
              required: true,
            },
          ]}
        />
        <NewPassword form={form} label={t("signup.password")} />
        <CheckField form={form} name="consent" label={t("signup.consent")} />
        <button type="submit">{t("signup.submit")}</button>
      </Form>
    </>
  );
}
