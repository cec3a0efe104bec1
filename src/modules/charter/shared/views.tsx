import type { ComponentChildren } from "preact";
import { useCtx } from "../../../core/views/ctx.ts";
import type { FormState } from "../../../core/views/form.tsx";
import { core } from "../../../core/i18n/messages.ts";
import type { Lang } from "../../../core/i18n/index.ts";
import { toThaiDigits, type DigitStyle } from "../digits.ts";
import { paragraphs } from "../document.ts";
import { msg } from "../messages.ts";
import type { EditionRow } from "../charters/queries.ts";

/** The translator of this module for the current page. */
export function useT() {
  const { lang } = useCtx();
  return msg.t(lang);
}

/** User-written text in the charter's digits (only Arabic digits become Thai; nothing else changes). */
export function textIn(text: string, style: DigitStyle, lang: Lang): string {
  return style === "thai" && lang === "th" ? toThaiDigits(text) : text;
}

/** Plain text as paragraphs, line breaks kept, optionally with a lead (the clause number) before the first. */
export function Paras(props: { text: string; lead?: ComponentChildren; class?: string }) {
  const paras = paragraphs(props.text);
  if (!paras.length) return props.lead ? <p class={props.class}>{props.lead}</p> : null;
  return (
    <>
      {paras.map((p, i) => (
        <p key={i} class={props.class}>
          {i === 0 && props.lead}
          {p.split("\n").map((line, j) => (
            <>
              {j > 0 && <br />}
              {line}
            </>
          ))}
        </p>
      ))}
    </>
  );
}

/** The status of an edition as a badge (an adopted edition replaced by a newer one is "earlier"). */
export function StatusBadge(props: { edition: EditionRow; superseded?: boolean }) {
  const t = useT();
  const s = props.superseded ? "superseded" : props.edition.status;
  return <span class={`badge charter-status charter-${s}`}>{t(`status.${s}`)}</span>;
}

/** Field ids are prefixed by their form so that many small forms can share one page. */
const fid = (form: string, name: string) => `f-${form}-${name}`;

/** A labelled text input of one of the page's forms, with its error and the typed value. */
export function Input(props: {
  form: string;
  state?: FormState;
  name: string;
  label: string;
  value?: string;
  required?: boolean;
  type?: "text" | "date" | "number" | "url" | "tel" | "email";
  hint?: string;
  maxLength?: number;
  class?: string;
  hideLabel?: boolean;
}) {
  const { lang } = useCtx();
  const id = fid(props.form, props.name);
  const err = props.state?.errors[props.name];
  const value = props.state?.values[props.name] ?? props.value ?? "";
  const described = [props.hint ? `${id}-hint` : "", err ? `${id}-err` : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <div class={`field${err ? " has-error" : ""}${props.class ? ` ${props.class}` : ""}`}>
      <label for={id} class={props.hideLabel ? "visually-hidden" : undefined}>
        {props.label}
        {props.required ? (
          <span class="req"> *</span>
        ) : (
          <span class="opt"> ({core.t(lang)("form.optional")})</span>
        )}
      </label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {err && (
        <p class="error" id={`${id}-err`}>
          {err}
        </p>
      )}
      <input
        id={id}
        name={props.name}
        {...({ type: props.type ?? "text" } as { type: "text" })}
        value={value}
        required={props.required}
        maxLength={props.maxLength}
        inputMode={props.type === "number" ? "numeric" : undefined}
        aria-invalid={err ? "true" : undefined}
        aria-describedby={described || undefined}
      />
    </div>
  );
}

/** A labelled textarea of one of the page's forms. */
export function TextArea(props: {
  form: string;
  state?: FormState;
  name: string;
  label: string;
  value?: string;
  required?: boolean;
  rows?: number;
  hint?: string;
  maxLength?: number;
  hideLabel?: boolean;
}) {
  const { lang } = useCtx();
  const id = fid(props.form, props.name);
  const err = props.state?.errors[props.name];
  const value = props.state?.values[props.name] ?? props.value ?? "";
  const described = [props.hint ? `${id}-hint` : "", err ? `${id}-err` : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <div class={err ? "field has-error" : "field"}>
      <label for={id} class={props.hideLabel ? "visually-hidden" : undefined}>
        {props.label}
        {props.required ? (
          <span class="req"> *</span>
        ) : (
          <span class="opt"> ({core.t(lang)("form.optional")})</span>
        )}
      </label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {err && (
        <p class="error" id={`${id}-err`}>
          {err}
        </p>
      )}
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 3}
        required={props.required}
        maxLength={props.maxLength}
        aria-invalid={err ? "true" : undefined}
        aria-describedby={described || undefined}
      >
        {value}
      </textarea>
    </div>
  );
}

/** A labelled select of one of the page's forms. */
export function Select(props: {
  form: string;
  state?: FormState;
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string;
  required?: boolean;
  placeholder?: string;
  hideLabel?: boolean;
}) {
  const { lang } = useCtx();
  const id = fid(props.form, props.name);
  const err = props.state?.errors[props.name];
  const current = props.state?.values[props.name] ?? props.value ?? "";
  return (
    <div class={err ? "field has-error" : "field"}>
      <label for={id} class={props.hideLabel ? "visually-hidden" : undefined}>
        {props.label}
        {props.required ? (
          <span class="req"> *</span>
        ) : (
          <span class="opt"> ({core.t(lang)("form.optional")})</span>
        )}
      </label>
      {err && (
        <p class="error" id={`${id}-err`}>
          {err}
        </p>
      )}
      <select
        id={id}
        name={props.name}
        required={props.required}
        aria-invalid={err ? "true" : undefined}
        aria-describedby={err ? `${id}-err` : undefined}
      >
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The error of a whole form (not of one field), shown above its buttons. */
export function FormError(props: { state?: FormState }) {
  const err = props.state?.errors._form;
  return err ? (
    <p class="error" role="alert">
      {err}
    </p>
  ) : null;
}

/** The errors of a form at the top of a page, each linked to its field (so none is ever missed). */
export function ErrorList(props: { form: string; state?: FormState }) {
  const { lang } = useCtx();
  const entries = Object.entries(props.state?.errors ?? {});
  if (!entries.length) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      <p>{core.t(lang)("form.errorSummary")}</p>
      <ul>
        {entries.map(([name, message]) => (
          <li key={name}>
            {name === "_form" ? message : <a href={`#${fid(props.form, name)}`}>{message}</a>}
          </li>
        ))}
      </ul>
    </div>
  );
}
