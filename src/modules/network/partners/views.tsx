import { FilterInput, FilterSelect, Filters } from "../../../core/views/list.tsx";
import { tambonTitle } from "../../../core/views/layout.tsx";
import type { Village } from "../../../core/commands/tambons.ts";
import { areaName, type Area } from "../../areas/public.ts";
import {
  areaOptions,
  nameIn,
  nameOptions,
  textIn,
  type ListItem,
  type Pillar,
} from "../shared/lists.ts";
import type { PartnerFilter, PartnerRow } from "./queries.ts";
import type { Page } from "../../../core/paging.ts";
import {
  AreaNames,
  Badge,
  ExportLinks,
  NetworkNav,
  num,
  useNet,
  ButtonLink,
  villageOptions,
} from "../shared/views.tsx";
import { Pager } from "../../../core/views/pager.tsx";
import { pageHref } from "../../../core/paging.ts";

/** The choices the partner filters and forms offer. */
export interface PartnerChoices {
  kinds: ListItem[];
  roles: ListItem[];
  pillars: Pillar[];
  villages: Village[];
  areas: Area[];
}

/** The query string of a partner filter (for pager and export links). */
export function partnerQuery(f: PartnerFilter, page?: number): string {
  return pageHref(
    "",
    {
      q: f.q,
      kind: f.kindId,
      role: f.roleId,
      pillar: f.pillarId,
      village: f.villageId,
      area: f.areaId,
      status: f.status === "active" ? "" : f.status,
    },
    page ?? 1,
  );
}

export function PartnerFilters(props: {
  action: string;
  f: PartnerFilter;
  c: PartnerChoices;
  staff?: boolean;
}) {
  const { t, ct, lang } = useNet();
  const { f, c } = props;
  return (
    <Filters action={props.action} label={t("list.filters")}>
      <FilterInput value={f.q} label={t("partners.search")} maxLength={100} />
      {(
        [
          ["role", t("partner.role"), f.roleId, nameOptions(c.roles, lang)],
          ["pillar", t("partner.pillar"), f.pillarId, nameOptions(c.pillars, lang)],
          ["kind", t("partner.kind"), f.kindId, nameOptions(c.kinds, lang)],
          [
            "village",
            t("partner.villages"),
            f.villageId,
            villageOptions(c.villages, { ct, lang }, true),
          ],
          ["area", t("partner.areas"), f.areaId, areaOptions(c.areas, lang)],
        ] as const
      ).map(([name, label, value, options]) => (
        <FilterSelect
          key={name}
          name={name}
          label={label}
          any={t("list.any")}
          value={String(value ?? "")}
          options={options}
        />
      ))}
      {props.staff && (
        <FilterSelect
          name="status"
          label={t("partner.status")}
          any={t("partner.activeOnly")}
          value={f.status === "active" ? "" : f.status}
          options={[
            { value: "inactive", label: t("partner.inactive") },
            { value: "all", label: t("partner.allStatuses") },
          ]}
        />
      )}
    </Filters>
  );
}

/** The partner's classification as badges: kind, role, pillar. */
export function Classification({ p }: { p: PartnerRow }) {
  const { lang, t } = useNet();
  return (
    <p>
      {p.kindTh && <Badge>{textIn(p.kindTh, p.kindEn ?? "", lang)}</Badge>}
      {p.roleTh && (
        <Badge>
          {t("partner.roleShort")}: {textIn(p.roleTh, p.roleEn ?? "", lang)}
        </Badge>
      )}
      {p.pillarTh && (
        <Badge>
          {t("partner.pillarShort")}: {textIn(p.pillarTh, p.pillarEn ?? "", lang)}
        </Badge>
      )}
      {!p.active && <Badge>{t("partner.inactive")}</Badge>}
    </p>
  );
}

export function villagesText(p: PartnerRow, mooN: (n: number) => string): string {
  return p.villages.map((v) => mooN(v.moo)).join(", ");
}

/** The public directory of a tambon's partners, filtered on the server. */
export function PartnerDirectory(props: {
  page: Page<PartnerRow>;
  filter: PartnerFilter;
  choices: PartnerChoices;
  canCreate: boolean;
}) {
  const { t, ct, lang, base, admin, tambon } = useNet();
  const { page, filter } = props;
  const areas = new Map(props.choices.areas.map((a) => [a.id, areaName(a, lang)]));
  const q = partnerQuery(filter);
  return (
    <>
      <h1>{t("partners.title", { tambon: tambonTitle(tambon!, lang) })}</h1>
      <NetworkNav current="partners" />
      <p>{t("partners.intro")}</p>
      {props.canCreate && (
        <ButtonLink href={`${admin}/partners/new`}>{t("partners.add")}</ButtonLink>
      )}
      <PartnerFilters action={`${base}/partners`} f={filter} c={props.choices} />
      <p role="status">{t("partners.found", { n: num(page.total) })}</p>
      {page.items.length === 0 ? (
        <p>{t("partners.none")}</p>
      ) : (
        <ul class="cards">
          {page.items.map((p) => (
            <li key={p.id}>
              <h2>
                <a href={`${base}/partners/${p.id}`}>{nameIn(p, lang)}</a>
              </h2>
              <Classification p={p} />
              {p.villages.length > 0 && (
                <p class="muted">
                  {t("partner.villages")}: {villagesText(p, (n) => ct("village.mooN", { n }))}
                </p>
              )}
              <AreaNames label={t("partner.areas")} ids={p.areaIds} names={areas} />
            </li>
          ))}
        </ul>
      )}
      <Pager of={page} href={(n) => `${base}/partners${partnerQuery(filter, n)}`} />
      <ExportLinks
        print={`${base}/partners/print${q}`}
        csv={`${base}/partners/export.csv${q}`}
        json={`${base}/partners/export.json${q}`}
      />
    </>
  );
}
