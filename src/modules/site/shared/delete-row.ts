import type { Db, Tx } from "../../../core/db/index.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import { can } from "../../../core/policy.ts";
import { missing, ok, refused, type Result } from "../../../core/result.ts";
import type { Actor } from "../../../core/roles.ts";
import { auditSite } from "./fields.ts";
import { tambonWhere, type TambonTable } from "../../../core/db/tambon-row.ts";

/**
 * The whole of an editor's delete on the site: the rule `site.edit`, then in one transaction the
 * tambon's row deleted (`missing()` when there is none, e.g. another tambon's), `then` for what
 * goes with it (files, sub-rows, its search entry) and the audit entry keeping `before` of the row.
 * Answers the deleted row.
 */
export async function deleteSiteRow<T extends TambonTable>(
  db: Db,
  actor: Actor,
  tambonId: number,
  table: T,
  id: number,
  remove: {
    action: string;
    targetType: string;
    before: (row: T["$inferSelect"]) => Record<string, unknown>;
    then?: (tx: Tx, row: T["$inferSelect"]) => Promise<void>;
  },
): Promise<Result<T["$inferSelect"], CoreKey>> {
  if (!can(actor, "site.edit", { tambonId })) return refused();
  return db.transaction(async (tx) => {
    const [row] = (await tx
      .delete(table)
      .where(tambonWhere(table as TambonTable, tambonId, { id }))
      .returning()) as T["$inferSelect"][];
    if (!row) return missing();
    await remove.then?.(tx, row);
    await auditSite(
      tx,
      actor,
      tambonId,
      remove.action,
      remove.targetType,
      id,
      null,
      remove.before(row),
    );
    return ok(row);
  });
}
