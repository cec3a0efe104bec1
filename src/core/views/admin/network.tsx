import { Table } from "../list.tsx";
import { useCtx } from "../ctx.ts";
import { ErrorSummary, Fields, Form, type FormState } from "../form.tsx";
import { tambonTitle } from "../layout.tsx";
import { tambonKindField } from "./settings.tsx";
import type { Tambon } from "../../tenancy.ts";
import type { PlaceOption as Option } from "../../queries/places.ts";

/** The network administration: every tambon, and adding one from the national list. */
export function PlatformPage(props: {
  tambons: readonly Tambon[];
  provinces: Option[];
  districts: Option[];
  subdistricts: Option[];
  form: FormState;
  /** The tambon just added and the link that invites its first administrator. */
  invited?: { name: string; contact: string; url: string; mailed: boolean };
}) {
  const { t, lang } = useCtx();
  const { form } = props;
  return (
    <>
      <h1>{t("networkAdmin.title")}</h1>
      {props.invited && (
        <section class="flash" role="status" aria-labelledby="invited">
          <p id="invited">
            {t("networkAdmin.invited", {
              name: props.invited.name,
              contact: props.invited.contact,
            })}
          </p>
          <p>
            <code class="break">{props.invited.url}</code>
          </p>
          {props.invited.mailed && <p>{t("networkAdmin.inviteMailed")}</p>}
        </section>
      )}
      <p>
        <a href="/admin/audit">{t("networkAdmin.audit")}</a>
      </p>
      <h2>{t("networkAdmin.tambons")}</h2>
      <Table
        columns={[
          t("networkAdmin.subdistrict"),
          t("networkAdmin.district"),
          t("networkAdmin.province"),
          "DOPA",
        ]}
      >
        {props.tambons.map((tb) => (
          <tr key={tb.id}>
            <td>
              <a href={`/t/${tb.slug}/admin`}>{tambonTitle(tb, lang)}</a>
            </td>
            <td>{lang === "en" ? tb.districtEn : tb.districtTh}</td>
            <td>{lang === "en" ? tb.provinceEn : tb.provinceTh}</td>
            <td>{tb.dopaCode}</td>
          </tr>
        ))}
      </Table>
      <h2 id="add">{t("networkAdmin.addTambon")}</h2>
      <form method="get" action="/admin#add" class="filters">
        <Fields
          form={form}
          fields={[
            {
              kind: "select",
              name: "province",
              label: t("networkAdmin.province"),
              options: props.provinces,
              required: true,
            },
            props.districts.length > 0 && {
              kind: "select",
              name: "district",
              label: t("networkAdmin.district"),
              options: props.districts,
              required: true,
            },
          ]}
        />
        <button type="submit" class="secondary">
          {t("networkAdmin.next")}
        </button>
      </form>
      {props.subdistricts.length > 0 && (
        <>
          <ErrorSummary form={form} />
          <Form action="/admin/tambons" label={t("networkAdmin.addTambon")}>
            <Fields
              form={form}
              fields={[
                {
                  kind: "select",
                  name: "dopaCode",
                  label: t("networkAdmin.subdistrict"),
                  options: props.subdistricts,
                  required: true,
                },
                tambonKindField(t),
                { name: "slug", label: t("networkAdmin.slug") },
                { name: "firstAdmin", label: t("networkAdmin.firstAdmin") },
                { name: "firstAdminName", label: t("networkAdmin.firstAdminName") },
                {
                  kind: "textarea",
                  name: "villages",
                  label: t("networkAdmin.villages"),
                  hint: t("networkAdmin.villagesHint"),
                  rows: 8,
                },
              ]}
            />
            <button type="submit">{t("form.create")}</button>
          </Form>
        </>
      )}
    </>
  );
}
