import {
  ErrorSummary,
  Fields,
  Form,
  FormError,
  SelectField,
  type FormState,
  field,
} from "../../../core/views/form.tsx";
import { FilterInput, Filters, FilterSelect, Table } from "../../../core/views/list.tsx";
import { Pager } from "../../../core/views/pager.tsx";
import { pageHref, type Page } from "../../../core/paging.ts";
import { formatDate } from "../../../core/dates.ts";
import { core } from "../../../core/i18n/messages.ts";
import { HOUSEHOLD_STATUSES } from "../shared/kinds.ts";
import { History } from "../registry/views.tsx";
import type { HistoryRow } from "../registry/history.ts";
import type { Household, HouseholdRow, Person } from "./queries.ts";
import { PeopleTable } from "../people/views.tsx";
import { BackLink } from "../../../core/views/back-link.tsx";
import { useCommunity } from "../shared/views.tsx";

type Option = { value: string; label: string };

/** The households the reader may see, filtered and paged. */
export function HouseholdList(p: {
  page: Page<HouseholdRow>;
  query: Record<string, string>;
  villages: Option[];
  onlyVillage: boolean;
}) {
  const { lang, tambon, t } = useCommunity();
  const ct = core.t(lang);
  const path = `/t/${tambon!.slug}/community/households`;
  return (
    <>
      <h1>{t("household.title")}</h1>
      <p>{t("household.intro")}</p>
      {p.onlyVillage && <p class="notice">{t("household.scopeVillage")}</p>}
      <p class="registry-note">{t("household.logged")}</p>
      <p class="actions">
        <a class="button" href={`${path}/new`}>
          {t("household.add")}
        </a>
      </p>
      <Filters action={path} label={t("household.list")}>
        <FilterInput label={t("household.search")} value={p.query.q ?? ""} maxLength={40} />
        {p.villages.length > 1 && (
          <FilterSelect
            name="village"
            label={t("household.village")}
            any={t("household.anyVillage")}
            value={p.query.village ?? ""}
            options={p.villages}
          />
        )}
        <FilterSelect
          name="status"
          label={t("household.status")}
          any={t("household.anyStatus")}
          value={p.query.status ?? ""}
          options={HOUSEHOLD_STATUSES.map((s) => ({ value: s, label: t(`household.status.${s}`) }))}
        />
      </Filters>
      {p.page.total === 0 ? (
        <p>{t("household.none")}</p>
      ) : (
        <Table
          label={t("household.list")}
          columns={[
            t("household.houseNo"),
            t("household.village"),
            { label: t("household.people"), num: true },
            t("household.status"),
            t("household.updated"),
          ]}
        >
          {p.page.items.map((h) => (
            <tr key={h.id}>
              <td>
                <a href={`${path}/${h.id}`}>{h.houseNo}</a>
              </td>
              <td>{ct("village.mooN", { n: h.moo })}</td>
              <td class="num">{h.people}</td>
              <td>{t(`household.status.${h.status}`)}</td>
              <td>{formatDate(h.updatedAt, lang)}</td>
            </tr>
          ))}
        </Table>
      )}
      <Pager of={p.page} href={(n) => pageHref(path, p.query, n)} />
    </>
  );
}

/** A household's page: its facts, its people, its status, its history. */
export function HouseholdPage(p: {
  household: Household;
  villageLabel: string;
  people: Person[];
  submissions: number;
  history: HistoryRow[];
  names: Map<number, string>;
  statusForm: FormState;
}) {
  const { tambon, t } = useCommunity();
  const h = p.household;
  const base = `/t/${tambon!.slug}/community/households`;
  return (
    <>
      <BackLink href={base}>{t("household.back")}</BackLink>
      <h1>{t("household.heading", { no: h.houseNo })}</h1>
      <p class="registry-note">{t("household.logged")}</p>
      <dl class="registry-facts">
        <dt>{t("household.village")}</dt>
        <dd>{p.villageLabel}</dd>
        <dt>{t("household.locationText")}</dt>
        <dd>{h.locationText || "—"}</dd>
        <dt>{t("household.coordinates")}</dt>
        <dd>{h.lat && h.lng ? `${Number(h.lat)}, ${Number(h.lng)}` : "—"}</dd>
        <dt>{t("household.status")}</dt>
        <dd>{t(`household.status.${h.status}`)}</dd>
        <dt>{t("household.submissions")}</dt>
        <dd>{t("household.submissionsN", { n: p.submissions })}</dd>
        <dt>{t("household.version")}</dt>
        <dd>{h.version}</dd>
      </dl>
      <p class="actions">
        <a class="button secondary" href={`${base}/${h.id}/edit`}>
          {t("household.edit")}
        </a>
      </p>
      <section aria-labelledby="people-h">
        <h2 id="people-h">{t("household.peopleHeading")}</h2>
        {p.people.length === 0 ? (
          <p class="muted">{t("household.noPeople")}</p>
        ) : (
          <PeopleTable people={p.people} />
        )}
        <p class="actions">
          <a class="button" href={`${base}/${h.id}/people/new`}>
            {t("person.add")}
          </a>
        </p>
      </section>
      <section aria-labelledby="status-h">
        <h2 id="status-h">{t("household.changeStatus")}</h2>
        <Form
          action={`${base}/${h.id}/status`}
          class="inline-form"
          label={t("household.changeStatus")}
        >
          <SelectField
            form={p.statusForm}
            scope="s"
            name="status"
            label={t("household.status")}
            value={h.status}
            placeholder={false}
            options={HOUSEHOLD_STATUSES.map((s) => ({
              value: s,
              label: t(`household.status.${s}`),
            }))}
          />
          <FormError form={p.statusForm} />
          <button type="submit" class="secondary">
            {t("household.changeStatus")}
          </button>
        </Form>
      </section>
      <History rows={p.history} names={p.names} />
    </>
  );
}

/** The form of a new household or of an edit (which carries the version it was shown at). */
export function HouseholdForm(p: { form: FormState; villages: Option[]; household?: Household }) {
  const { tambon, t } = useCommunity();
  const base = `/t/${tambon!.slug}/community/households`;
  const h = p.household;
  return (
    <>
      <p>
        <a href={h ? `${base}/${h.id}` : base}>
          ← {h ? t("household.heading", { no: h.houseNo }) : t("household.back")}
        </a>
      </p>
      <h1>{h ? t("household.edit") : t("household.add")}</h1>
      <ErrorSummary form={p.form} />
      <Form action={h ? `${base}/${h.id}` : base}>
        {h && (
          <input type="hidden" name="version" value={p.form.values.version ?? String(h.version)} />
        )}
        <Fields
          form={p.form}
          fields={[
            field.text("houseNo", t("household.houseNo"), {
              hint: t("household.houseNoHint"),
              required: true,
              maxLength: 40,
            }),
            field.select("villageId", t("household.village"), p.villages, { required: true }),
            field.text("locationText", t("household.locationText"), { maxLength: 300 }),
            field.text("lat", t("household.lat"), {
              hint: t("household.coordinateHint"),
              inputmode: "text",
              maxLength: 20,
            }),
            field.text("lng", t("household.lng"), { inputmode: "text", maxLength: 20 }),
          ]}
        />
        <FormError form={p.form} />
        <button type="submit">{t("household.save")}</button>
      </Form>
    </>
  );
}

/** The form values of a stored household. */
export function householdValues(h: Household): Record<string, string> {
  return {
    houseNo: h.houseNo,
    villageId: String(h.villageId),
    locationText: h.locationText,
    lat: h.lat === null ? "" : String(Number(h.lat)),
    lng: h.lng === null ? "" : String(Number(h.lng)),
    version: String(h.version),
  };
}
