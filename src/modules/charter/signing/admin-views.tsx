import { useCtx } from "../../../core/views/ctx.ts";
import { core } from "../../../core/i18n/messages.ts";
import type { EditionAdminData } from "../charters/edition-admin-views.tsx";
import {
  Form,
  FormError,
  Fields,
  SelectField,
  emptyForm,
  field,
} from "../../../core/views/form.tsx";
import { IMAGE_MAX_BYTES } from "./images.ts";
import { num } from "../present.ts";
import { useEditionAdminHref, useT } from "../shared/views.tsx";
import { Signatories, Photos } from "./views.tsx";
import { ConfirmButton } from "../../../core/views/confirm.tsx";

/** A scan or photo to send: JPEG, PNG or WebP, up to the size the signing keeps. */
const IMAGE_FILE = {
  kind: "file",
  accept: "image/jpeg,image/png,image/webp",
  types: "JPG, PNG, WebP",
  maxBytes: IMAGE_MAX_BYTES,
} as const;

/** The signatories (with the scan of the signed page) and the ceremony photos of an adopted edition. */
export function SigningPanel({ data }: { data: EditionAdminData }) {
  const { lang, tambon } = useCtx();
  const t = useT();
  const ct = core.t(lang);
  const { edition } = data;
  const base = `/t/${tambon!.slug}`;
  const ab = useEditionAdminHref(edition.id);
  const signatory = data.forms.signatory ?? emptyForm({ signedOn: edition.signingOn ?? "" });
  const villages = data.villages.map((v) => ({ value: String(v.id), label: v.label }));
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
              <ConfirmButton
                action={`${base}/charter-signatories/${s.id}/delete`}
                label={t("draft.deleteLabel", { label: s.name })}
              >
                {t("draft.delete")} {s.name}
              </ConfirmButton>
            </li>
          ))}
        </ul>
      )}
      <h3>{t("sign.add")}</h3>
      <Form action={`${ab}/signatories`} multipart label={t("sign.add")}>
        <FormError form={data.forms.signatory} />
        <SelectField
          scope="sign"
          form={signatory}
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
        <Fields
          scope="sign"
          form={signatory}
          fields={[
            field.select("village", t("sign.village"), villages, { placeholder: "" }),
            field.text("name", t("sign.name"), { required: true, maxLength: 200 }),
            field.text("position", t("sign.position"), { maxLength: 200 }),
            field.date("signedOn", t("sign.signedOn")),
            field.text("sortOrder", t("sign.order"), { type: "number", inputmode: "numeric" }),
            { ...IMAGE_FILE, name: "scan", label: t("sign.scan") },
          ]}
        />
        <button type="submit">{t("sign.add")}</button>
      </Form>
      <h3>{t("photo.title")}</h3>
      {data.photos.length > 0 && (
        <>
          <Photos photos={data.photos} />
          <ul class="inline-forms">
            {data.photos.map((p) => (
              <li key={p.id}>
                <ConfirmButton action={`${base}/charter-photos/${p.id}/delete`}>
                  {t("draft.delete")} {p.caption || t("photo.untitled")} (
                  {num(p.id, "arabic", lang)})
                </ConfirmButton>
              </li>
            ))}
          </ul>
        </>
      )}
      <Form action={`${ab}/photos`} multipart label={t("photo.add")}>
        <FormError form={data.forms.photo} />
        <Fields
          scope="photo"
          form={data.forms.photo ?? emptyForm()}
          fields={[
            { ...IMAGE_FILE, name: "photo", label: t("photo.file"), required: true },
            field.text("caption", t("photo.caption"), { maxLength: 300 }),
          ]}
        />
        <button type="submit">{t("photo.add")}</button>
      </Form>
    </section>
  );
}
