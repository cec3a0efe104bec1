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
      <form method="get" action={base} class="filters" role="search">
        <div class="field">
          <label for="a-action">{t("audit.action")}</label>
          <select id="a-action" name="action">
            <option value="">{t("form.choose")}</option>
            {props.actions.map((a) => (
              <option key={a} value={a} selected={a === f.action}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="a-who">{t("audit.who")}</label>
          <input id="a-who" name="who" type="search" value={f.who ?? ""} />
        </div>
        <div class="field">
          <label for="a-from">{t("audit.from")}</label>
          <input id="a-from" name="from" type="date" value={f.from ?? ""} />
        </div>
        <div class="field">
          <label for="a-to">{t("audit.to")}</label>
          <input id="a-to" name="to" type="date" value={f.to ?? ""} />
        </div>
        <button type="submit" class="secondary">
          {t("form.filter")}
        </button>
      </form>
      {entries.items.length === 0 ? (
        <p>{t("audit.none")}</p>
      ) : (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t("admin.audit")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("audit.when")}</th>
                <th scope="col">{t("audit.who")}</th>
                <th scope="col">{t("audit.action")}</th>
                <th scope="col">{t("audit.target")}</th>
                <th scope="col">{t("audit.change")}</th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        </div>
      )}
      <Pager
        page={entries.page}
        pages={entries.pages}
        total={entries.total}
        href={(n) => pageHref(base, { ...f }, n)}
      />
    </>
  );
}
