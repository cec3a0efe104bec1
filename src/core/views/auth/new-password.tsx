import { useCtx } from "../ctx.ts";
import { Field, type FormState } from "../form.tsx";

/** A new password and the same typed again, as signing up, resetting and changing ask for them. */
export function NewPassword({ form, label }: { form: FormState; label: string }) {
  const { t } = useCtx();
  return (
    <>
      <Field
        form={form}
        name="password"
        type="password"
        label={label}
        hint={t("signup.passwordHint")}
        required
        autocomplete="new-password"
      />
      <Field
        form={form}
        name="password2"
        type="password"
        label={t("signup.password2")}
        required
        autocomplete="new-password"
      />
    </>
  );
}
