import { Table } from "../../../core/views/list.tsx";
import { tambonTitle } from "../../../core/views/layout.tsx";
import { nameIn, textIn, type Pillar } from "../shared/lists.ts";
import type { AgreementDetail } from "../agreements/queries.ts";
import { Badge, NetworkNav, num, useNet } from "../shared/views.tsx";

/** The parties of an agreement as a table: party, pillar, signatory. */
export function PartyTable(props: { parties: AgreementDetail["parties"]; caption: string }) {
  const { t, lang } = useNet();
  const withPillar = props.parties.some((p) => p.pillarTh);
  return (
    <Table
      label={props.caption}
      caption={props.caption}
      columns={[
        t("agreement.party"),
        ...(withPillar ? [t("partner.pillar")] : []),
        t("agreement.signatory"),
      ]}
    >
      {props.parties.map((p) => (
        <tr key={p.id}>
          <td>{textIn(p.nameTh, p.nameEn, lang)}</td>
          {withPillar && <td>{p.pillarTh ? textIn(p.pillarTh, p.pillarEn ?? "", lang) : "–"}</td>}
          <td>
            {p.signatoryName || "–"}
            {p.signatoryPosition && <span class="muted"> · {p.signatoryPosition}</span>}
          </td>
        </tr>
      ))}
    </Table>
  );
}

/** The pillars of a tambon, the partners standing in each, and their agreement on the common ground. */
export function PillarsPage(props: {
  pillars: Pillar[];
  partners: Map<number, { id: number; nameTh: string; nameEn: string }[]>;
  counts: Map<number, number>;
  unplaced: number;
  ground: AgreementDetail | undefined;
}) {
  const { t, lang, base, date, tambon } = useNet();
  const g = props.ground;
  return (
    <>
      <h1>{t("pillars.title", { tambon: tambonTitle(tambon!, lang) })}</h1>
      <NetworkNav current="pillars" />
      <p>{t("pillars.intro", { n: num(props.pillars.length) })}</p>
      <ul class="cards">
        {props.pillars.map((p, i) => {
          const list = props.partners.get(p.id) ?? [];
          const n = props.counts.get(p.id) ?? 0;
          return (
            <li key={p.id}>
              <h2>
                {t("pillars.numbered", { n: i + 1 })} {nameIn(p, lang)}
              </h2>
              {textIn(p.descriptionTh, p.descriptionEn, lang) && (
                <p>{textIn(p.descriptionTh, p.descriptionEn, lang)}</p>
              )}
              <p class="muted">{t("pillars.partnerCount", { n: num(n) })}</p>
              {list.length > 0 && (
                <ul>
                  {list.map((x) => (
                    <li key={x.id}>
                      <a href={`${base}/partners/${x.id}`}>{nameIn(x, lang)}</a>
                    </li>
                  ))}
                </ul>
              )}
              {n > list.length && (
                <p>
                  <a href={`${base}/partners?pillar=${p.id}`}>
                    {t("pillars.allPartners", { n: num(n) })}
                  </a>
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {props.unplaced > 0 && (
        <p class="muted">{t("pillars.unplacedCount", { n: num(props.unplaced) })}</p>
      )}
      <h2 id="common-ground">{t("pillars.commonGround")}</h2>
      <p>{t("pillars.commonGroundIntro")}</p>
      {!g ? (
        <p class="muted">{t("pillars.noAgreement")}</p>
      ) : (
        <section aria-labelledby="cg-title">
          <h3 id="cg-title">
            <a href={`${base}/agreements/${g.agreement.id}`}>
              {textIn(g.agreement.titleTh, g.agreement.titleEn, lang)}
            </a>
          </h3>
          <p>
            {t("agreement.signedOn")}: {date(g.agreement.signedOn)}{" "}
            <Badge>{t(`status.${g.agreement.status}`)}</Badge>
          </p>
          {textIn(g.agreement.purposeTh, g.agreement.purposeEn, lang) && (
            <p>{textIn(g.agreement.purposeTh, g.agreement.purposeEn, lang)}</p>
          )}
          <PartyTable parties={g.parties} caption={t("agreement.signatories")} />
        </section>
      )}
    </>
  );
}
