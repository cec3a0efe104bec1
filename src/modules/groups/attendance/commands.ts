import { and, asc, count, eq, gte, inArray, isNull, lte, or } from "drizzle-orm";
import type { Db, DbOrTx } from "../../../core/db/index.ts";
import { audit } from "../../../core/audit.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { auditLog, tambonMembers, users, villages } from "../../../core/db/schema.ts";
import { attendances, meetings, villageRepTerms } from "../schema.ts";
import {
  bangkokDay,
  isAttendeeRole,
  nameKey,
  namesFromList,
  type AttendeeRole,
} from "../meetings/meeting.ts";
import { findMemberByName } from "../shared/queries.ts";
import { type AttendanceRow } from "./queries.ts";
import { type MeetingRow } from "../meetings/queries.ts";
import { addArrivals } from "./quorum.ts";
import { fail, missing, refused, type Result } from "../../../core/result.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import type { GroupsKey } from "../messages.ts";
import { lockMeeting, refreshQuorum } from "../meetings/commands.ts";
import { parseId } from "../../../core/params.ts";

/** One person to record: a member (user id) or a name with village and role. */
export interface AttendeeInput {
  userId?: number | null;
  name?: string;
  villageId: number | null;
  role: AttendeeRole | null;
}

/** What a recording did. */
export interface Recorded {
  meeting: MeetingRow;
  added: AttendanceRow[];
  duplicates: string[];
}

const MAX_NAME = 200;

/**
 * Inserts attendees into a locked, open meeting: names are matched to tambon members, a person
 * already signed in is skipped (and reported), and the quorum stored with the meeting is brought
 * up to date (by adding the arrivals to it, or by counting it afresh when the rule changed).
 */
async function insertAttendees(
  tx: DbOrTx,
  tambonId: number,
  meeting: MeetingRow,
  people: AttendeeInput[],
  recordedBy: number | null,
  selfSigned: boolean,
): Promise<Recorded> {
  const day = bangkokDay(meeting.startsAt);

  // Resolve every input to a user (when there is one) with the name on record.
  const resolved: {
    userId: number | null;
    name: string;
    villageId: number | null;
    role: AttendeeRole | null;
  }[] = [];
  const idsGiven = people.filter((p) => p.userId).map((p) => p.userId!);
  const known = idsGiven.length
    ? await tx
        .select({ id: users.id, name: users.name, villageId: tambonMembers.villageId })
        .from(users)
        .innerJoin(
          tambonMembers,
          and(eq(tambonMembers.userId, users.id), eq(tambonMembers.tambonId, tambonId)),
        )
        .where(inArray(users.id, idsGiven))
    : [];
  const knownById = new Map(known.map((k) => [k.id, k]));
  for (const p of people) {
    if (p.userId) {
      const k = knownById.get(p.userId);
      if (!k) continue; // not a member of this tambon
      resolved.push({
        userId: k.id,
        name: k.name,
        villageId: p.villageId ?? k.villageId,
        role: p.role,
      });
      continue;
    }
    const name = (p.name ?? "").replace(/\s+/g, " ").trim().slice(0, MAX_NAME);
    if (!name) continue;
    const match = await findMemberByName(tx, tambonId, nameKey(name), p.villageId);
    resolved.push({
      userId: match?.userId ?? null,
      name,
      villageId: p.villageId ?? match?.villageId ?? null,
      role: p.role,
    });
  }

  // The terms of these people on the meeting day (earliest first, as the quorum rule counts them).
  const userIds = [...new Set(resolved.filter((r) => r.userId).map((r) => r.userId!))];
  const terms = userIds.length
    ? await tx
        .select({ userId: villageRepTerms.userId, villageId: villageRepTerms.villageId })
        .from(villageRepTerms)
        .where(
          and(
            eq(villageRepTerms.tambonId, tambonId),
            inArray(villageRepTerms.userId, userIds),
            lte(villageRepTerms.startOn, day),
            or(isNull(villageRepTerms.endOn), gte(villageRepTerms.endOn, day)),
          ),
        )
        .orderBy(asc(villageRepTerms.startOn))
    : [];
  const termVillage = new Map<number, number>();
  for (const t of terms) if (!termVillage.has(t.userId)) termVillage.set(t.userId, t.villageId);

  // People with an account are kept unique by the database (a second sign-in inserts nothing);
  // people without one are looked up by name and village.
  const keys = [...new Set(resolved.filter((r) => !r.userId).map((r) => nameKey(r.name)))];
  const existing = keys.length
    ? await tx
        .select({
          userId: attendances.userId,
          nameKey: attendances.nameKey,
          villageId: attendances.villageId,
        })
        .from(attendances)
        .where(
          and(
            eq(attendances.tambonId, tambonId),
            eq(attendances.meetingId, meeting.id),
            isNull(attendances.userId),
            inArray(attendances.nameKey, keys),
          ),
        )
    : [];
  const seenUsers = new Set<number>();
  const seenNames = new Set(existing.map((e) => `${e.villageId}|${e.nameKey}`));
  const rows: (typeof attendances.$inferInsert)[] = [];
  const duplicates: string[] = [];
  for (const r of resolved) {
    const village = r.userId ? (termVillage.get(r.userId) ?? r.villageId) : r.villageId;
    const key = `${village}|${nameKey(r.name)}`;
    if (r.userId ? seenUsers.has(r.userId) : seenNames.has(key)) {
      duplicates.push(r.name);
      continue;
    }
    if (r.userId) seenUsers.add(r.userId);
    else seenNames.add(key);
    const role: AttendeeRole =
      r.role ?? (r.userId && termVillage.has(r.userId) ? "village_rep" : "resident");
    rows.push({
      tambonId,
      meetingId: meeting.id,
      userId: r.userId,
      name: r.name,
      nameKey: nameKey(r.name),
      villageId: village,
      role,
      selfSigned,
      recordedBy,
    });
  }
  const added = rows.length
    ? await tx.insert(attendances).values(rows).onConflictDoNothing().returning()
    : [];
  const addedUsers = new Set(added.map((a) => a.userId));
  for (const r of rows) if (r.userId && !addedUsers.has(r.userId)) duplicates.push(r.name);
  let fresh = meeting;
  if (added.length && meeting.quorumMinPerVillage !== null) {
    const q = meeting.quorum;
    if (q && q.onDate === day && q.minPerVillage === meeting.quorumMinPerVillage) {
      // Only the arrivals change the count: add them to it (each person in one village).
      const scope = new Set(q.villages.map((v) => v.villageId));
      const firstInScope = new Map<number, number>();
      for (const t of terms)
        if (scope.has(t.villageId) && !firstInScope.has(t.userId))
          firstInScope.set(t.userId, t.villageId);
      const arrivals = added
        .filter((a) => a.userId !== null && firstInScope.has(a.userId))
        .map((a) => ({ userId: a.userId!, villageId: firstInScope.get(a.userId!)! }));
      const quorum = addArrivals(q, arrivals);
      [fresh] = (await tx
        .update(meetings)
        .set({ quorum, quorumMet: quorum.met, updatedAt: new Date() })
        .where(and(eq(meetings.id, meeting.id), eq(meetings.tambonId, tambonId)))
        .returning()) as [MeetingRow];
    } else {
      fresh = await refreshQuorum(tx, meeting);
    }
  }
  return { meeting: fresh, added, duplicates };
}

/** Checks the meeting can take attendance (exists, not cancelled, minutes not confirmed). */
function closedReason(
  meeting: MeetingRow | undefined,
): Result<Recorded, GroupsKey | CoreKey> | null {
  if (!meeting) return missing();
  if (meeting.minutesConfirmedAt) return fail("_form", "err.locked");
  if (meeting.status === "cancelled") return fail("_form", "err.cancelled");
  return null;
}

async function villageOk(tx: DbOrTx, tambonId: number, villageId: number | null): Promise<boolean> {
  if (villageId === null) return true;
  const [v] = await tx
    .select({ id: villages.id })
    .from(villages)
    .where(and(eq(villages.tambonId, tambonId), eq(villages.id, villageId)));
  return !!v;
}

const toId = (s: string | undefined): number | null => parseId(s);

/** Records one person (the facilitator's fast form): name, village and role. */
export async function recordAttendance(
  db: Db,
  actor: Actor,
  tambonId: number,
  meetingId: number,
  body: Record<string, string>,
): Promise<Result<Recorded, GroupsKey | CoreKey>> {
  if (!can(actor, "attendance.record", { tambonId })) return refused();
  const name = (body.name ?? "").trim();
  if (!name) return fail("name", "err.required");
  if (name.length > MAX_NAME) return fail("name", "err.tooLong", { max: MAX_NAME });
  const role = body.role ? body.role : null;
  if (role !== null && !isAttendeeRole(role)) return fail("role", "err.choice");
  const villageId = toId(body.villageId);
  return db.transaction(async (tx) => {
    const meeting = await lockMeeting(tx, tambonId, meetingId);
    const closed = closedReason(meeting);
    if (closed) return closed;
    if (!(await villageOk(tx, tambonId, villageId))) return fail("villageId", "err.noVillage");
    const result = await insertAttendees(
      tx,
      tambonId,
      meeting!,
      [{ name, villageId, role }],
      actor.user?.id ?? null,
      false,
    );
    if (!result.added.length) return fail("name", "err.duplicate", { name });
    const a = result.added[0]!;
    await audit(tx, {
      tambonId,
      actorId: actor.user?.id ?? null,
      action: "attendance.record",
      targetType: "meeting",
      targetId: meetingId,
      after: {
        attendanceId: a.id,
        name: a.name,
        villageId: a.villageId,
        role: a.role,
        userId: a.userId,
      },
    });
    return { ok: true as const, value: result };
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
): Promise<Result<Recorded, GroupsKey | CoreKey>> {
  if (!can(actor, "attendance.record", { tambonId })) return refused();
  const ids = [...new Set(userIds.map(toId).filter((n): n is number => n !== null))];
  if (!ids.length) return fail("people", "err.pickSomeone");
  return db.transaction(async (tx) => {
    const meeting = await lockMeeting(tx, tambonId, meetingId);
    const closed = closedReason(meeting);
    if (closed) return closed;
    if (!(await villageOk(tx, tambonId, villageId))) return fail("villageId", "err.noVillage");
    const result = await insertAttendees(
      tx,
      tambonId,
      meeting!,
      ids.map((userId) => ({ userId, villageId, role: "village_rep" as const })),
      actor.user?.id ?? null,
      false,
    );
    await audit(tx, {
      tambonId,
      actorId: actor.user?.id ?? null,
      action: "attendance.sheet",
      targetType: "meeting",
      targetId: meetingId,
      after: {
        villageId,
        added: result.added.map((a) => a.userId),
        duplicates: result.duplicates.length,
      },
    });
    return { ok: true as const, value: result };
  });
}

/** Records a pasted list of names (one per line) of one village, in one role. */
export async function recordBulk(
  db: Db,
  actor: Actor,
  tambonId: number,
  meetingId: number,
  body: Record<string, string>,
): Promise<Result<Recorded, GroupsKey | CoreKey>> {
  if (!can(actor, "attendance.record", { tambonId })) return refused();
  const names = namesFromList(body.names ?? "").slice(0, 500);
  if (!names.length) return fail("names", "err.nameNeeded");
  if (names.some((n) => n.length > MAX_NAME))
    return fail("names", "err.tooLong", { max: MAX_NAME });
  const role = body.role ? body.role : null;
  if (role !== null && !isAttendeeRole(role)) return fail("role", "err.choice");
  const villageId = toId(body.villageId);
  return db.transaction(async (tx) => {
    const meeting = await lockMeeting(tx, tambonId, meetingId);
    const closed = closedReason(meeting);
    if (closed) return closed;
    if (!(await villageOk(tx, tambonId, villageId))) return fail("villageId", "err.noVillage");
    const result = await insertAttendees(
      tx,
      tambonId,
      meeting!,
      names.map((name) => ({ name, villageId, role })),
      actor.user?.id ?? null,
      false,
    );
    await audit(tx, {
      tambonId,
      actorId: actor.user?.id ?? null,
      action: "attendance.bulk",
      targetType: "meeting",
      targetId: meetingId,
      after: { villageId, added: result.added.length, duplicates: result.duplicates.length },
    });
    return { ok: true as const, value: result };
  });
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
): Promise<Result<Recorded, GroupsKey | CoreKey>> {
  if (!actor.user || !can(actor, "attendance.self", { tambonId })) return refused();
  const userId = actor.user.id;
  return db.transaction(async (tx) => {
    const meeting = await lockMeeting(tx, tambonId, meetingId);
    const closed = closedReason(meeting);
    if (closed) return closed;
    if (bangkokDay(meeting!.startsAt) !== bangkokDay(now)) return fail("code", "err.notToday");
    const [tries] = await tx
      .select({ n: count() })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.tambonId, tambonId),
          eq(auditLog.actorId, userId),
          eq(auditLog.action, WRONG_CODE),
          eq(auditLog.targetType, "meeting"),
          eq(auditLog.targetId, String(meetingId)),
        ),
      );
    const failures = Number(tries?.n ?? 0);
    if (failures >= MAX_CODE_FAILURES)
      return fail("code", "err.codeLocked", { max: MAX_CODE_FAILURES });
    if (code.replace(/\s/g, "") !== meeting!.signinCode) {
      await audit(tx, {
        tambonId,
        actorId: userId,
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
      meeting!,
      [{ userId, villageId: null, role: null }],
      userId,
      true,
    );
    if (!result.added.length) return { ok: true as const, value: result };
    await audit(tx, {
      tambonId,
      actorId: userId,
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
export async function removeAttendance(
  db: Db,
  actor: Actor,
  tambonId: number,
  attendanceId: number,
): Promise<Result<Recorded, GroupsKey | CoreKey>> {
  if (!can(actor, "attendance.record", { tambonId })) return refused();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(attendances)
      .where(and(eq(attendances.tambonId, tambonId), eq(attendances.id, attendanceId)));
    if (!row) return missing();
    const meeting = await lockMeeting(tx, tambonId, row.meetingId);
    const closed = closedReason(meeting);
    if (closed) return closed;
    await tx
      .delete(attendances)
      .where(and(eq(attendances.tambonId, tambonId), eq(attendances.id, attendanceId)));
    const fresh = await refreshQuorum(tx, meeting!);
    await audit(tx, {
      tambonId,
      actorId: actor.user?.id ?? null,
      action: "attendance.remove",
      targetType: "meeting",
      targetId: row.meetingId,
      before: { attendanceId, name: row.name, villageId: row.villageId, userId: row.userId },
    });
    return { ok: true as const, value: { meeting: fresh, added: [], duplicates: [] } };
  });
}
