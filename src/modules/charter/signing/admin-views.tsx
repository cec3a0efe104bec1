import { useCtx } from "../../../core/views/ctx.ts";
import { core } from "../../../core/i18n/messages.ts";
import type { EditionAdminData } from "../charters/edition-admin-views.tsx";
import { Form, FormError, SelectField, Field } from "../../../core/views/form.tsx";
import { num } from "../present.ts";
import { useT } from "../shared/views.tsx";
import { Signatories, Photos } from "./views.tsx";

/** The signatories (with the scan of the signed page) and the ceremony photos of an adopted edition. */
export function SigningPanel({ data }: { data: EditionAdminData }) {
  const { lang, tambon } = useCtx();
  const t = useT();
  const ct = core.t(lang);
  const { edition } = data;
  const base = `/t/${tambon!.slug}`;
  const ab = `${base}/admin/charter-editions/${edition.id}`;
  return (
    <section class="charter-panel" aria-labelledby="h-signing">
      <h2 id="h-signing">{t("sign.title")}</h2>
      {data.missingPillars.length > 0 && (
        <p class="notice">{t("sign.missingPillars", { names: data.missingPillars.join(", ") })}</p>
      )}
      <Signatories data={data} />
      {data.signatories.length > 0 && (
        <ul class="inline-forms">
          {data.signatories.map((s) => (
            <li key={s.id}>
              <Form action={`${base}/charter-signatories/${s.id}/delete`} class="inline-form">
                <button
                  type="submit"
                  class="danger small"
                  aria-label={t("draft.deleteLabel", { label: s.name })}
                >
                  {t("draft.delete")} {s.name}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <h3>{t("sign.add")}</h3>
      <Form action={`${ab}/signatories`} multipart label={t("sign.add")}>
        <FormError form={data.forms.signatory} />
        <SelectField
          scope="sign"
          form={data.forms.signatory}
          name="kind"
          label={t("sign.kind")}
          required
          value="pillar"
          options={[
            { value: "pillar", label: t("sign.kind.pillar") },
            { value: "village", label: t("sign.kind.village") },
          ]}
          placeholder={false}
        />
        <div class="field">
          <label for="f-sign-pillar">
            {t("sign.pillar")} <span class="opt">({ct("form.optional")})</span>
          </label>
          {data.forms.signatory?.errors.pillar && (
            <p class="error" id="f-sign-pillar-err">
              {data.forms.signatory.errors.pillar}
            </p>
          )}
          <input
            id="f-sign-pillar"
            name="pillar"
            list="pillar-list"
            maxLength={200}
            value={data.forms.signatory?.values.pillar ?? ""}
            aria-describedby={data.forms.signatory?.errors.pillar ? "f-sign-pillar-err" : undefined}
          />
          <datalist id="pillar-list">
            {data.pillars.map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
        </div>
        <SelectField
          scope="sign"
          form={data.forms.signatory}
          name="village"
          label={t("sign.village")}
          placeholder=""
          options={data.villages.map((v) => ({ value: String(v.id), label: v.label }))}
        />
        <Field
          scope="sign"
          form={data.forms.signatory}
          name="name"
          label={t("sign.name")}
          required
          maxLength={200}
        />
        <Field
          scope="sign"
          form={data.forms.signatory}
          name="position"
          label={t("sign.position")}
          maxLength={200}
        />
        <Field
          scope="sign"
          form={data.forms.signatory}
          name="signedOn"
          type="date"
          label={t("sign.signedOn")}
          value={edition.signingOn ?? ""}
        />
        <Field
          scope="sign"
          form={data.forms.signatory}
          name="sortOrder"
          type="number"
          label={t("sign.order")}
          inputmode="numeric"
        />
        <div class={data.forms.signatory?.errors.scan ? "field has-error" : "field"}>
          <label for="f-sign-scan">
            {t("sign.scan")} <span class="opt">({ct("form.optional")})</span>
          </label>
          <p class="hint" id="f-sign-scan-hint">
            {t("sign.scanHint")}
          </p>
          {data.forms.signatory?.errors.scan && (
            <p class="error" id="f-sign-scan-err">
              {data.forms.signatory.errors.scan}
            </p>
          )}
          <input
            id="f-sign-scan"
            type="file"
            name="scan"
            accept="image/jpeg,image/png,image/webp"
            aria-describedby={`f-sign-scan-hint${data.forms.signatory?.errors.scan ? " f-sign-scan-err" : ""}`}
          />
        </div>
        <button type="submit">{t("sign.add")}</button>
      </Form>
      <h3>{t("photo.title")}</h3>
      {data.photos.length > 0 && (
        <>
          <Photos photos={data.photos} />
          <ul class="inline-forms">
            {data.photos.map((p) => (
              <li key={p.id}>
                <Form action={`${base}/charter-photos/${p.id}/delete`} class="inline-form">
                  <button type="submit" class="danger small">
                    {t("draft.delete")} {p.caption || t("photo.untitled")} (
                    {num(p.id, "arabic", lang)})
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </>
      )}
      <Form action={`${ab}/photos`} multipart label={t("photo.add")}>
        <FormError form={data.forms.photo} />
        <div class={data.forms.photo?.errors.photo ? "field has-error" : "field"}>
          <label for="f-photo-file">
            {t("photo.file")} <span class="req"> *</span>
          </label>
          <p class="hint" id="f-photo-file-hint">
            {t("photo.hint")}
          </p>
          {data.forms.photo?.errors.photo && (
            <p class="error" id="f-photo-file-err">
              {data.forms.photo.errors.photo}
            </p>
          )}
          <input
            id="f-photo-file"
            type="file"
            name="photo"
            required
            accept="image/jpeg,image/png,image/webp"
            aria-describedby={`f-photo-file-hint${data.forms.photo?.errors.photo ? " f-photo-file-err" : ""}`}
          />
        </div>
        <Field
          scope="photo"
          form={data.forms.photo}
          name="caption"
          label={t("photo.caption")}
          maxLength={300}
        />
        <button type="submit">{t("photo.add")}</button>
      </Form>
    </section>
  );
}
