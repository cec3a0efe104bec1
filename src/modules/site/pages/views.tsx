import { DeleteButton, Prose, type DocRow, useSiteT } from "../shared/views.tsx";
import { DocList } from "../documents/views.tsx";
import { formatDate } from "../../../core/dates.ts";
import { useCtx } from "../../../core/views/ctx.ts";
import {
  CheckField,
  ErrorSummary,
  Form,
  TextArea,
  type FormState,
  ThaiEnglishFields,
} from "../../../core/views/form.tsx";

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
        {props.canEdit && (
          <>
            {" · "}
            <a href={props.canEdit}>{t("page.edit")}</a>
          </>
        )}
      </p>
    </article>
  );
}

/** The page form. */
export function PageForm(props: { form: FormState; action: string; deleteAction?: string }) {
  const t = useSiteT();
  const ct = useCtx().t;
  const f = props.form;
  return (
    <>
      <ErrorSummary form={f} />
      <Form action={props.action} label={t("admin.pages")}>
        <ThaiEnglishFields
          form={f}
          name="title"
          label={t("field.titleTh")}
          labelEn={t("field.titleEn")}
          required
          maxLength={200}
        />
        <TextArea
          form={f}
          name="bodyMd"
          label={t("field.body")}
          hint={t("field.bodyHint")}
          rows={14}
        />
        <CheckField form={f} name="published" label={t("field.published")} />
        <button type="submit">{ct("form.save")}</button>
      </Form>
      {props.deleteAction && <DeleteButton action={props.deleteAction} />}
    </>
  );
}
