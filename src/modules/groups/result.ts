import type { Lang } from "../../core/i18n/index.ts";
import { core, type CoreKey } from "../../core/i18n/messages.ts";
import { msg, type GroupsKey } from "./messages.ts";

/** A field error: a core message key, or one of this module's. */
export type GroupsError =
  | { key: CoreKey; vars?: Record<string, string | number> }
  | { gkey: GroupsKey; vars?: Record<string, string | number> };

/** The outcome of a command of this module (core results fit in it). */
export type GResult<T> =
  { ok: true; value: T } | { ok: false; errors: Record<string, GroupsError> };

/** A failure with one of this module's messages on one field. */
export function fail<T>(
  field: string,
  gkey: GroupsKey,
  vars?: Record<string, string | number>,
): GResult<T> {
  return { ok: false, errors: { [field]: { gkey, vars } } };
}

/** A failure with a core message on one field. */
export function failCore<T>(
  field: string,
  key: CoreKey,
  vars?: Record<string, string | number>,
): GResult<T> {
  return { ok: false, errors: { [field]: { key, vars } } };
}

/** Translates the errors of a result for display next to the fields. */
export function translate(errors: Record<string, GroupsError>, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  const ct = core.t(lang);
  const gt = msg.t(lang);
  for (const [field, e] of Object.entries(errors))
    out[field] = "gkey" in e ? gt(e.gkey, e.vars) : ct(e.key, e.vars);
  return out;
}
