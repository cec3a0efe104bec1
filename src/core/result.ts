import { forbidden, HttpError, notFound } from "./errors.ts";
import type { Dictionary, Lang } from "./i18n/index.ts";
import { core, type CoreKey } from "./i18n/messages.ts";

/** Values put into a message's {placeholders}. */
export type Vars = Record<string, string | number>;

/**
 * A field error: a message key (`K`: core's keys, or a module's keys and core's), with its
 * placeholder values. The field `_form` holds an error about the whole form (shown at its top); there
 * `error.404` and `error.403` mean the record is not this tambon's or the actor may not act.
 */
export interface FieldError<K extends string = CoreKey> {
  key: K;
  vars?: Vars;
}

/**
 * The outcome of a command: a value, or errors per field. A module's commands use
 * `Result<T, ModuleKey | CoreKey>`, so a failed `parseForm` (core keys) is a failed result of any
 * module.
 */
export type Result<T, K extends string = CoreKey> =
  { ok: true; value: T } | { ok: false; errors: Record<string, FieldError<K>> };

/** A failed result (any value type), as routes receive it after checking `ok`. */
export type Failure<K extends string = CoreKey> = {
  ok: false;
  errors: Record<string, FieldError<K>>;
};

/** A successful result. */
export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

/** A failed result with one error on one field (`_form` for the whole form). */
export function fail<K extends string>(field: string, key: K, vars?: Vars): Failure<K> {
  return { ok: false, errors: { [field]: vars ? { key, vars } : { key } } };
}

/** The record is missing or another tambon's (answered 404). */
export const missing = (): Failure<"error.404"> => fail("_form", "error.404");
/** The actor may not do this (answered 403). */
export const refused = (): Failure<"error.403"> => fail("_form", "error.403");

/** True when a result failed because the record is not this tambon's. */
export function isNotFound(result: Result<unknown, string>): boolean {
  return !result.ok && result.errors._form?.key === "error.404";
}

/** True when a result failed because the actor may not do it. */
export function isForbidden(result: Result<unknown, string>): boolean {
  return !result.ok && result.errors._form?.key === "error.403";
}

/**
 * Throws the 404 or 403 a failed result stands for; any other result is returned as it is, for
 * the route to show its form again with the errors (422).
 */
export function throwIfDenied<R extends Result<unknown, string>>(result: R, signedIn = true): R {
  if (isNotFound(result)) throw notFound();
  if (isForbidden(result)) throw forbidden(signedIn);
  return result;
}

/**
 * The value of a result, or the error page it stands for: 404, 403, or 400 for a failure that
 * has no form to show it next to (a button that posts no fields, say).
 */
export function orThrow<T>(result: Result<T, string>, signedIn = true): T {
  if (result.ok) return result.value;
  throwIfDenied(result, signedIn);
  throw new HttpError(400, "error.400");
}

/**
 * Translates field errors for display next to the fields: a key of the module's dictionary when
 * it has one, else core's (a key of neither shows as itself).
 */
export function translateErrors<K extends string, D extends string = never>(
  errors: Record<string, FieldError<K>>,
  lang: Lang,
  dictionary?: Dictionary<D>,
): Record<string, string> {
  const out: Record<string, string> = {};
  const ct = core.t(lang);
  const mt = dictionary?.t(lang);
  for (const [field, e] of Object.entries(errors)) {
    out[field] =
      mt && dictionary && Object.hasOwn(dictionary.messages, e.key)
        ? mt(e.key as string as D, e.vars)
        : ct(e.key as string as CoreKey, e.vars);
  }
  return out;
}
