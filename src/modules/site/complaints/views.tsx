import { Table } from "../../../core/views/list.tsx";
import { type FormState } from "../../../core/views/form.tsx";
import { Facts, When, useSiteT, useUrl } from "../shared/views.tsx";
import { ONE_OF, SiteForm, type SiteField } from "../shared/form.tsx";
import { useCtx } from "../../../core/views/ctx.ts";
import { type Complaint } from "./commands.ts";
import { formatDateTime } from "../../../core/dates.ts";
import { BackLink } from "../../../core/views/back-link.tsx";

/** The complaint form, the tracking form and the monthly statistics. */
export function ComplaintsPage(props: {
  form: FormState;
  perMonth: { month: string; n: number; closed: number }[];
}) {
  const t = useSiteT();
  const { lang } = useCtx();
  const url = useUrl();
  const kinds = (["complaint", "request"] as const).map((k) => ({
    value: k,
    label: t(`complaint.kind.${k}`),
  }));
  const fields: SiteField[] = [
    { kind: "select", name: "kind", label: t("complaint.kind"), ...ONE_OF, options: kinds },
    <ChannelChoice key="channel" form={props.form} />,
    { name: "subject", label: t("complaint.subject"), required: true, maxLength: 200 },
    { kind: "textarea", name: "details", label: t("complaint.details"), required: true, rows: 6 },
    { name: "location", label: t("complaint.location"), maxLength: 500 },
    { kind: "photos", name: "photo", label: t("complaint.photo") },
    <p key="privacy" class="hint">
      {t("complaint.privacy")}
    </p>,
    { name: "name", label: t("complaint.name"), maxLength: 200 },
    { name: "contact", label: t("complaint.contact"), maxLength: 200 },
  ];
  return (
    <>
      <h1>{t("complaint.title")}</h1>
      <p>{t("complaint.intro")}</p>
      <section aria-labelledby="track-h" class="box">
        <h2 id="track-h">{t("complaint.track")}</h2>
        <TrackForm />
      </section>
      <h2>{t("complaint.submit")}</h2>
      <SiteForm
        form={props.form}
        action={url("/complaints")}
        multipart
        label={t("complaint.title")}
        fields={fields}
        submit={t("complaint.submit")}
      />
      <h2 id="per-month-h">{t("complaint.perMonth")}</h2>
      {props.perMonth.length === 0 ? (
        <p>{t("admin.nothing")}</p>
      ) : (
        <Table
          labelledBy="per-month-h"
          columns={[
            t("complaint.month"),
            { label: t("complaint.count"), num: true },
            { label: t("complaint.closedCount"), num: true },
          ]}
        >
          {props.perMonth.map((m) => (
            <tr key={m.month}>
              <td>{monthLabel(m.month, lang)}</td>
              <td class="num">{m.n}</td>
              <td class="num">{m.closed}</td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}

/** The channel of a complaint: the general one or the corruption channel (general when not chosen). */
function ChannelChoice({ form }: { form: FormState }) {
  const t = useSiteT();
  return (
    <fieldset id="f-channel">
      <legend>{t("complaint.channel")}</legend>
      {form.errors.channel && (
        <p class="error" id="f-channel-err">
          {form.errors.channel}
        </p>
      )}
      {(["general", "corruption"] as const).map((c) => (
        <div class="field check" key={c}>
          <input
            type="radio"
            id={`f-channel-${c}`}
            name="channel"
            value={c}
            checked={(form.values.channel ?? "general") === c}
          />
          <label for={`f-channel-${c}`}>{t(`complaint.channel.${c}`)}</label>
        </div>
      ))}
    </fieldset>
  );
}

export const monthFormats = {
  th: new Intl.DateTimeFormat("th-TH", { month: "long", year: "numeric", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }),
};

/** "2026-11" as "พฤศจิกายน 2569" or "November 2026". */
export function monthLabel(month: string, lang: "th" | "en"): string {
  return monthFormats[lang].format(new Date(`${month}-15T00:00:00Z`));
}

/** The form that looks a complaint up by its tracking code (the code typed kept when given). */
function TrackForm(props: { code?: string }) {
  const t = useSiteT();
  const url = useUrl();
  return (
    <form method="get" action={url("/complaints/track")} class="search-box">
      <label for="track-code">{t("complaint.code")}</label>
      <input id="track-code" name="code" value={props.code} placeholder={t("complaint.codeHint")} />
      <button type="submit">{t("complaint.track")}</button>
    </form>
  );
}

/** The status of a complaint as its filer sees it. */
export function TrackPage(props: {
  code: string;
  complaint: Complaint | null;
  events: { status: string; note: string; at: Date }[];
}) {
  const t = useSiteT();
  const { lang } = useCtx();
  const url = useUrl();
  const c = props.complaint;
  return (
    <>
      <BackLink href={url("/complaints")}>{t("complaint.title")}</BackLink>
      <h1>{t("complaint.track")}</h1>
      <TrackForm code={props.code} />
      {props.code && !c && (
        <p class="error" role="alert">
          {t("complaint.notFound")}
        </p>
      )}
      {c && (
        <section aria-labelledby="case-h">
          <h2 id="case-h">
            {c.code}: {c.subject}
          </h2>
          <Facts
            rows={[
              [t("complaint.status"), <strong key="s">{t(`complaint.status.${c.status}`)}</strong>],
              [t("complaint.kind"), t(`complaint.kind.${c.kind}`)],
              [t("complaint.filedAt"), formatDateTime(c.createdAt, lang)],
              [t("complaint.answer"), c.answer],
            ]}
          />
          <h3>{t("complaint.history")}</h3>
          <ol class="timeline">
            {props.events.map((e, i) => (
              <li key={i}>
                <When at={e.at} /> — {t(`complaint.status.${e.status as Complaint["status"]}`)}
                {e.note && <>: {e.note}</>}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
