import { FilterInput, FilterSelect, Filters, Table } from "../../../core/views/list.tsx";
import { tambonTitle } from "../../../core/views/layout.tsx";
import { todayIso } from "../../../core/dates.ts";
import type { Tambon } from "../../../core/tenancy.ts";
import { textIn } from "../shared/lists.ts";
import { AGREEMENT_KINDS, AGREEMENT_STATUSES, effectiveStatus } from "./agreement.ts";
import type { AgreementDetail, AgreementFilter, AgreementRow } from "./queries.ts";
import type { Page } from "../../../core/paging.ts";
import { PartyTable } from "../pillars/views.tsx";
import { Badge, ExportLinks, NetworkNav, num, size, useNet, ButtonLink } from "../shared/views.tsx";
import { Pager } from "../../../core/views/pager.tsx";
import { pageHref } from "../../../core/paging.ts";
import { BackLink } from "../../../core/views/back-link.tsx";
import { pick } from "../../../core/pick.ts";

/** The query string of an agreement filter. */
export function agreementQuery(f: AgreementFilter, page?: number): string {
  return pageHref("", { ...pick(f, "q", "status", "kind") }, page ?? 1);
}

export function AgreementFilters(props: { action: string; f: AgreementFilter }) {
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

/**
 * Other tambons' agreements that this tambon is a party to, each linked on the site of the tambon
 * that recorded it.
 */
export function AsPartyTable(props: { rows: AgreementRow[]; owners: Map<number, Tambon> }) {
  const { t, lang } = useNet();
  return (
    <AgreementTable
      rows={props.rows}
      caption={t("agreements.asParty")}
      href={(a) => `/t/${props.owners.get(a.tambonId)?.slug ?? ""}/agreements/${a.id}`}
      owner={(a) => {
        const o = props.owners.get(a.tambonId);
        return o ? t("agreements.recordedBy", { tambon: tambonTitle(o, lang) }) : null;
      }}
    />
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
        <ButtonLink href={`${admin}/agreements/new`}>{t("agreements.add")}</ButtonLink>
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
          <AsPartyTable rows={props.asParty} owners={props.owners} />
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
      <BackLink href={`${base}/agreements`}>{t("nav.agreements")}</BackLink>
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
