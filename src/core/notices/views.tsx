import encodeQR from "qr";
import { useCtx } from "../views/ctx.ts";
import { ErrorSummary, Field, Form, type FormState } from "../views/form.tsx";
import { FilterSelect, Filters, Table } from "../views/list.tsx";
import { Pager } from "../views/pager.tsx";
import { ConfirmButton } from "../views/confirm.tsx";
import { AdminBackLink } from "../views/admin/home.tsx";
import { formatDateTime } from "../dates.ts";
import { formatNumber } from "../digits.ts";
import { pageHref, type Page } from "../paging.ts";
import { nmsg } from "./messages.ts";
import { CHANNELS, wantedByDefault, type NoticeKind } from "./index.ts";
import { addFriendUrl } from "./line.ts";
import { NOTICE_STATUSES, type NoticeLogRow, type NoticeStatus } from "./queries.ts";

/** The add-friend-and-send-code link as a QR code, drawn on the server (SVG, no script). */
function LinkQr({ url, label }: { url: string; label: string }) {
  const svg = encodeQR(url, "svg", { ecc: "medium", border: 2 });
  return (
    <div
      class="line-qr"
      role="img"
      aria-label={label}
      // The SVG is made here from a URL we built; it holds no text from anyone.
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}

/** A member's page: their LINE link and what they hear about by LINE and e-mail. */
export function MyNoticesPage(props: {
  kinds: { kind: NoticeKind; module: string }[];
  choices: Map<string, boolean>;
  hasEmail: boolean;
  channel: { basicId: string } | null;
  link: {
    lineUserId: string | null;
    linkedAt: Date | null;
    code: string | null;
    codeExpiresAt: Date | null;
  } | null;
  now: Date;
}) {
  const { lang, tambon, digits } = useCtx();
  const t = nmsg.t(lang);
  const base = `/t/${tambon!.slug}/notices`;
  const { link, channel } = props;
  const code =
    link?.code && link.codeExpiresAt && link.codeExpiresAt > props.now ? link.code : null;
  return (
    <>
      <h1>{t("notices.mine")}</h1>
      <section aria-labelledby="line-h">
        <h2 id="line-h">{t("line.heading")}</h2>
        {!channel ? (
          <p>{t("line.notSet")}</p>
        ) : link?.lineUserId ? (
          <>
            <p>{t("line.linked", { date: formatDateTime(link.linkedAt!, lang, digits) })}</p>
            <ConfirmButton action={`${base}/line/unlink`}>{t("line.unlink")}</ConfirmButton>
          </>
        ) : (
          <>
            {code && (
              <div class="line-code">
                <p>
                  {t("line.steps", {
                    time: formatDateTime(link!.codeExpiresAt!, lang, digits),
                  })}
                </p>
                <p>
                  {t("line.code")}: <strong class="code">{code}</strong>
                </p>
                <LinkQr url={addFriendUrl(channel.basicId, code)} label={t("line.qr", { code })} />
                <p>
                  <a href={addFriendUrl(channel.basicId, code)}>{t("line.openLink")}</a>
                </p>
              </div>
            )}
            <Form action={`${base}/line/code`}>
              <button type="submit" class={code ? "secondary" : undefined}>
                {t("line.getCode")}
              </button>
            </Form>
          </>
        )}
      </section>
      <section aria-labelledby="choices-h">
        <h2 id="choices-h">{t("notices.title")}</h2>
        <p>{t("notices.intro")}</p>
        {!props.hasEmail && <p class="muted">{t("notices.noEmail")}</p>}
        <Form action={`${base}/choices`} label={t("notices.title")}>
          {props.kinds.map(({ kind }) => (
            <fieldset key={kind.kind} class="notice-kind">
              <legend>{kind.label[lang]}</legend>
              {CHANNELS.map((ch) => {
                const key = `${kind.kind}:${ch}`;
                const on = props.choices.get(key) ?? wantedByDefault(kind, ch);
                return (
                  <label key={ch} class="confirm-check">
                    <input type="checkbox" name="want" value={key} checked={on} />{" "}
                    {t(ch === "line" ? "notices.line" : "notices.email")}
                  </label>
                );
              })}
            </fieldset>
          ))}
          <div class="actions">
            <button type="submit">{t("notices.save")}</button>
          </div>
        </Form>
      </section>
    </>
  );
}

/** The channel's two secrets, typed as passwords; an empty one keeps the one stored. */
const KEPT_SECRETS = [
  { name: "accessToken", label: "admin.token", kept: "token", maxLength: 500 },
  { name: "channelSecret", label: "admin.secret", kept: "secret", maxLength: 32 },
] as const;

/** The admin's LINE settings: basic ID, token and secret (kept ones shown only by their end). */
export function LineSettingsPage(props: {
  form: FormState;
  webhookUrl: string;
  kept: { token: string; secret: string } | null;
  linked: number;
}) {
  const { lang, tambon } = useCtx();
  const t = nmsg.t(lang);
  const base = `/t/${tambon!.slug}/admin/notices/line`;
  return (
    <>
      <AdminBackLink />
      <h1>{t("admin.lineSettings")}</h1>
      <p>{t("admin.lineIntro")}</p>
      <p>
        {t("admin.webhook")}: <code>{props.webhookUrl}</code>
      </p>
      {props.kept && <p>{t("admin.linkedCount", { n: props.linked })}</p>}
      <ErrorSummary form={props.form} />
      <Form action={base} label={t("admin.lineSettings")}>
        <Field
          name="basicId"
          label={t("admin.basicId")}
          hint={t("admin.basicIdHint")}
          form={props.form}
          required
          maxLength={41}
        />
        {KEPT_SECRETS.map(({ name, label, kept, maxLength }) => (
          <Field
            key={name}
            name={name}
            type="password"
            autocomplete="off"
            label={t(label)}
            hint={props.kept ? t("admin.keepHint", { hint: props.kept[kept] }) : undefined}
            form={props.form}
            required={!props.kept}
            maxLength={maxLength}
          />
        ))}
        <div class="actions">
          <button type="submit">{t("admin.saveLine")}</button>
          <a class="button secondary" href={`/t/${tambon!.slug}/admin/notices`}>
            {t("admin.log")}
          </a>
        </div>
      </Form>
      {props.kept && (
        <ConfirmButton action={`${base}/remove`} confirm={t("admin.removeConfirm")}>
          {t("admin.removeLine")}
        </ConfirmButton>
      )}
    </>
  );
}

/** The tambon's notice log: what went out, what waits and why, what failed. */
export function NoticeLogPage(props: {
  page: Page<NoticeLogRow>;
  status: NoticeStatus | null;
  counts: {
    waiting: number;
    sent: number;
    failed: number;
    lineWaiting: number;
    emailWaiting: number;
  };
  unreachableSince: Date | null;
  mailReady: boolean;
  kindLabel: (kind: string) => string;
}) {
  const { lang, tambon, digits } = useCtx();
  const t = nmsg.t(lang);
  const base = `/t/${tambon!.slug}/admin/notices`;
  const n = (v: number) => formatNumber(v, lang, digits);
  const c = props.counts;
  return (
    <>
      <AdminBackLink />
      <h1>{t("admin.log")}</h1>
      <p>
        <a href={`${base}/line`}>{t("admin.lineSettings")}</a>
      </p>
      {props.unreachableSince && (
        <p class="notice warning" role="status">
          {t("admin.unreachable", {
            time: formatDateTime(props.unreachableSince, lang, digits),
            n: n(c.lineWaiting),
          })}
        </p>
      )}
      {!props.mailReady && c.emailWaiting > 0 && (
        <p class="notice warning" role="status">
          {t("admin.noMail", { n: n(c.emailWaiting) })}
        </p>
      )}
      <p>{t("admin.counts", { waiting: n(c.waiting), sent: n(c.sent), failed: n(c.failed) })}</p>
      <Filters action={base}>
        <FilterSelect
          name="status"
          label={t("admin.filter")}
          any={t("admin.all")}
          value={props.status ?? ""}
          options={NOTICE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
      </Filters>
      {props.page.items.length === 0 ? (
        <p>{t("admin.empty")}</p>
      ) : (
        <Table
          label={t("admin.log")}
          columns={[
            t("col.when"),
            t("col.to"),
            t("col.channel"),
            t("col.kind"),
            t("col.status"),
            { label: t("col.attempts"), num: true },
          ]}
        >
          {props.page.items.map((r) => (
            <tr key={r.id}>
              <td>{formatDateTime(r.sentAt ?? r.createdAt, lang, digits)}</td>
              <td>{r.name ?? r.recipient}</td>
              <td>{t(r.channel === "line" ? "notices.line" : "notices.email")}</td>
              <td>{props.kindLabel(r.kind)}</td>
              <td>
                {t(`status.${r.status}`)}
                {r.lastError && r.status !== "sent" && (
                  <>
                    <br />
                    <small class="muted">{r.lastError}</small>
                  </>
                )}
              </td>
              <td class="num">{n(r.attempts)}</td>
            </tr>
          ))}
        </Table>
      )}
      <Pager of={props.page} href={(p) => pageHref(base, { status: props.status }, p)} />
    </>
  );
}
