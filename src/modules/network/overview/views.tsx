import { FilterSelect, Filters, Table } from "../../../core/views/list.tsx";
import { tambonTitle } from "../../../core/views/layout.tsx";
import type { Tambon } from "../../../core/tenancy.ts";
import { textIn } from "../shared/lists.ts";
import type { Layout } from "./graph.ts";
import type { AgreementRow } from "../agreements/queries.ts";
import type { CentreRow } from "../centres/queries.ts";
import type { Page } from "../../../core/paging.ts";
import type { LinkView } from "../links/tambon-links.ts";
import { AgreementTable, AsPartyTable } from "../agreements/views.tsx";
import { Badge, NetworkNav, num, useNet } from "../shared/views.tsx";
import { Pager } from "../../../core/views/pager.tsx";
import { pageHref } from "../../../core/paging.ts";
import { NetworkDiagram } from "./diagram.tsx";

/** A tambon's page of its network: partners in short, links to other tambons, centres and MOUs. */
export function TambonNetworkPage(props: {
  stats: { partners: number; pillars: number; agreements: number; centres: number; visits: number };
  links: LinkView[];
  layout: Layout;
  centres: CentreRow[];
  agreements: AgreementRow[];
  asParty: AgreementRow[];
  owners: Map<number, Tambon>;
}) {
  const { t, lang, base, date, tambon } = useNet();
  const tb = tambon!;
  return (
    <>
      <h1>{t("network.title", { tambon: tambonTitle(tb, lang) })}</h1>
      <NetworkNav current="network" />
      <p>{t("network.intro")}</p>
      <ul class="stats" aria-label={t("network.inNumbers")}>
        <li>
          <strong>{num(props.stats.partners)}</strong>{" "}
          <a href={`${base}/partners`}>{t("nav.partners")}</a>
        </li>
        <li>
          <strong>{num(props.stats.pillars)}</strong>{" "}
          <a href={`${base}/pillars`}>{t("nav.pillars")}</a>
        </li>
        <li>
          <strong>{num(props.stats.agreements)}</strong>{" "}
          <a href={`${base}/agreements`}>{t("nav.agreements")}</a>
        </li>
        <li>
          <strong>{num(props.stats.centres)}</strong>{" "}
          <a href={`${base}/centres`}>{t("nav.centres")}</a>
        </li>
        <li>
          <strong>{num(props.stats.visits)}</strong> {t("network.visitsDone")}
        </li>
      </ul>

      <h2 id="tambons">{t("network.tambons")}</h2>
      <p>{t("network.tambonsIntro")}</p>
      {props.links.length === 0 ? (
        <p class="muted">{t("network.noLinks")}</p>
      ) : (
        <>
          <NetworkDiagram
            layout={props.layout}
            title={t("network.diagramOf", { tambon: tambonTitle(tb, lang) })}
            highlight={tb.dopaCode}
          />
          <Table
            label={t("network.tambons")}
            columns={[
              t("network.tambon"),
              t("network.relation"),
              t("network.declared"),
              t("network.since"),
            ]}
          >
            {props.links.map((l) => (
              <tr key={`${l.code}-${l.relation}`}>
                <td>
                  {l.tambon ? (
                    <a href={`/t/${l.tambon.slug}/network`}>{tambonTitle(l.tambon, lang)}</a>
                  ) : (
                    t("network.offPlatform", { name: textIn(l.nameTh, l.nameEn, lang) })
                  )}
                  <span class="muted"> · {textIn(l.provinceTh, l.provinceEn, lang)}</span>
                </td>
                <td>{t(`relation.${l.relation}`)}</td>
                <td>
                  {l.ours && l.theirs
                    ? t("network.mutual")
                    : l.ours
                      ? t("network.byUs")
                      : t("network.byThem")}
                </td>
                <td>{date((l.ours ?? l.theirs)?.since)}</td>
              </tr>
            ))}
          </Table>
        </>
      )}
      <p>
        <a href="/network">{t("network.whole")}</a>
      </p>

      <h2 id="centres">{t("nav.centres")}</h2>
      {props.centres.length === 0 ? (
        <p class="muted">{t("centres.none")}</p>
      ) : (
        <ul>
          {props.centres.map((c) => (
            <li key={c.id}>
              <a href={`${base}/centres/${c.id}`}>{textIn(c.nameTh, c.nameEn, lang)}</a>
              {textIn(c.topicTh, c.topicEn, lang) && (
                <span class="muted"> · {textIn(c.topicTh, c.topicEn, lang)}</span>
              )}
            </li>
          ))}
        </ul>
      )}

      <h2 id="agreements">{t("network.mous")}</h2>
      {props.agreements.length === 0 && props.asParty.length === 0 ? (
        <p class="muted">{t("agreements.none")}</p>
      ) : (
        <>
          {props.agreements.length > 0 && (
            <AgreementTable
              rows={props.agreements}
              href={(a) => `${base}/agreements/${a.id}`}
              caption={t("agreements.recorded")}
            />
          )}
          {props.asParty.length > 0 && <AsPartyTable rows={props.asParty} owners={props.owners} />}
        </>
      )}
    </>
  );
}

/** One tambon's row in the whole network's table. */
export interface NetworkRow {
  code: string;
  nameTh: string;
  nameEn: string;
  provinceTh: string;
  provinceEn: string;
  tambon: Tambon | null;
  mentorOf: number;
  memberOf: string[];
  peers: number;
  centres: number;
  agreements: number;
  partners: number;
}

/** The filters of the whole network's page. */
export interface NetworkFilter {
  province: string;
  role: "" | "mentor" | "member" | "peer" | "none";
}

/** The network of tambons across the deployment: diagram and a paged table. */
export function WholeNetworkPage(props: {
  layout: Layout;
  page: Page<NetworkRow>;
  filter: NetworkFilter;
  provinces: { value: string; label: string }[];
}) {
  const { t, lang } = useNet();
  const { page, filter } = props;
  const href = (n: number) =>
    pageHref("/network", { province: filter.province, role: filter.role }, n);
  return (
    <>
      <h1>{t("whole.title")}</h1>
      <p>{t("whole.intro")}</p>
      <Filters action="/network" label={t("list.filters")}>
        <FilterSelect
          name="province"
          label={t("whole.province")}
          any={t("list.any")}
          value={filter.province}
          options={props.provinces}
        />
        <FilterSelect
          name="role"
          label={t("whole.role")}
          any={t("list.any")}
          value={filter.role}
          options={(["mentor", "member", "peer", "none"] as const).map((r) => ({
            value: r,
            label: t(`whole.role.${r}`),
          }))}
        />
      </Filters>
      {props.layout.nodes.length > 0 && (
        <NetworkDiagram layout={props.layout} title={t("whole.title")} />
      )}
      <p role="status">{t("whole.found", { n: num(page.total) })}</p>
      {page.items.length > 0 && (
        <Table
          label={t("whole.table")}
          caption={t("whole.table")}
          columns={[
            t("network.tambon"),
            t("whole.province"),
            t("whole.place"),
            { label: t("nav.centres"), num: true },
            { label: "MOU", num: true },
            { label: t("nav.partners"), num: true },
          ]}
        >
          {page.items.map((r) => (
            <tr key={r.code}>
              <td>
                {r.tambon ? (
                  <a href={`/t/${r.tambon.slug}/network`}>{tambonTitle(r.tambon, lang)}</a>
                ) : (
                  t("network.offPlatform", { name: textIn(r.nameTh, r.nameEn, lang) })
                )}
              </td>
              <td>{textIn(r.provinceTh, r.provinceEn, lang)}</td>
              <td>
                {r.mentorOf > 0 && <Badge>{t("whole.mentorOf", { n: num(r.mentorOf) })}</Badge>}
                {r.memberOf.length > 0 && (
                  <Badge>{t("whole.memberOf", { names: r.memberOf.join(", ") })}</Badge>
                )}
                {r.peers > 0 && <Badge>{t("whole.peers", { n: num(r.peers) })}</Badge>}
                {r.mentorOf + r.memberOf.length + r.peers === 0 && "–"}
              </td>
              <td class="num">
                {r.tambon && r.centres > 0 ? (
                  <a href={`/t/${r.tambon.slug}/centres`}>{num(r.centres)}</a>
                ) : (
                  num(r.centres)
                )}
              </td>
              <td class="num">
                {r.tambon && r.agreements > 0 ? (
                  <a href={`/t/${r.tambon.slug}/agreements`}>{num(r.agreements)}</a>
                ) : (
                  num(r.agreements)
                )}
              </td>
              <td class="num">{num(r.partners)}</td>
            </tr>
          ))}
        </Table>
      )}
      <Pager of={page} href={href} />
    </>
  );
}
