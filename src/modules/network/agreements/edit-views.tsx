import { Table } from "../../../core/views/list.tsx";
import { ErrorSummary, Fields, Form, type FormState, field } from "../../../core/views/form.tsx";
import { PARTY_KINDS } from "./agreement.ts";
import type { Tambon } from "../../../core/tenancy.ts";
import { nameOptions, textIn, type Pillar } from "../shared/lists.ts";
import type { AgreementDetail } from "./queries.ts";
import { Badge, BackToAdmin, useNet, ActionButton, otherTambonFields } from "../shared/views.tsx";
import { AgreementForm } from "./admin-views.tsx";
import { ConfirmButton } from "../../../core/views/confirm.tsx";

/** Staff's page of one agreement: its fields, its parties and the activities done under it. */
export function EditAgreementPage(props: {
  detail: AgreementDetail;
  form: FormState;
  partyForm: FormState;
  activityForm: FormState;
  tambons: readonly Tambon[];
  partners: { id: number; nameTh: string; nameEn: string }[];
  pillars: Pillar[];
}) {
  const net = useNet();
  const { t, ct, lang, admin, base, date } = net;
  const { agreement: a, parties, activities } = props.detail;
  return (
    <>
      <BackToAdmin to={`${admin}/agreements`} label={t("admin.agreements")} />
      <h1>{textIn(a.titleTh, a.titleEn, lang)}</h1>
      <p>
        <Badge>{t(`kind.${a.kind}`)}</Badge>{" "}
        <a href={`${base}/agreements/${a.id}`}>{t("agreement.publicPage")}</a>
      </p>
      <h2>{t("agreement.details")}</h2>
      <AgreementForm form={props.form} editing={a} />

      <h2 id="parties">{t("agreement.parties")}</h2>
      <p class="hint">{t("agreement.partiesHint")}</p>
      {parties.length > 0 && (
        <Table
          label={t("agreement.parties")}
          columns={[
            t("agreement.party"),
            t("partner.pillar"),
            t("agreement.signatory"),
            t("lists.actions"),
          ]}
        >
          {parties.map((p) => (
            <tr key={p.id}>
              <td>{textIn(p.nameTh, p.nameEn, lang)}</td>
              <td>{p.pillarTh ? textIn(p.pillarTh, p.pillarEn ?? "", lang) : "–"}</td>
              <td>
                {p.signatoryName || "–"}
                {p.signatoryPosition && <span class="muted"> · {p.signatoryPosition}</span>}
              </td>
              <td class="actions">
                <ConfirmButton
                  action={`${admin}/agreements/${a.id}/parties/${p.id}/delete`}
                  label={t("agreement.removePartyNamed", { name: p.nameTh })}
                >
                  {t("agreement.removeParty")}
                </ConfirmButton>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <h3>{t("agreement.addParty")}</h3>
      <ErrorSummary form={props.partyForm} />
      <Form action={`${admin}/agreements/${a.id}/parties#parties`} label={t("agreement.addParty")}>
        <Fields
          form={props.partyForm}
          fields={[
            field.select(
              "partyKind",
              t("agreement.partyKind"),
              PARTY_KINDS.map((k) => ({ value: k, label: t(`party.${k}`) })),
              { required: true, placeholder: false },
            ),
            ...otherTambonFields(net, {
              tambons: props.tambons,
              label: t("agreement.partyTambon"),
              dopaHint: t("agreement.partyDopaHint"),
            }),
            field.select(
              "partnerId",
              t("agreement.partyPartner"),
              nameOptions(props.partners, lang),
            ),
            field.thaiEnglish("name", t("agreement.partyName"), t("agreement.partyNameEn"), {
              hint: t("agreement.partyNameHint"),
              maxLength: 300,
            }),
            field.select("pillarId", t("agreement.partyPillar"), nameOptions(props.pillars, lang)),
            field.text("signatoryName", t("agreement.signatoryName"), { maxLength: 200 }),
            field.text("signatoryPosition", t("agreement.signatoryPosition"), { maxLength: 200 }),
          ]}
        />
        <button type="submit">{t("agreement.addParty")}</button>
      </Form>

      <h2 id="activities">{t("agreement.activities")}</h2>
      {activities.length > 0 && (
        <ul>
          {activities.map((x) => (
            <li key={x.id}>
              <strong>{date(x.heldOn)}</strong> {textIn(x.titleTh, x.titleEn, lang)}{" "}
              <ActionButton
                action={`${admin}/agreements/${a.id}/activities/${x.id}/delete`}
                confirm
                label={t("agreement.removeActivityNamed", { name: x.titleTh })}
              >
                {t("agreement.removeActivity")}
              </ActionButton>
            </li>
          ))}
        </ul>
      )}
      <h3>{t("agreement.addActivity")}</h3>
      <ErrorSummary form={props.activityForm} />
      <Form
        action={`${admin}/agreements/${a.id}/activities#activities`}
        label={t("agreement.addActivity")}
      >
        <Fields
          form={props.activityForm}
          fields={[
            field.date("heldOn", t("agreement.heldOn"), { required: true }),
            field.thaiEnglish(
              "activityTitle",
              t("agreement.activityTitle"),
              t("agreement.activityTitleEn"),
              { required: true, maxLength: 300 },
            ),
            field.textarea("activityNote", t("agreement.activityNote"), { rows: 3 }),
          ]}
        />
        <button type="submit">{ct("form.save")}</button>
      </Form>
    </>
  );
}
