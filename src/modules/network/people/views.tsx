import { FilterInput, FilterSelect, Filters, Table } from "../../../core/views/list.tsx";
import {
  CheckField,
  ErrorSummary,
  Field,
  Form,
  SelectField,
  type FormState,
  TextArea,
} from "../../../core/views/form.tsx";
import { tambonTitle } from "../../../core/views/layout.tsx";
import type { Village } from "../../../core/commands/tambons.ts";
import { areaName, type Area } from "../../areas/public.ts";
import { nameIn, textIn } from "../shared/lists.ts";
import { COMMUNITY_ROLES } from "./community.ts";
import type { PersonCard, personNetwork } from "./queries.ts";
import type { Page } from "../../../core/paging.ts";
import { Badge, BackToAdmin, CheckGroup, NetworkNav, num, useNet } from "../shared/views.tsx";
import { Pager } from "../../../core/views/pager.tsx";
import { pageHref } from "../../../core/paging.ts";

type Facilitator = PersonCard & { villages: number[]; areaIds: number[] };
type PersonNetwork = Awaited<ReturnType<typeof personNetwork>>;

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
              {f.areaIds.length > 0 && (
                <p class="muted">
                  {t("facilitator.areas")}:{" "}
                  {f.areaIds
                    .map((id) => areas.get(id))
                    .filter(Boolean)
                    .join(", ")}
                </p>
              )}
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
      <p>
        <a href={`${base}/facilitators`}>← {t("nav.facilitators")}</a>
      </p>
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

/** The profile fields (consent, public title, short bio). */
function ProfileForm(props: { form: FormState; action: string; self: boolean }) {
  const { t, ct } = useNet();
  return (
    <>
      <ErrorSummary form={props.form} />
      <Form action={props.action} label={t("person.profile")}>
        <CheckField
          form={props.form}
          name="publicConsent"
          label={props.self ? t("me.consent") : t("person.consent")}
        />
        <p class="hint">{t("person.consentHint")}</p>
        <Field
          form={props.form}
          name="titleTh"
          label={t("person.titleTh")}
          hint={t("person.titleHint")}
          maxLength={200}
        />
        <Field form={props.form} name="titleEn" label={t("person.titleEn")} maxLength={200} />
        <TextArea
          form={props.form}
          name="bioTh"
          label={t("person.bioTh")}
          rows={3}
          maxLength={3000}
        />
        <TextArea
          form={props.form}
          name="bioEn"
          label={t("person.bioEn")}
          rows={3}
          maxLength={3000}
        />
        <button type="submit">{ct("form.save")}</button>
      </Form>
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
              <Form action={`${url}/roles/${r.id}/delete`} class="inline">
                <button
                  type="submit"
                  class="link"
                  aria-label={t("person.removeRoleNamed", {
                    role: t(`role.${r.role}` as "role.elder"),
                  })}
                >
                  {t("person.remove")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <ErrorSummary form={props.forms.role} />
      <Form action={`${url}/roles`} label={t("person.addRole")}>
        <SelectField
          form={props.forms.role}
          name="role"
          label={t("person.addRole")}
          required
          options={COMMUNITY_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        />
        <SelectField
          form={props.forms.role}
          name="villageId"
          label={t("person.roleVillage")}
          options={props.villages.map((v) => ({
            value: String(v.id),
            label: ct("village.mooN", { n: v.moo }),
          }))}
        />
        <Field form={props.forms.role} name="note" label={t("person.roleNote")} maxLength={300} />
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
              <Form action={`${url}/affiliations/${a.id}/delete`} class="inline">
                <button
                  type="submit"
                  class="link"
                  aria-label={t("person.removeAffiliationNamed", { name: a.nameTh })}
                >
                  {t("person.remove")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <ErrorSummary form={props.forms.affiliation} />
      <Form action={`${url}/affiliations`} label={t("person.addAffiliation")}>
        <SelectField
          form={props.forms.affiliation}
          name="partnerId"
          label={t("person.partner")}
          required
          options={props.partners.map((p) => ({ value: String(p.id), label: nameIn(p, lang) }))}
        />
        <Field
          form={props.forms.affiliation}
          name="positionTh"
          label={t("person.position")}
          hint={t("person.positionHint")}
          maxLength={200}
        />
        <Field
          form={props.forms.affiliation}
          name="positionEn"
          label={t("person.positionEn")}
          maxLength={200}
        />
        <button type="submit">{t("person.add")}</button>
      </Form>

      <h2 id="reach">{t("person.reach")}</h2>
      <p class="hint">{t("person.reachHint")}</p>
      <Form action={`${url}/reach`} label={t("person.reach")}>
        <CheckGroup
          form={empty}
          name="villages"
          legend={t("facilitator.villages")}
          options={props.villages.map((v) => ({
            value: String(v.id),
            label: ct("village.mooN", { n: v.moo }),
          }))}
          selected={net.reachVillageIds.map(String)}
        />
        <CheckGroup
          form={empty}
          name="areas"
          wide
          legend={t("facilitator.areas")}
          options={props.areas.map((a) => ({ value: String(a.id), label: areaName(a, lang) }))}
          selected={net.reachAreaIds.map(String)}
        />
        <button type="submit">{ct("form.save")}</button>
      </Form>
    </>
  );
}

/** A person's own page: whether they appear publicly, and what is shown. */
export function MyProfile(props: { form: FormState; net: PersonNetwork }) {
  const { t, ct, lang, base, admin } = useNet();
  const { net } = props;
  return (
    <>
      <h1>{t("me.title")}</h1>
      <p>{t("me.intro")}</p>
      <ProfileForm form={props.form} action={`${admin}/my-profile`} self />
      <h2>{t("me.recorded")}</h2>
      <ul>
        {net.isFacilitator && <li>{t("role.facilitator")}</li>}
        {net.roles.map((r) => (
          <li key={r.id}>
            {t(`role.${r.role}` as "role.elder")}
            {r.moo ? ` · ${ct("village.mooN", { n: r.moo })}` : ""}
          </li>
        ))}
        {net.affiliations.map((a) => (
          <li key={`a${a.id}`}>
            <a href={`${base}/partners/${a.partnerId}`}>{nameIn(a, lang)}</a>
            {textIn(a.positionTh, a.positionEn, lang) &&
              ` · ${textIn(a.positionTh, a.positionEn, lang)}`}
          </li>
        ))}
      </ul>
      {!net.isFacilitator && net.roles.length === 0 && net.affiliations.length === 0 && (
        <p class="muted">{t("me.nothing")}</p>
      )}
      <p class="muted">{t("me.askStaff")}</p>
    </>
  );
}
