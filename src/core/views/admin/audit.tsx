import { FilterInput, FilterSelect, Filters, Table } from "../list.tsx";
import { DateInput } from "../form.tsx";
import { useCtx } from "../ctx.ts";
import { Pager } from "../pager.tsx";
import { formatDateTime } from "../../dates.ts";
import { pageHref, type Page } from "../../paging.ts";
import type { AuditFilters, AuditRow } from "../../queries/audit.ts";
import { AdminBackLink } from "./home.tsx";
import {
  actionText,
  describeAudit,
  type AuditDetail,
  type AuditNames,
  type AuditText,
} from "../../audit-text.ts";

/** An audit entry's action in words, with the record's name and a link to its page. */
export function AuditSentence({ text }: { text: AuditText }) {
  const words = (
    <>
      {text.action}
      {text.subject && ` “${text.subject}”`}
    </>
  );
  return text.href ? <a href={text.href}>{words}</a> : words;
}

/** An audit entry's details as a list of fields (before → after), never JSON. */
export function AuditDetails({ details }: { details: AuditDetail[] }) {
  if (!details.length) return null;
  return (
    <ul class="audit-details">
      {details.map((d, i) => (
        <li key={i}>
          <span class="muted">{d.label}:</span>{" "}
          {d.before !== undefined && d.after !== undefined ? (
            <>
              <del>{d.before}</del> → <ins>{d.after}</ins>
            </>
          ) : (
            (d.after ?? d.before)
          )}
        </li>
      ))}
    </ul>
  );
}

/** The audit log of a tambon or of the network, filtered by action, person and days. */
export function AuditPage(props: {
  entries: Page<AuditRow>;
  filters: AuditFilters;
  actions: string[];
  base: string;
  title: string;
  names?: AuditNames;
}) {
  const { t, lang, tambon, digits } = useCtx();
  const { base, filters: f, entries } = props;
  return (
    <>
      <AdminBackLink />
      <h1>{props.title}</h1>
      <Filters action={base}>
        <FilterSelect
          id="a-action"
          name="action"
          label={t("audit.action")}
          any={t("form.choose")}
          value={f.action ?? ""}
          options={props.actions.map((a) => ({ value: a, label: actionText(a, lang) }))}
        />
        <FilterInput id="a-who" name="who" label={t("audit.who")} value={f.who ?? ""} />
        <DateInput id="a-from" name="from" label={t("audit.from")} value={f.from} />
        <DateInput id="a-to" name="to" label={t("audit.to")} value={f.to} />
      </Filters>
      {entries.items.length === 0 ? (
        <p>{t("audit.none")}</p>
      ) : (
        <Table
          label={t("admin.audit")}
          columns={[t("audit.when"), t("audit.who"), t("audit.action"), t("audit.change")]}
          stack
        >
          {entries.items.map((r) => {
            const text = describeAudit(r, lang, tambon?.slug ?? null, digits, props.names);
            return (
              <tr key={r.id}>
                <td>{formatDateTime(r.at, lang, digits)}</td>
                <td data-label={t("audit.who")}>{r.actor ?? t("audit.system")}</td>
                <td>
                  <AuditSentence text={text} />
                </td>
                <td>
                  <AuditDetails details={text.details} />
                </td>
              </tr>
            );
          })}
        </Table>
      )}
      <Pager of={entries} href={(n) => pageHref(base, { ...f }, n)} />
    </>
  );
}
