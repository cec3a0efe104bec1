import type { Lang } from "../../core/i18n/index.ts";
import { core, type CoreKey } from "../../core/i18n/messages.ts";
import type { FieldError } from "../../core/result.ts";
import { msg, type NetKey } from "./messages.ts";

/** A field error: a core message key, or one of this module's keys. */
export type NetError = FieldError | { nkey: NetKey; vars?: Record<string, string | number> };

/** The outcome of a network command: a value, or errors per field. */
export type NetResult<T> = { ok: true; value: T } | { ok: false; errors: Record<string, NetError> };

/** A failed result with one error of this module. */
export function fail<T>(
  field: string,
  nkey: NetKey,
  vars?: Record<string, string | number>,
): NetResult<T> {
  return { ok: false, errors: { [field]: { nkey, vars } } };
}

/** A failed result with one core error (403, 404, required …). */
export function failCore<T>(field: string, key: CoreKey): NetResult<T> {
  return { ok: false, errors: { [field]: { key } } };
}

/** Translates field errors of either dictionary for display next to the fields. */
export function translateNet(errors: Record<string, NetError>, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  const ct = core.t(lang);
  const nt = msg.t(lang);
  for (const [field, e] of Object.entries(errors)) {
    out[field] = "nkey" in e ? nt(e.nkey, e.vars) : ct(e.key, e.vars);
  }
  return out;
}
