import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { tambonMembers } from "../../../core/db/schema.ts";
import { hasRole, type Actor } from "../../../core/roles.ts";
import { can } from "../../../core/policy.ts";

/** The villages whose households a collector sees: all of the tambon's, or a list. */
export interface CollectScope {
  all: boolean;
  villageIds: number[];
}

/** Holders of these roles collect in every village of the tambon. */
const TAMBON_WIDE = ["admin", "working_group"] as const;

/**
 * Where the actor collects in a tambon: staff (and network administrators) everywhere, a health
 * volunteer or facilitator in the village of her membership; null when she may not collect at
 * all. Every read and write of the collect app and the sync asks this one function.
 */
export async function collectScope(
  db: DbOrTx,
  actor: Actor,
  tambonId: number,
): Promise<CollectScope | null> {
  if (!can(actor, "community.collect", { tambonId })) return null;
  const user = actor.user;
  if (!user) return null;
  if (user.isNetworkAdmin || hasRole(actor, tambonId, ...TAMBON_WIDE))
    return { all: true, villageIds: [] };
  const [member] = await db
    .select({ villageId: tambonMembers.villageId })
    .from(tambonMembers)
    .where(
      and(
        eq(tambonMembers.tambonId, tambonId),
        eq(tambonMembers.userId, user.id),
        eq(tambonMembers.status, "active"),
      ),
    );
  return { all: false, villageIds: member?.villageId ? [member.villageId] : [] };
}

/** Whether a village is in the scope. */
export function inScope(scope: CollectScope, villageId: number): boolean {
  return scope.all || scope.villageIds.includes(villageId);
}
