import { FilterSelect, Filters, Table } from "../../../core/views/list.tsx";
import {
  ErrorSummary,
  Form,
  SelectField,
  TextArea,
  type FormState,
} from "../../../core/views/form.tsx";
import { AdminFrame, useSiteT, useUrl } from "../shared/views.tsx";
import { useCtx } from "../../../core/views/ctx.ts";
import { COMPLAINT_STATUSES, type Complaint } from "./commands.ts";
import { formatDateTime } from "../../../core/dates.ts";
import { BackLink } from "../../../core/views/back-link.tsx";

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
      <BackLink href={url("/admin/site/complaints")}>{t("admin.complaints")}</BackLink>
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
