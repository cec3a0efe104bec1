import { useCtx } from "../../../core/views/ctx.ts";
import { Form } from "../../../core/views/form.tsx";
import { formatDateTime } from "../../../core/dates.ts";
import { core } from "../../../core/i18n/messages.ts";
import { msg } from "../messages.ts";
import { EMAIL_PREFERENCES } from "./queries.ts";

/** A member's notifications, with "mark all as read" and the e-mail preference. */
export function NotificationsPage(props: {
  items: { id: number; text: string; at: Date; read: boolean; href: string | null }[];
  pref: string;
}) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  const base = `/t/${tambon!.slug}/notifications`;
  return (
    <>
      <h1>{t("notif.title")}</h1>
      {props.items.length === 0 ? (
        <p>{t("notif.none")}</p>
      ) : (
        <ul class="notifications">
          {props.items.map((n) => (
            <li key={n.id} class={n.read ? "muted" : ""}>
              {n.href ? <a href={n.href}>{n.text}</a> : n.text}{" "}
              <span class="muted">· {formatDateTime(n.at, lang)}</span>
            </li>
          ))}
        </ul>
      )}
      <div class="actions">
        <Form action={`${base}/read`}>
          <button type="submit" class="secondary">
            {t("notif.markRead")}
          </button>
        </Form>
        <Form action={`${base}/prefs`} class="inline-form" label={t("notif.email")}>
          <label for="f-email-pref">{t("notif.email")}</label>{" "}
          <select id="f-email-pref" name="email">
            {EMAIL_PREFERENCES.map((p) => (
              <option key={p} value={p} selected={props.pref === p}>
                {t(`notif.${p}`)}
              </option>
            ))}
          </select>{" "}
          <button type="submit" class="secondary">
            {core.t(lang)("form.save")}
          </button>
        </Form>
      </div>
    </>
  );
}
