import {
  ErrorSummary,
  Fields,
  Form,
  FormError,
  type FormState,
  field,
} from "../../../core/views/form.tsx";
import { Table } from "../../../core/views/list.tsx";
import { Pager } from "../../../core/views/pager.tsx";
import { StandaloneDoc } from "../../../core/views/standalone.tsx";
import { pageHref, type Page } from "../../../core/paging.ts";
import { formatDate, formatDateTime } from "../../../core/dates.ts";
import { formatThaiId } from "../../../core/thai-id.ts";
import { REQUEST_KINDS } from "../shared/kinds.ts";
import { History } from "../registry/views.tsx";
import type { DataRequest } from "./requests.ts";
import type { PersonReport } from "./report.ts";
import { BackLink } from "../../../core/views/back-link.tsx";
import { useCommunity } from "../shared/views.tsx";

/** The data requests and the form to record a new one. */
export function RequestList(p: { page: Page<DataRequest>; form: FormState }) {
  const { lang, tambon, t } = useCommunity();
  const path = `/t/${tambon!.slug}/admin/community/requests`;
  const kinds = REQUEST_KINDS.map((k) => ({ value: k, label: t(`request.kind.${k}`) }));
  return (
    <>
      <h1>{t("request.title")}</h1>
      <p>{t("request.intro")}</p>
      {p.page.total === 0 ? (
        <p class="muted">{t("request.none")}</p>
      ) : (
        <Table
          label={t("request.title")}
          columns={[
            t("request.receivedOn"),
            t("request.kind"),
            t("request.requester"),
            t("request.status"),
          ]}
        >
          {p.page.items.map((r) => (
            <tr key={r.id}>
              <td>{formatDate(r.receivedOn, lang)}</td>
              <td>
                <a href={`${path}/${r.id}`}>{t(`request.kind.${r.kind}`)}</a>
              </td>
              <td>{r.requester}</td>
              <td>{t(`request.status.${r.status}`)}</td>
            </tr>
          ))}
        </Table>
      )}
      <Pager of={p.page} href={(n) => pageHref(path, {}, n)} />
      <h2 id="new-h">{t("request.new")}</h2>
      <ErrorSummary form={p.form} />
      <Form action={path} label={t("request.new")}>
        <Fields
          form={p.form}
          fields={[
            field.text("requester", t("request.requester"), { required: true, maxLength: 200 }),
            field.select("kind", t("request.kind"), kinds, { required: true }),
            field.date("receivedOn", t("request.receivedOn"), { required: true }),
            field.text("personId", t("request.personId"), {
              hint: t("request.personHint"),
              inputmode: "numeric",
              maxLength: 10,
            }),
            field.textarea("details", t("request.details"), { rows: 3, maxLength: 2000 }),
          ]}
        />
        <FormError form={p.form} />
        <button type="submit">{t("request.new")}</button>
      </Form>
    </>
  );
}

/** A request: what was asked, links to act on it, and the form to record the outcome. */
export function RequestPage(p: {
  request: DataRequest;
  personName: string | null;
  form: FormState;
  /** The reader may open personal records (the network administrator may not). */
  personal: boolean;
}) {
  const { lang, tambon, t } = useCommunity();
  const r = p.request;
  const slug = tambon!.slug;
  const path = `/t/${slug}/admin/community/requests/${r.id}`;
  const decisions = (["done", "refused"] as const).map((d) => ({
    value: d,
    label: t(`request.decision.${d}`),
  }));
  return (
    <>
      <BackLink href={`/t/${slug}/admin/community/requests`}>{t("request.title")}</BackLink>
      <h1>{t("request.heading", { kind: t(`request.kind.${r.kind}`) })}</h1>
      <dl class="registry-facts">
        <dt>{t("request.requester")}</dt>
        <dd>{r.requester}</dd>
        <dt>{t("request.receivedOn")}</dt>
        <dd>{formatDate(r.receivedOn, lang)}</dd>
        <dt>{t("request.person")}</dt>
        <dd>{r.personId === null ? t("request.personGone") : (p.personName ?? "—")}</dd>
        <dt>{t("request.details")}</dt>
        <dd>{r.details || "—"}</dd>
        <dt>{t("request.status")}</dt>
        <dd>{t(`request.status.${r.status}`)}</dd>
        {r.outcome && (
          <>
            <dt>{t("request.handledBy")}</dt>
            <dd>{r.outcome}</dd>
          </>
        )}
      </dl>
      {r.personId !== null && (
        <ul class="registry-links">
          <li>
            <a href={`${path}/report`}>{t("request.report")}</a> ·{" "}
            <a href={`${path}/report.csv`}>{t("request.reportCsv")}</a> ·{" "}
            <a href={`${path}/report.xlsx`}>{t("request.reportXlsx")}</a>
          </li>
          {p.personal && (
            <li>
              <a href={`/t/${slug}/community/people/${r.personId}`}>{t("request.editPerson")}</a>
            </li>
          )}
        </ul>
      )}
      {r.status === "open" && (
        <section aria-labelledby="handle-h">
          <h2 id="handle-h">{t("request.handle")}</h2>
          {r.kind === "delete" && <p class="notice">{t("request.deleteWarning")}</p>}
          <ErrorSummary form={p.form} />
          <Form action={`${path}/handle`} label={t("request.handle")}>
            <Fields
              form={p.form}
              fields={[
                field.select("decision", t("request.decision"), decisions, { required: true }),
                field.textarea("outcome", t("request.outcome"), {
                  required: true,
                  rows: 3,
                  maxLength: 2000,
                }),
              ]}
            />
            <FormError form={p.form} />
            <button type="submit">{t("request.handle")}</button>
          </Form>
        </section>
      )}
    </>
  );
}

/** Everything stored about a person, as a printable document. */
export function ReportDoc({ report, names }: { report: PersonReport; names: Map<number, string> }) {
  const { lang, t } = useCommunity();
  const p = report.person;
  const rows: [string, string][] = [
    [t("person.name"), p.name],
    [t("person.thaiId"), p.thaiId ? formatThaiId(p.thaiId) : "—"],
    [t("person.birthDate"), p.birthDate ? formatDate(p.birthDate, lang) : "—"],
    [t("person.sex"), t(`person.sex.${p.sex}`)],
    [t("person.relation"), t(`person.relation.${p.relation}`)],
    [t("person.conditions"), p.conditions.map((c) => t(`person.condition.${c}`)).join(", ") || "—"],
    [t("person.status"), t(`person.status.${p.status}`)],
    [t("household.houseNo"), report.household?.houseNo ?? "—"],
    [t("person.purpose"), p.purpose || "—"],
    [t("person.lawfulBasis"), t(`person.basis.${p.lawfulBasis}`)],
    [t("person.consent"), t(`person.consent.${p.consent}`)],
    [t("person.consentAt"), p.consentAt ? formatDate(p.consentAt, lang) : "—"],
    [t("person.retainUntil"), p.retainUntil ? formatDate(p.retainUntil, lang) : "—"],
  ];
  return (
    <StandaloneDoc title={t("report.title")} bodyClass="registry-report">
      <main>
        <h1>{t("report.title")}</h1>
        <p class="muted">{t("report.made", { at: formatDateTime(new Date(), lang) })}</p>
        <h2>{t("report.registry")}</h2>
        <dl class="registry-facts">
          {rows.map(([k, v]) => (
            <>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </>
          ))}
        </dl>
        <History rows={report.history} names={names} />
        <h2>{t("report.answers")}</h2>
        {report.answers.length === 0 ? (
          <p>{t("report.noAnswers")}</p>
        ) : (
          <ul>
            {report.answers.map((a) => (
              <li key={a.submissionId}>
                <strong>{a.form}</strong> · {formatDateTime(a.receivedAt, lang)}
                <pre style="white-space: pre-wrap">{JSON.stringify(a.answers, null, 2)}</pre>
              </li>
            ))}
          </ul>
        )}
      </main>
    </StandaloneDoc>
  );
}
