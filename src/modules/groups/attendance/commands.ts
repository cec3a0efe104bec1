import { count } from "drizzle-orm";
import type { Db } from "../../../core/db/index.ts";
import { auditBy } from "../../../core/audit.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { auditLog } from "../../../core/db/schema.ts";
import { attendances } from "../schema.ts";
import {
  bangkokDay,
  isAttendeeRole,
  namesFromList,
  type AttendeeRole,
} from "../meetings/meeting.ts";
import { villageOfTambon } from "../shared/queries.ts";
import { meetingRecordCommand } from "../shared/commands.ts";
import { fail, ok, refused, type Result } from "../../../core/result.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import type { GroupsKey } from "../messages.ts";
import { lockOpenMeeting, refreshQuorum } from "../meetings/commands.ts";
import { parseId } from "../../../core/params.ts";
import { insertAttendees, MAX_NAME, type AttendeeInput, type Recorded } from "./insert.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

export type { AttendeeInput, Recorded } from "./insert.ts";

type Outcome = Result<Recorded, GroupsKey | CoreKey>;

/** The role chosen on a form: none (counted from the person's term), a known role, or an error. */
function roleOf(body: Record<string, string>): AttendeeRole | null | undefined {
  const role = body.role ? body.role : null;
  return role === null || isAttendeeRole(role) ? role : undefined;
}

/**
 * Records people of one village (or none) into an open meeting for a facilitator, with the audit
 * row `audited` makes of what was added (or the failure it returns) in the same transaction.
 */
async function recordFor(
  db: Db,
  actor: Actor,
  tambonId: number,
  meetingId: number,
  villageId: number | null,
  people: AttendeeInput[],
  audited: (r: Recorded) => { action: string; after: Record<string, unknown> } | Outcome,
): Promise<Outcome> {
  return db.transaction(async (tx) => {
    const lock = await lockOpenMeeting(tx, tambonId, meetingId, true);
    if (!lock.ok) return lock;
    const meeting = lock.value;
    if (!(await villageOfTambon(tx, tambonId, villageId)))
      return fail("villageId", "err.noVillage");
    const result = await insertAttendees(
      tx,
      tambonId,
      meeting,
      people,
      actor.user?.id ?? null,
      false,
    );
    const entry = audited(result);
    if ("ok" in entry) return entry;
    await auditBy(tx, actor, tambonId, {
      action: entry.action,
      targetType: "meeting",
      targetId: meetingId,
      after: entry.after,
    });
    return ok(result);
  });
}

/** Records one person (the facilitator's fast form): name, village and role. */
export async function recordAttendance(
  db: Db,
  actor: Actor,
  tambonId: number,
  meetingId: number,
  body: Record<string, string>,
): Promise<Outcome> {
  if (!can(actor, "attendance.record", { tambonId })) return refused();
  const name = (body.name ?? "").trim();
  if (!name) return fail("name", "err.required");
  if (name.length > MAX_NAME) return fail("name", "err.tooLong", { max: MAX_NAME });
  const role = roleOf(body);
  if (role === undefined) return fail("role", "err.choice");
  const villageId = parseId(body.villageId);
  return recordFor(db, actor, tambonId, meetingId, villageId, [{ name, villageId, role }], (r) => {
    const a = r.added[0];
    if (!a) return fail("name", "err.duplicate", { name });
    return {
      action: "attendance.record",
      after: {
        attendanceId: a.id,
        ...pick(a, "name", "villageId", "role", "userId"),
      },
    };
  });
}

/** Records the ticked representatives of one village's sign-in sheet. */
export async function recordSheet(
  db: Db,
  actor: Actor,
  tambonId: number,
  meetingId: number,
  villageId: number | null,
  userIds: string[],
): Promise<Outcome> {
  if (!can(actor, "attendance.record", { tambonId })) return refused();
  const ids = [...new Set(userIds.map(parseId).filter((n): n is number => n !== null))];
  if (!ids.length) return fail("people", "err.pickSomeone");
  const people = ids.map((userId) => ({ userId, villageId, role: "village_rep" as const }));
  return recordFor(db, actor, tambonId, meetingId, villageId, people, (r) => ({
    action: "attendance.sheet",
    after: { villageId, added: r.added.map((a) => a.userId), duplicates: r.duplicates.length },
  }));
}

/** Records a pasted list of names (one per line) of one village, in one role. */
export async function recordBulk(
  db: Db,
  actor: Actor,
  tambonId: number,
  meetingId: number,
  body: Record<string, string>,
): Promise<Outcome> {
  if (!can(actor, "attendance.record", { tambonId })) return refused();
  const names = namesFromList(body.names ?? "").slice(0, 500);
  if (!names.length) return fail("names", "err.nameNeeded");
  if (names.some((n) => n.length > MAX_NAME))
    return fail("names", "err.tooLong", { max: MAX_NAME });
  const role = roleOf(body);
  if (role === undefined) return fail("role", "err.choice");
  const villageId = parseId(body.villageId);
  const people = names.map((name) => ({ name, villageId, role }));
  return recordFor(db, actor, tambonId, meetingId, villageId, people, (r) => ({
    action: "attendance.bulk",
    after: { villageId, added: r.added.length, duplicates: r.duplicates.length },
  }));
}

/**
 * A member signs themselves in on their phone with the code announced at the meeting; after
 * MAX_CODE_FAILURES wrong codes for a meeting (kept in the audit log) they are refused.
 */
export async function selfSignIn(
  db: Db,
  actor: Actor,
  tambonId: number,
  meetingId: number,
  code: string,
  now = new Date(),
): Promise<Outcome> {
  if (!actor.user || !can(actor, "attendance.self", { tambonId })) return refused();
  const userId = actor.user.id;
  return db.transaction(async (tx) => {
    const lock = await lockOpenMeeting(tx, tambonId, meetingId, true);
    if (!lock.ok) return lock;
    const meeting = lock.value;
    if (bangkokDay(meeting.startsAt) !== bangkokDay(now)) return fail("code", "err.notToday");
    const [tries] = await tx
      .select({ n: count() })
      .from(auditLog)
      .where(
        tambonWhere(auditLog, tambonId, {
          actorId: userId,
          action: WRONG_CODE,
          targetType: "meeting",
          targetId: String(meetingId),
        }),
      );
    const failures = Number(tries?.n ?? 0);
    if (failures >= MAX_CODE_FAILURES)
      return fail("code", "err.codeLocked", { max: MAX_CODE_FAILURES });
    if (code.replace(/\s/g, "") !== meeting.signinCode) {
      await auditBy(tx, actor, tambonId, {
        action: WRONG_CODE,
        targetType: "meeting",
        targetId: meetingId,
      });
      return failures + 1 >= MAX_CODE_FAILURES
        ? fail("code", "err.codeLocked", { max: MAX_CODE_FAILURES })
        : fail("code", "err.code");
    }
    const result = await insertAttendees(
      tx,
      tambonId,
      meeting,
      [{ userId, villageId: null, role: null }],
      userId,
      true,
    );
    if (!result.added.length) return { ok: true as const, value: result };
    await auditBy(tx, actor, tambonId, {
      action: "attendance.self",
      targetType: "meeting",
      targetId: meetingId,
      after: { attendanceId: result.added[0]!.id },
    });
    return { ok: true as const, value: result };
  });
}

/** Wrong sign-in codes a person may enter for one meeting before sign-in by code is closed to them. */
export const MAX_CODE_FAILURES = 10;
const WRONG_CODE = "attendance.self.wrong_code";

/** Removes a row recorded by mistake (until the minutes are confirmed). */
export const removeAttendance = meetingRecordCommand(
  "attendance.record",
  attendances,
  async (tx, { actor, tambonId }, row, meeting): Promise<Outcome> => {
    await tx.delete(attendances).where(tambonWhere(attendances, tambonId, { id: row.id }));
    const fresh = await refreshQuorum(tx, meeting);
    await auditBy(tx, actor, tambonId, {
      action: "attendance.remove",
      targetType: "meeting",
      targetId: row.meetingId,
      before: { attendanceId: row.id, ...pick(row, "name", "villageId", "userId") },
    });
    return { ok: true as const, value: { meeting: fresh, added: [], duplicates: [] } };
  },
  true,
);
