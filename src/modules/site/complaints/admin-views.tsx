import { FilterSelect, Filters, Table } from "../../../core/views/list.tsx";
import { type FormState } from "../../../core/views/form.tsx";
import { AdminFrame, Facts, useSiteT, useUrl } from "../shared/views.tsx";
import { ONE_OF, SiteForm, type SiteField } from "../shared/form.tsx";
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
  const { lang } = useCtx();
  const url = useUrl();
  const c = props.c;
  const statuses = COMPLAINT_STATUSES.map((s) => ({ value: s, label: t(`complaint.status.${s}`) }));
  const staff = [
    { value: "", label: t("complaint.nobody") },
    ...props.staff.map((s) => ({ value: String(s.id), label: s.name })),
  ];
  const fields: SiteField[] = [
    { kind: "select", name: "status", label: t("complaint.status"), ...ONE_OF, options: statuses },
    {
      kind: "select",
      name: "assignedTo",
      label: t("complaint.assign"),
      placeholder: false,
      options: staff,
    },
    { kind: "textarea", name: "answer", label: t("complaint.answer"), rows: 4 },
    { kind: "textarea", name: "note", label: t("complaint.note"), rows: 2 },
  ];
  return (
    <>
      <BackLink href={url("/admin/site/complaints")}>{t("admin.complaints")}</BackLink>
      <h1>
        {c.code}: {c.subject}
      </h1>
      <Facts
        rows={[
          [t("complaint.channel"), t(`complaint.channel.${c.channel}`)],
          [t("complaint.kind"), t(`complaint.kind.${c.kind}`)],
          [t("complaint.filedAt"), formatDateTime(c.createdAt, lang)],
          [t("complaint.location"), c.location || "—"],
          [t("complaint.name"), c.name || "—"],
          [t("complaint.contact"), c.contact || "—"],
        ]}
      />
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
      <SiteForm
        form={props.form}
        action={url(`/admin/site/complaints/${c.id}`)}
        label={t("complaint.update")}
        fields={fields}
      />
    </>
  );
}
