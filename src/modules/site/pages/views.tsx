import { EditLink, Prose, type DocRow, useSiteT } from "../shared/views.tsx";
import { bilingual, bodyField, SiteForm, type SiteField } from "../shared/form.tsx";
import { DocList } from "../documents/views.tsx";
import { formatDate } from "../../../core/dates.ts";
import { useCtx } from "../../../core/views/ctx.ts";
import { type FormState } from "../../../core/views/form.tsx";

/** A rich-text page with its attached documents. */
export function PageView(props: {
  title: string;
  html: string;
  updatedAt: Date;
  docs: DocRow[];
  canEdit: string | null;
}) {
  const t = useSiteT();
  return (
    <article>
      <h1>{props.title}</h1>
      {props.html ? <Prose html={props.html} /> : <p class="muted">{t("page.empty")}</p>}
      <DocList docs={props.docs} heading={t("page.documents")} />
      <p class="muted">
        {t("page.updated", { date: formatDate(props.updatedAt, useCtx().lang) })}
        <EditLink href={props.canEdit} />
      </p>
    </article>
  );
}

/** The page form. */
export function PageForm(props: { form: FormState; action: string; deleteAction?: string }) {
  const t = useSiteT();
  const fields: SiteField[] = [
    bilingual("title", t("field.titleTh"), t("field.titleEn"), 200),
    bodyField(t),
    { kind: "check", name: "published", label: t("field.published") },
  ];
  return (
    <SiteForm
      form={props.form}
      action={props.action}
      label={t("admin.pages")}
      fields={fields}
      deleteAction={props.deleteAction}
    />
  );
}
