import type { Lang } from "../../core/i18n/index.ts";
import { core, type CoreKey } from "../../core/i18n/messages.ts";
import { msg, type CharterKey } from "./messages.ts";

/** A field error: a core message key, or one of this module's. */
export type CharterError =
  | { key: CoreKey; vars?: Record<string, string | number> }
  | { ckey: CharterKey; vars?: Record<string, string | number> };

/** The outcome of a command of this module (core results fit in it). */
export type CResult<T> =
  { ok: true; value: T } | { ok: false; errors: Record<string, CharterError> };

/** A success. */
export function done<T>(value: T): CResult<T> {
  return { ok: true, value };
}

/** A failure with one of this module's messages on one field. */
export function fail<T>(
  field: string,
  ckey: CharterKey,
  vars?: Record<string, string | number>,
): CResult<T> {
  return { ok: false, errors: { [field]: { ckey, vars } } };
}

/** A failure with a core message on one field. */
export function failCore<T>(
  field: string,
  key: CoreKey,
  vars?: Record<string, string | number>,
): CResult<T> {
  return { ok: false, errors: { [field]: { key, vars } } };
}

/** True when a result failed because the record is not this tambon's (shown as 404). */
export function isNotFound(result: CResult<unknown>): boolean {
  const e = !result.ok ? result.errors._form : undefined;
  return !!e && "key" in e && e.key === "error.404";
}

/** True when a result failed because the actor may not do it (shown as 403). */
export function isForbidden(result: CResult<unknown>): boolean {
  const e = !result.ok ? result.errors._form : undefined;
  return !!e && "key" in e && e.key === "error.403";
}

/** Translates the errors of a result for display next to the fields. */
export function translate(
  errors: Record<string, CharterError>,
  lang: Lang,
): Record<string, string> {
  const out: Record<string, string> = {};
  const ct = core.t(lang);
  const mt = msg.t(lang);
  for (const [field, e] of Object.entries(errors))
    out[field] = "ckey" in e ? mt(e.ckey, e.vars) : ct(e.key, e.vars);
  return out;
}
