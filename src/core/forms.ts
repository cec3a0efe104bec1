import { z } from "zod";
import type { CoreKey } from "./i18n/messages.ts";
import { isIsoDay } from "./dates.ts";
import { arabicDigits } from "./digits.ts";
import { ok, type FieldError, type Result } from "./result.ts";

const enc = (key: CoreKey, vars?: Record<string, string | number>) =>
  vars ? `${key}|${JSON.stringify(vars)}` : key;

/**
 * An optional field: absent, empty or only spaces is null; anything else, tidied (trimmed unless
 * `tidy` says otherwise), must pass `inner`.
 */
function blankOr<T extends z.ZodType<unknown, string>>(
  inner: T,
  tidy: (s: string) => string = (s) => s.trim(),
) {
  return z
    .string()
    .optional()
    .transform((s) => tidy(s ?? "") || null)
    .pipe(inner.nullable());
}

/**
 * The longest text field that is one line (a name, a title, a phone number): a longer one is a
 * text box (a description, a note) unless its field says otherwise.
 */
export const ONE_LINE_MAX = 300;

/** What one line of text never holds: line breaks, tabs and the other control characters. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Whether a text field of `max` characters is one line, as its options say or else by its size. */
const isOneLine = (max: number, opts: TextOptions) => !(opts.multiline ?? max > ONE_LINE_MAX);

/** How a text field is typed: `multiline` for a text box (line breaks kept). */
export interface TextOptions {
  multiline?: boolean;
}

/** Zod pieces whose messages are core keys. */
export const fields = {
  /**
   * Text that must be there. A field of up to ONE_LINE_MAX characters (or `multiline: false`)
   * is one line: a line break or a control character in it is an error, never stored.
   */
  text: (max = 200, opts: TextOptions = {}) =>
    z
      .string()
      .transform((s) => s.trim())
      .pipe(
        z
          .string()
          .min(1, enc("err.required"))
          .max(max, enc("err.tooLong", { max }))
          .refine((s) => !isOneLine(max, opts) || !CONTROL.test(s), enc("err.oneLine")),
      ),
  /** Text that may be empty; one line as `text` is. */
  optionalText: (max = 500, opts: TextOptions = {}) =>
    z
      .string()
      .optional()
      .transform((s) => (s ?? "").trim())
      .pipe(
        z
          .string()
          .max(max, enc("err.tooLong", { max }))
          .refine((s) => !isOneLine(max, opts) || !CONTROL.test(s), enc("err.oneLine")),
      ),
  /** A whole number; Thai digits (๕) are read as well as Arabic ones. */
  int: (min: number, max: number) =>
    z
      .string()
      .transform((s) => arabicDigits(s.trim()))
      .pipe(
        z
          .string()
          .min(1, enc("err.required"))
          .regex(/^-?\d+$/, enc("err.number"))
          .transform(Number)
          .pipe(
            z
              .number()
              .min(min, enc("err.range", { min, max }))
              .max(max, enc("err.range", { min, max })),
          ),
      ),
  optionalInt: (min: number, max: number) =>
    blankOr(
      z
        .string()
        .regex(/^\d+$/, enc("err.number"))
        .transform(Number)
        .pipe(
          z
            .number()
            .min(min, enc("err.range", { min, max }))
            .max(max, enc("err.range", { min, max })),
        ),
      (s) => arabicDigits(s.trim().replace(/,/g, "")),
    ),
  /** A record's id picked in a select; empty is null (the command checks it is the tambon's). */
  optionalId: () =>
    blankOr(
      z
        .string()
        .regex(/^\d{1,10}$/, enc("err.number"))
        .transform(Number)
        .refine((n) => n <= 2_147_483_647, enc("err.number")),
    ),
  /** A number from 0 to 1 (a share, such as a majority or a quorum); empty is null. */
  optionalFraction: () =>
    blankOr(
      z
        .string()
        .regex(/^(0(\.\d+)?|1(\.0+)?)$/, enc("err.range", { min: 0, max: 1 }))
        .transform(Number),
    ),
  /** A checkbox: ticked ("1" or "on") or not. */
  checkbox: () =>
    z
      .string()
      .optional()
      .transform((s) => s === "1" || s === "on"),
  /** One of the given values; anything else is a field error (never silently replaced). */
  choice: <const T extends readonly [string, ...string[]]>(values: T) =>
    z.enum(values, { error: () => enc("err.choice") }),
  /** One of the given values, or the default when the field is absent or empty. */
  optionalChoice: <const T extends readonly [string, ...string[]]>(
    values: T,
    fallback: T[number],
  ) =>
    z
      .string()
      .optional()
      .transform((s) => (s ?? "").trim() || fallback)
      .pipe(z.enum(values, { error: () => enc("err.choice") })),
  /** A day (yyyy-mm-dd, as the date field sends it) that exists: 30 February is an error. */
  date: () =>
    z
      .string()
      .transform((s) => s.trim())
      .pipe(
        z
          .string()
          .min(1, enc("err.required"))
          .regex(/^\d{4}-\d{2}-\d{2}$/, enc("err.date"))
          .refine(isIsoDay, enc("err.date")),
      ),
  optionalDate: () =>
    blankOr(
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, enc("err.date"))
        .refine(isIsoDay, enc("err.date")),
    ),
  /** A date and time typed in a datetime-local field, read as Thai time; empty is null. */
  optionalDateTime: () =>
    blankOr(
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, enc("err.date"))
        .transform((s) => new Date(`${s}:00+07:00`))
        .refine((d) => !Number.isNaN(d.getTime()), enc("err.date")),
    ),
};

/** Normalises a Thai phone number (digits only, +66 → 0); null when empty. */
export function normalisePhone(raw: string): string | null {
  let digits = arabicDigits(raw).replace(/[\s\-().]/g, "");
  if (!digits) return null;
  if (digits.startsWith("+66")) digits = "0" + digits.slice(3);
  return digits;
}

/** True for a Thai phone number of 9–10 digits starting with 0. */
export function isPhone(value: string): boolean {
  return /^0\d{8,9}$/.test(value);
}

/** True for a plausible e-mail address. */
export function isEmail(value: string): boolean {
  return z.email().safeParse(value).success;
}

/** Parses a form with a zod schema; errors come back as core keys per field. */
export function parseForm<S extends z.ZodType>(
  schema: S,
  body: Record<string, string>,
): Result<z.output<S>> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return ok(parsed.data);
  const errors: Record<string, FieldError> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "_form");
    if (errors[field]) continue;
    const [key, vars] = issue.message.split("|", 2) as [string, string | undefined];
    errors[field] = key.startsWith("err.")
      ? {
          key: key as CoreKey,
          vars: vars ? (JSON.parse(vars) as Record<string, string | number>) : undefined,
        }
      : { key: issue.code === "invalid_type" ? "err.required" : "error.400" };
  }
  return { ok: false, errors };
}
