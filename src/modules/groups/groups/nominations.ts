import { z } from "zod";
import type { Db } from "../../../core/db/index.ts";
import { auditBy } from "../../../core/audit.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { nominations, workGroups } from "../schema.ts";
import { POSITIONS } from "./group.ts";
import { nameKey } from "../meetings/meeting.ts";
import { findMemberByName } from "../shared/queries.ts";
import { type NominationRow } from "../resolutions/queries.ts";
import { fail, refused, type Result } from "../../../core/result.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import type { GroupsKey } from "../messages.ts";
import { lockOpenMeeting } from "../meetings/commands.ts";
import { samePerson, lockGroup } from "./commands.ts";
import { villageOfTambon } from "../shared/queries.ts";
import { recordCommand } from "../shared/commands.ts";
import { tambonWhere, tambonRows } from "../../../core/db/tambon-row.ts";

const nominationSchema = z.object({
  groupId: fields.int(1, 2 ** 31 - 1),
  name: fields.text(200),
  villageId: fields.optionalInt(1, 2 ** 31 - 1),
  pillar: fields.optionalText(200),
  position: fields.optionalChoice(POSITIONS, "member"),
});

/**
 * A village assembly nominates a person to a group; a later resolution approves or rejects it.
 * A person already nominated to the group and awaiting a resolution is not nominated again.
 */
export async function nominate(
  db: Db,
  actor: Actor,
  tambonId: number,
  meetingId: number,
  body: Record<string, string>,
): Promise<Result<NominationRow, GroupsKey | CoreKey>> {
  if (!can(actor, "nomination.manage", { tambonId })) return refused();
  const parsed = parseForm(nominationSchema, body);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const position = v.position;
  return db.transaction(async (tx) => {
    const lock = await lockOpenMeeting(tx, tambonId, meetingId);
    if (!lock.ok) return lock;
    const meeting = lock.value;
    if (meeting.kind !== "village_assembly") return fail("_form", "nom.onlyAssembly");
    const [group] = await tx
      .select({ id: workGroups.id })
      .from(workGroups)
      .where(tambonWhere(workGroups, tambonId, { id: v.groupId }));
    if (!group) return fail("groupId", "err.group");
    if (!(await villageOfTambon(tx, tambonId, v.villageId)))
      return fail("villageId", "err.noVillage");
    const match = await findMemberByName(tx, tambonId, nameKey(v.name), v.villageId);
    await lockGroup(tx, tambonId, v.groupId);
    const open = await tambonRows(tx, nominations, tambonId, {
      groupId: v.groupId,
      status: "proposed",
    });
    const person = { userId: match?.userId ?? null, name: v.name };
    if (open.some((n) => samePerson(n, person)))
      return fail("name", "err.alreadyNominated", { name: v.name });
    const [row] = await tx
      .insert(nominations)
      .values({
        tambonId,
        groupId: v.groupId,
        meetingId,
        userId: match?.userId ?? null,
        name: v.name,
        villageId: v.villageId ?? match?.villageId ?? null,
        pillar: v.pillar,
        position,
      })
      .returning();
    await auditBy(tx, actor, tambonId, {
      action: "nomination.create",
      targetType: "nomination",
      targetId: row!.id,
      after: { meetingId, groupId: v.groupId, name: row!.name, userId: row!.userId, position },
    });
    return { ok: true as const, value: row! };
  });
}

/** Withdraws a nomination still awaiting its resolution. */
export const withdrawNomination = recordCommand(
  "nomination.manage",
  nominations,
  async (tx, { actor, tambonId }, n) => {
    if (n.status !== "proposed") return fail("_form", "err.nomination");
    const [row] = await tx
      .update(nominations)
      .set({ status: "withdrawn" })
      .where(tambonWhere(nominations, tambonId, { id: n.id }))
      .returning();
    await auditBy(tx, actor, tambonId, {
      action: "nomination.withdraw",
      targetType: "nomination",
      targetId: n.id,
      before: { status: n.status },
      after: { status: "withdrawn" },
    });
    return { ok: true as const, value: row! };
  },
);
