import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../../../core/db/index.ts";
import { tambonMembers, users } from "../../../core/db/schema.ts";
import { auditBy, auditedChange } from "../../../core/audit.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { affiliations, facilitatorReach, personProfiles, personRoles } from "../schema.ts";
import { isCommunityRole } from "./community.ts";
import { profileOf } from "./queries.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import { fail, missing, ok, refused, type Result } from "../../../core/result.ts";
import type { NetKey } from "../messages.ts";
import {
  idList,
  ownAreas,
  ownPartner,
  ownVillage,
  ownVillages,
  writeOwnRow,
} from "../shared/commands.ts";
import { parseId } from "../../../core/params.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** A member of the tambon (any status), or undefined. */
export async function memberOf(db: DbOrTx, tambonId: number, userId: number) {
  if (!Number.isInteger(userId) || userId < 1) return undefined;
  const [row] = await db
    .select({ id: users.id, name: users.name, villageId: tambonMembers.villageId })
    .from(tambonMembers)
    .innerJoin(users, eq(users.id, tambonMembers.userId))
    .where(tambonWhere(tambonMembers, tambonId, { userId }));
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
    const [current] = await tx.select().from(personProfiles).where(profileOf(userId, tambonId));
    const consentChanged = (current?.publicConsent ?? false) !== consent;
    const values = {
      tambonId,
      userId,
      ...pick(v, "titleTh", "titleEn", "bioTh", "bioEn"),
      publicConsent: consent,
      consentAt: consentChanged ? new Date() : (current?.consentAt ?? null),
      consentBy: consentChanged ? (actor.user?.id ?? null) : (current?.consentBy ?? null),
      updatedAt: new Date(),
    };
    const [row] = await writeOwnRow(tx, personProfiles, tambonId, current?.id, values);
    await auditBy(tx, actor, tambonId, {
      action: "person.profile",
      targetType: "user",
      targetId: userId,
      before: current ? { publicConsent: current.publicConsent, titleTh: current.titleTh } : null,
      after: { publicConsent: consent, titleTh: v.titleTh, self },
    });
    return { ok: true as const, value: { id: row!.id } };
  });
}

/** The tables of what a person has in the network record, one row each (a role, a membership). */
type PersonPart = typeof personRoles | typeof affiliations;

/** What an add command checked of its input: the row to insert and the audit summary. */
type PersonAddition<T extends PersonPart> = Result<
  { values: T["$inferInsert"]; after: Record<string, unknown> },
  NetKey | CoreKey
>;

/**
 * Adds one row to a person's record: the access rule, the person a member of the tambon, the
 * command's own checks of the input, then in one transaction the row and its audit entry.
 */
async function addToPerson<T extends PersonPart>(
  db: Db,
  actor: Actor,
  tambonId: number,
  userId: number,
  add: { table: T; action: string; check: () => Promise<PersonAddition<T>> },
): Promise<Result<{ id: number }, NetKey | CoreKey>> {
  if (!can(actor, "person.manage", { tambonId })) return refused();
  if (!(await memberOf(db, tambonId, userId))) return missing();
  const checked = await add.check();
  if (!checked.ok) return checked;
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(add.table as PersonPart)
      .values(checked.value.values as never)
      .returning({ id: add.table.id });
    await auditBy(tx, actor, tambonId, {
      action: add.action,
      targetType: "user",
      targetId: userId,
      after: checked.value.after,
    });
    return row!.id;
  });
  return ok({ id });
}

/** A command that adds to a person's record from a form. */
type PersonAdd = (
  db: Db,
  actor: Actor,
  tambonId: number,
  userId: number,
  input: Record<string, string>,
) => Promise<Result<{ id: number }, NetKey | CoreKey>>;

/** Adds a community role (religious leader, village headman …) to a person. */
export const addPersonRole: PersonAdd = (db, actor, tambonId, userId, input) =>
  addToPerson(db, actor, tambonId, userId, {
    table: personRoles,
    action: "person.role.add",
    check: async () => {
      if (!isCommunityRole(input.role)) return fail("role", "err.choice");
      const role = input.role;
      const villageId = input.villageId ? (parseId(input.villageId) ?? 0) : null;
      if (villageId !== null && !(await ownVillage(db, tambonId, villageId)))
        return fail("villageId", "err.choice");
      const note = (input.note ?? "").trim().slice(0, 300);
      return ok({
        values: { tambonId, userId, role, villageId, note },
        after: { role, villageId },
      });
    },
  });

/** Records that a person is a member of a partner organisation, with their position. */
export const addAffiliation: PersonAdd = (db, actor, tambonId, userId, input) =>
  addToPerson(db, actor, tambonId, userId, {
    table: affiliations,
    action: "person.affiliation.add",
    check: async () => {
      const partner = await ownPartner(db, tambonId, parseId(input.partnerId) ?? 0);
      if (!partner) return fail("partnerId", "err.choice");
      const [dup] = await db
        .select({ id: affiliations.id })
        .from(affiliations)
        .where(and(eq(affiliations.partnerId, partner.id), eq(affiliations.userId, userId)));
      if (dup) return fail("partnerId", "err.affiliationExists");
      const positionTh = (input.positionTh ?? "").trim().slice(0, 200);
      const positionEn = (input.positionEn ?? "").trim().slice(0, 200);
      return ok({
        values: { tambonId, userId, partnerId: partner.id, positionTh, positionEn },
        after: { partnerId: partner.id, positionTh },
      });
    },
  });

/**
 * Removes one row of a person's record (of this person and tambon) with its audit entry, whose
 * "before" keeps the named column.
 */
function removeFromPerson<T extends PersonPart>(
  db: Db,
  actor: Actor,
  tambonId: number,
  userId: number,
  table: T,
  rowId: number,
  remove: { action: string; keep: "role" | "partnerId" },
) {
  const t = table as PersonPart;
  return auditedChange(
    db,
    actor,
    tambonId,
    "person.manage",
    async (tx) =>
      (
        await tx
          .delete(t)
          .where(tambonWhere(t, tambonId, { id: rowId, userId }))
          .returning()
      )[0] as Record<string, unknown> | undefined,
    (row) => ({
      action: remove.action,
      targetType: "user",
      targetId: userId,
      before: { [remove.keep]: row[remove.keep] },
    }),
  );
}

/** Removes a community role of a person. */
export const removePersonRole = (
  db: Db,
  actor: Actor,
  tambonId: number,
  userId: number,
  id: number,
) =>
  removeFromPerson(db, actor, tambonId, userId, personRoles, id, {
    action: "person.role.remove",
    keep: "role",
  });

/** Removes a person's membership of a partner organisation. */
export const removeAffiliation: typeof removePersonRole = (db, actor, tambonId, userId, id) =>
  removeFromPerson(db, actor, tambonId, userId, affiliations, id, {
    action: "person.affiliation.remove",
    keep: "partnerId",
  });

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
    await tx.delete(facilitatorReach).where(tambonWhere(facilitatorReach, tambonId, { userId }));
    const rows = [
      ...villageIds.map((villageId) => ({ tambonId, userId, villageId, areaId: null })),
      ...areaIds.map((areaId) => ({ tambonId, userId, villageId: null, areaId })),
    ];
    if (rows.length) await tx.insert(facilitatorReach).values(rows);
    await auditBy(tx, actor, tambonId, {
      action: "person.reach",
      targetType: "user",
      targetId: userId,
      after: { villages: villageIds, areas: areaIds },
    });
  });
  return { ok: true, value: { villages: villageIds.length, areas: areaIds.length } };
}
