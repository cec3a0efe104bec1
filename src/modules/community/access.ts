import { inArray, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../core/db/index.ts";
import { tambonMembers } from "../../core/db/schema.ts";
import { can } from "../../core/policy.ts";
import { hasRole, type Actor } from "../../core/roles.ts";
import { tambonWhere } from "../../core/db/tambon-row.ts";

/** Who keeps the tambon's community data and sees all of its personal data. */
export const STAFF = ["admin", "working_group"] as const;

/** Who collects in a village and sees that village's personal data. */
export const COLLECTORS = ["health_volunteer", "facilitator"] as const;

/**
 * The personal data an actor may see in a tambon: all of it (its staff), or only the records of
 * the villages they belong to (a health volunteer or facilitator, by their membership's village).
 */
export type PersonalScope = { all: true } | { all: false; villageIds: number[] };

/**
 * The one rule for every read or change of personal data (households, people, submissions'
 * answers): the tambon's admin and working group see all of it; a health volunteer or
 * facilitator sees the records of the village of their membership (`tambon_members.village_id`);
 * anyone else, and a collector without a village, sees none (null). Every query of personal data
 * asks it and filters with `inScope` or `allows`.
 */
export async function personalScope(
  db: DbOrTx,
  actor: Actor,
  tambonId: number,
): Promise<PersonalScope | null> {
  if (!actor.user) return null;
  if (!can(actor, "community.personal", { tambonId })) return null;
  if (hasRole(actor, tambonId, ...STAFF)) return { all: true };
  if (!hasRole(actor, tambonId, ...COLLECTORS)) return null;
  const [member] = await db
    .select({ villageId: tambonMembers.villageId })
    .from(tambonMembers)
    .where(tambonWhere(tambonMembers, tambonId, { userId: actor.user.id, status: "active" }));
  if (!member?.villageId) return null;
  return { all: false, villageIds: [member.villageId] };
}

/** True when the scope covers a record of this village. */
export function allows(scope: PersonalScope | null, villageId: number): boolean {
  if (!scope) return false;
  return scope.all || scope.villageIds.includes(villageId);
}

/** A condition on a village column that keeps only the scope's records (none without a scope). */
export function inScope(scope: PersonalScope | null, villageColumn: AnyPgColumn): SQL {
  if (!scope) return sql`false`;
  if (scope.all) return sql`true`;
  return scope.villageIds.length ? inArray(villageColumn, scope.villageIds) : sql`false`;
}

/** True for the tambon's staff (exports of personal data, requests, settings). */
export function isStaff(actor: Actor, tambonId: number): boolean {
  return can(actor, "community.manage", { tambonId });
}
