import { z } from "zod";
import { type DbOrTx } from "../../../core/db/index.ts";
import { type Actor } from "../../../core/roles.ts";
import { auditBy } from "../../../core/audit.ts";

/** Form pieces shared by the site's commands. */
export const siteFields = {
  checkbox: () =>
    z
      .string()
      .optional()
      .transform((s) => s === "1" || s === "on"),
  /** A date and time typed in a datetime-local field, read as Thai time; empty is null. */
  optionalDateTime: () =>
    z
      .string()
      .optional()
      .transform((s) => (s ?? "").trim())
      .pipe(
        z.union([
          z.literal("").transform(() => null),
          z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "err.date")
            .transform((s) => new Date(`${s}:00+07:00`))
            .refine((d) => !Number.isNaN(d.getTime()), "err.date"),
        ]),
      ),
  optionalId: () =>
    z
      .string()
      .optional()
      .transform((s) => (s ?? "").trim())
      .pipe(
        z.union([
          z.literal("").transform(() => null),
          z
            .string()
            .regex(/^\d{1,9}$/, "err.number")
            .transform(Number),
        ]),
      ),
};

/** Writes the audit row of a site change (inside the command's transaction). */
export function auditSite(
  tx: DbOrTx,
  actor: Actor,
  tambonId: number,
  action: string,
  targetType: string,
  targetId: number | string,
  after?: Record<string, unknown> | null,
  before?: Record<string, unknown> | null,
): Promise<void> {
  return auditBy(tx, actor, tambonId, {
    action,
    targetType,
    targetId,
    after: after ?? null,
    before: before ?? null,
  });
}

/** A datetime-local value (Thai time) of a moment, for re-showing a form. */
export function toLocalInput(at: Date | null): string {
  if (!at) return "";
  const th = new Date(at.getTime() + 7 * 3600_000);
  return th.toISOString().slice(0, 16);
}
