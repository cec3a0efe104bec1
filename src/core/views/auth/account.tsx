import { useCtx } from "../ctx.ts";
import { NewPassword } from "./new-password.tsx";
import { ErrorSummary, Field, Form, type FormState } from "../form.tsx";
import { tambonTitle } from "../layout.tsx";
import type { AccountData } from "../../queries/account.ts";
import { nmsg } from "../../notices/messages.ts";

/** A person's own account: who they are, where they take part, changing the password. */
export function AccountPage({ data, form }: { data: AccountData; form: FormState }) {
  const { t, lang } = useCtx();
  const nt = nmsg.t(lang);
  const u = data.user;
  return (
    <>
      <h1>{t("account.title")}</h1>
      <dl>
        <dt>{t("people.name")}</dt>
        <dd>{u.name}</dd>
        {u.username && (
          <>
            <dt>{t("account.username")}</dt>
            <dd>{u.username}</dd>
          </>
        )}
        {(u.phone || u.email) && (
          <>
            <dt>{t("people.contact")}</dt>
            <dd>{[u.phone, u.email].filter(Boolean).join(" · ")}</dd>
          </>
        )}
      </dl>
      <h2>{t("account.memberships")}</h2>
      {u.isNetworkAdmin && <p class="badge">{t("role.network_admin")}</p>}
      <ul>
        {data.memberships.map((m) => (
          <li key={m.slug}>
            <a href={`/t/${m.slug}`}>{tambonTitle(m.tambon, lang)}</a>
            {m.village && (
              <>
                {" "}
                · {t("village.mooN", { n: m.village.moo })}{" "}
                {lang === "en" && m.village.nameEn ? m.village.nameEn : m.village.nameTh}
              </>
            )}{" "}
            · {t(`status.${m.status}` as "status.active")}
            {m.status === "active" && (
              <>
                {" "}
                · <a href={`/t/${m.slug}/notices`}>{nt("notices.mine")}</a>
              </>
            )}
            <div>
              {m.roles.map((r) => (
                <span class="badge" key={r}>
                  {t(`role.${r}` as "role.member")}
                </span>
              ))}
            </div>
          </li>
        ))}
      </ul>
      <h2 id="password">{t("account.changePassword")}</h2>
      <ErrorSummary form={form} />
      <Form action="/account/password" label={t("account.changePassword")}>
        <Field
          form={form}
          name="current"
          type="password"
          label={t("account.currentPassword")}
          required
          autocomplete="current-password"
        />
        <NewPassword form={form} label={t("account.newPassword")} />
        <button type="submit">{t("account.changePassword")}</button>
      </Form>
    </>
  );
}
