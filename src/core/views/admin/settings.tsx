import { useCtx } from "../ctx.ts";
import {
  DateField,
  ErrorSummary,
  Field,
  FileField,
  Form,
  SelectField,
  type FormState,
} from "../form.tsx";
import { LOGO_UPLOAD } from "../../files.ts";
import type { Tambon } from "../../tenancy.ts";
import { AdminBackLink } from "./home.tsx";

/** The settings form's values for a tambon as it is. */
export function settingsValues(tb: Tambon): Record<string, string> {
  return {
    nameTh: tb.nameTh,
    nameEn: tb.nameEn,
    kind: tb.kind,
    address: tb.address,
    phone: tb.phone,
    email: tb.email,
    siteOpened: tb.siteOpened ?? "",
    ownerTh: tb.ownerTh,
    ownerEn: tb.ownerEn,
    host: tb.host ?? "",
    minRepsPerVillage: String(tb.minRepsPerVillage),
    digits: tb.digits,
  };
}

/** A tambon's kind (subdistrict administrative organisation or municipality), as both forms ask it. */
export function TambonKindField({ form }: { form: FormState }) {
  const { t } = useCtx();
  return (
    <SelectField
      form={form}
      name="kind"
      label={t("settings.kind")}
      required
      placeholder={false}
      options={[
        { value: "sao", label: t("kind.sao") },
        { value: "municipality", label: t("kind.municipality") },
      ]}
    />
  );
}

/** A tambon's settings: names, kind, contact, host name, representatives per village, logo. */
export function SettingsPage({ form }: { form: FormState }) {
  const { t, tambon } = useCtx();
  const tb = tambon!;
  return (
    <>
      <AdminBackLink />
      <h1>{t("admin.settings")}</h1>
      <ErrorSummary form={form} />
      <Form action={`/t/${tb.slug}/admin/settings`} multipart label={t("admin.settings")}>
        <Field form={form} name="nameTh" label={t("settings.nameTh")} required />
        <Field form={form} name="nameEn" label={t("settings.nameEn")} required />
        <TambonKindField form={form} />
        <Field form={form} name="address" label={t("settings.address")} />
        <Field form={form} name="phone" type="tel" label={t("settings.phone")} />
        <Field form={form} name="email" type="email" label={t("settings.email")} />
        <DateField form={form} name="siteOpened" label={t("settings.siteOpened")} />
        <Field form={form} name="ownerTh" label={t("settings.ownerTh")} />
        <Field form={form} name="ownerEn" label={t("settings.ownerEn")} />
        <Field
          form={form}
          name="host"
          label={t("settings.host")}
          hint={t("settings.hostHint", { slug: tb.slug })}
        />
        <Field
          form={form}
          name="minRepsPerVillage"
          type="number"
          label={t("settings.minReps")}
          required
          inputmode="numeric"
        />
        <SelectField
          form={form}
          name="digits"
          label={t("settings.digits")}
          hint={t("settings.digitsHint")}
          required
          placeholder={false}
          options={[
            { value: "arabic", label: t("settings.digits.arabic") },
            { value: "thai", label: t("settings.digits.thai") },
          ]}
        />
        <FileField
          form={form}
          name="logo"
          label={t("settings.logo")}
          accept="image/png,image/jpeg,image/webp,image/svg+xml"
          types="PNG, JPEG, WebP, SVG"
          maxBytes={LOGO_UPLOAD.fileBytes}
        />
        <button type="submit">{t("form.save")}</button>
      </Form>
    </>
  );
}
