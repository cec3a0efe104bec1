import {
  Fields,
  CheckField,
  ErrorSummary,
  Form,
  type FormState,
  field,
} from "../../../core/views/form.tsx";
import { nameIn, textIn } from "../shared/lists.ts";
import { useNet } from "../shared/views.tsx";
import { type PersonNetwork } from "./views.tsx";

/** The profile fields (consent, public title, short bio). */
export function ProfileForm(props: { form: FormState; action: string; self: boolean }) {
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
        <Fields
          form={props.form}
          fields={[
            field.thaiEnglish("title", t("person.titleTh"), t("person.titleEn"), {
              hint: t("person.titleHint"),
              maxLength: 200,
            }),
            field.thaiEnglish("bio", t("person.bioTh"), t("person.bioEn"), {
              multiline: true,
              maxLength: 3000,
              rows: 3,
            }),
          ]}
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
