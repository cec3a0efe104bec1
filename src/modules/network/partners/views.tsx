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
import { formatDate, todayIso } from "../../../core/dates.ts";
import type { Village } from "../../../core/commands/tambons.ts";
import { areaName, type Area } from "../../areas/public.ts";
import { nameIn, textIn, type ListItem, type Pillar } from "../shared/lists.ts";
import type { PartnerFilter, PartnerRow } from "./queries.ts";
import type { Page } from "../../../core/paging.ts";
import { effectiveStatus, type AgreementStatus } from "../agreements/agreement.ts";
import {
  Badge,
  BackToAdmin,
  CheckGroup,
  ExportLinks,
  FileField,
  NetworkNav,
  num,
  useNet,
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

function villageLabel(v: Village, lang: "th" | "en", mooN: (n: number) => string): string {
  return `${mooN(v.moo)} ${lang === "en" && v.nameEn ? v.nameEn : v.nameTh}`;
}

function PartnerFilters(props: {
  action: string;
  f: PartnerFilter;
  c: PartnerChoices;
  staff?: boolean;
}) {
  const { t, ct, lang } = useNet();
  const { f, c } = props;
  const opts = (items: { id: number; nameTh: string; nameEn: string }[]) =>
    items.map((i) => ({ value: String(i.id), label: nameIn(i, lang) }));
  return (
    <Filters action={props.action} label={t("list.filters")}>
      <FilterInput value={f.q} label={t("partners.search")} maxLength={100} />
      <FilterSelect
        name="role"
        label={t("partner.role")}
        any={t("list.any")}
        value={String(f.roleId ?? "")}
        options={opts(c.roles)}
      />
      <FilterSelect
        name="pillar"
        label={t("partner.pillar")}
        any={t("list.any")}
        value={String(f.pillarId ?? "")}
        options={opts(c.pillars)}
      />
      <FilterSelect
        name="kind"
        label={t("partner.kind")}
        any={t("list.any")}
        value={String(f.kindId ?? "")}
        options={opts(c.kinds)}
      />
      <FilterSelect
        name="village"
        label={t("partner.villages")}
        any={t("list.any")}
        value={String(f.villageId ?? "")}
        options={c.villages.map((v) => ({
          value: String(v.id),
          label: villageLabel(v, lang, (n) => ct("village.mooN", { n })),
        }))}
      />
      <FilterSelect
        name="area"
        label={t("partner.areas")}
        any={t("list.any")}
        value={String(f.areaId ?? "")}
        options={c.areas.map((a) => ({ value: String(a.id), label: areaName(a, lang) }))}
      />
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
function Classification({ p }: { p: PartnerRow }) {
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

function villagesText(p: PartnerRow, mooN: (n: number) => string): string {
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
        <p>
          <a class="button" href={`${admin}/partners/new`}>
            {t("partners.add")}
          </a>
        </p>
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
              {p.areaIds.length > 0 && (
                <p class="muted">
                  {t("partner.areas")}:{" "}
                  {p.areaIds
                    .map((id) => areas.get(id))
                    .filter(Boolean)
                    .join(", ")}
                </p>
              )}
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
      <p>
        <a href={`${base}/partners`}>← {t("nav.partners")}</a>
      </p>
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
      <p>
        <a href={`${base}/partners`}>← {t("nav.partners")}</a>
      </p>
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

/** Staff's list of partners (active and inactive), with links to edit and to register one. */
export function AdminPartnerList(props: {
  page: Page<PartnerRow>;
  filter: PartnerFilter;
  choices: PartnerChoices;
  canCreate: boolean;
}) {
  const { t, lang, base, admin } = useNet();
  const { page, filter } = props;
  return (
    <>
      <BackToAdmin />
      <h1>{t("admin.partners")}</h1>
      {props.canCreate && (
        <p>
          <a class="button" href={`${admin}/partners/new`}>
            {t("partners.add")}
          </a>
        </p>
      )}
      <PartnerFilters action={`${admin}/partners`} f={filter} c={props.choices} staff />
      <p role="status">{t("partners.found", { n: num(page.total) })}</p>
      {page.items.length > 0 && (
        <Table
          label={t("admin.partners")}
          columns={[t("partner.name"), t("partner.role"), t("partner.pillar"), t("partner.status")]}
        >
          {page.items.map((p) => (
            <tr key={p.id}>
              <td>
                <a href={`${admin}/partners/${p.id}`}>{nameIn(p, lang)}</a>
              </td>
              <td>{p.roleTh ? textIn(p.roleTh, p.roleEn ?? "", lang) : "–"}</td>
              <td>
                {p.pillarTh ? textIn(p.pillarTh, p.pillarEn ?? "", lang) : t("pillars.unplaced")}
              </td>
              <td>
                {p.active ? t("partner.active") : t("partner.inactive")}{" "}
                <a href={`${base}/partners/${p.id}`}>{t("list.view")}</a>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pager of={page} href={(n) => `${admin}/partners${partnerQuery(filter, n)}`} />
    </>
  );
}

/** The form to register or edit a partner. */
export function PartnerForm(props: {
  form: FormState;
  editing: PartnerRow | null;
  choices: PartnerChoices;
  villages: string[];
  areas: string[];
  canClassify: boolean;
  isStaff: boolean;
}) {
  const { t, ct, lang, base, admin } = useNet();
  const { form, editing, choices } = props;
  const title = editing
    ? t("partner.editTitle", { name: nameIn(editing, lang) })
    : t("partners.add");
  const action = editing ? `${admin}/partners/${editing.id}` : `${admin}/partners/new`;
  const opts = (items: { id: number; nameTh: string; nameEn: string }[]) =>
    items.map((i) => ({ value: String(i.id), label: nameIn(i, lang) }));
  return (
    <>
      {props.isStaff ? (
        <BackToAdmin to={`${admin}/partners`} label={t("admin.partners")} />
      ) : (
        editing && (
          <BackToAdmin to={`${base}/partners/${editing.id}`} label={nameIn(editing, lang)} />
        )
      )}
      <h1>{title}</h1>
      <ErrorSummary form={form} />
      <Form action={action} multipart label={title}>
        <Field form={form} name="nameTh" label={t("partner.nameTh")} required maxLength={200} />
        <Field form={form} name="nameEn" label={t("partner.nameEn")} maxLength={200} />
        <SelectField
          form={form}
          name="kindId"
          label={t("partner.kind")}
          options={opts(choices.kinds)}
        />
        <SelectField
          form={form}
          name="roleId"
          label={t("partner.role")}
          options={opts(choices.roles)}
        />
        {props.canClassify ? (
          <SelectField
            form={form}
            name="pillarId"
            label={t("partner.pillar")}
            options={opts(choices.pillars)}
          />
        ) : (
          <p class="hint">{t("partner.pillarByAdmin")}</p>
        )}
        <TextArea
          form={form}
          name="descriptionTh"
          label={t("partner.descriptionTh")}
          maxLength={4000}
        />
        <TextArea
          form={form}
          name="descriptionEn"
          label={t("partner.descriptionEn")}
          maxLength={4000}
        />
        <CheckGroup
          form={form}
          name="villages"
          legend={t("partner.villages")}
          hint={t("partner.villagesHint")}
          options={choices.villages.map((v) => ({
            value: String(v.id),
            label: ct("village.mooN", { n: v.moo }),
          }))}
          selected={props.villages}
        />
        <CheckGroup
          form={form}
          name="areas"
          wide
          legend={t("partner.areas")}
          options={choices.areas.map((a) => ({ value: String(a.id), label: areaName(a, lang) }))}
          selected={props.areas}
        />
        <fieldset>
          <legend>{t("partner.contact")}</legend>
          <p class="hint">{t("partner.contactPublic")}</p>
          <Field form={form} name="contactName" label={t("partner.contactName")} maxLength={200} />
          <Field
            form={form}
            name="contactPhone"
            type="tel"
            label={t("partner.contactPhone")}
            autocomplete="off"
          />
          <Field
            form={form}
            name="contactEmail"
            type="email"
            label={t("partner.contactEmail")}
            autocomplete="off"
          />
          <Field
            form={form}
            name="website"
            type="url"
            label={t("partner.website")}
            hint={t("partner.websiteHint")}
          />
        </fieldset>
        {props.isStaff && (
          <Field
            form={form}
            name="contactUser"
            label={t("partner.contactUser")}
            hint={t("partner.contactUserHint")}
            maxLength={120}
          />
        )}
        <FileField
          form={form}
          name="logo"
          label={t("partner.logo")}
          hint={t("partner.logoHint")}
          accept="image/png,image/jpeg,image/webp,image/svg+xml"
        />
        {editing?.logoFile && (
          <div class="field check">
            <input type="checkbox" id="f-removeLogo" name="removeLogo" value="1" />
            <label for="f-removeLogo">{t("partner.removeLogo")}</label>
          </div>
        )}
        <button type="submit">{ct("form.save")}</button>
      </Form>
      {editing && props.isStaff && (
        <>
          <h2>{t("partner.status")}</h2>
          <p>{editing.active ? t("partner.activeHint") : t("partner.inactiveHint")}</p>
          <Form action={`${admin}/partners/${editing.id}/active`}>
            <input type="hidden" name="active" value={editing.active ? "0" : "1"} />
            <button type="submit" class="secondary">
              {editing.active ? t("partner.deactivate") : t("partner.activate")}
            </button>
          </Form>
        </>
      )}
    </>
  );
}
