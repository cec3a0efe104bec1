import { useCtx } from "../ctx.ts";
import { Fields, type FormState } from "../form.tsx";

/** A new password and the same typed again, as signing up, resetting and changing ask for them. */
export function NewPassword({ form, label }: { form: FormState; label: string }) {
  const { t } = useCtx();
  return (
    <Fields
      form={form}
      fields={[
        {
          name: "password",
          type: "password",
          label,
          hint: t("signup.passwordHint"),
          required: true,
          autocomplete: "new-password",
        },
        {
          name: "password2",
          type: "password",
          label: t("signup.password2"),
          required: true,
          autocomplete: "new-password",
        },
      ]}
    />
  );
}
