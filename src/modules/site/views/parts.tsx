import type { ComponentChildren } from "preact";
import { useCtx } from "../../../core/views/ctx.ts";
import type { FormState } from "../../../core/views/form.tsx";
import { formatDate } from "../../../core/dates.ts";
import { msg } from "../messages.ts";
import type { Snippet } from "../text.ts";

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

interface InputProps {
  form: FormState;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
}

function FieldShell(p: InputProps & { children: ComponentChildren }) {
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

const describedBy = (p: InputProps) =>
  [p.hint ? `f-${p.name}-hint` : "", p.form.errors[p.name] ? `f-${p.name}-err` : ""]
    .filter(Boolean)
    .join(" ") || undefined;

/** A labelled input of a type the core Field lacks (datetime-local, file). */
export function Input(
  p: InputProps & {
    type: "datetime-local" | "file" | "date" | "text" | "url";
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
