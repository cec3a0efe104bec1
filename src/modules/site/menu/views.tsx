import {
  ErrorSummary,
  Field,
  Form,
  SelectField,
  type FormState,
  ThaiEnglishFields,
} from "../../../core/views/form.tsx";
import { AdminFrame, DeleteButton, useSiteT, useUrl } from "../shared/views.tsx";
import { useCtx } from "../../../core/views/ctx.ts";

/** The menu editor. */
export function MenuAdmin(props: {
  items: { id: number; parentId: number | null; labelTh: string; href: string; position: number }[];
  form: FormState;
  editing: number | null;
}) {
  const t = useSiteT();
  const ct = useCtx().t;
  const url = useUrl();
  const tops = props.items.filter((i) => i.parentId === null);
  const f = props.form;
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
      <ErrorSummary form={f} />
      <Form
        action={url(props.editing ? `/admin/site/menu/${props.editing}` : "/admin/site/menu")}
        label={t("admin.menu")}
      >
        <ThaiEnglishFields
          form={f}
          name="label"
          label={t("field.label")}
          labelEn={t("field.labelEn")}
          required
          maxLength={80}
        />
        <Field form={f} name="href" label={t("field.href")} maxLength={500} />
        <SelectField
          form={f}
          name="parentId"
          label={t("field.parent")}
          placeholder={false}
          options={[
            { value: "", label: t("field.topLevel") },
            ...tops
              .filter((x) => x.id !== props.editing)
              .map((x) => ({ value: String(x.id), label: x.labelTh })),
          ]}
        />
        <Field
          form={f}
          name="position"
          type="number"
          label={t("field.position")}
          inputmode="numeric"
        />
        <button type="submit">{ct("form.save")}</button>
      </Form>
      {props.editing && <DeleteButton action={url(`/admin/site/menu/${props.editing}/delete`)} />}
    </AdminFrame>
  );
}
