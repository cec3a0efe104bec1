import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { auditBy } from "../../../core/audit.ts";
import { listMeetings, type MeetingSummary } from "../../groups/public.ts";
import { charterHearingMeetings } from "../schema.ts";
import { fail, ok } from "../../../core/result.ts";
import type { CharterResult } from "../messages.ts";
import { z } from "zod";
import type { Tx } from "../../../core/db/index.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { charterEditions } from "../schema.ts";
import { isFrozen } from "../edition.ts";
import { todayIso } from "../../../core/dates.ts";
import { lockEdition } from "../drafting/commands.ts";
import { type EditionRow, toId } from "../charters/queries.ts";
import { tellHearingOpened } from "./notices.ts";
import { editionCommand, type EditionCommand } from "../shared/commands.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

const hearingSchema = z.object({
  hearingStartsOn: fields.optionalDate(),
  hearingEndsOn: fields.optionalDate(),
  hearingNote: fields.optionalText(4000),
});

/** Opens the public hearing of a draft (dates and note), or closes it back to drafting. */
export const setHearing = editionCommand(
  "charter.manage",
  async (
    { db, actor, tambonId, editionId, edition: current, charter },
    open: boolean,
    input: Record<string, string>,
  ): Promise<CharterResult<EditionRow>> => {
    if (isFrozen(current.status)) return fail("_form", "err.frozen");
    const parsed = parseForm(hearingSchema, input);
    if (!parsed.ok) return parsed;
    const v = parsed.value;
    if (open && (!v.hearingStartsOn || !v.hearingEndsOn))
      return fail(v.hearingStartsOn ? "hearingEndsOn" : "hearingStartsOn", "err.required");
    if (v.hearingStartsOn && v.hearingEndsOn && v.hearingEndsOn < v.hearingStartsOn)
      return fail("hearingEndsOn", "err.endBeforeStart");
    if (open && v.hearingEndsOn && v.hearingEndsOn < todayIso())
      return fail("hearingEndsOn", "err.hearingEnded");
    return db.transaction(async (tx) => {
      const edition = await lockEdition(tx as Tx, tambonId, editionId);
      if (!edition || isFrozen(edition.status)) return fail("_form", "err.frozen");
      const opening = open && edition.status !== "hearing";
      const next = {
        status: open ? ("hearing" as const) : ("draft" as const),
        hearingStartsOn: v.hearingStartsOn ?? edition.hearingStartsOn,
        hearingEndsOn: v.hearingEndsOn ?? edition.hearingEndsOn,
        hearingNote: v.hearingNote,
      };
      // The edition is locked, so the same form sent twice at once waits for the first and then
      // finds the hearing already as asked: it changes nothing and is not audited again.
      if (
        edition.status === next.status &&
        edition.hearingStartsOn === next.hearingStartsOn &&
        edition.hearingEndsOn === next.hearingEndsOn &&
        edition.hearingNote === next.hearingNote
      )
        return ok(edition);
      const [row] = await tx
        .update(charterEditions)
        .set({
          ...pick(next, "status", "hearingStartsOn", "hearingEndsOn", "hearingNote"),
          hearingVersionId: opening ? edition.currentVersionId : edition.hearingVersionId,
          updatedAt: new Date(),
        })
        .where(eq(charterEditions.id, editionId))
        .returning();
      await auditBy(tx, actor, tambonId, {
        action: open ? "charter.hearing.open" : "charter.hearing.close",
        targetType: "charter_edition",
        targetId: editionId,
        before: { status: edition.status },
        after: { status: row!.status, from: row!.hearingStartsOn, to: row!.hearingEndsOn },
      });
      if (opening && row!.hearingStartsOn && row!.hearingEndsOn)
        await tellHearingOpened(tx, tambonId, charter, row!.hearingStartsOn, row!.hearingEndsOn);
      return ok(row!);
    });
  },
);

/** The meetings of an edition's public hearing, oldest first. */
export async function hearingMeetingsOf(
  db: DbOrTx,
  tambonId: number,
  editionId: number,
): Promise<MeetingSummary[]> {
  const rows = await db
    .select({ meetingId: charterHearingMeetings.meetingId })
    .from(charterHearingMeetings)
    .where(tambonWhere(charterHearingMeetings, tambonId, { editionId }))
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

/** A change of the meetings of an edition's hearing (its managers'), given the meeting as the form sent it. */
function hearingMeetingCommand(
  change: (c: EditionCommand, meetingId: number) => Promise<CharterResult<number>>,
) {
  return editionCommand("charter.manage", (c, meetingInput: string) =>
    change(c, toId(meetingInput)),
  );
}

/** Adds a meeting of the tambon (a public hearing or any other) to an edition's hearing. */
export const addHearingMeeting = hearingMeetingCommand(
  async ({ db, actor, tambonId, editionId }, meetingId) => {
    const [meeting] = meetingId ? await listMeetings(db, tambonId, { ids: [meetingId] }) : [];
    if (!meeting) return fail("meeting", "err.meeting");
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(charterHearingMeetings)
        .values({ tambonId, editionId, meetingId, createdBy: actor.user?.id ?? null })
        .onConflictDoNothing()
        .returning({ id: charterHearingMeetings.id });
      if (!row) return fail("meeting", "err.meetingAlready");
      await auditBy(tx, actor, tambonId, {
        action: "charter.hearing.meeting.add",
        targetType: "charter_edition",
        targetId: editionId,
        after: { meetingId, kind: meeting.kind, day: meeting.day },
      });
      return ok(meetingId);
    });
  },
);

/** Removes a meeting from an edition's hearing (the meeting itself stays). */
export const removeHearingMeeting = hearingMeetingCommand(
  async ({ db, actor, tambonId, editionId }, meetingId) => {
    return db.transaction(async (tx) => {
      const removed = await tx
        .delete(charterHearingMeetings)
        .where(tambonWhere(charterHearingMeetings, tambonId, { editionId, meetingId }))
        .returning({ id: charterHearingMeetings.id });
      if (!removed.length) return fail("meeting", "err.meeting");
      await auditBy(tx, actor, tambonId, {
        action: "charter.hearing.meeting.remove",
        targetType: "charter_edition",
        targetId: editionId,
        before: { meetingId },
      });
      return ok(meetingId);
    });
  },
);
