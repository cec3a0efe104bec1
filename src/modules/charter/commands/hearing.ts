import { and, asc, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "../../../core/db/index.ts";
import { audit } from "../../../core/audit.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { listMeetings, type MeetingSummary } from "../../groups/public.ts";
import { charterHearingMeetings } from "../schema.ts";
import { getEdition, toId } from "../queries.ts";
import { fail, missing, ok, refused } from "../../../core/result.ts";
import type { CharterResult } from "../messages.ts";

/** The meetings of an edition's public hearing, oldest first. */
export async function hearingMeetingsOf(
  db: DbOrTx,
  tambonId: number,
  editionId: number,
): Promise<MeetingSummary[]> {
  const rows = await db
    .select({ meetingId: charterHearingMeetings.meetingId })
    .from(charterHearingMeetings)
    .where(
      and(
        eq(charterHearingMeetings.tambonId, tambonId),
        eq(charterHearingMeetings.editionId, editionId),
      ),
    )
    .orderBy(asc(charterHearingMeetings.id));
  const meetings = await listMeetings(db, tambonId, { ids: rows.map((r) => r.meetingId) });
  return meetings.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id - b.id);
}

/** The tambon's meetings to choose from: public hearings first, then the others, newest first. */
export async function meetingChoices(db: DbOrTx, tambonId: number): Promise<MeetingSummary[]> {
  const all = await listMeetings(db, tambonId, { limit: 300 });
  return [
    ...all.filter((m) => m.kind === "public_hearing"),
    ...all.filter((m) => m.kind !== "public_hearing"),
  ];
}

/** Adds a meeting of the tambon (a public hearing or any other) to an edition's hearing. */
export async function addHearingMeeting(
  db: Db,
  actor: Actor,
  tambonId: number,
  editionId: number,
  meetingInput: string,
): Promise<CharterResult<number>> {
  const found = await getEdition(db, tambonId, editionId);
  if (!found) return missing();
  if (!can(actor, "charter.manage", { tambonId })) return refused();
  const meetingId = toId(meetingInput);
  const [meeting] = meetingId ? await listMeetings(db, tambonId, { ids: [meetingId] }) : [];
  if (!meeting) return fail("meeting", "err.meeting");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(charterHearingMeetings)
      .values({ tambonId, editionId, meetingId, createdBy: actor.user?.id ?? null })
      .onConflictDoNothing()
      .returning({ id: charterHearingMeetings.id });
    if (!row) return fail("meeting", "err.meetingAlready");
    await audit(tx, {
      tambonId,
      actorId: actor.user?.id ?? null,
      action: "charter.hearing.meeting.add",
      targetType: "charter_edition",
      targetId: editionId,
      after: { meetingId, kind: meeting.kind, day: meeting.day },
    });
    return ok(meetingId);
  });
}

/** Removes a meeting from an edition's hearing (the meeting itself stays). */
export async function removeHearingMeeting(
  db: Db,
  actor: Actor,
  tambonId: number,
  editionId: number,
  meetingInput: string,
): Promise<CharterResult<number>> {
  const found = await getEdition(db, tambonId, editionId);
  if (!found) return missing();
  if (!can(actor, "charter.manage", { tambonId })) return refused();
  const meetingId = toId(meetingInput);
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(charterHearingMeetings)
      .where(
        and(
          eq(charterHearingMeetings.tambonId, tambonId),
          eq(charterHearingMeetings.editionId, editionId),
          eq(charterHearingMeetings.meetingId, meetingId),
        ),
      )
      .returning({ id: charterHearingMeetings.id });
    if (!removed.length) return fail("meeting", "err.meeting");
    await audit(tx, {
      tambonId,
      actorId: actor.user?.id ?? null,
      action: "charter.hearing.meeting.remove",
      targetType: "charter_edition",
      targetId: editionId,
      before: { meetingId },
    });
    return ok(meetingId);
  });
}
