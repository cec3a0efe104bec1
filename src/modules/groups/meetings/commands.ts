import { randomInt } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../../../core/db/index.ts";
import { auditBy } from "../../../core/audit.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { parseIds } from "../../../core/params.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { villages } from "../../../core/db/schema.ts";
import { getArea } from "../../areas/public.ts";
import { meetings, workGroups } from "../schema.ts";
import {
  bangkokInstant,
  defaultStep,
  MEETING_KINDS,
  MEETING_STATUSES,
  takesVillageQuorum,
  type MeetingKind,
  type MeetingStatus,
  type Step,
} from "./meeting.ts";
import { computeQuorum } from "../attendance/queries.ts";
import { type MeetingRow } from "./queries.ts";
import { fail, missing, ok, refused, type Result } from "../../../core/result.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import type { GroupsKey } from "../messages.ts";
import { syncMeetingSearch } from "../search.ts";
import { tellInvitees } from "./notices.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

const TIME = /^([01]\d|2[0-3])[:.]([0-5]\d)$/;

const schema = z.object({
  kind: fields.choice(MEETING_KINDS),
  // Empty means the usual step of the meeting's kind.
  step: z
    .string()
    .optional()
    .transform((s) => (s ?? "").trim())
    .pipe(z.enum(["", "1", "2", "3"], { error: () => "err.choice" })),
  titleTh: fields.text(200),
  titleEn: fields.optionalText(200),
  descriptionTh: fields.optionalText(4000),
  date: fields.date(),
  startTime: fields.text(5),
  endTime: fields.optionalText(5),
  place: fields.optionalText(200),
  organiser: fields.optionalText(200),
  groupId: fields.optionalInt(1, 2 ** 31 - 1),
  areaId: fields.optionalInt(1, 2 ** 31 - 1),
  status: fields.optionalChoice(MEETING_STATUSES, "planned"),
  quorumMinPerVillage: fields.optionalInt(0, 100),
  quorumVillagesPct: fields.optionalInt(1, 100),
});

/** The form of a meeting plus the ids of the invited groups and villages. */
export interface MeetingInput {
  body: Record<string, string>;
  invitedGroupIds: string[];
  invitedVillageIds: string[];
  /** The tambon's minimum of representatives per village, used for a new village assembly. */
  defaultMinPerVillage: number;
}

/** A six-digit code for people to sign themselves in. */
export function newSigninCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/** Recomputes a meeting's quorum from its attendance and stores it with the meeting. */
export async function refreshQuorum(tx: DbOrTx, meeting: MeetingRow): Promise<MeetingRow> {
  const quorum = await computeQuorum(tx, meeting);
  const [row] = await tx
    .update(meetings)
    .set({ quorum, quorumMet: quorum ? quorum.met : null, updatedAt: new Date() })
    .where(tambonWhere(meetings, meeting.tambonId, { id: meeting.id }))
    .returning();
  return row!;
}

/** Reads a meeting of the tambon and locks its row until the transaction ends. */
export async function lockMeeting(
  tx: DbOrTx,
  tambonId: number,
  id: number,
): Promise<MeetingRow | undefined> {
  if (!Number.isInteger(id) || id < 1) return undefined;
  const [row] = await tx
    .select()
    .from(meetings)
    .where(tambonWhere(meetings, tambonId, { id }))
    .for("update");
  return row;
}

/**
 * Locks a meeting whose record may still change (as `lockMeeting`), or says why it may not: not
 * the tambon's (missing), its minutes confirmed (`err.locked`) or, when `notCancelled`, cancelled.
 */
export async function lockOpenMeeting(
  tx: DbOrTx,
  tambonId: number,
  id: number,
  notCancelled = false,
): Promise<Result<MeetingRow, GroupsKey | CoreKey>> {
  const meeting = await lockMeeting(tx, tambonId, id);
  if (!meeting) return missing();
  if (meeting.minutesConfirmedAt) return fail("_form", "err.locked");
  if (notCancelled && meeting.status === "cancelled") return fail("_form", "err.cancelled");
  return ok(meeting);
}

/** Schedules a meeting or changes its details: validate → authorize → write + audit. */
export async function saveMeeting(
  db: Db,
  actor: Actor,
  tambonId: number,
  input: MeetingInput,
  meetingId?: number,
): Promise<Result<MeetingRow, GroupsKey | CoreKey>> {
  if (!can(actor, "meeting.manage", { tambonId })) return refused();
  const parsed = parseForm(schema, input.body);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const kind: MeetingKind = v.kind;
  const step: Step = v.step ? (Number(v.step) as Step) : defaultStep(kind);
  const status: MeetingStatus = v.status;
  if (!TIME.test(v.startTime)) return fail("startTime", "err.time");
  if (v.endTime && !TIME.test(v.endTime)) return fail("endTime", "err.time");
  const startsAt = bangkokInstant(v.date, v.startTime.replace(".", ":"));
  if (Number.isNaN(startsAt.getTime())) return fail("date", "err.date");
  const endsAt = v.endTime ? bangkokInstant(v.date, v.endTime.replace(".", ":")) : null;
  if (endsAt && endsAt < startsAt) return fail("endTime", "err.endTimeBeforeStart");
  const groupIds = parseIds(input.invitedGroupIds);
  const villageIds = parseIds(input.invitedVillageIds);
  if (v.areaId && !(await getArea(db, tambonId, v.areaId))) return fail("areaId", "err.area");
  const minPerVillage = v.quorumMinPerVillage ?? (meetingId ? null : input.defaultMinPerVillage);
  if (takesVillageQuorum(kind) && minPerVillage !== null && minPerVillage < 1)
    return fail("quorumMinPerVillage", "err.quorumMin");

  return db.transaction(async (tx) => {
    const current = meetingId ? await lockMeeting(tx, tambonId, meetingId) : undefined;
    if (meetingId && !current) return missing();
    const ownGroups = (
      await tx
        .select({ id: workGroups.id })
        .from(workGroups)
        .where(eq(workGroups.tambonId, tambonId))
    ).map((g) => g.id);
    const ownVillages = (
      await tx.select({ id: villages.id }).from(villages).where(eq(villages.tambonId, tambonId))
    ).map((g) => g.id);
    if (v.groupId && !ownGroups.includes(v.groupId)) return fail("groupId", "err.group");
    if (groupIds.some((id) => !ownGroups.includes(id))) return fail("invitedGroupIds", "err.group");
    if (villageIds.some((id) => !ownVillages.includes(id)))
      return fail("invitedVillageIds", "err.noVillage");
    const locked = !!current?.minutesConfirmedAt;
    const values = {
      tambonId,
      kind,
      step,
      ...pick(v, "titleTh", "titleEn", "descriptionTh"),
      startsAt: locked ? current!.startsAt : startsAt,
      endsAt: locked ? current!.endsAt : endsAt,
      ...pick(v, "place", "organiser", "groupId", "areaId"),
      invitedGroupIds: groupIds,
      invitedVillageIds: locked ? current!.invitedVillageIds : villageIds,
      status: locked ? "held" : status,
      isPublic: input.body.isPublic === "1",
      quorumMinPerVillage: locked
        ? current!.quorumMinPerVillage
        : (v.quorumMinPerVillage ??
          (!current && takesVillageQuorum(kind) ? input.defaultMinPerVillage : null)),
      quorumVillagesPct: locked ? current!.quorumVillagesPct : (v.quorumVillagesPct ?? 100),
      updatedAt: new Date(),
      signinCode: current ? current.signinCode : newSigninCode(),
      revision: current ? sql`${meetings.revision} + 1` : 0,
    };
    let row: MeetingRow;
    if (current) {
      [row] = (await tx
        .update(meetings)
        .set(values)
        .where(tambonWhere(meetings, tambonId, { id: current.id }))
        .returning()) as [MeetingRow];
    } else {
      [row] = (await tx.insert(meetings).values(values).returning()) as [MeetingRow];
    }
    if (!locked) row = await refreshQuorum(tx, row);
    await auditBy(tx, actor, tambonId, {
      action: current ? "meeting.update" : "meeting.create",
      targetType: "meeting",
      targetId: row.id,
      before: current
        ? {
            ...pick(current, "titleTh", "startsAt", "status", "isPublic"),
          }
        : null,
      after: {
        ...pick(row, "titleTh", "kind", "startsAt", "status", "isPublic"),
      },
    });
    await syncMeetingSearch(tx, tambonId, row.id);
    await tellInvitees(tx, row, current);
    return { ok: true as const, value: row };
  });
}

/**
 * Confirms a meeting's minutes: the quorum is counted a last time and kept, the meeting counts as
 * held, and from now on its minutes, resolutions and attendance cannot change.
 */
export async function confirmMinutes(
  db: Db,
  actor: Actor,
  tambonId: number,
  meetingId: number,
): Promise<Result<MeetingRow, GroupsKey | CoreKey>> {
  if (!can(actor, "minutes.confirm", { tambonId })) return refused();
  return db.transaction(async (tx) => {
    const lock = await lockOpenMeeting(tx, tambonId, meetingId, true);
    if (!lock.ok) return lock;
    const fresh = await refreshQuorum(tx, lock.value);
    const [row] = await tx
      .update(meetings)
      .set({
        minutesConfirmedAt: new Date(),
        minutesConfirmedBy: actor.user?.id ?? null,
        status: "held",
        revision: sql`${meetings.revision} + 1`,
      })
      .where(tambonWhere(meetings, tambonId, { id: meetingId }))
      .returning();
    await auditBy(tx, actor, tambonId, {
      action: "meeting.confirm",
      targetType: "meeting",
      targetId: meetingId,
      after: { quorumMet: fresh.quorumMet },
    });
    await syncMeetingSearch(tx, tambonId, meetingId);
    return { ok: true as const, value: row! };
  });
}
