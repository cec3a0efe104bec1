import { type DbOrTx } from "../../../core/db/index.ts";
import { type Actor } from "../../../core/roles.ts";
import { auditBy } from "../../../core/audit.ts";

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
