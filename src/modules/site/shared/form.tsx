import { isValidElement, type VNode } from "preact";
import { useCtx } from "../../../core/views/ctx.ts";
import {
  ErrorSummary,
  Fields,
  Form,
  type FieldSpec,
  type FormState,
} from "../../../core/views/form.tsx";
import { DeleteButton, Input, useSiteT } from "./views.tsx";
import { type SiteKey } from "../messages.ts";

type SiteT = (key: SiteKey) => string;

/** A file input of a site form: the site's own `Input`, its hint given rather than computed. */
export interface UploadSpec {
  kind: "upload";
  name: string;
  label: string;
  accept: string;
  hint?: string;
  required?: boolean;
  multiple?: boolean;
}

const PHOTO_TYPES = "image/jpeg,image/png,image/webp,image/avif";

/** Photos sent with a site form: JPEG, PNG, WebP or AVIF, with the hint of what is done to them. */
export type PhotosSpec = Omit<UploadSpec, "kind" | "accept" | "hint"> & { kind: "photos" };

/** The props of a select that must be one of its options: required, with no empty option. */
export const ONE_OF = { required: true, placeholder: false } as const;

/** The props of a field that takes a whole number (a position, a count). */
export const NUMBER = { type: "number", inputmode: "numeric" } as const;

/** A required one-line text in Thai (`<name>Th`) and its English version (`<name>En`). */
export function bilingual(
  name: string,
  label: string,
  labelEn: string,
  maxLength: number,
): FieldSpec {
  return { kind: "thaiEnglish", name, label, labelEn, required: true, maxLength };
}

/**
 * One entry of a site form's list: a field of the core's kinds, a file input, or something drawn
 * as it is between them (a thumbnail, a choice the kit has no kind for). `false`, `null` and
 * `undefined` are skipped, so a field shown only sometimes stays in the list as `cond && {...}`.
 */
export type SiteField = FieldSpec | UploadSpec | PhotosSpec | VNode | false | null | undefined;

/** The fields of a site form, drawn in order with the form state and scope given once. */
export function SiteFields(p: { form: FormState; scope?: string; fields: readonly SiteField[] }) {
  const t = useSiteT();
  return (
    <>
      {p.fields.map((f) => {
        if (!f || isValidElement(f)) return f;
        if (f.kind === "upload") return <Input key={f.name} form={p.form} type="file" {...f} />;
        if (f.kind === "photos") {
          const photos = { accept: PHOTO_TYPES, hint: t("field.photosHint") };
          return <Input key={f.name} form={p.form} type="file" {...f} {...photos} />;
        }
        return <Fields key={f.name} form={p.form} scope={p.scope} fields={[f]} />;
      })}
    </>
  );
}

/** The text of a page or a news item, in Markdown. */
export function bodyField(t: SiteT): FieldSpec {
  return {
    kind: "textarea",
    name: "bodyMd",
    label: t("field.body"),
    hint: t("field.bodyHint"),
    rows: 14,
  };
}

/**
 * A form of the site: the error summary, the fields in order, its submit button (save, unless
 * named) and, for a record that may be deleted, the delete button below the form.
 */
export function SiteForm(p: {
  form: FormState;
  action: string;
  /** The form's accessible name. */
  label?: string;
  /** For a form that sends files. */
  multipart?: boolean;
  fields: readonly SiteField[];
  /** The submit button's text, "save" when not given. */
  submit?: string;
  deleteAction?: string | null;
}) {
  const ct = useCtx().t;
  return (
    <>
      <ErrorSummary form={p.form} />
      <Form action={p.action} multipart={p.multipart} label={p.label}>
        <SiteFields form={p.form} fields={p.fields} />
        <button type="submit">{p.submit ?? ct("form.save")}</button>
      </Form>
      {p.deleteAction && <DeleteButton action={p.deleteAction} />}
    </>
  );
}
