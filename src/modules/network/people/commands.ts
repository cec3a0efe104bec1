import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../../../core/db/index.ts";
import { tambonMembers, users } from "../../../core/db/schema.ts";
import { audit, auditedChange } from "../../../core/audit.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { affiliations, facilitatorReach, personProfiles, personRoles } from "../schema.ts";
import { isCommunityRole } from "./community.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import { fail, missing, refused, type Result } from "../../../core/result.ts";
import type { NetKey } from "../messages.ts";
import { idList, ownAreas, ownPartner, ownVillage, ownVillages } from "../shared/commands.ts";
import { parseId } from "../../../core/params.ts";

/** A member of the tambon (any status), or undefined. */
export async function memberOf(db: DbOrTx, tambonId: number, userId: number) {
  if (!Number.isInteger(userId) || userId < 1) return undefined;
  const [row] = await db
    .select({ id: users.id, name: users.name, villageId: tambonMembers.villageId })
    .from(tambonMembers)
    .innerJoin(users, eq(users.id, tambonMembers.userId))
    .where(and(eq(tambonMembers.tambonId, tambonId), eq(tambonMembers.userId, userId)));
  return row;
}

const profileSchema = z.object({
  titleTh: fields.optionalText(200),
  titleEn: fields.optionalText(200),
  bioTh: fields.optionalText(3000),
  bioEn: fields.optionalText(3000),
});

/**
 * Saves what the network shows of a person and whether they agreed to be shown publicly. Staff
 * record a consent given on paper; a person may change their own at any time.
 */
export async function saveProfile(
  db: Db,
  actor: Actor,
  tambonId: number,
  userId: number,
  input: Record<string, string>,
): Promise<Result<{ id: number }, NetKey | CoreKey>> {
  const self = actor.user?.id === userId;
  const allowed =
    can(actor, "person.manage", { tambonId }) ||
    (self && can(actor, "person.self", { tambonId, ownerId: userId }));
  if (!allowed) return refused();
  if (!(await memberOf(db, tambonId, userId))) return missing();
  const parsed = parseForm(profileSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const consent = input.publicConsent === "1";
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(personProfiles)
      .where(and(eq(personProfiles.tambonId, tambonId), eq(personProfiles.userId, userId)));
    const consentChanged = (current?.publicConsent ?? false) !== consent;
    const values = {
      tambonId,
      userId,
      titleTh: v.titleTh,
      titleEn: v.titleEn,
      bioTh: v.bioTh,
      bioEn: v.bioEn,
      publicConsent: consent,
      consentAt: consentChanged ? new Date() : (current?.consentAt ?? null),
      consentBy: consentChanged ? (actor.user?.id ?? null) : (current?.consentBy ?? null),
      updatedAt: new Date(),
    };
    const [row] = current
      ? await tx
          .update(personProfiles)
          .set(values)
          .where(and(eq(personProfiles.id, current.id), eq(personProfiles.tambonId, tambonId)))
          .returning({ id: personProfiles.id })
      : await tx.insert(personProfiles).values(values).returning({ id: personProfiles.id });
    await audit(tx, {
      tambonId,
      actorId: actor.user?.id ?? null,
      action: "person.profile",
      targetType: "user",
      targetId: userId,
      before: current ? { publicConsent: current.publicConsent, titleTh: current.titleTh } : null,
      after: { publicConsent: consent, titleTh: v.titleTh, self },
    });
    return { ok: true as const, value: { id: row!.id } };
  });
}

/** Adds a community role (religious leader, village headman …) to a person. */
export async function addPersonRole(
  db: Db,
  actor: Actor,
  tambonId: number,
  userId: number,
  input: Record<string, string>,
): Promise<Result<{ id: number }, NetKey | CoreKey>> {
  if (!can(actor, "person.manage", { tambonId })) return refused();
  if (!(await memberOf(db, tambonId, userId))) return missing();
  if (!isCommunityRole(input.role)) return fail("role", "err.choice");
  const role = input.role;
  const villageId = input.villageId ? (parseId(input.villageId) ?? 0) : null;
  if (villageId !== null && !(await ownVillage(db, tambonId, villageId)))
    return fail("villageId", "err.choice");
  const note = (input.note ?? "").trim().slice(0, 300);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(personRoles)
      .values({ tambonId, userId, role, villageId, note })
      .returning({ id: personRoles.id });
    await audit(tx, {
      tambonId,
      actorId: actor.user?.id ?? null,
      action: "person.role.add",
      targetType: "user",
      targetId: userId,
      after: { role, villageId },
    });
    return row!.id;
  });
  return { ok: true, value: { id } };
}

/** Removes a community role of a person. */
export function removePersonRole(
  db: Db,
  actor: Actor,
  tambonId: number,
  userId: number,
  roleId: number,
) {
  return auditedChange(
    db,
    actor,
    tambonId,
    "person.manage",
    async (tx) =>
      (
        await tx
          .delete(personRoles)
          .where(
            and(
              eq(personRoles.id, roleId),
              eq(personRoles.userId, userId),
              eq(personRoles.tambonId, tambonId),
            ),
          )
          .returning({ role: personRoles.role })
      )[0],
    (row) => ({
      action: "person.role.remove",
      targetType: "user",
      targetId: userId,
      before: { role: row.role },
    }),
  );
}

/** Records that a person is a member of a partner organisation, with their position. */
export async function addAffiliation(
  db: Db,
  actor: Actor,
  tambonId: number,
  userId: number,
  input: Record<string, string>,
): Promise<Result<{ id: number }, NetKey | CoreKey>> {
  if (!can(actor, "person.manage", { tambonId })) return refused();
  if (!(await memberOf(db, tambonId, userId))) return missing();
  const partner = await ownPartner(db, tambonId, parseId(input.partnerId) ?? 0);
  if (!partner) return fail("partnerId", "err.choice");
  const [dup] = await db
    .select({ id: affiliations.id })
    .from(affiliations)
    .where(and(eq(affiliations.partnerId, partner.id), eq(affiliations.userId, userId)));
  if (dup) return fail("partnerId", "err.affiliationExists");
  const positionTh = (input.positionTh ?? "").trim().slice(0, 200);
  const positionEn = (input.positionEn ?? "").trim().slice(0, 200);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(affiliations)
      .values({ tambonId, userId, partnerId: partner.id, positionTh, positionEn })
      .returning({ id: affiliations.id });
    await audit(tx, {
      tambonId,
      actorId: actor.user?.id ?? null,
      action: "person.affiliation.add",
      targetType: "user",
      targetId: userId,
      after: { partnerId: partner.id, positionTh },
    });
    return row!.id;
  });
  return { ok: true, value: { id } };
}

/** Removes a person's membership of a partner organisation. */
export function removeAffiliation(
  db: Db,
  actor: Actor,
  tambonId: number,
  userId: number,
  affiliationId: number,
) {
  return auditedChange(
    db,
    actor,
    tambonId,
    "person.manage",
    async (tx) =>
      (
        await tx
          .delete(affiliations)
          .where(
            and(
              eq(affiliations.id, affiliationId),
              eq(affiliations.userId, userId),
              eq(affiliations.tambonId, tambonId),
            ),
          )
          .returning({ partnerId: affiliations.partnerId })
      )[0],
    (row) => ({
      action: "person.affiliation.remove",
      targetType: "user",
      targetId: userId,
      before: { partnerId: row.partnerId },
    }),
  );
}

/** Replaces the villages and issue areas a facilitator connects. */
export async function setFacilitatorReach(
  db: Db,
  actor: Actor,
  tambonId: number,
  userId: number,
  villageValues: string[],
  areaValues: string[],
): Promise<Result<{ villages: number; areas: number }, NetKey | CoreKey>> {
  if (!can(actor, "person.manage", { tambonId })) return refused();
  if (!(await memberOf(db, tambonId, userId))) return missing();
  const villageIds = await ownVillages(db, tambonId, idList(villageValues));
  const areaIds = await ownAreas(db, tambonId, idList(areaValues));
  await db.transaction(async (tx) => {
    await tx
      .delete(facilitatorReach)
      .where(and(eq(facilitatorReach.tambonId, tambonId), eq(facilitatorReach.userId, userId)));
    const rows = [
      ...villageIds.map((villageId) => ({ tambonId, userId, villageId, areaId: null })),
      ...areaIds.map((areaId) => ({ tambonId, userId, villageId: null, areaId })),
    ];
    if (rows.length) await tx.insert(facilitatorReach).values(rows);
    await audit(tx, {
      tambonId,
      actorId: actor.user?.id ?? null,
      action: "person.reach",
      targetType: "user",
      targetId: userId,
      after: { villages: villageIds, areas: areaIds },
    });
  });
  return { ok: true, value: { villages: villageIds.length, areas: areaIds.length } };
}
