import type { FieldError } from "../../core/result.ts";
import type { Lang } from "../../core/i18n/index.ts";
import { core, type CoreKey } from "../../core/i18n/messages.ts";
import { msg, type SiteKey } from "./messages.ts";

/** A field error of this module: a core or a site message key with its values. */
export interface SiteError {
  key: CoreKey | SiteKey;
  vars?: Record<string, string | number>;
}

/** The outcome of a site command: a value, or errors per field (the shape of core's Result). */
export type SiteResult<T> =
  { ok: true; value: T } | { ok: false; errors: Record<string, SiteError> };

/** A successful result. */
export const done = <T>(value: T): SiteResult<T> => ({ ok: true, value });

/** A failed result with one field error. */
export const fail = <T>(
  field: string,
  key: CoreKey | SiteKey,
  vars?: Record<string, string | number>,
): SiteResult<T> => ({ ok: false, errors: { [field]: { key, vars } } });

/** Widens core field errors to site errors. */
export function coreErrors(errors: Record<string, FieldError>): Record<string, SiteError> {
  return errors;
}

/** Translates field errors for display (site keys first, then core keys). */
export function translate(errors: Record<string, SiteError>, lang: Lang): Record<string, string> {
  const st = msg.t(lang);
  const ct = core.t(lang);
  const out: Record<string, string> = {};
  for (const [field, e] of Object.entries(errors)) {
    out[field] =
      e.key in msg.messages ? st(e.key as SiteKey, e.vars) : ct(e.key as CoreKey, e.vars);
  }
  return out;
}
