import { Table } from "../list.tsx";
import { useCtx } from "../ctx.ts";
import { ErrorSummary, Fields, Form, type FormState } from "../form.tsx";
import type { Village } from "../../commands/tambons.ts";
import { AdminBackLink } from "./home.tsx";
import { pick } from "../../pick.ts";

/** The village form's values for a village as it is. */
export function villageValues(v: Village): Record<string, string> {
  return {
    moo: String(v.moo),
    ...pick(v, "nameTh", "nameEn", "code"),
    households: v.households == null ? "" : String(v.households),
    population: v.population == null ? "" : String(v.population),
  };
}

/** A tambon's villages with the form to add one or edit the one chosen. */
export function VillagesAdmin({
  rows,
  form,
  editing,
}: {
  rows: Village[];
  form: FormState;
  editing: Village | null;
}) {
  const { t, tambon } = useCtx();
  const base = `/t/${tambon!.slug}/admin/villages`;
  return (
    <>
      <AdminBackLink />
      <h1>{t("admin.villages")}</h1>
      <Table
        columns={[
          t("village.moo"),
          t("village.name"),
          t("village.code"),
          { label: t("village.households"), num: true },
          { label: t("village.population"), num: true },
          { label: t("village.edit"), muted: true },
        ]}
      >
        {rows.map((v) => (
          <tr key={v.id}>
            <td>{v.moo}</td>
            <td>{v.nameTh}</td>
            <td>{v.code}</td>
            <td class="num">{v.households ?? "–"}</td>
            <td class="num">{v.population ?? "–"}</td>
            <td>
              <a
                href={`${base}/${v.id}`}
                aria-label={`${t("village.edit")} ${t("village.mooN", { n: v.moo })}`}
              >
                {t("village.edit")}
              </a>
            </td>
          </tr>
        ))}
      </Table>
      <h2 id="village-form">
        {editing
          ? `${t("village.edit")} ${t("village.mooN", { n: editing.moo })}`
          : t("village.add")}
      </h2>
      <ErrorSummary form={form} />
      <Form
        action={editing ? `${base}/${editing.id}` : base}
        label={editing ? t("village.edit") : t("village.add")}
      >
        <Fields
          form={form}
          fields={[
            {
              name: "moo",
              type: "number",
              label: t("village.moo"),
              required: true,
              inputmode: "numeric",
            },
            {
              kind: "thaiEnglish",
              name: "name",
              label: t("village.name"),
              labelEn: t("village.nameEn"),
              required: true,
            },
            {
              name: "code",
              label: t("village.code"),
              inputmode: "numeric",
              hint: `${tambon!.dopaCode}xx`,
            },
            {
              name: "households",
              type: "number",
              label: t("village.households"),
              inputmode: "numeric",
            },
            {
              name: "population",
              type: "number",
              label: t("village.population"),
              inputmode: "numeric",
            },
          ]}
        />
        <button type="submit">{t("form.save")}</button>
      </Form>
    </>
  );
}
