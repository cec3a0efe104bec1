import { and, eq, gt, lt } from "drizzle-orm";
import type { Db, DbOrTx } from "../db/index.ts";
import { roleGrants, sessions, tambonMembers, users } from "../db/schema.ts";
import { ANONYMOUS, type Actor, type Role } from "../roles.ts";
import { hashToken, newToken } from "./tokens.ts";

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
  await tx.delete(sessions).where(eq(sessions.id, hashToken(token)));
}

/** Ends every session of a user (after a password change or reset). */
export async function deleteUserSessions(tx: DbOrTx, userId: number): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
}

/** Removes expired sessions. */
export async function purgeExpiredSessions(db: Db): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}

/** Loads the actor of a session token: the user, their roles and memberships; anonymous if invalid. */
export async function loadActor(db: Db, token: string | undefined): Promise<Actor> {
  if (!token) return ANONYMOUS;
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      isPlatformAdmin: users.isPlatformAdmin,
      lang: users.lang,
      disabled: users.disabled,
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
  user: { id: number; name: string; isPlatformAdmin: boolean; lang: "th" | "en" },
): Promise<Actor> {
  const [grants, members] = await Promise.all([
    db.select().from(roleGrants).where(eq(roleGrants.userId, user.id)),
    db
      .select({ tambonId: tambonMembers.tambonId, status: tambonMembers.status })
      .from(tambonMembers)
      .where(eq(tambonMembers.userId, user.id)),
  ]);
  const removed = new Set(members.filter((m) => m.status === "removed").map((m) => m.tambonId));
  const roles = new Map<number, Set<Role>>();
  for (const g of grants) {
    if (removed.has(g.tambonId)) continue;
    let set = roles.get(g.tambonId);
    if (!set) roles.set(g.tambonId, (set = new Set()));
    set.add(g.role as Role);
  }
  return {
    user: { id: user.id, name: user.name, isPlatformAdmin: user.isPlatformAdmin, lang: user.lang },
    roles,
    memberOf: new Set(members.filter((m) => m.status !== "removed").map((m) => m.tambonId)),
  };
}
