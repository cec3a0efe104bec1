import { FilterInput, FilterSelect, Filters, Table } from "../list.tsx";
import { useCtx } from "../ctx.ts";
import { Pager } from "../pager.tsx";
import { formatDateTime } from "../../dates.ts";
import { pageHref, type Page } from "../../paging.ts";
import type { AuditFilters, AuditRow } from "../../queries/audit.ts";
import { BackLink } from "./home.tsx";

/** A before or after summary as it is shown (nothing when empty). */
const show = (v: Record<string, unknown> | null) =>
  v && Object.keys(v).length ? JSON.stringify(v, null, 1) : "";

/** The audit log of a tambon or of the network, filtered by action, person and days. */
export function AuditPage(props: {
  entries: Page<AuditRow>;
  filters: AuditFilters;
  actions: string[];
  base: string;
  title: string;
}) {
  const { t, lang } = useCtx();
  const { base, filters: f, entries } = props;
  return (
    <>
      <BackLink />
      <h1>{props.title}</h1>
      <Filters action={base}>
        <FilterSelect
          id="a-action"
          name="action"
          label={t("audit.action")}
          any={t("form.choose")}
          value={f.action ?? ""}
          options={props.actions.map((a) => ({ value: a, label: a }))}
        />
        <FilterInput id="a-who" name="who" label={t("audit.who")} value={f.who ?? ""} />
        <FilterInput
          id="a-from"
          name="from"
          type="date"
          label={t("audit.from")}
          value={f.from ?? ""}
        />
        <FilterInput id="a-to" name="to" type="date" label={t("audit.to")} value={f.to ?? ""} />
      </Filters>
      {entries.items.length === 0 ? (
        <p>{t("audit.none")}</p>
      ) : (
        <Table
          label={t("admin.audit")}
          columns={[
            t("audit.when"),
            t("audit.who"),
            t("audit.action"),
            t("audit.target"),
            t("audit.change"),
          ]}
        >
          {entries.items.map((r) => (
            <tr key={r.id}>
              <td>{formatDateTime(r.at, lang)}</td>
              <td>{r.actor ?? t("audit.system")}</td>
              <td>
                <code>{r.action}</code>
              </td>
              <td>
                {r.targetType} {r.targetId}
              </td>
              <td>
                <pre class="audit">
                  {show(r.before)}
                  {r.before && r.after ? " → " : ""}
                  {show(r.after)}
                </pre>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pager of={entries} href={(n) => pageHref(base, { ...f }, n)} />
    </>
  );
}
