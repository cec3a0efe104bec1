import { Table } from "../../../core/views/list.tsx";
import { tambonTitle } from "../../../core/views/layout.tsx";
import { formatDate, todayIso } from "../../../core/dates.ts";
import { areaName, type Area } from "../../areas/public.ts";
import { nameIn, textIn, type Pillar } from "../shared/lists.ts";
import type { PartnerRow } from "./queries.ts";
import { effectiveStatus, type AgreementStatus } from "../agreements/agreement.ts";
import { Badge, num, useNet } from "../shared/views.tsx";
import { Classification, villagesText } from "./views.tsx";
import { BackLink } from "../../../core/views/back-link.tsx";

/** One partner's public page: who they are, where they work, their people and agreements. */
export function PartnerPage(props: {
  partner: PartnerRow;
  description: string;
  areas: Area[];
  members: { userId: number; name: string; positionTh: string; positionEn: string }[];
  agreements: {
    id: number;
    titleTh: string;
    titleEn: string;
    status: AgreementStatus;
    endsOn: string | null;
  }[];
  centres: { id: number; nameTh: string; nameEn: string }[];
  canEdit: boolean;
}) {
  const { t, ct, lang, base, admin } = useNet();
  const p = props.partner;
  const today = todayIso();
  return (
    <>
      <BackLink href={`${base}/partners`}>{t("nav.partners")}</BackLink>
      <div class="brand">
        {p.logoFile && (
          <img
            src={`${base}/uploads/network/${p.logoFile}`}
            alt={t("partner.logoOf", { name: nameIn(p, lang) })}
            width={96}
            height={96}
          />
        )}
        <div>
          <h1>{nameIn(p, lang)}</h1>
          {lang === "th" && p.nameEn && (
            <p class="muted" lang="en">
              {p.nameEn}
            </p>
          )}
        </div>
      </div>
      <Classification p={p} />
      {props.canEdit && (
        <p>
          <a class="button secondary" href={`${admin}/partners/${p.id}`}>
            {t("partner.edit")}
          </a>
        </p>
      )}
      {props.description && <p>{props.description}</p>}
      <dl>
        <dt>{t("partner.villages")}</dt>
        <dd>
          {p.villages.length
            ? villagesText(p, (n) => ct("village.mooN", { n }))
            : t("partner.wholeTambon")}
        </dd>
        {props.areas.length > 0 && (
          <>
            <dt>{t("partner.areas")}</dt>
            <dd>
              {props.areas.map((a) => (
                <Badge key={a.id}>
                  <a href={`${base}/areas/${a.id}`}>{areaName(a, lang)}</a>
                </Badge>
              ))}
            </dd>
          </>
        )}
        {(p.contactName || p.contactPhone || p.contactEmail || p.website) && (
          <>
            <dt>{t("partner.contact")}</dt>
            <dd>
              {p.contactName}
              {p.contactPhone && (
                <>
                  {p.contactName && " · "}
                  <a class="nowrap" href={`tel:${p.contactPhone}`}>
                    {p.contactPhone}
                  </a>
                </>
              )}
              {p.contactEmail && (
                <>
                  {" · "}
                  <a href={`mailto:${p.contactEmail}`}>{p.contactEmail}</a>
                </>
              )}
              {p.website && (
                <>
                  {" · "}
                  <a href={p.website} rel="nofollow noopener">
                    {t("partner.website")}
                  </a>
                </>
              )}
            </dd>
          </>
        )}
        <dt>{t("partner.updated")}</dt>
        <dd>{formatDate(p.updatedAt, lang)}</dd>
      </dl>
      <h2>{t("partner.members")}</h2>
      {props.members.length === 0 ? (
        <p class="muted">{t("partner.noMembers")}</p>
      ) : (
        <ul>
          {props.members.map((m) => (
            <li key={m.userId}>
              {m.name}
              {textIn(m.positionTh, m.positionEn, lang) && (
                <span class="muted"> · {textIn(m.positionTh, m.positionEn, lang)}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.agreements.length > 0 && (
        <>
          <h2>{t("partner.agreements")}</h2>
          <ul>
            {props.agreements.map((a) => (
              <li key={a.id}>
                <a href={`${base}/agreements/${a.id}`}>{textIn(a.titleTh, a.titleEn, lang)}</a>{" "}
                <Badge>{t(`status.${effectiveStatus(a, today)}`)}</Badge>
              </li>
            ))}
          </ul>
        </>
      )}
      {props.centres.length > 0 && (
        <>
          <h2>{t("partner.centres")}</h2>
          <ul>
            {props.centres.map((c) => (
              <li key={c.id}>
                <a href={`${base}/centres/${c.id}`}>{nameIn(c, lang)}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** The printable partner directory, grouped by pillar. */
export function PartnerPrint(props: { rows: PartnerRow[]; pillars: Pillar[]; filtered: boolean }) {
  const { t, ct, lang, base, tambon } = useNet();
  // On paper the directory follows Thai dictionary order (leading vowels aside), not code points.
  const collator = new Intl.Collator(lang);
  const rows = [...props.rows].sort((a, b) => collator.compare(nameIn(a, lang), nameIn(b, lang)));
  const groups = [
    ...props.pillars.map((p) => ({
      key: String(p.id),
      title: nameIn(p, lang),
      rows: rows.filter((r) => r.pillarId === p.id),
    })),
    {
      key: "none",
      title: t("pillars.unplaced"),
      rows: rows.filter((r) => !r.pillarId || !props.pillars.some((p) => p.id === r.pillarId)),
    },
  ].filter((g) => g.rows.length > 0);
  return (
    <>
      <BackLink href={`${base}/partners`}>{t("nav.partners")}</BackLink>
      <h1>{t("print.title", { tambon: tambonTitle(tambon!, lang) })}</h1>
      <p class="muted">
        {t("print.asOf", { date: formatDate(new Date(), lang), n: num(props.rows.length) })}
        {props.filtered && ` · ${t("print.filtered")}`}
      </p>
      <p class="muted">{t("print.hint")}</p>
      {groups.length === 0 && <p>{t("partners.none")}</p>}
      {groups.map((g) => (
        <section key={g.key} aria-labelledby={`g-${g.key}`}>
          <h2 id={`g-${g.key}`}>
            {g.title} ({num(g.rows.length)})
          </h2>
          <Table
            labelledBy={`g-${g.key}`}
            columns={[
              t("partner.name"),
              t("partner.kind"),
              t("partner.role"),
              t("partner.villages"),
              t("partner.contact"),
            ]}
          >
            {g.rows.map((p) => (
              <tr key={p.id}>
                <td>{nameIn(p, lang)}</td>
                <td>{p.kindTh ? textIn(p.kindTh, p.kindEn ?? "", lang) : "–"}</td>
                <td>{p.roleTh ? textIn(p.roleTh, p.roleEn ?? "", lang) : "–"}</td>
                <td>
                  {p.villages.length
                    ? villagesText(p, (n) => ct("village.mooN", { n }))
                    : t("partner.wholeTambon")}
                </td>
                <td>
                  {[p.contactName, p.contactPhone, p.contactEmail].filter(Boolean).join(" · ") ||
                    "–"}
                </td>
              </tr>
            ))}
          </Table>
        </section>
      ))}
    </>
  );
}
