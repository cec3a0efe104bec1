import { Fragment, type ComponentChildren } from "preact";
import { useCtx } from "./ctx.ts";
import type { Dictionary, Lang } from "../i18n/index.ts";
import { translateErrors, type FieldError } from "../result.ts";
import { inDigits } from "../digits.ts";
import { pick } from "../pick.ts";

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

/**
 * The id of a field: `f-<name>`, or `f-<scope>-<name>` for one of several forms on a page (a
 * field component and the error summary given the same scope agree on it).
 */
export function fieldId(name: string, scope?: string): string {
  return scope ? `f-${scope}-${name}` : `f-${name}`;
}

/** The list of errors at the top of a form, linked to the fields (the whole form's error unlinked). */
export function ErrorSummary({ form, scope }: { form?: FormState; scope?: string }) {
  const { t } = useCtx();
  const entries = Object.entries(form?.errors ?? {});
  if (!entries.length) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      <p>{t("form.errorSummary")}</p>
      <ul>
        {entries.map(([name, msg]) => (
          <li key={name}>
            {name === "_form" ? msg : <a href={`#${fieldId(name, scope)}`}>{msg}</a>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The error of the whole form (not of one field), shown above its buttons. */
export function FormError({ form }: { form?: FormState }) {
  const err = form?.errors._form;
  return err ? (
    <p class="error" role="alert">
      {err}
    </p>
  ) : null;
}

/** What every field takes: where its value and error come from, its name and label. */
interface FieldBase {
  /** What the user sent and the errors; without it the field shows `value`. */
  form?: FormState;
  /** The form's scope on a page with several forms: the field's id is `f-<scope>-<name>`. */
  scope?: string;
  name: string;
  label: string;
  /** The value shown when the form state holds none (the record's current value). */
  value?: string;
}

/** What a field always drawn from a form state takes (checkboxes, files, dates). */
type StateFieldBase = Omit<FieldBase, "form" | "value"> & { form: FormState };

/** The id, error and current value of a field. */
function fieldState(p: FieldBase) {
  return {
    id: fieldId(p.name, p.scope),
    err: p.form?.errors[p.name],
    value: p.form?.values[p.name] ?? p.value ?? "",
  };
}

interface FieldProps extends FieldBase {
  type?: "text" | "password" | "email" | "tel" | "number" | "date" | "search" | "url";
  hint?: string;
  required?: boolean;
  autocomplete?: string;
  inputmode?: "numeric" | "tel" | "email" | "text";
  maxLength?: number;
  /** A class added to the field's box. */
  class?: string;
}

/** A labelled input with its hint and error next to it, keeping what the user typed. */
export function Field(p: FieldProps) {
  const { id, err, value } = fieldState(p);
  return (
    <FieldShell
      id={id}
      label={p.label}
      hint={p.hint}
      error={err}
      required={p.required}
      class={p.class}
    >
      <input
        id={id}
        name={p.name}
        {...({ type: p.type ?? "text" } as { type: "text" })}
        value={p.type === "password" ? "" : value}
        required={p.required}
        autocomplete={p.autocomplete}
        inputMode={p.inputmode}
        maxLength={p.maxLength}
        aria-invalid={err ? "true" : undefined}
        aria-describedby={describedBy(id, p.hint, err)}
      />
    </FieldShell>
  );
}

/** Options cut into runs of the same group (ungrouped options form runs of their own). */
function optionRuns<O extends { group?: string }>(
  options: O[],
): { group?: string; options: O[] }[] {
  const runs: { group?: string; options: O[] }[] = [];
  for (const o of options) {
    const last = runs[runs.length - 1];
    if (last && last.group === o.group) last.options.push(o);
    else runs.push({ group: o.group, options: [o] });
  }
  return runs;
}

/** A labelled select with its error, keeping the chosen option. */
export function SelectField(
  p: FieldBase & {
    /** Options in order; consecutive ones with the same `group` are shown under it (optgroup). */
    options: { value: string; label: string; group?: string }[];
    required?: boolean;
    /** The empty first option: "choose" (the default), this text, or none (false). */
    placeholder?: boolean | string;
    hint?: string;
  },
) {
  const { t } = useCtx();
  const { id, err, value } = fieldState(p);
  const placeholder =
    typeof p.placeholder === "string" ? p.placeholder : p.placeholder !== false && t("form.choose");
  return (
    <FieldShell id={id} label={p.label} hint={p.hint} error={err} required={p.required}>
      <select
        id={id}
        name={p.name}
        required={p.required}
        aria-invalid={err ? "true" : undefined}
        aria-describedby={describedBy(id, p.hint, err)}
      >
        {placeholder !== false && <option value="">{placeholder}</option>}
        {optionRuns(p.options).map((run, i) => {
          const items = run.options.map((o) => (
            <option key={o.value} value={o.value} selected={o.value === value}>
              {o.label}
            </option>
          ));
          return run.group === undefined ? (
            items
          ) : (
            <optgroup key={`g${i}`} label={run.group}>
              {items}
            </optgroup>
          );
        })}
      </select>
    </FieldShell>
  );
}

/** A checkbox with its label and error. */
export function CheckField(
  p: StateFieldBase & {
    /** What is sent when ticked ("1" by default). */
    value?: string;
  },
) {
  const { id, err } = fieldState(p);
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

/** The label, hint and error around a control, wired to it for screen readers. */
function FieldShell(p: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  group?: boolean;
  /** A class added to the box. */
  class?: string;
  children: ComponentChildren;
}) {
  const { t } = useCtx();
  const box = `field${p.error ? " has-error" : ""}${p.class ? ` ${p.class}` : ""}`;
  const label = (
    <>
      {p.label}
      {p.required ? <span class="req"> *</span> : <span class="opt"> ({t("form.optional")})</span>}
    </>
  );
  const notes = (
    <>
      {p.hint && (
        <p class="hint" id={`${p.id}-hint`}>
          {p.hint}
        </p>
      )}
      {p.error && (
        <p class="error" id={`${p.id}-err`}>
          {p.error}
        </p>
      )}
    </>
  );
  if (p.group)
    return (
      <fieldset class={box} id={p.id}>
        <legend>{label}</legend>
        {notes}
        {p.children}
      </fieldset>
    );
  return (
    <div class={box}>
      <label for={p.id}>{label}</label>
      {notes}
      {p.children}
    </div>
  );
}

/** The aria-describedby value of a control with an optional hint and error. */
function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return (
    [hint ? `${id}-hint` : "", error ? `${id}-err` : ""].filter(Boolean).join(" ") || undefined
  );
}

/** A labelled multi-line text box with its hint and error, keeping what the user typed. */
export function TextArea(
  p: FieldBase & {
    hint?: string;
    required?: boolean;
    rows?: number;
    maxLength?: number;
  },
) {
  const { id, err, value } = fieldState(p);
  return (
    <FieldShell id={id} label={p.label} hint={p.hint} error={err} required={p.required}>
      <textarea
        id={id}
        name={p.name}
        rows={p.rows ?? 4}
        required={p.required}
        maxLength={p.maxLength}
        aria-invalid={err ? "true" : undefined}
        aria-describedby={describedBy(id, p.hint, err)}
      >
        {value}
      </textarea>
    </FieldShell>
  );
}

/**
 * A text in Thai and its English version: `<name>Th` (with the hint, required when `required`)
 * and `<name>En`, each with its own label and the same length limit; one-line fields, or text
 * boxes of `rows` lines when `multiline`.
 */
export function ThaiEnglishFields(p: {
  form: FormState;
  name: string;
  label: string;
  labelEn: string;
  hint?: string;
  required?: boolean;
  maxLength?: number;
  multiline?: boolean;
  rows?: number;
}) {
  const th = {
    form: p.form,
    name: `${p.name}Th`,
    ...pick(p, "label", "hint", "required", "maxLength"),
  };
  const en = { form: p.form, name: `${p.name}En`, label: p.labelEn, maxLength: p.maxLength };
  return p.multiline ? (
    <>
      <TextArea {...th} rows={p.rows} />
      <TextArea {...en} rows={p.rows} />
    </>
  ) : (
    <>
      <Field {...th} />
      <Field {...en} />
    </>
  );
}

/** Several checkboxes under one question; every ticked value is sent under the same name. */
export function CheckGroup(
  p: StateFieldBase & {
    options: { value: string; label: string }[];
    /** The values ticked (by default the comma-separated value of the field in the form state). */
    checked?: readonly string[];
    hint?: string;
    required?: boolean;
    /**
     * Many short choices side by side in columns ("grid": villages) or fewer, wider ones ("wide":
     * issue areas) instead of one under another.
     */
    layout?: "grid" | "wide";
  },
) {
  const { id, err } = fieldState(p);
  const ticked = new Set(p.checked ?? (p.form.values[p.name] ?? "").split(",").filter(Boolean));
  // A question without choices (a tambon with no villages yet) is left out.
  if (!p.options.length) return null;
  return (
    <FieldShell id={id} label={p.label} hint={p.hint} error={err} required={p.required} group>
      <div class={p.layout ? `check-group ${p.layout}` : "check-group"}>
        {p.options.map((o, i) => (
          <label key={o.value} class="check" for={`${id}-${i}`}>
            <input
              type="checkbox"
              id={`${id}-${i}`}
              name={p.name}
              value={o.value}
              checked={ticked.has(o.value)}
              aria-describedby={describedBy(id, p.hint, err)}
            />{" "}
            {o.label}
          </label>
        ))}
      </div>
    </FieldShell>
  );
}

/** A file chooser; the hint says which files it takes and how large (the route enforces both). */
export function FileField(
  p: StateFieldBase & {
    /** e.g. "image/jpeg,image/png,image/webp" or ".pdf" */
    accept: string;
    /** What the hint calls the kinds of file, e.g. "JPEG, PNG" */
    types: string;
    maxBytes: number;
    /** Said after the types and size, e.g. what is done to the file once sent. */
    note?: string;
    required?: boolean;
    multiple?: boolean;
  },
) {
  const { t } = useCtx();
  const { id, err } = fieldState(p);
  const limits = t("form.fileHint", {
    types: p.types,
    mb: Math.round((p.maxBytes / (1024 * 1024)) * 10) / 10,
  });
  const hint = p.note ? `${limits} ${p.note}` : limits;
  return (
    <FieldShell id={id} label={p.label} hint={hint} error={err} required={p.required}>
      <input
        type="file"
        id={id}
        name={p.name}
        accept={p.accept}
        multiple={p.multiple}
        required={p.required}
        aria-invalid={err ? "true" : undefined}
        aria-describedby={describedBy(id, hint, err)}
      />
    </FieldShell>
  );
}

const MONTHS_TH = [
  "มกราคม",
  "กุมภาพันธ์",
  "มีนาคม",
  "เมษายน",
  "พฤษภาคม",
  "มิถุนายน",
  "กรกฎาคม",
  "สิงหาคม",
  "กันยายน",
  "ตุลาคม",
  "พฤศจิกายน",
  "ธันวาคม",
];
const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * Day, month and year of a form value (YYYY-MM-DD, or "d/m/y" as typed): the year in พ.ศ. in
 * Thai, in ค.ศ. in English.
 */
export function dateParts(
  value: string | undefined,
  lang: Lang = "th",
): { d: string; m: string; y: string; t: string } {
  const [date = "", t = ""] = (value ?? "").split("T", 2);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (iso)
    return {
      d: String(Number(iso[3])),
      m: String(Number(iso[2])),
      y: String(Number(iso[1]) + (lang === "th" ? 543 : 0)),
      t,
    };
  const typed = /^([^/]*)\/([^/]*)\/(.*)$/.exec(date);
  return typed ? { d: typed[1]!, m: typed[2]!, y: typed[3]!, t } : { d: "", m: "", y: "", t };
}

/** One typed part of a date (day, year, time of day), named `<name>__<part>`. */
function PartInput(p: {
  name: string;
  part: "d" | "y" | "t";
  label: string;
  pattern: string;
  size: number;
  value: string;
  placeholder?: string;
  required?: boolean;
  invalid?: boolean;
  describedBy?: string;
}) {
  return (
    <label>
      <span class="date-part">{p.label}</span>
      <input
        name={`${p.name}__${p.part}`}
        inputMode="numeric"
        pattern={p.pattern}
        maxLength={p.size}
        size={p.size}
        placeholder={p.placeholder}
        value={p.value}
        required={p.required}
        autocomplete="off"
        aria-invalid={p.invalid ? "true" : undefined}
        aria-describedby={p.describedBy}
      />
    </label>
  );
}

/** The three inputs of a date (day, month by name, year), named `<name>__d`, `__m`, `__y`. */
function DateParts(p: {
  name: string;
  value: string | undefined;
  required?: boolean;
  invalid?: boolean;
  describedBy?: string;
  /** A fourth input for the time of day (HH:MM, 24 hours). */
  time?: boolean;
}) {
  const { t, lang, digits } = useCtx();
  const parts = dateParts(p.value, lang);
  // Typed values are shown in the page's digits; both styles are read back (foldDateParts).
  const shown = (s: string) => (lang === "th" ? inDigits(s, digits ?? "arabic") : s);
  const months = lang === "en" ? MONTHS_EN : MONTHS_TH;
  const common = {
    ...pick(p, "name", "required", "invalid", "describedBy"),
  };
  return (
    <div class="date-parts">
      <PartInput
        {...common}
        part="d"
        label={t("form.day")}
        pattern="[0-9๐-๙]{1,2}"
        size={2}
        value={shown(parts.d)}
      />
      <label>
        <span class="date-part">{t("form.month")}</span>
        <select name={`${p.name}__m`} required={p.required} aria-describedby={p.describedBy}>
          <option value="">{t("form.choose")}</option>
          {months.map((name, i) => (
            <option key={name} value={String(i + 1)} selected={parts.m === String(i + 1)}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <PartInput
        {...common}
        part="y"
        label={t("form.yearBE")}
        pattern="[0-9๐-๙]{4}"
        size={4}
        value={shown(parts.y)}
      />
      {p.time && (
        <PartInput
          {...common}
          part="t"
          label={t("form.time")}
          pattern="[0-9๐-๙]{1,2}[:.][0-9๐-๙]{2}"
          size={5}
          placeholder={shown("09:00")}
          value={shown(parts.t)}
          required={undefined}
        />
      )}
    </div>
  );
}

/**
 * A date as Thai people write it: day, month by name and the year in พ.ศ. (a native date input
 * shows mm/dd/yyyy in ค.ศ. on many phones); in English the year is in ค.ศ. The three parts are
 * folded into one YYYY-MM-DD field named `name` before the route sees the form (core/dates.ts,
 * foldDateParts, for forms and for the query of a filter), so routes and commands read one date
 * as before. It works without JavaScript.
 */
export function DateField(
  p: StateFieldBase & {
    hint?: string;
    required?: boolean;
    /** Ask for the time of day too: the field's value is then YYYY-MM-DDTHH:MM. */
    time?: boolean;
  },
) {
  const { t } = useCtx();
  const { id, err } = fieldState(p);
  const hint = p.hint ?? t(p.time ? "form.dateTimeHint" : "form.dateHint");
  return (
    <FieldShell id={id} label={p.label} hint={hint} error={err} required={p.required} group>
      <DateParts
        name={p.name}
        value={p.form.values[p.name]}
        required={p.required}
        invalid={!!err}
        describedBy={describedBy(id, hint, err)}
        time={p.time}
      />
    </FieldShell>
  );
}

/**
 * A date in a filter bar or a small GET form (no form state): a fieldset with the same three
 * parts as DateField; the query's parts are folded into `name` before the route reads it.
 */
export function DateInput(p: {
  name: string;
  label: string;
  value: string | undefined;
  id?: string;
  class?: string;
}) {
  return (
    <fieldset class={`date-input${p.class ? ` ${p.class}` : ""}`} id={p.id}>
      <legend>{p.label}</legend>
      <DateParts name={p.name} value={p.value} />
    </fieldset>
  );
}

/** A field of a form described as data: its kind and the props of that kind's component. */
export type FieldSpec =
  | ({ kind?: "text" } & Omit<FieldProps, "form" | "scope">)
  | ({ kind: "textarea" } & Omit<Parameters<typeof TextArea>[0], "form" | "scope">)
  | ({ kind: "select" } & Omit<Parameters<typeof SelectField>[0], "form" | "scope">)
  | ({ kind: "check" } & Omit<Parameters<typeof CheckField>[0], "form" | "scope">)
  | ({ kind: "checks" } & Omit<Parameters<typeof CheckGroup>[0], "form" | "scope">)
  | ({ kind: "date" } & Omit<Parameters<typeof DateField>[0], "form" | "scope">)
  | ({ kind: "file" } & Omit<Parameters<typeof FileField>[0], "form" | "scope">)
  | ({ kind: "thaiEnglish" } & Omit<Parameters<typeof ThaiEnglishFields>[0], "form">);

/** The props of one kind of field spec, without its kind. */
type SpecOf<K extends string> = Omit<Extract<FieldSpec, { kind?: K }>, "kind">;
/** What a field spec takes besides the props named by position. */
type RestOf<K extends string, P extends string> = Omit<SpecOf<K>, P>;

/**
 * Field specs in one line each: the name, the label (and for a choice its options, for a Thai and
 * English pair the English label) by position, the rest as props.
 */
/** A spec of a kind that takes its name and label by position, the rest as props. */
const named =
  <K extends "text" | "textarea" | "check" | "date">(kind: K) =>
  (name: string, label: string, rest?: RestOf<K, "name" | "label">): FieldSpec =>
    ({ kind, name, label, ...rest }) as FieldSpec;

/** A spec of a choice (one, or several), with its options by position too. */
const chosen =
  <K extends "select" | "checks">(kind: K) =>
  (
    name: string,
    label: string,
    options: SpecOf<"select" | "checks">["options"],
    rest?: RestOf<K, "name" | "label" | "options">,
  ): FieldSpec =>
    ({ kind, name, label, options, ...rest }) as FieldSpec;

export const field = {
  text: named("text"),
  textarea: named("textarea"),
  check: named("check"),
  date: named("date"),
  select: chosen("select"),
  checks: chosen("checks"),
  /** A file field must say what it takes (accept, types, maxBytes). */
  file: (name: string, label: string, rest: RestOf<"file", "name" | "label">): FieldSpec => ({
    kind: "file",
    name,
    label,
    ...rest,
  }),
  thaiEnglish: (
    name: string,
    label: string,
    labelEn: string,
    rest?: RestOf<"thaiEnglish", "name" | "label" | "labelEn">,
  ): FieldSpec => ({ kind: "thaiEnglish", name, label, labelEn, ...rest }),
};

/**
 * The fields of a form, drawn in order from a list (one line a field): each one the component of
 * its kind, with the form state and scope given once. A `false`, `null` or `undefined` entry is
 * skipped, so a field shown only sometimes stays in the list as `cond && {...}`.
 */
export function Fields(p: {
  form: FormState;
  scope?: string;
  fields: readonly (FieldSpec | false | null | undefined)[];
}) {
  return (
    <>
      {p.fields.map((f) => f && <Fragment key={f.name}>{drawField(f, p.form, p.scope)}</Fragment>)}
    </>
  );
}

function drawField(f: FieldSpec, form: FormState, scope?: string) {
  switch (f.kind) {
    case undefined:
    case "text":
      return <Field {...f} form={form} scope={scope} />;
    case "textarea":
      return <TextArea {...f} form={form} scope={scope} />;
    case "select":
      return <SelectField {...f} form={form} scope={scope} />;
    case "check":
      return <CheckField {...f} form={form} scope={scope} />;
    case "checks":
      return <CheckGroup {...f} form={form} scope={scope} />;
    case "date":
      return <DateField {...f} form={form} scope={scope} />;
    case "file":
      return <FileField {...f} form={form} scope={scope} />;
    case "thaiEnglish":
      return <ThaiEnglishFields {...f} form={form} />;
  }
}

/**
 * The state to show a form again after a failed command: what the user sent and the result's
 * errors in their language (a module passes its dictionary for its own keys).
 */
export function failedForm<K extends string, D extends string = never>(
  values: Record<string, string>,
  errors: Record<string, FieldError<K>>,
  lang: Lang,
  dictionary?: Dictionary<D>,
): FormState {
  return { values, errors: translateErrors(errors, lang, dictionary) };
}
