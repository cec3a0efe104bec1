import { Table } from "../../../core/views/list.tsx";
import { ErrorSummary, Fields, Form, type FormState, field } from "../../../core/views/form.tsx";
import { tambonTitle } from "../../../core/views/layout.tsx";
import type { Tambon } from "../../../core/tenancy.ts";
import { textIn } from "../shared/lists.ts";
import { RELATIONS } from "./commands.ts";
import { reciprocal, type LinkRow } from "./tambon-links.ts";
import { BackToAdmin, useNet, otherTambonFields } from "../shared/views.tsx";
import { ConfirmButton } from "../../../core/views/confirm.tsx";

/** Staff's page of the tambon's links: its own declarations, others' about it, and a form. */
export function LinksAdmin(props: {
  own: LinkRow[];
  aboutUs: { row: LinkRow; from: Tambon | undefined; confirmed: boolean }[];
  tambons: readonly Tambon[];
  form: FormState;
}) {
  const net = useNet();
  const { t, lang, admin, date } = net;
  return (
    <>
      <BackToAdmin />
      <h1>{t("admin.links")}</h1>
      <p>{t("links.intro")}</p>
      <h2>{t("links.own")}</h2>
      {props.own.length === 0 ? (
        <p class="muted">{t("network.noLinks")}</p>
      ) : (
        <Table
          label={t("links.own")}
          columns={[
            t("network.tambon"),
            t("network.relation"),
            t("network.since"),
            t("lists.actions"),
          ]}
        >
          {props.own.map((l) => (
            <tr key={l.id}>
              <td>
                {t("network.offPlatform", { name: textIn(l.otherNameTh, l.otherNameEn, lang) })}
                <span class="muted"> · {textIn(l.otherProvinceTh, l.otherProvinceEn, lang)}</span>
              </td>
              <td>{t(`relation.${l.relation}`)}</td>
              <td>{date(l.since)}</td>
              <td class="actions">
                <ConfirmButton
                  action={`${admin}/links/${l.id}/delete`}
                  label={t("links.removeNamed", { name: l.otherNameTh })}
                >
                  {t("links.remove")}
                </ConfirmButton>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <h2>{t("links.aboutUs")}</h2>
      {props.aboutUs.length === 0 ? (
        <p class="muted">{t("links.noneAboutUs")}</p>
      ) : (
        <ul>
          {props.aboutUs.map(({ row, from, confirmed }) => (
            <li key={row.id}>
              {from ? tambonTitle(from, lang) : "?"} · {t(`relation.${reciprocal(row.relation)}`)}
              {confirmed ? (
                <span class="muted"> · {t("network.mutual")}</span>
              ) : (
                from && (
                  <Form action={`${admin}/links`} class="inline">
                    <input type="hidden" name="relation" value={reciprocal(row.relation)} />
                    <input type="hidden" name="dopaCode" value={from.dopaCode} />
                    <input type="hidden" name="since" value={row.since ?? ""} />{" "}
                    <button type="submit" class="secondary">
                      {t("links.confirm")}
                    </button>
                  </Form>
                )
              )}
            </li>
          ))}
        </ul>
      )}
      <h2 id="add">{t("links.add")}</h2>
      <ErrorSummary form={props.form} />
      <Form action={`${admin}/links`} label={t("links.add")}>
        <Fields
          form={props.form}
          fields={[
            field.select(
              "relation",
              t("network.relation"),
              RELATIONS.map((r) => ({ value: r, label: t(`relation.${r}`) })),
              { required: true },
            ),
            ...otherTambonFields(net, {
              tambons: props.tambons,
              label: t("links.platformTambon"),
              dopaHint: t("links.dopaHint"),
            }),
            field.date("since", t("network.since")),
            field.text("note", t("links.note"), { maxLength: 1000 }),
          ]}
        />
        <button type="submit">{t("links.save")}</button>
      </Form>
    </>
  );
}
