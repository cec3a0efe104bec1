import { isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../../../core/db/index.ts";
import { auditBy } from "../../../core/audit.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { getArea } from "../../areas/public.ts";
import { groupMemberships, workGroups } from "../schema.ts";
import { GROUP_KINDS, overlaps, POSITIONS } from "./group.ts";
import { nameKey } from "../meetings/meeting.ts";
import { findMemberByName, villageOfTambon } from "../shared/queries.ts";
import { recordFormCommand } from "../shared/commands.ts";
import { type GroupRow, type MembershipRow } from "./queries.ts";
import { fail, missing, refused, type Result } from "../../../core/result.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import type { GroupsKey } from "../messages.ts";
import { tambonWhere, tambonRows } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** Who a membership or nomination is: the linked account, or the name when there is none. */
export interface PersonKey {
  userId: number | null;
  name: string;
}

/** True when two records name the same person (same account, or same name and no account). */
export function samePerson(a: PersonKey, b: PersonKey): boolean {
  if (a.userId !== null || b.userId !== null) return a.userId === b.userId;
  return nameKey(a.name) === nameKey(b.name);
}

/** Locks a group's row so that concurrent membership changes are applied one after another. */
export async function lockGroup(
  tx: DbOrTx,
  tambonId: number,
  groupId: number,
): Promise<GroupRow | null> {
  const [group] = await tx
    .select()
    .from(workGroups)
    .where(tambonWhere(workGroups, tambonId, { id: groupId }))
    .for("update");
  return group ?? null;
}

/** The periods of a group, to check a person's new or changed period against. */
export async function groupPeriods(
  tx: DbOrTx,
  tambonId: number,
  groupId: number,
): Promise<MembershipRow[]> {
  return tambonRows(tx, groupMemberships, tambonId, { groupId });
}

const groupSchema = z.object({
  kind: fields.choice(GROUP_KINDS),
  nameTh: fields.text(200),
  nameEn: fields.optionalText(200),
  purposeTh: fields.optionalText(4000),
  purposeEn: fields.optionalText(4000),
  areaId: fields.optionalInt(1, 2 ** 31 - 1),
  formedOn: fields.optionalDate(),
  dissolvedOn: fields.optionalDate(),
});

/** Forms a group or edits it: validate → authorize → write + audit. One central group per tambon. */
export async function saveGroup(
  db: Db,
  actor: Actor,
  tambonId: number,
  body: Record<string, string>,
  today: string,
  groupId?: number,
): Promise<Result<GroupRow, GroupsKey | CoreKey>> {
  if (!can(actor, "group.manage", { tambonId })) return refused();
  const parsed = parseForm(groupSchema, body);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const formedOn = v.formedOn ?? today;
  if (v.dissolvedOn && v.dissolvedOn < formedOn) return fail("dissolvedOn", "err.endBeforeStart");
  if (v.areaId && !(await getArea(db, tambonId, v.areaId))) return fail("areaId", "err.area");
  return db.transaction(async (tx) => {
    const [current] = groupId ? await tambonRows(tx, workGroups, tambonId, { id: groupId }) : [];
    if (groupId && !current) return missing();
    if (v.kind === "central" && !v.dissolvedOn) {
      const [other] = await tx
        .select({ id: workGroups.id })
        .from(workGroups)
        .where(
          tambonWhere(
            workGroups,
            tambonId,
            { kind: "central" },
            isNull(workGroups.dissolvedOn),
            groupId ? ne(workGroups.id, groupId) : sql`true`,
          ),
        );
      if (other) return fail("kind", "err.centralExists");
    }
    const values = {
      tambonId,
      ...pick(v, "kind", "nameTh", "nameEn", "purposeTh", "purposeEn", "areaId"),
      formedOn,
      dissolvedOn: v.dissolvedOn,
    };
    const [row] = current
      ? await tx
          .update(workGroups)
          .set(values)
          .where(tambonWhere(workGroups, tambonId, { id: current.id }))
          .returning()
      : await tx.insert(workGroups).values(values).returning();
    await auditBy(tx, actor, tambonId, {
      action: current ? "group.update" : "group.create",
      targetType: "work_group",
      targetId: row!.id,
      before: current ? { ...pick(current, "nameTh", "kind", "dissolvedOn") } : null,
      after: {
        nameTh: row!.nameTh,
        kind: row!.kind,
        formedOn: row!.formedOn,
        dissolvedOn: row!.dissolvedOn,
      },
    });
    return { ok: true as const, value: row! };
  });
}

const memberSchema = z.object({
  name: fields.text(200),
  villageId: fields.optionalInt(1, 2 ** 31 - 1),
  pillar: fields.optionalText(200),
  position: fields.optionalChoice(POSITIONS, "member"),
  task: fields.optionalText(500),
  startOn: fields.optionalDate(),
  endOn: fields.optionalDate(),
  joinReason: fields.optionalText(500),
});

/**
 * Adds a person to a group for a period (e.g. for one task); the name is linked to the tambon
 * member of that name when there is exactly one. A person cannot hold two overlapping periods.
 */
export async function addMember(
  db: Db,
  actor: Actor,
  tambonId: number,
  groupId: number,
  body: Record<string, string>,
  today: string,
): Promise<Result<MembershipRow, GroupsKey | CoreKey>> {
  if (!can(actor, "group.manage", { tambonId })) return refused();
  const parsed = parseForm(memberSchema, body);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const position = v.position;
  const startOn = v.startOn ?? today;
  if (v.endOn && v.endOn < startOn) return fail("endOn", "err.endBeforeStart");
  return db.transaction(async (tx) => {
    const group = await lockGroup(tx, tambonId, groupId);
    if (!group) return missing();
    if (!(await villageOfTambon(tx, tambonId, v.villageId)))
      return fail("villageId", "err.noVillage");
    const match = await findMemberByName(tx, tambonId, nameKey(v.name), v.villageId);
    const person = { userId: match?.userId ?? null, name: v.name };
    const same = (await groupPeriods(tx, tambonId, groupId)).filter((h) => samePerson(h, person));
    if (same.some((h) => overlaps(h, { startOn, endOn: v.endOn })))
      return fail("startOn", "err.overlap");
    const [row] = await tx
      .insert(groupMemberships)
      .values({
        tambonId,
        groupId,
        userId: match?.userId ?? null,
        name: v.name,
        villageId: v.villageId ?? match?.villageId ?? null,
        pillar: v.pillar,
        position,
        task: v.task,
        startOn,
        endOn: v.endOn,
        joinReason: v.joinReason,
      })
      .returning();
    await auditBy(tx, actor, tambonId, {
      action: "group.member.add",
      targetType: "work_group",
      targetId: groupId,
      after: {
        membershipId: row!.id,
        name: row!.name,
        userId: row!.userId,
        position,
        startOn,
        endOn: v.endOn,
        task: v.task,
      },
    });
    return { ok: true as const, value: row! };
  });
}

const endSchema = z.object({
  endOn: fields.optionalDate(),
  leaveReason: fields.optionalText(500),
});

/**
 * Records that a member left (last day and reason); the period stays in the history. A period
 * that has already ended is not ended again, and the new last day may not make the period overlap
 * another period of the same person.
 */
export const endMembership = recordFormCommand(
  "group.manage",
  groupMemberships,
  endSchema,
  async (tx, { actor, tambonId }, m, v, today) => {
    const endOn = v.endOn ?? today;
    await lockGroup(tx, tambonId, m.groupId);
    if (m.endOn !== null && m.endOn < today) return fail("endOn", "err.alreadyEnded");
    if (endOn < m.startOn) return fail("endOn", "err.endBeforeStart");
    const others = (await groupPeriods(tx, tambonId, m.groupId)).filter(
      (h) => h.id !== m.id && samePerson(h, m),
    );
    if (others.some((h) => overlaps(h, { startOn: m.startOn, endOn })))
      return fail("endOn", "err.overlap");
    const [row] = await tx
      .update(groupMemberships)
      .set({ endOn, leaveReason: v.leaveReason })
      .where(tambonWhere(groupMemberships, tambonId, { id: m.id }))
      .returning();
    await auditBy(tx, actor, tambonId, {
      action: "group.member.end",
      targetType: "work_group",
      targetId: m.groupId,
      before: { membershipId: m.id, endOn: m.endOn },
      after: { membershipId: m.id, endOn, leaveReason: v.leaveReason },
    });
    return { ok: true as const, value: row! };
  },
);
