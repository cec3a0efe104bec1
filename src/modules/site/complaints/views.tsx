import { FilterSelect, Filters, Table } from "../../../core/views/list.tsx";
import {
  ErrorSummary,
  Field,
  Form,
  SelectField,
  TextArea,
  type FormState,
} from "../../../core/views/form.tsx";
import { AdminFrame, Facts, Input, When, useSiteT, useUrl } from "../shared/views.tsx";
import { useCtx } from "../../../core/views/ctx.ts";
import { COMPLAINT_STATUSES, type Complaint } from "./commands.ts";
import { formatDateTime } from "../../../core/dates.ts";

/** The complaint form, the tracking form and the monthly statistics. */
export function ComplaintsPage(props: {
  form: FormState;
  perMonth: { month: string; n: number; closed: number }[];
}) {
  const t = useSiteT();
  const { lang } = useCtx();
  const url = useUrl();
  const f = props.form;
  return (
    <>
      <h1>{t("complaint.title")}</h1>
      <p>{t("complaint.intro")}</p>
      <section aria-labelledby="track-h" class="box">
        <h2 id="track-h">{t("complaint.track")}</h2>
        <form method="get" action={url("/complaints/track")} class="search-box">
          <label for="track-code">{t("complaint.code")}</label>
          <input id="track-code" name="code" placeholder={t("complaint.codeHint")} />
          <button type="submit">{t("complaint.track")}</button>
        </form>
      </section>
      <h2>{t("complaint.submit")}</h2>
      <ErrorSummary form={f} />
      <Form action={url("/complaints")} multipart label={t("complaint.title")}>
        <SelectField
          form={f}
          name="kind"
          label={t("complaint.kind")}
          required
          placeholder={false}
          options={[
            { value: "complaint", label: t("complaint.kind.complaint") },
            { value: "request", label: t("complaint.kind.request") },
          ]}
        />
        <fieldset id="f-channel">
          <legend>{t("complaint.channel")}</legend>
          {f.errors.channel && (
            <p class="error" id="f-channel-err">
              {f.errors.channel}
            </p>
          )}
          {(["general", "corruption"] as const).map((c) => (
            <div class="field check" key={c}>
              <input
                type="radio"
                id={`f-channel-${c}`}
                name="channel"
                value={c}
                checked={(f.values.channel ?? "general") === c}
              />
              <label for={`f-channel-${c}`}>{t(`complaint.channel.${c}`)}</label>
            </div>
          ))}
        </fieldset>
        <Field form={f} name="subject" label={t("complaint.subject")} required maxLength={200} />
        <TextArea form={f} name="details" label={t("complaint.details")} required rows={6} />
        <Field form={f} name="location" label={t("complaint.location")} maxLength={500} />
        <Input
          form={f}
          name="photo"
          type="file"
          accept="image/jpeg,image/png,image/webp,image/avif"
          label={t("complaint.photo")}
          hint={t("field.photosHint")}
        />
        <p class="hint">{t("complaint.privacy")}</p>
        <Field form={f} name="name" label={t("complaint.name")} maxLength={200} />
        <Field form={f} name="contact" label={t("complaint.contact")} maxLength={200} />
        <button type="submit">{t("complaint.submit")}</button>
      </Form>
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

export const monthFormats = {
  th: new Intl.DateTimeFormat("th-TH", { month: "long", year: "numeric", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }),
};

/** "2026-11" as "พฤศจิกายน 2569" or "November 2026". */
export function monthLabel(month: string, lang: "th" | "en"): string {
  return monthFormats[lang].format(new Date(`${month}-15T00:00:00Z`));
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
      <p>
        <a href={url("/complaints")}>← {t("complaint.title")}</a>
      </p>
      <h1>{t("complaint.track")}</h1>
      <form method="get" action={url("/complaints/track")} class="search-box">
        <label for="track-code">{t("complaint.code")}</label>
        <input
          id="track-code"
          name="code"
          value={props.code}
          placeholder={t("complaint.codeHint")}
        />
        <button type="submit">{t("complaint.track")}</button>
      </form>
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

/** Complaints for staff, filtered by status; the corruption channel only for admins. */
export function ComplaintsAdmin(props: {
  rows: Complaint[];
  status: string;
  corruption: Complaint[] | null;
}) {
  const t = useSiteT();
  const { lang } = useCtx();
  const url = useUrl();
  const table = (rows: Complaint[], label: string) => (
    <Table
      label={label}
      columns={[
        t("complaint.code"),
        t("complaint.subject"),
        t("complaint.status"),
        t("complaint.filedAt"),
      ]}
    >
      {rows.map((c) => (
        <tr key={c.id}>
          <td>
            <a href={url(`/admin/site/complaints/${c.id}`)}>{c.code}</a>
          </td>
          <td>{c.subject}</td>
          <td>{t(`complaint.status.${c.status}`)}</td>
          <td>{formatDateTime(c.createdAt, lang)}</td>
        </tr>
      ))}
    </Table>
  );
  return (
    <AdminFrame title={t("admin.complaints")}>
      <Filters action={url("/admin/site/complaints")}>
        <FilterSelect
          id="f-status"
          name="status"
          label={t("complaint.status")}
          any={t("complaint.filter.all")}
          value={props.status ?? ""}
          options={COMPLAINT_STATUSES.map((s) => ({ value: s, label: t(`complaint.status.${s}`) }))}
        />
      </Filters>
      {props.rows.length ? table(props.rows, t("admin.complaints")) : <p>{t("admin.nothing")}</p>}
      {props.corruption && (
        <>
          <h2>{t("complaint.corruptionList")}</h2>
          {props.corruption.length ? (
            table(props.corruption, t("complaint.corruptionList"))
          ) : (
            <p>{t("admin.nothing")}</p>
          )}
        </>
      )}
    </AdminFrame>
  );
}

/** One complaint for staff: everything filed, history, and the update form. */
export function ComplaintAdmin(props: {
  c: Complaint;
  events: { status: string; note: string; at: Date; actorName: string | null }[];
  staff: { id: number; name: string }[];
  form: FormState;
  photoUrl: string | null;
}) {
  const t = useSiteT();
  const ct = useCtx().t;
  const { lang } = useCtx();
  const url = useUrl();
  const c = props.c;
  const f = props.form;
  return (
    <>
      <p>
        <a href={url("/admin/site/complaints")}>← {t("admin.complaints")}</a>
      </p>
      <h1>
        {c.code}: {c.subject}
      </h1>
      <dl class="facts">
        <div>
          <dt>{t("complaint.channel")}</dt>
          <dd>{t(`complaint.channel.${c.channel}`)}</dd>
        </div>
        <div>
          <dt>{t("complaint.kind")}</dt>
          <dd>{t(`complaint.kind.${c.kind}`)}</dd>
        </div>
        <div>
          <dt>{t("complaint.filedAt")}</dt>
          <dd>{formatDateTime(c.createdAt, lang)}</dd>
        </div>
        <div>
          <dt>{t("complaint.location")}</dt>
          <dd>{c.location || "—"}</dd>
        </div>
        <div>
          <dt>{t("complaint.name")}</dt>
          <dd>{c.name || "—"}</dd>
        </div>
        <div>
          <dt>{t("complaint.contact")}</dt>
          <dd>{c.contact || "—"}</dd>
        </div>
      </dl>
      <p class="pre">{c.details}</p>
      {props.photoUrl && <img src={props.photoUrl} alt={t("complaint.photo")} class="cover" />}
      <h2>{t("complaint.history")}</h2>
      <ol class="timeline">
        {props.events.map((e, i) => (
          <li key={i}>
            {formatDateTime(e.at, lang)} —{" "}
            {t(`complaint.status.${e.status as Complaint["status"]}`)}
            {e.actorName && ` (${e.actorName})`}
            {e.note && `: ${e.note}`}
          </li>
        ))}
      </ol>
      <h2>{t("complaint.update")}</h2>
      <ErrorSummary form={f} />
      <Form action={url(`/admin/site/complaints/${c.id}`)} label={t("complaint.update")}>
        <SelectField
          form={f}
          name="status"
          label={t("complaint.status")}
          required
          placeholder={false}
          options={COMPLAINT_STATUSES.map((s) => ({ value: s, label: t(`complaint.status.${s}`) }))}
        />
        <SelectField
          form={f}
          name="assignedTo"
          label={t("complaint.assign")}
          placeholder={false}
          options={[
            { value: "", label: t("complaint.nobody") },
            ...props.staff.map((s) => ({ value: String(s.id), label: s.name })),
          ]}
        />
        <TextArea form={f} name="answer" label={t("complaint.answer")} rows={4} />
        <TextArea form={f} name="note" label={t("complaint.note")} rows={2} />
        <button type="submit">{ct("form.save")}</button>
      </Form>
    </>
  );
}
