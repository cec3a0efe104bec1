import { FilterInput, FilterSelect, Filters, Table } from "../../../core/views/list.tsx";
import { ErrorSummary, Fields, Form, type FormState, field } from "../../../core/views/form.tsx";
import type { Village } from "../../../core/commands/tambons.ts";
import type { Area } from "../../areas/public.ts";
import { areaOptions, nameIn, nameOptions, textIn } from "../shared/lists.ts";
import { COMMUNITY_ROLES } from "./community.ts";
import type { Page } from "../../../core/paging.ts";
import { Badge, BackToAdmin, num, useNet, ActionButton, villageOptions } from "../shared/views.tsx";
import { Pager } from "../../../core/views/pager.tsx";
import { pageHref } from "../../../core/paging.ts";
import { type PersonNetwork } from "./views.tsx";
import { ProfileForm } from "./profile-views.tsx";

/** Staff's list of the tambon's people with their network roles. */
export function PeopleAdmin(props: {
  page: Page<{
    userId: number;
    name: string;
    moo: number | null;
    publicConsent: boolean;
    roles: string[];
    affiliations: number;
  }>;
  q: string;
  role: string;
}) {
  const { t, ct, admin } = useNet();
  const { page } = props;
  const href = (n: number) => pageHref(`${admin}/people`, { q: props.q, role: props.role }, n);
  return (
    <>
      <BackToAdmin />
      <h1>{t("admin.people")}</h1>
      <p>{t("people.intro")}</p>
      <Filters action={`${admin}/people`} label={t("list.filters")}>
        <FilterInput value={props.q} label={t("people.search")} maxLength={100} />
        <FilterSelect
          name="role"
          label={t("person.roles")}
          any={t("list.any")}
          value={props.role}
          options={["facilitator", ...COMMUNITY_ROLES].map((r) => ({
            value: r,
            label: t(`role.${r}` as "role.elder"),
          }))}
        />
      </Filters>
      <p role="status">{t("people.found", { n: num(page.total) })}</p>
      {page.items.length > 0 && (
        <Table
          label={t("admin.people")}
          columns={[
            t("person.name"),
            t("person.village"),
            t("person.roles"),
            { label: t("person.affiliations"), num: true },
            t("person.public"),
          ]}
        >
          {page.items.map((p) => (
            <tr key={p.userId}>
              <td>
                <a href={`${admin}/people/${p.userId}`}>{p.name}</a>
              </td>
              <td>{p.moo ? ct("village.mooN", { n: p.moo }) : "–"}</td>
              <td>{p.roles.map((r) => t(`role.${r}` as "role.elder")).join(", ") || "–"}</td>
              <td class="num">{num(p.affiliations)}</td>
              <td>{p.publicConsent ? t("person.publicYes") : t("person.publicNo")}</td>
            </tr>
          ))}
        </Table>
      )}
      <Pager of={page} href={href} />
    </>
  );
}

/** Staff's page of one person: consent and profile, community roles, affiliations, reach. */
export function PersonAdmin(props: {
  person: { id: number; name: string };
  net: PersonNetwork;
  forms: { profile: FormState; role: FormState; affiliation: FormState };
  villages: Village[];
  areas: Area[];
  partners: { id: number; nameTh: string; nameEn: string }[];
}) {
  const { t, ct, lang, admin, base } = useNet();
  const { person, net } = props;
  const url = `${admin}/people/${person.id}`;
  const empty: FormState = { values: {}, errors: {} };
  return (
    <>
      <BackToAdmin to={`${admin}/people`} label={t("admin.people")} />
      <h1>{person.name}</h1>
      {net.isFacilitator && net.profile?.publicConsent && (
        <p>
          <a href={`${base}/facilitators/${net.profile.id}`}>{t("person.publicPage")}</a>
        </p>
      )}
      <h2 id="profile">{t("person.profile")}</h2>
      <ProfileForm form={props.forms.profile} action={`${url}/profile`} self={false} />

      <h2 id="roles">{t("person.roles")}</h2>
      {net.isFacilitator && (
        <p>
          <Badge>{t("role.facilitator")}</Badge>{" "}
          <span class="muted">{t("person.facilitatorFromRoles")}</span>
        </p>
      )}
      {net.roles.length > 0 && (
        <ul>
          {net.roles.map((r) => (
            <li key={r.id}>
              {t(`role.${r.role}` as "role.elder")}
              {r.moo ? ` · ${ct("village.mooN", { n: r.moo })}` : ""}
              {r.note && <span class="muted"> · {r.note}</span>}{" "}
              <ActionButton
                action={`${url}/roles/${r.id}/delete`}
                confirm
                label={t("person.removeRoleNamed", { role: t(`role.${r.role}` as "role.elder") })}
              >
                {t("person.remove")}
              </ActionButton>
            </li>
          ))}
        </ul>
      )}
      <ErrorSummary form={props.forms.role} />
      <Form action={`${url}/roles`} label={t("person.addRole")}>
        <Fields
          form={props.forms.role}
          fields={[
            field.select(
              "role",
              t("person.addRole"),
              COMMUNITY_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) })),
              { required: true },
            ),
            field.select(
              "villageId",
              t("person.roleVillage"),
              villageOptions(props.villages, { ct, lang }),
            ),
            field.text("note", t("person.roleNote"), { maxLength: 300 }),
          ]}
        />
        <button type="submit">{t("person.add")}</button>
      </Form>

      <h2 id="affiliations">{t("person.affiliations")}</h2>
      {net.affiliations.length > 0 && (
        <ul>
          {net.affiliations.map((a) => (
            <li key={a.id}>
              <a href={`${base}/partners/${a.partnerId}`}>{nameIn(a, lang)}</a>
              {textIn(a.positionTh, a.positionEn, lang) && (
                <span class="muted"> · {textIn(a.positionTh, a.positionEn, lang)}</span>
              )}{" "}
              <ActionButton
                action={`${url}/affiliations/${a.id}/delete`}
                confirm
                label={t("person.removeAffiliationNamed", { name: a.nameTh })}
              >
                {t("person.remove")}
              </ActionButton>
            </li>
          ))}
        </ul>
      )}
      <ErrorSummary form={props.forms.affiliation} />
      <Form action={`${url}/affiliations`} label={t("person.addAffiliation")}>
        <Fields
          form={props.forms.affiliation}
          fields={[
            field.select("partnerId", t("person.partner"), nameOptions(props.partners, lang), {
              required: true,
            }),
            field.thaiEnglish("position", t("person.position"), t("person.positionEn"), {
              hint: t("person.positionHint"),
              maxLength: 200,
            }),
          ]}
        />
        <button type="submit">{t("person.add")}</button>
      </Form>

      <h2 id="reach">{t("person.reach")}</h2>
      <p class="hint">{t("person.reachHint")}</p>
      <Form action={`${url}/reach`} label={t("person.reach")}>
        <Fields
          form={empty}
          fields={[
            field.checks(
              "villages",
              t("facilitator.villages"),
              villageOptions(props.villages, { ct, lang }),
              { layout: "grid", checked: net.reachVillageIds.map(String) },
            ),
            field.checks("areas", t("facilitator.areas"), areaOptions(props.areas, lang), {
              layout: "wide",
              checked: net.reachAreaIds.map(String),
            }),
          ]}
        />
        <button type="submit">{ct("form.save")}</button>
      </Form>
    </>
  );
}
