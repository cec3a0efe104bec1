import { useCtx } from "../ctx.ts";
import { ErrorSummary, Fields, Form, type FieldSpec, type FormState } from "../form.tsx";
import { LOGO_UPLOAD } from "../../files.ts";
import type { Tambon } from "../../tenancy.ts";
import { AdminBackLink } from "./home.tsx";
import { pick } from "../../pick.ts";

/** The settings form's values for a tambon as it is. */
export function settingsValues(tb: Tambon): Record<string, string> {
  return {
    ...pick(tb, "nameTh", "nameEn", "kind", "address", "phone", "email"),
    siteOpened: tb.siteOpened ?? "",
    ownerTh: tb.ownerTh,
    ownerEn: tb.ownerEn,
    host: tb.host ?? "",
    minRepsPerVillage: String(tb.minRepsPerVillage),
    digits: tb.digits,
  };
}

/** A tambon's kind (subdistrict administrative organisation or municipality), as both forms ask it. */
export function tambonKindField(
  t: (key: "settings.kind" | `kind.${Tambon["kind"]}`) => string,
): FieldSpec {
  const options = [
    { value: "sao", label: t("kind.sao") },
    { value: "municipality", label: t("kind.municipality") },
  ];
  return {
    kind: "select",
    name: "kind",
    label: t("settings.kind"),
    required: true,
    placeholder: false,
    options,
  };
}

/** A tambon's settings: names, kind, contact, host name, representatives per village, logo. */
export function SettingsPage({ form }: { form: FormState }) {
  const { t, tambon } = useCtx();
  const tb = tambon!;
  const digitOptions = [
    { value: "arabic", label: t("settings.digits.arabic") },
    { value: "thai", label: t("settings.digits.thai") },
  ];
  return (
    <>
      <AdminBackLink />
      <h1>{t("admin.settings")}</h1>
      <ErrorSummary form={form} />
      <Form action={`/t/${tb.slug}/admin/settings`} multipart label={t("admin.settings")}>
        <Fields
          form={form}
          fields={[
            { name: "nameTh", label: t("settings.nameTh"), required: true },
            { name: "nameEn", label: t("settings.nameEn"), required: true },
            tambonKindField(t),
            { name: "address", label: t("settings.address") },
            { name: "phone", type: "tel", label: t("settings.phone") },
            { name: "email", type: "email", label: t("settings.email") },
            { kind: "date", name: "siteOpened", label: t("settings.siteOpened") },
            { name: "ownerTh", label: t("settings.ownerTh") },
            { name: "ownerEn", label: t("settings.ownerEn") },
            {
              name: "host",
              label: t("settings.host"),
              hint: t("settings.hostHint", { slug: tb.slug }),
            },
            {
              name: "minRepsPerVillage",
              type: "number",
              label: t("settings.minReps"),
              required: true,
              inputmode: "numeric",
            },
            {
              kind: "select",
              name: "digits",
              label: t("settings.digits"),
              hint: t("settings.digitsHint"),
              required: true,
              placeholder: false,
              options: digitOptions,
            },
            {
              kind: "file",
              name: "logo",
              label: t("settings.logo"),
              accept: "image/png,image/jpeg,image/webp,image/svg+xml",
              types: "PNG, JPEG, WebP, SVG",
              maxBytes: LOGO_UPLOAD.fileBytes,
            },
          ]}
        />
        <button type="submit">{t("form.save")}</button>
      </Form>
    </>
  );
}
