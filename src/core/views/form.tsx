import type { ComponentChildren } from "preact";
import { useCtx } from "./ctx.ts";

/** Values a user typed and the translated errors per field, to re-show a form after an error. */
export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
}

/** An empty form state, optionally with starting values. */
export function emptyForm(values: Record<string, string> = {}): FormState {
  return { values, errors: {} };
}

/** A POST form carrying the CSRF token; works without JavaScript. */
export function Form(props: {
  action: string;
  children: ComponentChildren;
  multipart?: boolean;
  class?: string;
  label?: string;
  /** data-* attributes, for a script that enhances the form */
  data?: Record<string, string>;
}) {
  const { csrf } = useCtx();
  const data = Object.fromEntries(
    Object.entries(props.data ?? {}).map(([k, v]) => [`data-${k}`, v]),
  );
  return (
    <form
      method="post"
      action={props.action}
      class={props.class}
      aria-label={props.label}
      {...data}
      enctype={props.multipart ? "multipart/form-data" : undefined}
    >
      <input type="hidden" name="_csrf" value={csrf()} />
      {props.children}
    </form>
  );
}

/** The list of errors at the top of a form, linked to the fields. */
export function ErrorSummary({ form }: { form: FormState }) {
  const { t } = useCtx();
  const entries = Object.entries(form.errors);
  if (!entries.length) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      <p>{t("form.errorSummary")}</p>
      <ul>
        {entries.map(([name, msg]) => (
          <li key={name}>
            <a href={`#f-${name}`}>{msg}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  form: FormState;
  name: string;
  label: string;
  type?: "text" | "password" | "email" | "tel" | "number" | "date" | "search" | "url";
  hint?: string;
  required?: boolean;
  autocomplete?: string;
  inputmode?: "numeric" | "tel" | "email" | "text";
  maxLength?: number;
}

/** A labelled input with its hint and error next to it, keeping what the user typed. */
export function Field(p: FieldProps) {
  const { t } = useCtx();
  const id = `f-${p.name}`;
  const err = p.form.errors[p.name];
  const described = [p.hint ? `${id}-hint` : "", err ? `${id}-err` : ""].filter(Boolean).join(" ");
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
      <input
        id={id}
        name={p.name}
        {...({ type: p.type ?? "text" } as { type: "text" })}
        value={p.type === "password" ? "" : (p.form.values[p.name] ?? "")}
        required={p.required}
        autocomplete={p.autocomplete}
        inputMode={p.inputmode}
        maxLength={p.maxLength}
        aria-invalid={err ? "true" : undefined}
        aria-describedby={described || undefined}
      />
    </div>
  );
}

/** A labelled select with its error, keeping the chosen option. */
export function SelectField(p: {
  form: FormState;
  name: string;
  label: string;
  options: { value: string; label: string }[];
  required?: boolean;
  placeholder?: boolean;
}) {
  const { t } = useCtx();
  const id = `f-${p.name}`;
  const err = p.form.errors[p.name];
  const current = p.form.values[p.name] ?? "";
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
      {err && (
        <p class="error" id={`${id}-err`}>
          {err}
        </p>
      )}
      <select
        id={id}
        name={p.name}
        required={p.required}
        aria-invalid={err ? "true" : undefined}
        aria-describedby={err ? `${id}-err` : undefined}
      >
        {p.placeholder !== false && <option value="">{t("form.choose")}</option>}
        {p.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A checkbox with its label and error. */
export function CheckField(p: { form: FormState; name: string; label: string; value?: string }) {
  const id = `f-${p.name}`;
  const err = p.form.errors[p.name];
  return (
    <div class={err ? "field check has-error" : "field check"}>
      {err && (
        <p class="error" id={`${id}-err`}>
          {err}
        </p>
      )}
      <input
        type="checkbox"
        id={id}
        name={p.name}
        value={p.value ?? "1"}
        checked={!!p.form.values[p.name]}
        aria-describedby={err ? `${id}-err` : undefined}
      />
      <label for={id}>{p.label}</label>
    </div>
  );
}
