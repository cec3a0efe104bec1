import { FilterInput, FilterSelect, Filters, Table } from "../../../core/views/list.tsx";
import { tambonTitle } from "../../../core/views/layout.tsx";
import type { Village } from "../../../core/commands/tambons.ts";
import type { Tambon } from "../../../core/tenancy.ts";
import { areaName, type Area } from "../../areas/public.ts";
import { areaOptions, nameIn, textIn } from "../shared/lists.ts";
import type { CentreFilter, CentreRow } from "./queries.ts";
import type { VisitRow } from "../visits/queries.ts";
import type { Page } from "../../../core/paging.ts";
import type { centrePhotos } from "../schema.ts";
import {
  Badge,
  ExportLinks,
  NetworkNav,
  num,
  size,
  useNet,
  ButtonLink,
  villageOptions,
} from "../shared/views.tsx";
import { Pager } from "../../../core/views/pager.tsx";
import { pageHref } from "../../../core/paging.ts";
import { BackLink } from "../../../core/views/back-link.tsx";

export type Photo = typeof centrePhotos.$inferSelect;

/** The query string of a centre filter. */
export function centreQuery(f: CentreFilter, page?: number): string {
  return pageHref("", { q: f.q, area: f.areaId, village: f.villageId }, page ?? 1);
}

export function CentreFilters(props: {
  action: string;
  f: CentreFilter;
  areas: Area[];
  villages: Village[];
}) {
  const { t, ct, lang } = useNet();
  return (
    <Filters action={props.action} label={t("list.filters")}>
      <FilterInput value={props.f.q} label={t("centres.search")} maxLength={100} />
      <FilterSelect
        name="area"
        label={t("centre.area")}
        any={t("list.any")}
        value={String(props.f.areaId ?? "")}
        options={areaOptions(props.areas, lang)}
      />
      <FilterSelect
        name="village"
        label={t("centre.village")}
        any={t("list.any")}
        value={String(props.f.villageId ?? "")}
        options={villageOptions(props.villages, { ct, lang })}
      />
    </Filters>
  );
}

/** The public list of a tambon's learning centres. */
export function CentreList(props: {
  page: Page<CentreRow>;
  filter: CentreFilter;
  areas: Area[];
  villages: Village[];
  canManage: boolean;
}) {
  const { t, ct, lang, base, admin, tambon } = useNet();
  const { page, filter } = props;
  const areas = new Map(props.areas.map((a) => [a.id, areaName(a, lang)]));
  const q = centreQuery(filter);
  return (
    <>
      <h1>{t("centres.title", { tambon: tambonTitle(tambon!, lang) })}</h1>
      <NetworkNav current="centres" />
      <p>{t("centres.intro")}</p>
      {props.canManage && <ButtonLink href={`${admin}/centres/new`}>{t("centres.add")}</ButtonLink>}
      <CentreFilters
        action={`${base}/centres`}
        f={filter}
        areas={props.areas}
        villages={props.villages}
      />
      <p role="status">{t("centres.found", { n: num(page.total) })}</p>
      {page.items.length === 0 ? (
        <p>{t("centres.none")}</p>
      ) : (
        <ul class="cards">
          {page.items.map((c) => (
            <li key={c.id}>
              {c.thumb && (
                <img
                  src={`${base}/uploads/network/${c.thumb}`}
                  alt=""
                  width={240}
                  height={160}
                  class="thumb"
                  loading="lazy"
                />
              )}
              <h2>
                <a href={`${base}/centres/${c.id}`}>{nameIn(c, lang)}</a>
              </h2>
              {textIn(c.topicTh, c.topicEn, lang) && <p>{textIn(c.topicTh, c.topicEn, lang)}</p>}
              <p class="muted">
                {[
                  c.areaId ? areas.get(c.areaId) : null,
                  c.villageMoo ? ct("village.mooN", { n: c.villageMoo }) : null,
                  t("centre.visitsCount", { n: num(c.visitsDone) }),
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
              {!c.acceptsVisits && <Badge>{t("centre.noVisits")}</Badge>}
            </li>
          ))}
        </ul>
      )}
      <Pager of={page} href={(n) => `${base}/centres${centreQuery(filter, n)}`} />
      <ExportLinks
        csv={`${base}/centres/export.csv${q}`}
        json={`${base}/centres/export.json${q}`}
      />
    </>
  );
}

/** One learning centre's public page: what visitors learn, photos, visits so far, how to ask for one. */
export function CentrePage(props: {
  centre: CentreRow;
  area: Area | undefined;
  photos: Photo[];
  visits: Page<VisitRow>;
  requestFrom: Tambon[];
  canManage: boolean;
}) {
  const { t, ct, lang, base, admin, date } = useNet();
  const c = props.centre;
  return (
    <>
      <BackLink href={`${base}/centres`}>{t("nav.centres")}</BackLink>
      <h1>{nameIn(c, lang)}</h1>
      {props.canManage && (
        <p>
          <a class="button secondary" href={`${admin}/centres/${c.id}`}>
            {t("centre.edit")}
          </a>
        </p>
      )}
      {textIn(c.topicTh, c.topicEn, lang) && <p>{textIn(c.topicTh, c.topicEn, lang)}</p>}
      {props.photos.length > 0 && (
        <ul class="cards photos" aria-label={t("centre.photos")}>
          {props.photos.map((p) => (
            <li key={p.id}>
              <a href={`${base}/uploads/network/${p.file}`}>
                <img
                  src={`${base}/uploads/network/${p.thumbFile}`}
                  alt={
                    textIn(p.captionTh, p.captionEn, lang) ||
                    t("centre.photoOf", { name: nameIn(c, lang) })
                  }
                  width={Math.round((p.width / Math.max(p.width, p.height)) * 320)}
                  height={Math.round((p.height / Math.max(p.width, p.height)) * 320)}
                  loading="lazy"
                />
              </a>
              <p class="muted">
                {textIn(p.captionTh, p.captionEn, lang) && (
                  <>{textIn(p.captionTh, p.captionEn, lang)} · </>
                )}
                {t("centre.photoSize", { w: p.width, h: p.height, size: size(p.bytes) })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <dl>
        {props.area && (
          <>
            <dt>{t("centre.area")}</dt>
            <dd>
              <a href={`${base}/areas/${props.area.id}`}>{areaName(props.area, lang)}</a>
            </dd>
          </>
        )}
        {c.villageMoo && (
          <>
            <dt>{t("centre.village")}</dt>
            <dd>
              {ct("village.mooN", { n: c.villageMoo })} {c.villageTh}
            </dd>
          </>
        )}
        {c.hostPartnerId && c.hostTh && (
          <>
            <dt>{t("centre.host")}</dt>
            <dd>
              <a href={`${base}/partners/${c.hostPartnerId}`}>
                {textIn(c.hostTh, c.hostEn ?? "", lang)}
              </a>
            </dd>
          </>
        )}
        {textIn(c.learnTh, c.learnEn, lang) && (
          <>
            <dt>{t("centre.learn")}</dt>
            <dd>{textIn(c.learnTh, c.learnEn, lang)}</dd>
          </>
        )}
        <dt>{t("centre.capacity")}</dt>
        <dd>{c.capacity ? t("centre.capacityN", { n: num(c.capacity) }) : "–"}</dd>
        {(c.contactName || c.contactPhone || c.contactEmail) && (
          <>
            <dt>{t("partner.contact")}</dt>
            <dd>{[c.contactName, c.contactPhone, c.contactEmail].filter(Boolean).join(" · ")}</dd>
          </>
        )}
      </dl>
      <h2 id="visits">{t("centre.visits")}</h2>
      <ul class="stats">
        <li>
          <strong>{num(c.visitsDone)}</strong> {t("centre.visitsDone")}
        </li>
        <li>
          <strong>{num(c.visitors)}</strong> {t("centre.visitors")}
        </li>
      </ul>
      {props.visits.items.length > 0 && (
        <Table
          label={t("centre.visits")}
          columns={[
            t("visit.visitedOn"),
            t("visit.group"),
            { label: t("visit.visitors"), num: true },
            t("visit.learned"),
          ]}
        >
          {props.visits.items.map((v) => (
            <tr key={v.id}>
              <td>{date(v.visitedOn)}</td>
              <td>{v.groupName}</td>
              <td class="num">{num(v.visitorsCount ?? 0)}</td>
              <td>{textIn(v.learnedTh, v.learnedEn, lang)}</td>
            </tr>
          ))}
        </Table>
      )}
      <Pager
        of={props.visits}
        href={(n) => `${pageHref(`${base}/centres/${c.id}`, {}, n)}#visits`}
      />
      {c.acceptsVisits && c.active ? (
        <section aria-labelledby="ask">
          <h2 id="ask">{t("centre.ask")}</h2>
          <p>{t("centre.askIntro")}</p>
          <p class="actions">
            {props.requestFrom.map((tb) => (
              <a
                key={tb.id}
                class="button"
                href={`/t/${tb.slug}/admin/network/outgoing/new?centre=${c.id}`}
              >
                {t("centre.askAs", { tambon: tambonTitle(tb, lang) })}
              </a>
            ))}
            <a
              class={props.requestFrom.length ? "button secondary" : "button"}
              href={`${base}/centres/${c.id}/visit`}
            >
              {t("centre.askAsGroup")}
            </a>
          </p>
        </section>
      ) : (
        <p class="muted">{t("centre.noVisits")}</p>
      )}
    </>
  );
}
