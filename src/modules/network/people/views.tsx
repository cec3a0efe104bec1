import { tambonTitle } from "../../../core/views/layout.tsx";
import type { Village } from "../../../core/commands/tambons.ts";
import { areaName, type Area } from "../../areas/public.ts";
import { nameIn, textIn } from "../shared/lists.ts";
import type { PersonCard, personNetwork } from "./queries.ts";
import type { Page } from "../../../core/paging.ts";
import { AreaNames, Badge, NetworkNav, useNet } from "../shared/views.tsx";
import { Pager } from "../../../core/views/pager.tsx";
import { pageHref } from "../../../core/paging.ts";
import { BackLink } from "../../../core/views/back-link.tsx";

type Facilitator = PersonCard & { villages: number[]; areaIds: number[] };
export type PersonNetwork = Awaited<ReturnType<typeof personNetwork>>;

/** The public list of facilitators (ผู้ก่อการดี) who agreed to be shown. */
export function FacilitatorList(props: {
  page: Page<Facilitator>;
  areas: Area[];
  signedIn: boolean;
}) {
  const { t, ct, lang, base, admin, tambon } = useNet();
  const areas = new Map(props.areas.map((a) => [a.id, areaName(a, lang)]));
  const { page } = props;
  return (
    <>
      <h1>{t("facilitators.title", { tambon: tambonTitle(tambon!, lang) })}</h1>
      <NetworkNav current="facilitators" />
      <p>{t("facilitators.intro")}</p>
      {page.items.length === 0 ? (
        <p>{t("facilitators.none")}</p>
      ) : (
        <ul class="cards">
          {page.items.map((f) => (
            <li key={f.userId}>
              <h2>
                <a href={`${base}/facilitators/${f.profileId}`}>{f.name}</a>
              </h2>
              {textIn(f.titleTh, f.titleEn, lang) && <p>{textIn(f.titleTh, f.titleEn, lang)}</p>}
              {f.villages.length > 0 && (
                <p class="muted">
                  {t("facilitator.villages")}:{" "}
                  {f.villages.map((n) => ct("village.mooN", { n })).join(", ")}
                </p>
              )}
              <AreaNames label={t("facilitator.areas")} ids={f.areaIds} names={areas} />
            </li>
          ))}
        </ul>
      )}
      <Pager of={page} href={(n) => `${pageHref(`${base}/facilitators`, {}, n)}`} />
      {props.signedIn && (
        <p class="muted">
          {t("facilitators.own")} <a href={`${admin}/my-profile`}>{t("me.title")}</a>
        </p>
      )}
    </>
  );
}

/** A facilitator's public page: the villages and issues they connect, and where they belong. */
export function FacilitatorPage(props: {
  person: { name: string; titleTh: string; titleEn: string; bioTh: string; bioEn: string };
  net: PersonNetwork;
  villages: Village[];
  areas: Area[];
}) {
  const { t, ct, lang, base } = useNet();
  const { person, net } = props;
  const villages = props.villages.filter((v) => net.reachVillageIds.includes(v.id));
  const areas = props.areas.filter((a) => net.reachAreaIds.includes(a.id));
  return (
    <>
      <BackLink href={`${base}/facilitators`}>{t("nav.facilitators")}</BackLink>
      <h1>{person.name}</h1>
      <p>
        <Badge>{t("role.facilitator")}</Badge>
        {net.roles.map((r) => (
          <Badge key={r.id}>
            {t(`role.${r.role}` as "role.elder")}
            {r.moo ? ` ${ct("village.mooN", { n: r.moo })}` : ""}
          </Badge>
        ))}
      </p>
      {textIn(person.titleTh, person.titleEn, lang) && (
        <p>{textIn(person.titleTh, person.titleEn, lang)}</p>
      )}
      {textIn(person.bioTh, person.bioEn, lang) && (
        <p>{textIn(person.bioTh, person.bioEn, lang)}</p>
      )}
      <h2>{t("facilitator.villages")}</h2>
      {villages.length === 0 ? (
        <p class="muted">{t("facilitator.noVillages")}</p>
      ) : (
        <ul>
          {villages.map((v) => (
            <li key={v.id}>
              {ct("village.mooN", { n: v.moo })} {lang === "en" && v.nameEn ? v.nameEn : v.nameTh}
            </li>
          ))}
        </ul>
      )}
      <h2>{t("facilitator.areas")}</h2>
      {areas.length === 0 ? (
        <p class="muted">{t("facilitator.noAreas")}</p>
      ) : (
        <ul>
          {areas.map((a) => (
            <li key={a.id}>
              <a href={`${base}/areas/${a.id}`}>{areaName(a, lang)}</a>
            </li>
          ))}
        </ul>
      )}
      {net.affiliations.filter((a) => a.active).length > 0 && (
        <>
          <h2>{t("person.affiliations")}</h2>
          <ul>
            {net.affiliations
              .filter((a) => a.active)
              .map((a) => (
                <li key={a.id}>
                  <a href={`${base}/partners/${a.partnerId}`}>{nameIn(a, lang)}</a>
                  {textIn(a.positionTh, a.positionEn, lang) && (
                    <span class="muted"> · {textIn(a.positionTh, a.positionEn, lang)}</span>
                  )}
                </li>
              ))}
          </ul>
        </>
      )}
    </>
  );
}
