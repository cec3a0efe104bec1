import { notInArray } from "drizzle-orm";
import type { Db } from "../../../core/db/index.ts";
import { auditBy } from "../../../core/audit.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import {
  agendaItems,
  attendances,
  groupMemberships,
  nominations,
  resolutionLinks,
  resolutions,
  resolutionVotes,
} from "../schema.ts";
import { bangkokDay } from "../meetings/meeting.ts";
import { decideOutcome } from "./resolution.ts";
import type { ResolutionRow } from "./queries.ts";
import { fail, refused, type Result } from "../../../core/result.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import type { GroupsKey } from "../messages.ts";
import { lockOpenMeeting, refreshQuorum } from "../meetings/commands.ts";
import { settleNominations } from "./nominees.ts";
import { meetingRecordCommand } from "../shared/commands.ts";
import { parseResolution, type ResolutionInput } from "./resolution-form.ts";
import { correctionOf } from "./correction.ts";
import { tambonWhere, anyOf, lastNumber } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** Link types this module writes itself (a resolution's own effects). */
export const OWN_LINK_TYPES = ["group_membership", "work_group"] as const;

/** A recorded resolution, with the approved nominees who were already members and not added again. */
export type RecordedResolution = ResolutionRow & { alreadyMembers: string[] };

/**
 * Records a resolution of a meeting with how it was decided and whether the quorum held. When it
 * approves nominations and is adopted, the nominees join their group from the day of the meeting
 * (a quorum is required when the meeting has a quorum rule); a nominee whose period in the group
 * would overlap one they already have is not added again. When rejected, the nominations are.
 */
export async function recordResolution(
  db: Db,
  actor: Actor,
  tambonId: number,
  meetingId: number,
  input: ResolutionInput,
): Promise<Result<RecordedResolution, GroupsKey | CoreKey>> {
  if (!can(actor, "resolution.record", { tambonId })) return refused();
  const p = parseResolution(input, true);
  if (!p.ok) return p;
  const v = p.value;
  const approveIds = [...new Set(input.approveNominationIds.map(Number))].filter(
    (n) => Number.isInteger(n) && n > 0 && n < 2 ** 31,
  );
  return db.transaction(async (tx) => {
    const lock = await lockOpenMeeting(tx, tambonId, meetingId, true);
    if (!lock.ok) return lock;
    const meeting = lock.value;
    if (v.agendaItemId) {
      const [item] = await tx
        .select({ id: agendaItems.id })
        .from(agendaItems)
        .where(tambonWhere(agendaItems, tambonId, { meetingId, id: v.agendaItemId }));
      if (!item) return fail("agendaItemId", "err.choice");
    }
    const voters = v.votes.size
      ? await tx
          .select()
          .from(attendances)
          .where(tambonWhere(attendances, tambonId, { meetingId, id: anyOf([...v.votes.keys()]) }))
      : [];
    if (voters.length !== v.votes.size) return fail("votes", "err.choice");
    const noms = approveIds.length
      ? await tx
          .select()
          .from(nominations)
          .where(tambonWhere(nominations, tambonId, { meetingId, id: anyOf(approveIds) }))
      : [];
    if (noms.length !== approveIds.length || noms.some((n) => n.status !== "proposed"))
      return fail("approve", "err.nomination");
    const fresh = await refreshQuorum(tx, meeting);
    const outcome = decideOutcome(v.method, v.counts);
    const quorumRequired = meeting.quorumMinPerVillage !== null;
    if (noms.length && outcome === "adopted" && quorumRequired && !fresh.quorumMet)
      return fail("approve", "err.noQuorum");

    const last = await lastNumber(tx, resolutions, "number", tambonId, { meetingId });
    const [row] = await tx
      .insert(resolutions)
      .values({
        tambonId,
        meetingId,
        agendaItemId: v.agendaItemId,
        number: last + 1,
        ...pick(v, "textTh", "textEn", "method"),
        votesFor: v.counts?.for ?? null,
        votesAgainst: v.counts?.against ?? null,
        votesAbstain: v.counts?.abstain ?? null,
        outcome,
        quorumMet: fresh.quorumMet,
        quorum: fresh.quorum,
        recordedBy: actor.user?.id ?? null,
      })
      .returning();
    const res = row!;
    if (voters.length) {
      await tx.insert(resolutionVotes).values(
        voters.map((a) => ({
          tambonId,
          resolutionId: res.id,
          attendanceId: a.id,
          name: a.name,
          villageId: a.villageId,
          choice: v.votes.get(a.id)!,
        })),
      );
    }
    const { joined, alreadyMembers } = noms.length
      ? await settleNominations(tx, tambonId, res, noms, bangkokDay(meeting.startsAt))
      : { joined: [], alreadyMembers: [] };
    await auditBy(tx, actor, tambonId, {
      action: "resolution.record",
      targetType: "resolution",
      targetId: res.id,
      after: {
        meetingId,
        number: res.number,
        method: res.method,
        outcome,
        counts: v.counts,
        quorumMet: res.quorumMet,
        approvedNominations: outcome === "adopted" ? approveIds : [],
        memberships: joined,
        alreadyMembers,
      },
    });
    return { ok: true as const, value: { ...res, alreadyMembers } };
  });
}

/**
 * Removes a resolution recorded by mistake, before the minutes are confirmed; what it did (members
 * who joined through it) is undone. Refused when another module links to it.
 */
export const deleteResolution = meetingRecordCommand(
  "resolution.record",
  resolutions,
  async (tx, { actor, tambonId }, res) => {
    const [foreign] = await tx
      .select({ id: resolutionLinks.id })
      .from(resolutionLinks)
      .where(
        tambonWhere(
          resolutionLinks,
          tambonId,
          { resolutionId: res.id },
          notInArray(resolutionLinks.targetType, [...OWN_LINK_TYPES]),
        ),
      )
      .limit(1);
    if (foreign || (await correctionOf(tx, tambonId, res.id))) return fail("_form", "err.linked");
    const removed = await tx
      .delete(groupMemberships)
      .where(tambonWhere(groupMemberships, tambonId, { resolutionId: res.id }))
      .returning({ id: groupMemberships.id });
    await tx
      .update(nominations)
      .set({ status: "proposed", resolutionId: null })
      .where(tambonWhere(nominations, tambonId, { resolutionId: res.id }));
    await tx.delete(resolutions).where(tambonWhere(resolutions, tambonId, { id: res.id }));
    await auditBy(tx, actor, tambonId, {
      action: "resolution.delete",
      targetType: "resolution",
      targetId: res.id,
      before: {
        ...pick(res, "meetingId", "number", "textTh"),
        memberships: removed.map((r) => r.id),
      },
    });
    return { ok: true as const, value: res };
  },
);
