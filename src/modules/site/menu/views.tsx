import { type FormState } from "../../../core/views/form.tsx";
import { AdminFrame, useSiteT, useUrl } from "../shared/views.tsx";
import { bilingual, NUMBER, SiteForm, type SiteField } from "../shared/form.tsx";

/** The menu editor. */
export function MenuAdmin(props: {
  items: { id: number; parentId: number | null; labelTh: string; href: string; position: number }[];
  form: FormState;
  editing: number | null;
}) {
  const t = useSiteT();
  const url = useUrl();
  const tops = props.items.filter((i) => i.parentId === null);
  const parents = [
    { value: "", label: t("field.topLevel") },
    ...tops
      .filter((x) => x.id !== props.editing)
      .map((x) => ({ value: String(x.id), label: x.labelTh })),
  ];
  const fields: SiteField[] = [
    bilingual("label", t("field.label"), t("field.labelEn"), 80),
    { name: "href", label: t("field.href"), maxLength: 500 },
    {
      kind: "select",
      name: "parentId",
      label: t("field.parent"),
      placeholder: false,
      options: parents,
    },
    { name: "position", label: t("field.position"), ...NUMBER },
  ];
  return (
    <AdminFrame title={t("admin.menu")}>
      <ul class="menu-tree">
        {tops.map((top) => (
          <li key={top.id}>
            <a href={url(`/admin/site/menu/${top.id}`)}>{top.labelTh}</a>{" "}
            <span class="muted">{top.href}</span>
            <ul>
              {props.items
                .filter((c) => c.parentId === top.id)
                .map((c) => (
                  <li key={c.id}>
                    <a href={url(`/admin/site/menu/${c.id}`)}>{c.labelTh}</a>{" "}
                    <span class="muted">{c.href}</span>
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ul>
      <h2>{props.editing ? t("admin.edit") : t("admin.new")}</h2>
      <SiteForm
        form={props.form}
        action={url(props.editing ? `/admin/site/menu/${props.editing}` : "/admin/site/menu")}
        label={t("admin.menu")}
        fields={fields}
        deleteAction={props.editing ? url(`/admin/site/menu/${props.editing}/delete`) : null}
      />
    </AdminFrame>
  );
}
