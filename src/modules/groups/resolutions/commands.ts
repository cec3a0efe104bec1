import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../../core/db/index.ts";
import { audit } from "../../../core/audit.ts";
import { fields, parseForm } from "../../../core/forms.ts";
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
import {
  countVotes,
  decideOutcome,
  DECISION_METHODS,
  isVoteChoice,
  type Counts,
  type DecisionMethod,
  type VoteChoice,
} from "./resolution.ts";
import type { ResolutionRow } from "./queries.ts";
import { fail, missing, refused, type Result } from "../../../core/result.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import type { GroupsKey } from "../messages.ts";
import { lockMeeting, refreshQuorum } from "../meetings/commands.ts";
import { groupPeriods, lockGroup, samePerson } from "../groups/commands.ts";
import { overlaps } from "../groups/group.ts";
import { parseId } from "../../../core/params.ts";

/** Link types this module writes itself (a resolution's own effects). */
export const OWN_LINK_TYPES = ["group_membership", "work_group"] as const;

const schema = z.object({
  textTh: fields.text(8000),
  textEn: fields.optionalText(8000),
  method: fields.choice(DECISION_METHODS),
  agendaItemId: fields.optionalInt(1, 2 ** 31 - 1),
  votesFor: fields.optionalInt(0, 1_000_000),
  votesAgainst: fields.optionalInt(0, 1_000_000),
  votesAbstain: fields.optionalInt(0, 1_000_000),
});

/** A resolution form: the fields, the individual votes (attendance id → choice) and the nominations it approves. */
export interface ResolutionInput {
  body: Record<string, string>;
  votes: Record<string, string>;
  approveNominationIds: string[];
}

type Parsed = {
  textTh: string;
  textEn: string;
  method: DecisionMethod;
  agendaItemId: number | null;
  counts: Counts | null;
  votes: Map<number, VoteChoice>;
};

function parseResolution(
  input: ResolutionInput,
  allowIndividual: boolean,
): Result<Parsed, GroupsKey | CoreKey> {
  const parsed = parseForm(schema, input.body);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const votes = new Map<number, VoteChoice>();
  let counts: Counts | null = null;
  if (v.method === "show_of_hands" || (v.method === "individual_votes" && !allowIndividual)) {
    if (v.votesFor === null || v.votesAgainst === null) return fail("votesFor", "err.counts");
    counts = { for: v.votesFor, against: v.votesAgainst, abstain: v.votesAbstain ?? 0 };
  } else if (v.method === "individual_votes") {
    for (const [k, choice] of Object.entries(input.votes)) {
      const id = parseId(k);
      if (id === null || !choice) continue;
      if (!isVoteChoice(choice)) return fail("votes", "err.choice");
      votes.set(id, choice);
    }
    if (!votes.size) return fail("votes", "err.noVotes");
    counts = countVotes([...votes.values()].map((choice) => ({ choice })));
  }
  return {
    ok: true,
    value: {
      textTh: v.textTh,
      textEn: v.textEn,
      method: v.method,
      agendaItemId: v.agendaItemId,
      counts,
      votes,
    },
  };
}

type PeriodOf = { userId: number | null; name: string; startOn: string; endOn: string | null };

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
    const meeting = await lockMeeting(tx, tambonId, meetingId);
    if (!meeting) return missing();
    if (meeting.minutesConfirmedAt) return fail("_form", "err.locked");
    if (meeting.status === "cancelled") return fail("_form", "err.cancelled");
    if (v.agendaItemId) {
      const [item] = await tx
        .select({ id: agendaItems.id })
        .from(agendaItems)
        .where(
          and(
            eq(agendaItems.tambonId, tambonId),
            eq(agendaItems.meetingId, meetingId),
            eq(agendaItems.id, v.agendaItemId),
          ),
        );
      if (!item) return fail("agendaItemId", "err.choice");
    }
    const voters = v.votes.size
      ? await tx
          .select()
          .from(attendances)
          .where(
            and(
              eq(attendances.tambonId, tambonId),
              eq(attendances.meetingId, meetingId),
              inArray(attendances.id, [...v.votes.keys()]),
            ),
          )
      : [];
    if (voters.length !== v.votes.size) return fail("votes", "err.choice");
    const noms = approveIds.length
      ? await tx
          .select()
          .from(nominations)
          .where(
            and(
              eq(nominations.tambonId, tambonId),
              eq(nominations.meetingId, meetingId),
              inArray(nominations.id, approveIds),
            ),
          )
      : [];
    if (noms.length !== approveIds.length || noms.some((n) => n.status !== "proposed"))
      return fail("approve", "err.nomination");
    const fresh = await refreshQuorum(tx, meeting);
    const outcome = decideOutcome(v.method, v.counts);
    const quorumRequired = meeting.quorumMinPerVillage !== null;
    if (noms.length && outcome === "adopted" && quorumRequired && !fresh.quorumMet)
      return fail("approve", "err.noQuorum");

    const [max] = await tx
      .select({ n: sql<number>`coalesce(max(${resolutions.number}), 0)` })
      .from(resolutions)
      .where(and(eq(resolutions.tambonId, tambonId), eq(resolutions.meetingId, meetingId)));
    const [row] = await tx
      .insert(resolutions)
      .values({
        tambonId,
        meetingId,
        agendaItemId: v.agendaItemId,
        number: Number(max?.n ?? 0) + 1,
        textTh: v.textTh,
        textEn: v.textEn,
        method: v.method,
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
    const joined: number[] = [];
    const alreadyMembers: string[] = [];
    if (noms.length) {
      const day = bangkokDay(meeting.startsAt);
      const joining: typeof noms = [];
      if (outcome === "adopted") {
        for (const groupId of [...new Set(noms.map((n) => n.groupId))]) {
          await lockGroup(tx, tambonId, groupId);
          const periods: PeriodOf[] = await groupPeriods(tx, tambonId, groupId);
          for (const n of noms.filter((x) => x.groupId === groupId)) {
            const taken = periods.some(
              (h) => samePerson(h, n) && overlaps(h, { startOn: day, endOn: null }),
            );
            if (taken) alreadyMembers.push(n.name);
            else {
              joining.push(n);
              periods.push({ userId: n.userId, name: n.name, startOn: day, endOn: null });
            }
          }
        }
      }
      if (joining.length) {
        const members = await tx
          .insert(groupMemberships)
          .values(
            joining.map((n) => ({
              tambonId,
              groupId: n.groupId,
              userId: n.userId,
              name: n.name,
              villageId: n.villageId,
              pillar: n.pillar,
              position: n.position,
              startOn: day,
              resolutionId: res.id,
            })),
          )
          .returning({ id: groupMemberships.id, groupId: groupMemberships.groupId });
        joined.push(...members.map((m) => m.id));
        const groupIds = [...new Set(members.map((m) => m.groupId))];
        await tx.insert(resolutionLinks).values([
          ...members.map((m) => ({
            tambonId,
            resolutionId: res.id,
            targetType: "group_membership",
            targetId: m.id,
          })),
          ...groupIds.map((g) => ({
            tambonId,
            resolutionId: res.id,
            targetType: "work_group",
            targetId: g,
          })),
        ]);
      }
      await tx
        .update(nominations)
        .set({ status: outcome === "adopted" ? "approved" : "rejected", resolutionId: res.id })
        .where(and(eq(nominations.tambonId, tambonId), inArray(nominations.id, approveIds)));
    }
    await audit(tx, {
      tambonId,
      actorId: actor.user?.id ?? null,
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
export async function deleteResolution(
  db: Db,
  actor: Actor,
  tambonId: number,
  resolutionId: number,
): Promise<Result<ResolutionRow, GroupsKey | CoreKey>> {
  if (!can(actor, "resolution.record", { tambonId })) return refused();
  return db.transaction(async (tx) => {
    const [res] = await tx
      .select()
      .from(resolutions)
      .where(and(eq(resolutions.tambonId, tambonId), eq(resolutions.id, resolutionId)));
    if (!res) return missing();
    const meeting = await lockMeeting(tx, tambonId, res.meetingId);
    if (!meeting) return missing();
    if (meeting.minutesConfirmedAt) return fail("_form", "err.locked");
    const [foreign] = await tx
      .select({ id: resolutionLinks.id })
      .from(resolutionLinks)
      .where(
        and(
          eq(resolutionLinks.tambonId, tambonId),
          eq(resolutionLinks.resolutionId, resolutionId),
          notInArray(resolutionLinks.targetType, [...OWN_LINK_TYPES]),
        ),
      )
      .limit(1);
    const [correction] = await tx
      .select({ id: resolutions.id })
      .from(resolutions)
      .where(and(eq(resolutions.tambonId, tambonId), eq(resolutions.correctsId, resolutionId)))
      .limit(1);
    if (foreign || correction) return fail("_form", "err.linked");
    const removed = await tx
      .delete(groupMemberships)
      .where(
        and(
          eq(groupMemberships.tambonId, tambonId),
          eq(groupMemberships.resolutionId, resolutionId),
        ),
      )
      .returning({ id: groupMemberships.id });
    await tx
      .update(nominations)
      .set({ status: "proposed", resolutionId: null })
      .where(and(eq(nominations.tambonId, tambonId), eq(nominations.resolutionId, resolutionId)));
    await tx
      .delete(resolutions)
      .where(and(eq(resolutions.tambonId, tambonId), eq(resolutions.id, resolutionId)));
    await audit(tx, {
      tambonId,
      actorId: actor.user?.id ?? null,
      action: "resolution.delete",
      targetType: "resolution",
      targetId: resolutionId,
      before: {
        meetingId: res.meetingId,
        number: res.number,
        textTh: res.textTh,
        memberships: removed.map((r) => r.id),
      },
    });
    return { ok: true as const, value: res };
  });
}

/**
 * Records a correction of a resolution as a new row linked to it (the original never changes).
 * The correction keeps the original's meeting, number and quorum; only the latest may be corrected.
 */
export async function correctResolution(
  db: Db,
  actor: Actor,
  tambonId: number,
  resolutionId: number,
  input: ResolutionInput,
): Promise<Result<ResolutionRow, GroupsKey | CoreKey>> {
  if (!can(actor, "resolution.record", { tambonId })) return refused();
  const reason = (input.body.correctionReason ?? "").trim();
  if (!reason) return fail("correctionReason", "err.required");
  if (reason.length > 2000) return fail("correctionReason", "err.tooLong", { max: 2000 });
  const p = parseResolution(input, false);
  if (!p.ok) return p;
  const v = p.value;
  return db.transaction(async (tx) => {
    const [orig] = await tx
      .select()
      .from(resolutions)
      .where(and(eq(resolutions.tambonId, tambonId), eq(resolutions.id, resolutionId)));
    if (!orig) return missing();
    await lockMeeting(tx, tambonId, orig.meetingId);
    const [later] = await tx
      .select({ id: resolutions.id })
      .from(resolutions)
      .where(and(eq(resolutions.tambonId, tambonId), eq(resolutions.correctsId, resolutionId)))
      .limit(1);
    if (later) return fail("_form", "err.alreadyCorrected");
    const [row] = await tx
      .insert(resolutions)
      .values({
        tambonId,
        meetingId: orig.meetingId,
        agendaItemId: orig.agendaItemId,
        number: orig.number,
        textTh: v.textTh,
        textEn: v.textEn,
        method: v.method,
        votesFor: v.counts?.for ?? null,
        votesAgainst: v.counts?.against ?? null,
        votesAbstain: v.counts?.abstain ?? null,
        outcome: decideOutcome(v.method, v.counts),
        quorumMet: orig.quorumMet,
        quorum: orig.quorum,
        correctsId: orig.id,
        correctionReason: reason,
        recordedBy: actor.user?.id ?? null,
      })
      .returning();
    await audit(tx, {
      tambonId,
      actorId: actor.user?.id ?? null,
      action: "resolution.correct",
      targetType: "resolution",
      targetId: row!.id,
      before: { id: orig.id, textTh: orig.textTh, method: orig.method, outcome: orig.outcome },
      after: {
        correctsId: orig.id,
        textTh: row!.textTh,
        method: row!.method,
        outcome: row!.outcome,
        reason,
      },
    });
    return { ok: true as const, value: row! };
  });
}
