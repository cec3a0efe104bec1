import { and, eq, gt, lt } from "drizzle-orm";
import type { Db, DbOrTx } from "../db/index.ts";
import { roleGrants, sessions, tambonMembers, users } from "../db/schema.ts";
import { ANONYMOUS, type Actor, type Role } from "../roles.ts";
import { hashToken, newToken } from "./tokens.ts";
import { pick } from "../pick.ts";

/** How long a session lasts without logging in again. */
export const SESSION_DAYS = 30;

/** Creates a session and returns the token for the cookie (only its hash is stored). */
export async function createSession(
  tx: DbOrTx,
  userId: number,
  userAgent: string,
): Promise<string> {
  const token = newToken();
  await tx.insert(sessions).values({
    id: hashToken(token),
    userId,
    userAgent: userAgent.slice(0, 200),
    expiresAt: new Date(Date.now() + SESSION_DAYS * 86400_000),
  });
  return token;
}

/** Ends a session. */
export async function deleteSession(tx: DbOrTx, token: string): Promise<void> {
  actorCache.delete(token);
  await tx.delete(sessions).where(eq(sessions.id, hashToken(token)));
}

/** Ends every session of a user (after a password change or reset). */
export async function deleteUserSessions(tx: DbOrTx, userId: number): Promise<void> {
  clearActorCache();
  await tx.delete(sessions).where(eq(sessions.userId, userId));
}

/** Removes expired sessions. */
export async function purgeExpiredSessions(db: Db): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}

const actorCache = new Map<string, { actor: Actor; expires: number }>();
const ACTOR_TTL_MS = 10_000;

/** Forgets every cached actor (after any change to accounts, roles, memberships or sessions). */
export function clearActorCache(): void {
  actorCache.clear();
}

/** Loads the actor of a session token (kept for a few seconds); anonymous if invalid. */
export async function loadActor(db: Db, token: string | undefined): Promise<Actor> {
  if (!token) return ANONYMOUS;
  const hit = actorCache.get(token);
  if (hit && hit.expires > Date.now()) return hit.actor;
  const actor = await loadActorFresh(db, token);
  if (actorCache.size > 10_000) actorCache.clear();
  actorCache.set(token, { actor, expires: Date.now() + ACTOR_TTL_MS });
  return actor;
}

async function loadActorFresh(db: Db, token: string): Promise<Actor> {
  const [row] = await db
    .select({
      ...pick(users, "id", "name", "isNetworkAdmin", "lang", "disabled"),
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, hashToken(token)), gt(sessions.expiresAt, new Date())));
  if (!row || row.disabled) return ANONYMOUS;
  return actorFor(db, row);
}

/** Builds the actor of a known user. */
export async function actorFor(
  db: DbOrTx,
  user: { id: number; name: string; isNetworkAdmin: boolean; lang: "th" | "en" },
): Promise<Actor> {
  const [grants, members] = await Promise.all([
    db.select().from(roleGrants).where(eq(roleGrants.userId, user.id)),
    db
      .select({ tambonId: tambonMembers.tambonId, status: tambonMembers.status })
      .from(tambonMembers)
      .where(eq(tambonMembers.userId, user.id)),
  ]);
  // Roles count only where the membership is active (or where a role was granted without one,
  // as to a network's staff): a removed member has none, and one who signed up and awaits
  // confirmation has none yet, so no policy can mistake them for a member.
  const notActive = new Set(members.filter((m) => m.status !== "active").map((m) => m.tambonId));
  const roles = new Map<number, Set<Role>>();
  for (const g of grants) {
    if (notActive.has(g.tambonId)) continue;
    let set = roles.get(g.tambonId);
    if (!set) roles.set(g.tambonId, (set = new Set()));
    set.add(g.role as Role);
  }
  return {
    user: { ...pick(user, "id", "name", "isNetworkAdmin", "lang") },
    roles,
    memberOf: new Set(members.filter((m) => m.status === "active").map((m) => m.tambonId)),
    pendingIn: new Set(members.filter((m) => m.status === "pending").map((m) => m.tambonId)),
  };
}
