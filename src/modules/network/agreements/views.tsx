import { FilterInput, FilterSelect, Filters, Table } from "../../../core/views/list.tsx";
import {
  ErrorSummary,
  Field,
  Form,
  SelectField,
  type FormState,
  TextArea,
} from "../../../core/views/form.tsx";
import { tambonTitle } from "../../../core/views/layout.tsx";
import { todayIso } from "../../../core/dates.ts";
import type { Tambon } from "../../../core/tenancy.ts";
import { nameIn, textIn, type Pillar } from "../shared/lists.ts";
import {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  effectiveStatus,
  type AgreementKind,
} from "./agreement.ts";
import type { AgreementDetail, AgreementFilter, AgreementRow } from "./queries.ts";
import type { Page } from "../../../core/paging.ts";
import { PartyTable } from "../pillars/views.tsx";
import {
  Badge,
  BackToAdmin,
  ExportLinks,
  FileField,
  NetworkNav,
  num,
  size,
  useNet,
} from "../shared/views.tsx";
import { Pager } from "../../../core/views/pager.tsx";
import { pageHref } from "../../../core/paging.ts";

/** The query string of an agreement filter. */
export function agreementQuery(f: AgreementFilter, page?: number): string {
  return pageHref("", { q: f.q, status: f.status, kind: f.kind }, page ?? 1);
}

function AgreementFilters(props: { action: string; f: AgreementFilter }) {
  const { t } = useNet();
  const statuses = props.f.includeDrafts
    ? AGREEMENT_STATUSES
    : AGREEMENT_STATUSES.filter((s) => s !== "draft");
  return (
    <Filters action={props.action} label={t("list.filters")}>
      <FilterInput value={props.f.q} label={t("agreements.search")} maxLength={100} />
      <FilterSelect
        name="status"
        label={t("agreement.status")}
        any={t("list.any")}
        value={props.f.status}
        options={statuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
      />
      <FilterSelect
        name="kind"
        label={t("agreement.kind")}
        any={t("list.any")}
        value={props.f.kind}
        options={AGREEMENT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
      />
    </Filters>
  );
}

/** A table of agreements: title, parties, signing date and status. */
export function AgreementTable(props: {
  rows: AgreementRow[];
  href: (a: AgreementRow) => string;
  caption: string;
  owner?: (a: AgreementRow) => string | null;
}) {
  const { t, lang, date } = useNet();
  const today = todayIso();
  return (
    <Table
      label={props.caption}
      caption={props.caption}
      columns={[
        t("agreement.title"),
        t("agreement.parties"),
        t("agreement.signedOn"),
        t("agreement.status"),
      ]}
    >
      {props.rows.map((a) => (
        <tr key={a.id}>
          <td>
            <a href={props.href(a)}>{textIn(a.titleTh, a.titleEn, lang)}</a>
            {a.kind === "common_ground" && (
              <>
                {" "}
                <Badge>{t("kind.common_ground")}</Badge>
              </>
            )}
            {props.owner?.(a) && <span class="muted"> · {props.owner(a)}</span>}
          </td>
          <td>{a.parties.map((p) => textIn(p.nameTh, p.nameEn, lang)).join(" · ") || "–"}</td>
          <td>{date(a.signedOn)}</td>
          <td>{t(`status.${effectiveStatus(a, today)}`)}</td>
        </tr>
      ))}
    </Table>
  );
}

/** The public list of a tambon's agreements. */
export function AgreementList(props: {
  page: Page<AgreementRow>;
  filter: AgreementFilter;
  asParty: AgreementRow[];
  owners: Map<number, Tambon>;
  canManage: boolean;
}) {
  const { t, lang, base, admin, tambon } = useNet();
  const { page, filter } = props;
  const q = agreementQuery(filter);
  return (
    <>
      <h1>{t("agreements.title", { tambon: tambonTitle(tambon!, lang) })}</h1>
      <NetworkNav current="agreements" />
      <p>{t("agreements.intro")}</p>
      {props.canManage && (
        <p>
          <a class="button" href={`${admin}/agreements/new`}>
            {t("agreements.add")}
          </a>
        </p>
      )}
      <AgreementFilters action={`${base}/agreements`} f={filter} />
      <p role="status">{t("agreements.found", { n: num(page.total) })}</p>
      {page.items.length === 0 ? (
        <p>{t("agreements.none")}</p>
      ) : (
        <AgreementTable
          rows={page.items}
          href={(a) => `${base}/agreements/${a.id}`}
          caption={t("agreements.recorded")}
        />
      )}
      <Pager of={page} href={(n) => `${base}/agreements${agreementQuery(filter, n)}`} />
      <ExportLinks
        csv={`${base}/agreements/export.csv${q}`}
        json={`${base}/agreements/export.json${q}`}
      />
      {props.asParty.length > 0 && (
        <>
          <h2>{t("agreements.asParty")}</h2>
          <AgreementTable
            rows={props.asParty}
            caption={t("agreements.asParty")}
            href={(a) => `/t/${props.owners.get(a.tambonId)?.slug ?? ""}/agreements/${a.id}`}
            owner={(a) => {
              const o = props.owners.get(a.tambonId);
              return o ? t("agreements.recordedBy", { tambon: tambonTitle(o, lang) }) : null;
            }}
          />
        </>
      )}
    </>
  );
}

/** One agreement's public page. */
export function AgreementPage(props: {
  detail: AgreementDetail;
  partyLinks: Map<number, string>;
  canManage: boolean;
}) {
  const { t, lang, base, admin, date } = useNet();
  const { agreement: a, parties, activities } = props.detail;
  const status = effectiveStatus(a, todayIso());
  return (
    <>
      <p>
        <a href={`${base}/agreements`}>← {t("nav.agreements")}</a>
      </p>
      <h1>{textIn(a.titleTh, a.titleEn, lang)}</h1>
      <p>
        <Badge>{t(`kind.${a.kind}`)}</Badge> <Badge>{t(`status.${status}`)}</Badge>
      </p>
      {props.canManage && (
        <p>
          <a class="button secondary" href={`${admin}/agreements/${a.id}`}>
            {t("agreement.edit")}
          </a>
        </p>
      )}
      <dl>
        <dt>{t("agreement.signedOn")}</dt>
        <dd>{date(a.signedOn)}</dd>
        <dt>{t("agreement.period")}</dt>
        <dd>
          {a.startsOn || a.endsOn
            ? t("agreement.fromTo", {
                from: date(a.startsOn),
                to: a.endsOn ? date(a.endsOn) : t("agreement.open"),
              })
            : "–"}
        </dd>
        {textIn(a.purposeTh, a.purposeEn, lang) && (
          <>
            <dt>{t("agreement.purpose")}</dt>
            <dd>{textIn(a.purposeTh, a.purposeEn, lang)}</dd>
          </>
        )}
        {textIn(a.scopeTh, a.scopeEn, lang) && (
          <>
            <dt>{t("agreement.scope")}</dt>
            <dd>{textIn(a.scopeTh, a.scopeEn, lang)}</dd>
          </>
        )}
        <dt>{t("agreement.document")}</dt>
        <dd>
          {a.documentFile ? (
            <a href={`${base}/uploads/network/${a.documentFile}`}>
              {t("agreement.download", { size: size(a.documentBytes ?? 0) })}
            </a>
          ) : (
            t("agreement.noDocument")
          )}
        </dd>
      </dl>
      <h2>{t("agreement.parties")}</h2>
      {parties.length === 0 ? (
        <p class="muted">{t("agreement.noParties")}</p>
      ) : (
        <>
          <PartyTable parties={parties} caption={t("agreement.signatories")} />
          {[...props.partyLinks].length > 0 && (
            <ul>
              {parties
                .filter((p) => props.partyLinks.has(p.id))
                .map((p) => (
                  <li key={p.id}>
                    <a href={props.partyLinks.get(p.id)}>
                      {t("agreement.aboutParty", { name: textIn(p.nameTh, p.nameEn, lang) })}
                    </a>
                  </li>
                ))}
            </ul>
          )}
        </>
      )}
      <h2>{t("agreement.activities")}</h2>
      {activities.length === 0 ? (
        <p class="muted">{t("agreement.noActivities")}</p>
      ) : (
        <ul>
          {activities.map((x) => (
            <li key={x.id}>
              <strong>{date(x.heldOn)}</strong> {textIn(x.titleTh, x.titleEn, lang)}
              {x.note && <p class="muted">{x.note}</p>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Staff's list of agreements (drafts included). */
export function AdminAgreementList(props: { page: Page<AgreementRow>; filter: AgreementFilter }) {
  const { t, admin } = useNet();
  const { page, filter } = props;
  return (
    <>
      <BackToAdmin />
      <h1>{t("admin.agreements")}</h1>
      <p>
        <a class="button" href={`${admin}/agreements/new`}>
          {t("agreements.add")}
        </a>
      </p>
      <AgreementFilters action={`${admin}/agreements`} f={filter} />
      <p role="status">{t("agreements.found", { n: num(page.total) })}</p>
      {page.items.length > 0 && (
        <AgreementTable
          rows={page.items}
          href={(a) => `${admin}/agreements/${a.id}`}
          caption={t("admin.agreements")}
        />
      )}
      <Pager of={page} href={(n) => `${admin}/agreements${agreementQuery(filter, n)}`} />
    </>
  );
}

/** The main form of an agreement (new or existing). */
export function AgreementForm(props: {
  form: FormState;
  editing: {
    id: number;
    kind: AgreementKind;
    documentFile: string | null;
    documentBytes: number | null;
  } | null;
}) {
  const { t, ct, admin } = useNet();
  const { form, editing } = props;
  const title = editing ? t("agreement.edit") : t("agreements.add");
  return (
    <>
      <ErrorSummary form={form} />
      <Form
        action={editing ? `${admin}/agreements/${editing.id}` : `${admin}/agreements/new`}
        multipart
        label={title}
      >
        {!editing && (
          <SelectField
            form={form}
            name="kind"
            label={t("agreement.kind")}
            required
            placeholder={false}
            options={AGREEMENT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          />
        )}
        <Field form={form} name="titleTh" label={t("agreement.titleTh")} required maxLength={300} />
        <Field form={form} name="titleEn" label={t("agreement.titleEn")} maxLength={300} />
        <TextArea form={form} name="purposeTh" label={t("agreement.purposeTh")} />
        <TextArea form={form} name="purposeEn" label={t("agreement.purposeEn")} />
        <TextArea form={form} name="scopeTh" label={t("agreement.scopeTh")} />
        <TextArea form={form} name="scopeEn" label={t("agreement.scopeEn")} />
        <Field
          form={form}
          name="signedOn"
          type="date"
          label={t("agreement.signedOn")}
          hint={t("agreement.signedOnHint")}
        />
        <Field form={form} name="startsOn" type="date" label={t("agreement.startsOn")} />
        <Field form={form} name="endsOn" type="date" label={t("agreement.endsOn")} />
        <SelectField
          form={form}
          name="status"
          label={t("agreement.status")}
          required
          placeholder={false}
          options={AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <FileField
          form={form}
          name="document"
          label={t("agreement.document")}
          hint={t("agreement.documentHint")}
          accept="application/pdf"
        />
        {editing?.documentFile && (
          <div class="field check">
            <input type="checkbox" id="f-removeDocument" name="removeDocument" value="1" />
            <label for="f-removeDocument">
              {t("agreement.removeDocument", { size: size(editing.documentBytes ?? 0) })}
            </label>
          </div>
        )}
        <button type="submit">{ct("form.save")}</button>
      </Form>
    </>
  );
}

/** A new agreement's page. */
export function NewAgreementPage(props: { form: FormState }) {
  const { t, admin } = useNet();
  return (
    <>
      <BackToAdmin to={`${admin}/agreements`} label={t("admin.agreements")} />
      <h1>{t("agreements.add")}</h1>
      <p class="hint">{t("agreements.addHint")}</p>
      <AgreementForm form={props.form} editing={null} />
    </>
  );
}

/** Staff's page of one agreement: its fields, its parties and the activities done under it. */
export function EditAgreementPage(props: {
  detail: AgreementDetail;
  form: FormState;
  partyForm: FormState;
  activityForm: FormState;
  tambons: readonly Tambon[];
  partners: { id: number; nameTh: string; nameEn: string }[];
  pillars: Pillar[];
}) {
  const { t, ct, lang, admin, base, date, tambon } = useNet();
  const { agreement: a, parties, activities } = props.detail;
  return (
    <>
      <BackToAdmin to={`${admin}/agreements`} label={t("admin.agreements")} />
      <h1>{textIn(a.titleTh, a.titleEn, lang)}</h1>
      <p>
        <Badge>{t(`kind.${a.kind}`)}</Badge>{" "}
        <a href={`${base}/agreements/${a.id}`}>{t("agreement.publicPage")}</a>
      </p>
      <h2>{t("agreement.details")}</h2>
      <AgreementForm form={props.form} editing={a} />

      <h2 id="parties">{t("agreement.parties")}</h2>
      <p class="hint">{t("agreement.partiesHint")}</p>
      {parties.length > 0 && (
        <Table
          label={t("agreement.parties")}
          columns={[
            t("agreement.party"),
            t("partner.pillar"),
            t("agreement.signatory"),
            t("lists.actions"),
          ]}
        >
          {parties.map((p) => (
            <tr key={p.id}>
              <td>{textIn(p.nameTh, p.nameEn, lang)}</td>
              <td>{p.pillarTh ? textIn(p.pillarTh, p.pillarEn ?? "", lang) : "–"}</td>
              <td>
                {p.signatoryName || "–"}
                {p.signatoryPosition && <span class="muted"> · {p.signatoryPosition}</span>}
              </td>
              <td class="actions">
                <Form action={`${admin}/agreements/${a.id}/parties/${p.id}/delete`}>
                  <button
                    type="submit"
                    class="secondary"
                    aria-label={t("agreement.removePartyNamed", { name: p.nameTh })}
                  >
                    {t("agreement.removeParty")}
                  </button>
                </Form>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <h3>{t("agreement.addParty")}</h3>
      <ErrorSummary form={props.partyForm} />
      <Form action={`${admin}/agreements/${a.id}/parties#parties`} label={t("agreement.addParty")}>
        <SelectField
          form={props.partyForm}
          name="partyKind"
          label={t("agreement.partyKind")}
          required
          placeholder={false}
          options={[
            { value: "tambon", label: t("party.tambon") },
            { value: "partner", label: t("party.partner") },
            { value: "other", label: t("party.other") },
          ]}
        />
        <SelectField
          form={props.partyForm}
          name="platformTambon"
          label={t("agreement.partyTambon")}
          options={props.tambons
            .filter((x) => x.id !== tambon!.id)
            .map((x) => ({
              value: x.dopaCode,
              label: `${tambonTitle(x, lang)} (${lang === "en" ? x.provinceEn : x.provinceTh})`,
            }))}
        />
        <Field
          form={props.partyForm}
          name="dopaCode"
          label={t("agreement.partyDopa")}
          hint={t("agreement.partyDopaHint")}
          inputmode="numeric"
          maxLength={6}
        />
        <SelectField
          form={props.partyForm}
          name="partnerId"
          label={t("agreement.partyPartner")}
          options={props.partners.map((p) => ({ value: String(p.id), label: nameIn(p, lang) }))}
        />
        <Field
          form={props.partyForm}
          name="nameTh"
          label={t("agreement.partyName")}
          hint={t("agreement.partyNameHint")}
          maxLength={300}
        />
        <Field
          form={props.partyForm}
          name="nameEn"
          label={t("agreement.partyNameEn")}
          maxLength={300}
        />
        <SelectField
          form={props.partyForm}
          name="pillarId"
          label={t("agreement.partyPillar")}
          options={props.pillars.map((p) => ({ value: String(p.id), label: nameIn(p, lang) }))}
        />
        <Field
          form={props.partyForm}
          name="signatoryName"
          label={t("agreement.signatoryName")}
          maxLength={200}
        />
        <Field
          form={props.partyForm}
          name="signatoryPosition"
          label={t("agreement.signatoryPosition")}
          maxLength={200}
        />
        <button type="submit">{t("agreement.addParty")}</button>
      </Form>

      <h2 id="activities">{t("agreement.activities")}</h2>
      {activities.length > 0 && (
        <ul>
          {activities.map((x) => (
            <li key={x.id}>
              <strong>{date(x.heldOn)}</strong> {textIn(x.titleTh, x.titleEn, lang)}{" "}
              <Form action={`${admin}/agreements/${a.id}/activities/${x.id}/delete`} class="inline">
                <button
                  type="submit"
                  class="link"
                  aria-label={t("agreement.removeActivityNamed", { name: x.titleTh })}
                >
                  {t("agreement.removeActivity")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <h3>{t("agreement.addActivity")}</h3>
      <ErrorSummary form={props.activityForm} />
      <Form
        action={`${admin}/agreements/${a.id}/activities#activities`}
        label={t("agreement.addActivity")}
      >
        <Field
          form={props.activityForm}
          name="heldOn"
          type="date"
          label={t("agreement.heldOn")}
          required
        />
        <Field
          form={props.activityForm}
          name="activityTitleTh"
          label={t("agreement.activityTitle")}
          required
          maxLength={300}
        />
        <Field
          form={props.activityForm}
          name="activityTitleEn"
          label={t("agreement.activityTitleEn")}
          maxLength={300}
        />
        <TextArea
          form={props.activityForm}
          name="activityNote"
          label={t("agreement.activityNote")}
          rows={3}
        />
        <button type="submit">{ct("form.save")}</button>
      </Form>
    </>
  );
}
