import { useCtx } from "../ctx.ts";
import { NewPassword } from "./new-password.tsx";
import { ErrorSummary, Fields, Form, type FormState } from "../form.tsx";

/** The login form (after a failed try, with what went wrong). */
export function LoginPage({
  form,
  next,
  failed,
}: {
  form: FormState;
  next: string;
  failed: boolean;
}) {
  const { t } = useCtx();
  return (
    <>
      <h1>{t("login.title")}</h1>
      {failed && (
        <p class="error-summary" role="alert">
          {t("login.failed")}
        </p>
      )}
      <Form action={`/login?next=${encodeURIComponent(next)}`} label={t("login.title")}>
        <Fields
          form={form}
          fields={[
            {
              name: "identifier",
              label: t("login.identifier"),
              required: true,
              autocomplete: "username",
            },
            {
              name: "password",
              type: "password",
              label: t("login.password"),
              required: true,
              autocomplete: "current-password",
            },
          ]}
        />
        <button type="submit">{t("login.submit")}</button>
      </Form>
      <p>{t("login.noAccount")}</p>
      <p class="muted">{t("login.forgot")}</p>
    </>
  );
}

/** Choosing a new password with a reset link (or why the link no longer works). */
export function ResetPage({
  form,
  token,
  valid,
}: {
  form: FormState;
  token: string;
  valid: boolean;
}) {
  const { t } = useCtx();
  return (
    <>
      <h1>{t("reset.title")}</h1>
      {!valid ? (
        <p class="error-summary" role="alert">
          {t("reset.invalid")}
        </p>
      ) : (
        <>
          <ErrorSummary form={form} />
          <Form action={`/reset/${encodeURIComponent(token)}`} label={t("reset.title")}>
            <NewPassword form={form} label={t("account.newPassword")} />
            <button type="submit">{t("form.save")}</button>
          </Form>
        </>
      )}
    </>
  );
}
