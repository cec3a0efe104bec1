import {
  DateInput,
  ErrorSummary,
  Fields,
  Form,
  type FormState,
  field,
} from "../../../core/views/form.tsx";
import { FilterInput, Filters, FilterSelect, Table } from "../../../core/views/list.tsx";
import { Pager } from "../../../core/views/pager.tsx";
import { pageHref, type Page } from "../../../core/paging.ts";
import { formatDateTime } from "../../../core/dates.ts";
import type { CommunitySettings } from "./settings.ts";
import type { ReadRow } from "./reads.ts";
import { useCommunity } from "../shared/views.tsx";

/** The administration home of community data: plain links to each part. */
export function AdminHome(p: {
  households: number;
  people: number;
  openRequests: number;
  canPrivacy: boolean;
  /** The reader may open personal records (the network administrator may not). */
  personal: boolean;
}) {
  const { tambon, t } = useCommunity();
  const base = `/t/${tambon!.slug}`;
  const admin = `${base}/admin/community`;
  return (
    <>
      <h1>{t("admin.title")}</h1>
      <p>{t("admin.intro")}</p>
      <p>{t("admin.counts", { households: p.households, people: p.people })}</p>
      <h2>{t("admin.registry")}</h2>
      <ul class="registry-links">
        {p.personal && (
          <li>
            <a href={`${base}/community/households`}>{t("admin.households")}</a>
          </li>
        )}
        <li>
          <a href={`${admin}/forms`}>{t("admin.forms")}</a>
        </li>
        {p.personal && (
          <li>
            <a href={`${admin}/submissions`}>{t("admin.submissions")}</a>
          </li>
        )}
        <li>
          <a href={`${admin}/imports`}>{t("admin.imports")}</a>
        </li>
        <li>
          <a href={`${admin}/indicators`}>{t("admin.indicators")}</a>
        </li>
        <li>
          <a href={`${admin}/export.csv`}>{t("admin.export")}</a> ·{" "}
          <a href={`${admin}/export.xlsx`}>{t("admin.exportXlsx")}</a>{" "}
          <span class="muted">({t("admin.exportHint")})</span>
        </li>
      </ul>
      <h2>{t("admin.privacy")}</h2>
      <ul class="registry-links">
        <li>
          <a href={`${admin}/requests`}>{t("admin.requests")}</a>
          {p.openRequests > 0 && (
            <>
              {" "}
              · <strong>{t("admin.openRequests", { n: p.openRequests })}</strong>
            </>
          )}
        </li>
        {p.canPrivacy && (
          <>
            <li>
              <a href={`${admin}/reads`}>{t("admin.reads")}</a>
            </li>
            <li>
              <a href={`${admin}/settings`}>{t("admin.settings")}</a>
            </li>
          </>
        )}
        <li>
          <a href={`${base}/community/privacy`}>{t("admin.notice")}</a>
        </li>
      </ul>
    </>
  );
}

/** The read log with its filters (person, user, days). */
export function ReadLog(p: {
  page: Page<ReadRow>;
  query: Record<string, string>;
  users: { value: string; label: string }[];
}) {
  const { lang, tambon, t } = useCommunity();
  const path = `/t/${tambon!.slug}/admin/community/reads`;
  return (
    <>
      <h1>{t("reads.title")}</h1>
      <p>{t("reads.intro")}</p>
      <Filters action={path} label={t("reads.title")}>
        <FilterInput
          name="person"
          label={t("reads.person")}
          value={p.query.person ?? ""}
          maxLength={10}
        />
        <FilterSelect
          name="user"
          label={t("reads.user")}
          any={t("reads.anyUser")}
          value={p.query.user ?? ""}
          options={p.users}
        />
        <DateInput id="q-from" name="from" label={t("reads.from")} value={p.query.from} />
        <DateInput id="q-to" name="to" label={t("reads.to")} value={p.query.to} />
      </Filters>
      {p.page.total === 0 ? (
        <p>{t("reads.none")}</p>
      ) : (
        <Table
          label={t("reads.title")}
          columns={[
            t("reads.at"),
            t("reads.user"),
            t("reads.subject"),
            t("reads.detail"),
            { label: t("reads.records"), num: true },
          ]}
        >
          {p.page.items.map((r) => (
            <tr key={r.id}>
              <td>{formatDateTime(r.at, lang)}</td>
              <td>{r.userName ?? "—"}</td>
              <td>
                {t(`reads.subject.${r.subject}`)}
                {r.subjectId !== null ? ` #${r.subjectId}` : ""}
              </td>
              <td class="registry-detail">{r.detail}</td>
              <td class="num">{r.records}</td>
            </tr>
          ))}
        </Table>
      )}
      <Pager of={p.page} href={(n) => pageHref(path, p.query, n)} />
    </>
  );
}

/** The tambon's privacy settings. */
export function SettingsPage({ form }: { form: FormState }) {
  const { tambon, t } = useCommunity();
  return (
    <>
      <h1>{t("settings.title")}</h1>
      <ErrorSummary form={form} />
      <Form action={`/t/${tambon!.slug}/admin/community/settings`}>
        <Fields
          form={form}
          fields={[
            field.text("controller", t("settings.controller"), {
              hint: t("settings.controllerHint"),
              maxLength: 300,
            }),
            field.textarea("contact", t("settings.contact"), { rows: 3, maxLength: 500 }),
            field.textarea("defaultPurpose", t("settings.defaultPurpose"), {
              rows: 3,
              maxLength: 1000,
            }),
            field.text("retentionYears", t("settings.retentionYears"), {
              hint: t("settings.retentionHint"),
              inputmode: "numeric",
              required: true,
              maxLength: 2,
            }),
          ]}
        />
        <button type="submit">{t("settings.save")}</button>
      </Form>
    </>
  );
}

/** The public privacy notice of the tambon's community data (no personal data). */
export function PrivacyNotice({ settings }: { settings: CommunitySettings }) {
  const { tambon, t } = useCommunity();
  return (
    <article class="prose">
      <h1>{t("notice.title")}</h1>
      <p>
        {t("notice.controller")}: {settings.controller || tambon!.nameTh}
      </p>
      <h2>{t("notice.what")}</h2>
      <p>{t("notice.whatText")}</p>
      <h2>{t("notice.why")}</h2>
      <p>{settings.defaultPurpose || t("notice.whyDefault")}</p>
      <h2>{t("notice.basis")}</h2>
      <p>{t("notice.basisText")}</p>
      <h2>{t("notice.who")}</h2>
      <p>{t("notice.whoText")}</p>
      <h2>{t("notice.keep")}</h2>
      <p>{t("notice.keepText", { years: settings.retentionYears })}</p>
      <h2>{t("notice.rights")}</h2>
      <p>{t("notice.rightsText")}</p>
      {settings.contact && (
        <>
          <h2>{t("notice.contact")}</h2>
          <p style="white-space: pre-line">{settings.contact}</p>
        </>
      )}
    </article>
  );
}
