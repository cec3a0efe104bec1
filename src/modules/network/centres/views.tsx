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
import type { Village } from "../../../core/commands/tambons.ts";
import type { Tambon } from "../../../core/tenancy.ts";
import { areaName, type Area } from "../../areas/public.ts";
import { nameIn, textIn } from "../shared/lists.ts";
import type { CentreFilter, CentreRow } from "./queries.ts";
import type { VisitRow } from "../visits/queries.ts";
import type { Page } from "../../../core/paging.ts";
import type { centrePhotos } from "../schema.ts";
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

type Photo = typeof centrePhotos.$inferSelect;

/** The query string of a centre filter. */
export function centreQuery(f: CentreFilter, page?: number): string {
  return pageHref("", { q: f.q, area: f.areaId, village: f.villageId }, page ?? 1);
}

function CentreFilters(props: {
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
        options={props.areas.map((a) => ({ value: String(a.id), label: areaName(a, lang) }))}
      />
      <FilterSelect
        name="village"
        label={t("centre.village")}
        any={t("list.any")}
        value={String(props.f.villageId ?? "")}
        options={props.villages.map((v) => ({
          value: String(v.id),
          label: ct("village.mooN", { n: v.moo }),
        }))}
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
      {props.canManage && (
        <p>
          <a class="button" href={`${admin}/centres/new`}>
            {t("centres.add")}
          </a>
        </p>
      )}
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
      <p>
        <a href={`${base}/centres`}>← {t("nav.centres")}</a>
      </p>
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

/** The fields of a study-visit request (date, size, topics; contact when not from a tambon). */
export function VisitRequestFields(props: {
  form: FormState;
  withContact: boolean;
  capacity: number | null;
}) {
  const { t } = useNet();
  const f = props.form;
  return (
    <>
      <Field
        form={f}
        name="groupName"
        label={props.withContact ? t("visit.groupName") : t("visit.subGroup")}
        required={props.withContact}
        maxLength={200}
        hint={props.withContact ? undefined : t("visit.subGroupHint")}
      />
      <Field form={f} name="requestedOn" type="date" label={t("visit.requestedOn")} required />
      <Field
        form={f}
        name="groupSize"
        type="number"
        inputmode="numeric"
        label={t("visit.groupSize")}
        required
        hint={props.capacity ? t("visit.capacityHint", { n: num(props.capacity) }) : undefined}
      />
      <TextArea
        form={f}
        name="topics"
        label={t("visit.topics")}
        required
        hint={t("visit.topicsHint")}
        maxLength={2000}
      />
      <Field
        form={f}
        name="contactName"
        label={t("visit.contactName")}
        required={props.withContact}
        maxLength={200}
      />
      <Field
        form={f}
        name="contactPhone"
        type="tel"
        label={t("visit.contactPhone")}
        autocomplete="tel"
      />
      <Field
        form={f}
        name="contactEmail"
        type="email"
        label={t("visit.contactEmail")}
        autocomplete="email"
      />
    </>
  );
}

/** The public form with which a group asks a tambon to visit one of its learning centres. */
export function PublicVisitForm(props: { centre: CentreRow; form: FormState }) {
  const { t, lang, base } = useNet();
  const c = props.centre;
  const title = t("visit.requestTitle", { name: nameIn(c, lang) });
  return (
    <>
      <p>
        <a href={`${base}/centres/${c.id}`}>← {nameIn(c, lang)}</a>
      </p>
      <h1>{title}</h1>
      <p>{t("visit.publicIntro")}</p>
      <ErrorSummary form={props.form} />
      <Form action={`${base}/centres/${c.id}/visit`} label={title}>
        <VisitRequestFields form={props.form} withContact capacity={c.capacity} />
        <p class="hint">{t("visit.privacy")}</p>
        <button type="submit">{t("visit.send")}</button>
      </Form>
    </>
  );
}

/** A confirmation after a public request was sent. */
export function VisitSent(props: { centre: CentreRow; link: string }) {
  const { t, lang, base } = useNet();
  return (
    <>
      <h1>{t("visit.sentTitle")}</h1>
      <p>{t("visit.sent", { name: nameIn(props.centre, lang) })}</p>
      <section aria-labelledby="h-link">
        <h2 id="h-link">{t("visit.linkTitle")}</h2>
        <p>{t("visit.linkIntro")}</p>
        <p>
          <a href={props.link} rel="nofollow">
            {props.link}
          </a>
        </p>
      </section>
      <p>
        <a href={`${base}/centres/${props.centre.id}`}>← {nameIn(props.centre, lang)}</a>
      </p>
    </>
  );
}

/** Staff's list of learning centres. */
export function AdminCentreList(props: {
  page: Page<CentreRow>;
  filter: CentreFilter;
  areas: Area[];
  villages: Village[];
}) {
  const { t, lang, admin } = useNet();
  const { page, filter } = props;
  return (
    <>
      <BackToAdmin />
      <h1>{t("admin.centres")}</h1>
      <p>
        <a class="button" href={`${admin}/centres/new`}>
          {t("centres.add")}
        </a>
      </p>
      <CentreFilters
        action={`${admin}/centres`}
        f={filter}
        areas={props.areas}
        villages={props.villages}
      />
      <p role="status">{t("centres.found", { n: num(page.total) })}</p>
      {page.items.length > 0 && (
        <Table
          label={t("admin.centres")}
          columns={[
            t("centre.name"),
            t("centre.status"),
            { label: t("centre.visitsDone"), num: true },
          ]}
        >
          {page.items.map((c) => (
            <tr key={c.id}>
              <td>
                <a href={`${admin}/centres/${c.id}`}>{nameIn(c, lang)}</a>
              </td>
              <td>
                {c.active ? t("partner.active") : t("partner.inactive")}
                {!c.acceptsVisits && ` · ${t("centre.noVisits")}`}
              </td>
              <td class="num">
                <a href={`${admin}/visits?centre=${c.id}`}>{num(c.visitsDone)}</a>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pager of={page} href={(n) => `${admin}/centres${centreQuery(filter, n)}`} />
    </>
  );
}

/** The form of a learning centre, and (for an existing one) its photos. */
export function CentreForm(props: {
  form: FormState;
  photoForm: FormState;
  editing: CentreRow | null;
  photos: Photo[];
  areas: Area[];
  villages: Village[];
  partners: { id: number; nameTh: string; nameEn: string }[];
}) {
  const { t, ct, lang, admin, base } = useNet();
  const { form, editing } = props;
  const title = editing ? t("centre.editTitle", { name: nameIn(editing, lang) }) : t("centres.add");
  return (
    <>
      <BackToAdmin to={`${admin}/centres`} label={t("admin.centres")} />
      <h1>{title}</h1>
      {editing && (
        <p>
          <a href={`${base}/centres/${editing.id}`}>{t("agreement.publicPage")}</a>
        </p>
      )}
      <ErrorSummary form={form} />
      <Form
        action={editing ? `${admin}/centres/${editing.id}` : `${admin}/centres/new`}
        label={title}
      >
        <Field form={form} name="nameTh" label={t("centre.nameTh")} required maxLength={200} />
        <Field form={form} name="nameEn" label={t("centre.nameEn")} maxLength={200} />
        <Field form={form} name="topicTh" label={t("centre.topicTh")} maxLength={300} />
        <Field form={form} name="topicEn" label={t("centre.topicEn")} maxLength={300} />
        <SelectField
          form={form}
          name="areaId"
          label={t("centre.area")}
          options={props.areas.map((a) => ({ value: String(a.id), label: areaName(a, lang) }))}
        />
        <SelectField
          form={form}
          name="villageId"
          label={t("centre.village")}
          options={props.villages.map((v) => ({
            value: String(v.id),
            label: `${ct("village.mooN", { n: v.moo })} ${lang === "en" && v.nameEn ? v.nameEn : v.nameTh}`,
          }))}
        />
        <SelectField
          form={form}
          name="hostPartnerId"
          label={t("centre.host")}
          options={props.partners.map((p) => ({ value: String(p.id), label: nameIn(p, lang) }))}
        />
        <TextArea
          form={form}
          name="learnTh"
          label={t("centre.learnTh")}
          hint={t("centre.learnHint")}
          maxLength={4000}
        />
        <TextArea form={form} name="learnEn" label={t("centre.learnEn")} maxLength={4000} />
        <Field
          form={form}
          name="capacity"
          type="number"
          inputmode="numeric"
          label={t("centre.capacity")}
          hint={t("centre.capacityHint")}
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
        </fieldset>
        <div class="field check">
          <input
            type="checkbox"
            id="f-acceptsVisits"
            name="acceptsVisits"
            value="1"
            checked={form.values.acceptsVisits === "1"}
          />
          <label for="f-acceptsVisits">{t("centre.acceptsVisits")}</label>
        </div>
        {editing && (
          <div class="field check">
            <input
              type="checkbox"
              id="f-active"
              name="active"
              value="1"
              checked={form.values.active === "1"}
            />
            <label for="f-active">{t("centre.active")}</label>
          </div>
        )}
        <button type="submit">{ct("form.save")}</button>
      </Form>
      {editing && (
        <>
          <h2 id="photos">{t("centre.photos")}</h2>
          {props.photos.length > 0 && (
            <ul class="cards photos">
              {props.photos.map((p) => (
                <li key={p.id}>
                  <img
                    src={`${base}/uploads/network/${p.thumbFile}`}
                    alt={
                      textIn(p.captionTh, p.captionEn, lang) ||
                      t("centre.photoOf", { name: nameIn(editing, lang) })
                    }
                    width={Math.round((p.width / Math.max(p.width, p.height)) * 320)}
                    height={Math.round((p.height / Math.max(p.width, p.height)) * 320)}
                  />
                  <p class="muted">
                    {t("centre.photoSize", { w: p.width, h: p.height, size: size(p.bytes) })}
                  </p>
                  <Form action={`${admin}/centres/${editing.id}/photos/${p.id}/delete`}>
                    <button
                      type="submit"
                      class="secondary"
                      aria-label={t("centre.removePhotoNamed", { n: p.position })}
                    >
                      {t("centre.removePhoto")}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          )}
          <ErrorSummary form={props.photoForm} />
          <Form
            action={`${admin}/centres/${editing.id}/photos`}
            multipart
            label={t("centre.addPhoto")}
          >
            <FileField
              form={props.photoForm}
              name="photo"
              label={t("centre.addPhoto")}
              hint={t("centre.photoHint")}
              accept="image/png,image/jpeg,image/webp"
            />
            <Field
              form={props.photoForm}
              name="captionTh"
              label={t("centre.captionTh")}
              maxLength={300}
            />
            <Field
              form={props.photoForm}
              name="captionEn"
              label={t("centre.captionEn")}
              maxLength={300}
            />
            <button type="submit">{t("centre.upload")}</button>
          </Form>
        </>
      )}
    </>
  );
}
