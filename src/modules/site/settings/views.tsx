import { Fields, Form, type FieldSpec, type FormState } from "../../../core/views/form.tsx";
import { AdminFrame, DeleteButton, useSiteT, useUrl } from "../shared/views.tsx";
import { useCtx } from "../../../core/views/ctx.ts";
import { bilingual, NUMBER, SiteForm } from "../shared/form.tsx";

/** Website settings: news categories, job-market links, counts from the old site. */
export function SettingsAdmin(props: {
  categories: { id: number; slug: string; nameTh: string; nameEn: string }[];
  links: { id: number; labelTh: string; url: string }[];
  form: FormState;
}) {
  const t = useSiteT();
  const ct = useCtx().t;
  const url = useUrl();
  const f = props.form;
  const category = [bilingual("name", t("field.nameTh"), t("field.nameEn"), 80)];
  const link: FieldSpec[] = [
    bilingual("label", t("field.label"), t("field.labelEn"), 200),
    { name: "url", type: "url", label: t("field.url"), required: true, maxLength: 500 },
  ];
  const counts: FieldSpec[] = [
    { name: "visitorsBefore", label: t("stats.visitorsBefore"), ...NUMBER },
    { name: "viewsBefore", label: t("stats.viewsBefore"), ...NUMBER },
  ];
  return (
    <AdminFrame title={t("admin.settings")}>
      <h2 id="cats-h">{t("news.category")}</h2>
      <ul class="admin-list" aria-labelledby="cats-h">
        {props.categories.map((c) => (
          <li key={c.id}>
            <Form action={url(`/admin/site/news-categories/${c.id}`)} class="stack">
              <label for={`cat-${c.id}`} class="sr-only">
                {t("field.nameTh")} {c.slug}
              </label>
              <input id={`cat-${c.id}`} name="nameTh" value={c.nameTh} maxLength={80} required />
              <label for={`cat-en-${c.id}`} class="sr-only">
                {t("field.nameEn")} {c.slug}
              </label>
              <input id={`cat-en-${c.id}`} name="nameEn" value={c.nameEn} maxLength={80} />
              <span class="muted">?category={c.slug}</span>
              <button type="submit" class="secondary">
                {ct("form.save")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <SiteForm
        form={f}
        action={url("/admin/site/news-categories")}
        label={t("admin.newCategory")}
        fields={category}
        submit={t("admin.newCategory")}
      />
      <h2 id="links-h">{t("jobs.links")}</h2>
      <ul class="admin-list" aria-labelledby="links-h">
        {props.links.map((l) => (
          <li key={l.id}>
            <a href={l.url}>{l.labelTh}</a>{" "}
            <DeleteButton action={url(`/admin/site/job-links/${l.id}/delete`)} />
          </li>
        ))}
      </ul>
      <Form action={url("/admin/site/job-links")} label={t("jobs.links")}>
        <Fields form={f} fields={link} />
        <button type="submit">{ct("form.save")}</button>
      </Form>
      <h2>{t("stats.before")}</h2>
      <Form action={url("/admin/site/counts")} label={t("stats.before")}>
        <Fields form={f} fields={counts} />
        <button type="submit">{ct("form.save")}</button>
      </Form>
    </AdminFrame>
  );
}
