import { Table } from "../../../core/views/list.tsx";
import {
  ErrorSummary,
  Field,
  Fields,
  Form,
  SelectField,
  type FormState,
  field,
} from "../../../core/views/form.tsx";
import { MAX_IMAGE_BYTES } from "../uploads.ts";
import { areaOptions, nameIn, nameOptions, textIn } from "../shared/lists.ts";
import type { PartnerFilter, PartnerRow } from "./queries.ts";
import type { Page } from "../../../core/paging.ts";
import {
  BackToAdmin,
  ContactFields,
  num,
  useNet,
  ButtonLink,
  villageOptions,
} from "../shared/views.tsx";
import { Pager } from "../../../core/views/pager.tsx";
import { type PartnerChoices, PartnerFilters, partnerQuery } from "./views.tsx";

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
        <ButtonLink href={`${admin}/partners/new`}>{t("partners.add")}</ButtonLink>
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
        <Fields
          form={form}
          fields={[
            field.thaiEnglish("name", t("partner.nameTh"), t("partner.nameEn"), {
              required: true,
              maxLength: 200,
            }),
            field.select("kindId", t("partner.kind"), nameOptions(choices.kinds, lang)),
            field.select("roleId", t("partner.role"), nameOptions(choices.roles, lang)),
          ]}
        />
        {props.canClassify ? (
          <SelectField
            form={form}
            name="pillarId"
            label={t("partner.pillar")}
            options={nameOptions(choices.pillars, lang)}
          />
        ) : (
          <p class="hint">{t("partner.pillarByAdmin")}</p>
        )}
        <Fields
          form={form}
          fields={[
            field.thaiEnglish(
              "description",
              t("partner.descriptionTh"),
              t("partner.descriptionEn"),
              { multiline: true, maxLength: 4000 },
            ),
            field.checks(
              "villages",
              t("partner.villages"),
              villageOptions(choices.villages, { ct, lang }),
              { layout: "grid", hint: t("partner.villagesHint"), checked: props.villages },
            ),
            field.checks("areas", t("partner.areas"), areaOptions(choices.areas, lang), {
              layout: "wide",
              checked: props.areas,
            }),
          ]}
        />
        <ContactFields form={form}>
          <Field
            form={form}
            name="website"
            type="url"
            label={t("partner.website")}
            hint={t("partner.websiteHint")}
          />
        </ContactFields>
        <Fields
          form={form}
          fields={[
            props.isStaff &&
              field.text("contactUser", t("partner.contactUser"), {
                hint: t("partner.contactUserHint"),
                maxLength: 120,
              }),
            field.file("logo", t("partner.logo"), {
              types: "PNG, JPG, WebP, SVG",
              maxBytes: MAX_IMAGE_BYTES,
              note: t("partner.logoNote"),
              accept: "image/png,image/jpeg,image/webp,image/svg+xml",
            }),
          ]}
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
