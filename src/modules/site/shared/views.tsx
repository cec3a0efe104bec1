import { useCtx } from "../../../core/views/ctx.ts";
import { msg } from "../messages.ts";
import { formatDate } from "../../../core/dates.ts";
import { bytesLabel, type Snippet } from "./text.ts";
import { type FormState } from "../../../core/views/form.tsx";
import { ConfirmButton } from "../../../core/views/confirm.tsx";
import { type ComponentChildren } from "preact";
import { assetUrl } from "../../../core/views/assets.ts";

/** The URL of a path inside the current tambon's site. */
export function useUrl(): (path: string) => string {
  const { tambon } = useCtx();
  return (path: string) => (/^https?:/.test(path) ? path : `/t/${tambon!.slug}${path}`);
}

/** The site translator for the current language. */
export function useSiteT() {
  return msg.t(useCtx().lang);
}

/** The URL of a published site file (a photo size or a document). */
export function fileUrl(slug: string, name: string): string {
  return `/t/${slug}/uploads/site/${name}`;
}

/** HTML that was sanitised when it was saved (Markdown rendered by markdown.ts). */
export function Prose({ html }: { html: string }) {
  return <div class="prose" dangerouslySetInnerHTML={{ __html: html }} />;
}

/** A date in the reader's language (Buddhist era in Thai). */
export function When({ at }: { at: Date | string | null }) {
  const { lang } = useCtx();
  if (!at) return null;
  const d = typeof at === "string" ? at : at.toISOString();
  return <time dateTime={d}>{formatDate(at, lang)}</time>;
}

/** A search snippet with its matching words marked. */
export function Marked({ parts }: { parts: Snippet }) {
  return <>{parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : p.text))}</>;
}

export interface InputProps {
  form: FormState;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
}

export function FieldShell(p: InputProps & { children: ComponentChildren }) {
  const { t } = useCtx();
  const id = `f-${p.name}`;
  const err = p.form.errors[p.name];
  return (
    <div class={err ? "field has-error" : "field"}>
      <label for={id}>
        {p.label}
        {p.required ? (
          <span class="req"> *</span>
        ) : (
          <span class="opt"> ({t("form.optional")})</span>
        )}
      </label>
      {p.hint && (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      )}
      {err && (
        <p class="error" id={`${id}-err`}>
          {err}
        </p>
      )}
      {p.children}
    </div>
  );
}

export const describedBy = (p: InputProps) =>
  [p.hint ? `f-${p.name}-hint` : "", p.form.errors[p.name] ? `f-${p.name}-err` : ""]
    .filter(Boolean)
    .join(" ") || undefined;

/** A labelled input of a type the core Field lacks (file, url); dates use core's DateField. */
export function Input(
  p: InputProps & {
    type: "file" | "text" | "url";
    accept?: string;
    multiple?: boolean;
  },
) {
  return (
    <FieldShell {...p}>
      <input
        id={`f-${p.name}`}
        name={p.name}
        {...({ type: p.type } as { type: "text" })}
        accept={p.accept}
        multiple={p.multiple}
        required={p.required}
        value={p.type === "file" ? undefined : (p.form.values[p.name] ?? "")}
        aria-invalid={p.form.errors[p.name] ? "true" : undefined}
        aria-describedby={describedBy(p)}
      />
    </FieldShell>
  );
}

/** A small table of label/value rows. */
export function Facts({ rows }: { rows: [string, ComponentChildren][] }) {
  return (
    <dl class="facts">
      {rows
        .filter(([, v]) => v !== "" && v !== null && v !== undefined)
        .map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
    </dl>
  );
}

export const nf = new Intl.NumberFormat("en-US");

export type Category = { id: number; slug: string; nameTh: string; nameEn: string };

export type Link = { id: number; labelTh: string; labelEn: string; url: string };

export type AlbumCard = {
  id: number;
  title: string;
  photoCount: number;
  coverFile: string | null;
  createdAt: Date;
};

export type PhotoRow = {
  id: number;
  file: string;
  ext: string;
  width: number;
  height: number;
  bytes: number;
  caption: string;
};

/** " · Edit" after a record's facts, for those who may edit it (`href`: its form; else nothing). */
export function EditLink({ href }: { href: string | null }) {
  const t = useSiteT();
  return href ? (
    <>
      {" · "}
      <a href={href}>{t("page.edit")}</a>
    </>
  ) : null;
}

export type DocRow = { id: number; title: string; file: string; ext: string; bytes: number };

export const catName = (c: Category | undefined, lang: "th" | "en") =>
  c ? (lang === "en" && c.nameEn ? c.nameEn : c.nameTh) : "";

/** A photo's square thumbnail of the tambon's site, loaded when it comes into view. */
export function Thumb({ file, alt, size }: { file: string; alt: string; size: number }) {
  const { tambon } = useCtx();
  return (
    <img
      src={fileUrl(tambon!.slug, `${file}-t.webp`)}
      alt={alt}
      width={size}
      height={size}
      loading="lazy"
      decoding="async"
    />
  );
}

/** Photos as thumbnails, each a plain link to its own page (a lightbox script enhances them). */
export function PhotoGrid({ photos }: { photos: PhotoRow[] }) {
  const { tambon } = useCtx();
  const t = useSiteT();
  const url = useUrl();
  return (
    <>
      <ul class="gallery" data-lightbox>
        {photos.map((p, i) => (
          <li key={p.id}>
            <a
              href={url(`/photo/${p.id}`)}
              data-large={fileUrl(tambon!.slug, `${p.file}-l.webp`)}
              data-caption={p.caption}
            >
              <Thumb
                file={p.file}
                alt={p.caption || t("gallery.photoN", { n: i + 1, total: photos.length })}
                size={240}
              />
            </a>
            <span class="px">
              {p.width}x{p.height} pixel , {bytesLabel(p.bytes)}
            </span>
          </li>
        ))}
      </ul>
      <script src={assetUrl("site-js")} defer />
    </>
  );
}

/** The frame of every site admin page: a link back and a heading. */
export function AdminFrame(props: { title: string; children: ComponentChildren; top?: boolean }) {
  const t = useSiteT();
  const ct = useCtx().t;
  const url = useUrl();
  return (
    <>
      <p>
        {props.top ? (
          <a href={url("/admin")}>← {ct("admin.back")}</a>
        ) : (
          <a href={url("/admin/site")}>← {t("admin.back")}</a>
        )}
      </p>
      <h1>{props.title}</h1>
      {props.children}
    </>
  );
}

/** A list of records with edit links, above the form to add one. */
export function ListAndForm(props: {
  title: string;
  rows: { id: number; href: string; label: string; meta?: ComponentChildren }[];
  formTitle: string;
  children: ComponentChildren;
}) {
  const t = useSiteT();
  return (
    <AdminFrame title={props.title}>
      {props.rows.length ? (
        <ul class="admin-list">
          {props.rows.map((r) => (
            <li key={r.id}>
              <a href={r.href}>{r.label}</a> {r.meta}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t("admin.nothing")}</p>
      )}
      <h2>{props.formTitle}</h2>
      {props.children}
    </AdminFrame>
  );
}

/** A small form that deletes a record. */
export function DeleteButton({ action, label }: { action: string; label?: string }) {
  const t = useSiteT();
  // Deleting cannot be undone: the button asks for a tick first.
  return (
    <ConfirmButton action={action} class="inline confirm-form">
      {label ?? t("admin.delete")}
    </ConfirmButton>
  );
}
