import { and, eq, isNull, gt, ne, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../db/index.ts";
import { passwordResets, roleGrants, tambonMembers, users, villages } from "../db/schema.ts";
import { audit, auditBy } from "../audit.ts";
import { hashPassword, needsRehash, passwordProblem, verifyPassword } from "../auth/password.ts";
import { hashToken, newToken } from "../auth/tokens.ts";
import { createSession, deleteSession, deleteUserSessions } from "../auth/session.ts";
import { fields, isEmail, isPhone, normalisePhone, parseForm } from "../forms.ts";
import { parseId } from "../params.ts";
import { fail, ok, type FieldError, type Result } from "../result.ts";
import { can } from "../policy.ts";
import { HttpError } from "../errors.ts";
import { ROLES, isRole, type Actor, type Role } from "../roles.ts";
import { tambonWhere, tambonRows } from "../db/tambon-row.ts";
import { pick } from "../pick.ts";

/** A user looked up for login. */
export type UserRow = typeof users.$inferSelect;

/** Finds an account by phone, e-mail or username (as typed on the login form). */
export async function findUserByIdentifier(
  db: DbOrTx,
  identifier: string,
): Promise<UserRow | undefined> {
  const id = identifier.trim();
  if (!id) return undefined;
  const phone = normalisePhone(id);
  const [row] = await db
    .select()
    .from(users)
    .where(
      or(
        eq(users.username, id.toLowerCase()),
        sql`lower(${users.email}) = ${id.toLowerCase()}`,
        phone && isPhone(phone) ? eq(users.phone, phone) : sql`false`,
      ),
    )
    .limit(1);
  return row;
}

// A fixed hash so that unknown accounts cost the same time as wrong passwords.
let dummyHash: Promise<string> | null = null;

/** Checks a login; on success opens a session, audits it and returns the cookie token. */
export async function logIn(
  db: Db,
  identifier: string,
  password: string,
  userAgent: string,
): Promise<{ token: string; user: UserRow } | null> {
  const user = await findUserByIdentifier(db, identifier);
  if (!user || user.disabled || !user.passwordHash) {
    dummyHash ??= hashPassword("not-a-password");
    await verifyPassword(password, await dummyHash);
    return null;
  }
  const stored = user.passwordHash;
  if (!(await verifyPassword(password, stored))) return null;
  // A hash made with weaker parameters than today's is replaced now that the password is known.
  const rehashed = needsRehash(stored) ? await hashPassword(password) : null;
  const token = await db.transaction(async (tx) => {
    if (rehashed)
      await tx
        .update(users)
        .set({ passwordHash: rehashed })
        .where(and(eq(users.id, user.id), eq(users.passwordHash, stored)));
    const t = await createSession(tx, user.id, userAgent);
    await audit(tx, {
      tambonId: null,
      actorId: user.id,
      action: "session.login",
      targetType: "user",
      targetId: user.id,
    });
    return t;
  });
  return { token, user };
}

/** Ends a session, audited when it was a signed-in person's (without a tambon, like logins). */
export async function logOut(db: Db, token: string, userId: number | null): Promise<void> {
  await db.transaction(async (tx) => {
    await deleteSession(tx, token);
    if (userId !== null)
      await audit(tx, {
        tambonId: null,
        actorId: userId,
        action: "session.logout",
        targetType: "user",
        targetId: userId,
      });
  });
}

const signUpSchema = z.object({
  name: fields.text(120),
  phone: fields.optionalText(20),
  email: fields.optionalText(200),
  village: fields.text(12),
  password: z.string().max(200),
  password2: z.string().max(200),
  consent: z.string().optional(),
});

/** Input of signUp, straight from the form. */
export type SignUpInput = Record<string, string>;

async function contactErrors(
  db: DbOrTx,
  phoneRaw: string,
  emailRaw: string,
  exceptUserId?: number,
) {
  const errors: Record<string, FieldError> = {};
  const phone = normalisePhone(phoneRaw);
  const email = emailRaw.trim() || null;
  if (phone && !isPhone(phone)) errors.phone = { key: "err.phone" };
  if (email && !isEmail(email)) errors.email = { key: "err.email" };
  if (phone && !errors.phone) {
    const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.phone, phone));
    if (taken && taken.id !== exceptUserId) errors.phone = { key: "err.phoneTaken" };
  }
  if (email && !errors.email) {
    const [taken] = await db
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
    if (taken && taken.id !== exceptUserId) errors.email = { key: "err.emailTaken" };
  }
  return { errors, phone, email };
}

/** Signs a person up as a (not yet confirmed) member of a tambon; returns the new user id. */
export async function signUp(
  db: Db,
  tambonId: number,
  input: SignUpInput,
): Promise<Result<number>> {
  const parsed = parseForm(signUpSchema, input);
  const errors: Record<string, FieldError> = parsed.ok ? {} : { ...parsed.errors };
  const {
    errors: cErrors,
    phone,
    email,
  } = await contactErrors(db, input.phone ?? "", input.email ?? "");
  Object.assign(errors, cErrors);
  if (!phone && !email && !errors.phone && !errors.email)
    errors.phone = { key: "err.contactNeeded" };
  const villageId = parseId(input.village);
  const [village] =
    villageId !== null
      ? await db
          .select({ id: villages.id })
          .from(villages)
          .where(tambonWhere(villages, tambonId, { id: villageId }))
      : [];
  if (!village) errors.village = { key: "err.village" };
  const pw = input.password ?? "";
  const problem = passwordProblem(pw);
  if (problem) errors.password = { key: problem };
  else if (pw !== (input.password2 ?? "")) errors.password2 = { key: "err.passwordMismatch" };
  if (!input.consent) errors.consent = { key: "err.consent" };
  if (!parsed.ok || Object.keys(errors).length) return { ok: false, errors };
  const passwordHash = await hashPassword(pw);
  const id = await db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ name: parsed.value.name, phone, email, passwordHash })
      .returning({ id: users.id });
    const userId = user!.id;
    await tx
      .insert(tambonMembers)
      .values({ tambonId, userId, villageId: village!.id, status: "pending" });
    await tx.insert(roleGrants).values({ tambonId, userId, role: "member", grantedBy: userId });
    await audit(tx, {
      tambonId,
      actorId: userId,
      action: "user.signup",
      targetType: "user",
      targetId: userId,
      after: { name: parsed.value.name, phone, email, villageId: village!.id, roles: ["member"] },
    });
    return userId;
  });
  return ok(id);
}

/** Changes one's own password after checking the current one; ends the other sessions. */
export async function changePassword(
  db: Db,
  userId: number,
  current: string,
  next: string,
  next2: string,
  userAgent: string,
): Promise<Result<string>> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) return fail("current", "error.404");
  if (!(await verifyPassword(current, user.passwordHash)))
    return fail("current", "account.wrongPassword");
  const problem = passwordProblem(next);
  if (problem) return fail("password", problem);
  if (next !== next2) return fail("password2", "err.passwordMismatch");
  const passwordHash = await hashPassword(next);
  const token = await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await deleteUserSessions(tx, userId);
    await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
    const t = await createSession(tx, userId, userAgent);
    await audit(tx, {
      tambonId: null,
      actorId: userId,
      action: "user.password_change",
      targetType: "user",
      targetId: userId,
    });
    return t;
  });
  return ok(token);
}

/**
 * Why the actor may not make a reset link for this person, or null when they may. A link lets
 * whoever holds it sign in as the person, so it is never made for a network administrator or for
 * someone who also takes part in another tambon (only a network administrator may), and people
 * who only create accounts (facilitators) make links only for plain members.
 */
export function resetRefusal(
  actor: Actor,
  managesPeople: boolean,
  target: { isNetworkAdmin: boolean; inOtherTambons: boolean; roles: string[] },
): "people.resetRefusedAdmin" | "people.resetRefusedElsewhere" | "people.resetRefusedRole" | null {
  if (actor.user?.isNetworkAdmin) return null;
  if (target.isNetworkAdmin) return "people.resetRefusedAdmin";
  if (target.inOtherTambons) return "people.resetRefusedElsewhere";
  if (!managesPeople && target.roles.some((r) => r !== "member")) return "people.resetRefusedRole";
  return null;
}

/** Keeps the hash of a set-password link a member of staff made for someone: valid for 7 days. */
export async function storeResetLink(
  tx: DbOrTx,
  token: string,
  userId: number,
  tambonId: number,
  actor: Actor,
): Promise<void> {
  await tx.insert(passwordResets).values({
    id: hashToken(token),
    userId,
    tambonId,
    createdBy: actor.user?.id ?? null,
    expiresAt: new Date(Date.now() + 7 * 86400_000),
  });
}

/** Makes a one-time password link token for a person of the tambon (valid 7 days). */
export async function issueResetToken(
  db: Db,
  actor: Actor,
  tambonId: number,
  userId: number,
): Promise<string | null> {
  const manages = can(actor, "people.manage", { tambonId });
  if (!manages && !can(actor, "account.create", { tambonId })) return null;
  const member = await membershipOf(db, tambonId, userId);
  if (!member) return null;
  const [target] = await db
    .select({ isNetworkAdmin: users.isNetworkAdmin })
    .from(users)
    .where(eq(users.id, userId));
  const otherMemberships = await db
    .select({ tambonId: tambonMembers.tambonId })
    .from(tambonMembers)
    .where(and(eq(tambonMembers.userId, userId), ne(tambonMembers.tambonId, tambonId)));
  const otherGrants = await db
    .select({ tambonId: roleGrants.tambonId, role: roleGrants.role })
    .from(roleGrants)
    .where(eq(roleGrants.userId, userId));
  const refusal = resetRefusal(actor, manages, {
    isNetworkAdmin: !!target?.isNetworkAdmin,
    inOtherTambons: otherMemberships.length > 0 || otherGrants.some((g) => g.tambonId !== tambonId),
    roles: otherGrants.filter((g) => g.tambonId === tambonId).map((g) => g.role),
  });
  if (refusal) throw new HttpError(403, refusal);
  const token = newToken();
  await db.transaction(async (tx) => {
    await storeResetLink(tx, token, userId, tambonId, actor);
    await auditBy(tx, actor, tambonId, {
      action: "user.reset_link",
      targetType: "user",
      targetId: userId,
    });
  });
  return token;
}

/** The user a reset token is for, when it is unused and not expired. */
export async function resetTokenUser(
  db: DbOrTx,
  token: string,
): Promise<{ userId: number; tambonId: number | null } | null> {
  const [row] = await db
    .select()
    .from(passwordResets)
    .where(
      and(
        eq(passwordResets.id, hashToken(token)),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, new Date()),
      ),
    );
  return row ? { userId: row.userId, tambonId: row.tambonId } : null;
}

/** Sets a new password through a reset token (used once); ends the user's sessions. */
export async function resetPassword(
  db: Db,
  token: string,
  password: string,
  password2: string,
): Promise<Result<number>> {
  const target = await resetTokenUser(db, token);
  if (!target) return fail("password", "reset.invalid");
  const problem = passwordProblem(password);
  if (problem) return fail("password", problem);
  if (password !== password2) return fail("password2", "err.passwordMismatch");
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const used = await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResets.id, hashToken(token)), isNull(passwordResets.usedAt)))
      .returning({ id: passwordResets.id });
    if (!used.length) throw new Error("reset token used concurrently");
    await tx.update(users).set({ passwordHash }).where(eq(users.id, target.userId));
    await deleteUserSessions(tx, target.userId);
    await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResets.userId, target.userId), isNull(passwordResets.usedAt)));
    await audit(tx, {
      tambonId: target.tambonId,
      actorId: target.userId,
      action: "user.password_reset",
      targetType: "user",
      targetId: target.userId,
    });
  });
  return ok(target.userId);
}

const createSchema = z.object({ name: fields.text(120), village: fields.optionalText(12) });

/** Creates an account (no e-mail or phone needed) for a person of the tambon; returns username and a password link token. */
export async function createAccountForPerson(
  db: Db,
  actor: Actor,
  tambonId: number,
  input: Record<string, string>,
): Promise<Result<{ userId: number; username: string; token: string }>> {
  if (!can(actor, "account.create", { tambonId })) return fail("_form", "error.403");
  const parsed = parseForm(createSchema, input);
  if (!parsed.ok) return parsed;
  const { errors, phone, email } = await contactErrors(db, input.phone ?? "", input.email ?? "");
  if (Object.keys(errors).length) return { ok: false, errors };
  let villageId: number | null = null;
  if (parsed.value.village) {
    const id = parseId(parsed.value.village);
    const [v] =
      id === null
        ? []
        : await db
            .select({ id: villages.id })
            .from(villages)
            .where(tambonWhere(villages, tambonId, { id }));
    if (!v) return fail("village", "err.village");
    villageId = v.id;
  }
  const token = newToken();
  const result = await db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ name: parsed.value.name, phone, email })
      .returning({ id: users.id });
    const userId = user!.id;
    const username = `u${tambonId}-${userId}`;
    await tx.update(users).set({ username }).where(eq(users.id, userId));
    await tx
      .insert(tambonMembers)
      .values({ tambonId, userId, villageId, status: "active", verifiedAt: new Date() });
    await tx
      .insert(roleGrants)
      .values({ tambonId, userId, role: "member", grantedBy: actor.user?.id ?? null });
    await storeResetLink(tx, token, userId, tambonId, actor);
    await auditBy(tx, actor, tambonId, {
      action: "user.create",
      targetType: "user",
      targetId: userId,
      after: { name: parsed.value.name, username, phone, email, villageId, roles: ["member"] },
    });
    return { userId, username, token };
  });
  return ok(result);
}

/** Replaces a person's roles in a tambon (audited with before and after). */
export async function setRoles(
  db: Db,
  actor: Actor,
  tambonId: number,
  userId: number,
  roles: string[],
): Promise<Result<Role[]>> {
  if (!can(actor, "people.manage", { tambonId })) return fail("_form", "error.403");
  if (!roles.every(isRole)) return fail("roles", "err.role");
  const wanted = ROLES.filter((r) => roles.includes(r));
  return db.transaction(async (tx) => {
    const member = await membershipOf(tx, tambonId, userId);
    if (!member) return fail("_form", "error.404");
    const before = (
      await tx
        .select({ role: roleGrants.role })
        .from(roleGrants)
        .where(tambonWhere(roleGrants, tambonId, { userId }))
    ).map((r) => r.role);
    await tx.delete(roleGrants).where(tambonWhere(roleGrants, tambonId, { userId }));
    if (wanted.length) {
      await tx
        .insert(roleGrants)
        .values(
          wanted.map((role) => ({ tambonId, userId, role, grantedBy: actor.user?.id ?? null })),
        );
    }
    await auditBy(tx, actor, tambonId, {
      action: "user.roles",
      targetType: "user",
      targetId: userId,
      before: { roles: before.sort() },
      after: { roles: [...wanted].sort() },
    });
    return ok(wanted);
  });
}

/** Sets a member's status (confirm, remove, reinstate) and village. */
export async function setMemberStatus(
  db: Db,
  actor: Actor,
  tambonId: number,
  userId: number,
  status: "active" | "removed",
): Promise<Result<true>> {
  const action = status === "active" ? "member.verify" : "people.manage";
  if (!can(actor, action, { tambonId })) return fail("_form", "error.403");
  return db.transaction(async (tx) => {
    const member = await membershipOf(tx, tambonId, userId);
    if (!member) return fail("_form", "error.404");
    await tx
      .update(tambonMembers)
      .set({
        status,
        verifiedAt: status === "active" ? (member.verifiedAt ?? new Date()) : member.verifiedAt,
      })
      .where(tambonWhere(tambonMembers, tambonId, { userId }));
    await auditBy(tx, actor, tambonId, {
      action: status === "active" ? "member.activate" : "member.remove",
      targetType: "user",
      targetId: userId,
      before: { status: member.status },
      after: { status },
    });
    return ok(true as const);
  });
}

/** A person's membership of a tambon, or undefined. */
async function membershipOf(db: DbOrTx, tambonId: number, userId: number) {
  const [member] = await tambonRows(db, tambonMembers, tambonId, { userId });
  return member;
}

/**
 * Makes a network administrator's account, audited as the system's own doing: the command line's
 * create-admin and the demo's administrator. Answers the new account's id.
 */
export async function insertNetworkAdmin(
  tx: DbOrTx,
  account: Pick<typeof users.$inferInsert, "name" | "username" | "phone" | "email" | "isDemo"> & {
    passwordHash: string;
  },
  after: Record<string, unknown>,
): Promise<number> {
  const [u] = await tx
    .insert(users)
    .values({
      ...pick(account, "name", "username", "phone", "email", "passwordHash", "isDemo"),
      isNetworkAdmin: true,
    })
    .returning({ id: users.id });
  await audit(tx, {
    tambonId: null,
    actorId: null,
    action: "user.create",
    targetType: "user",
    targetId: u!.id,
    after,
  });
  return u!.id;
}
