import type { DbOrTx } from "../../../core/db/index.ts";
import type { Actor } from "../../../core/roles.ts";
import { can } from "../../../core/policy.ts";
import { personalScope } from "../access.ts";

/** The villages whose households a collector sees: all of the tambon's, or a list. */
export interface CollectScope {
  all: boolean;
  villageIds: number[];
}

/**
 * Where the actor collects in a tambon: who may collect (`community.collect`) sees the
 * households the module's personal-data rule (`personalScope`) lets her see: staff everywhere, a
 * health volunteer or facilitator in the village of her membership; null when she may not collect
 * or has no village. Every read and write of the collect app and the sync asks this one function.
 */
export async function collectScope(
  db: DbOrTx,
  actor: Actor,
  tambonId: number,
): Promise<CollectScope | null> {
  if (!can(actor, "community.collect", { tambonId })) return null;
  const scope = await personalScope(db, actor, tambonId);
  if (!scope) return null;
  return scope.all ? { all: true, villageIds: [] } : { all: false, villageIds: scope.villageIds };
}

/** Whether a village is in the scope. */
export function inScope(scope: CollectScope, villageId: number): boolean {
  return scope.all || scope.villageIds.includes(villageId);
}
